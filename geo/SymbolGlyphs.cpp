#include "geo/SymbolGlyphs.h"

#include <cstdio>

namespace geo {

std::string glyphSvg(char c) {
    char svg[640];
    std::snprintf(svg, sizeof svg,
                  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\"><text x=\"%d\" y=\"%d\" "
                  "font-family=\"DejaVu Sans\" font-weight=\"bold\" font-size=\"22\" text-anchor=\"middle\" "
                  "fill=\"#111111\" stroke=\"#ffffff\" stroke-width=\"4\" paint-order=\"stroke\">%c</text></svg>",
                  kGlyphWidth, kGlyphHeight, kGlyphWidth / 2, kGlyphHeight - 8, c);
    return svg;
}

std::string unknownSymbolSvg(int size) {
    const int pad = size / 16 + 2;
    char svg[800];
    std::snprintf(svg, sizeof svg,
                  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\"><rect x=\"%d\" y=\"%d\" "
                  "width=\"%d\" height=\"%d\" fill=\"#ffffff\" fill-opacity=\"0.85\" stroke=\"#e000e0\" "
                  "stroke-width=\"%d\" stroke-dasharray=\"%d %d\"/><text x=\"%d\" y=\"%d\" font-family=\"DejaVu Sans\" "
                  "font-weight=\"bold\" font-size=\"%d\" text-anchor=\"middle\" fill=\"#e000e0\">?</text></svg>",
                  size, size, pad, pad, size - 2 * pad, size - 2 * pad, size / 16 + 1, size / 8, size / 16, size / 2,
                  size * 7 / 10, size * 6 / 10);
    return svg;
}

std::string clusterCountText(unsigned count) {
    if (count < 10000) return std::to_string(count);
    if (count < 100000) return std::to_string(count / 1000) + "k";
    return "99k+";
}

} // namespace geo
