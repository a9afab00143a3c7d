#include "renderer/GlyphAtlas.h"
#include "renderer/FontCheck.h"

#include <algorithm>
#include <set>
#include <stb/stb_truetype.h>
#include <stdexcept>

namespace renderer {

std::u32string decodeUtf8(const std::string& text) {
    std::u32string out;
    for (size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        int extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
        if (extra < 0 || i + extra >= text.size()) {
            out.push_back(U'\uFFFD');
            ++i;
            continue;
        }
        char32_t cp = extra == 0 ? c : (c & (0x3F >> extra));
        bool valid = true;
        for (int k = 1; k <= extra; ++k) {
            const unsigned char cc = static_cast<unsigned char>(text[i + k]);
            if ((cc & 0xC0) != 0x80) valid = false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        out.push_back(valid ? cp : U'\uFFFD');
        i += valid ? extra + 1 : 1;
    }
    return out;
}

GlyphAtlas::GlyphAtlas(const std::vector<unsigned char>& ttf, const std::vector<char32_t>& codepoints, float bakeSize)
    : _bakeSize(bakeSize) {
    // stb_truetype follows the file's offsets unchecked: a damaged font must never reach it.
    if (const std::string problem = checkFont(ttf); !problem.empty())
        throw std::runtime_error("the label font: " + problem);
    stbtt_fontinfo font;
    if (!stbtt_InitFont(&font, ttf.data(), stbtt_GetFontOffsetForIndex(ttf.data(), 0)))
        throw std::runtime_error("the label font is not a TrueType font stb_truetype can read");
    const float scale = stbtt_ScaleForPixelHeight(&font, bakeSize);
    int ascent = 0, descent = 0, gap = 0;
    stbtt_GetFontVMetrics(&font, &ascent, &descent, &gap);
    _ascent = ascent * scale;

    std::set<char32_t> wanted(codepoints.begin(), codepoints.end());
    for (char32_t c = 32; c < 127; ++c) wanted.insert(c);
    wanted.insert(U'\u25CF'); // the place marker dot

    constexpr int kPadding = 5;
    constexpr unsigned char kOnEdge = 128;
    const float pixelDistScale = 128.0f / kPadding;
    struct Baked {
        char32_t cp;
        unsigned char* sdf;
        int w, h, xoff, yoff;
        float advance;
    };
    std::vector<Baked> baked;
    for (char32_t cp : wanted) {
        if (stbtt_FindGlyphIndex(&font, static_cast<int>(cp)) == 0 && cp != U'?') continue;
        int adv = 0, lsb = 0;
        stbtt_GetCodepointHMetrics(&font, static_cast<int>(cp), &adv, &lsb);
        Baked b{cp, nullptr, 0, 0, 0, 0, adv * scale};
        b.sdf = stbtt_GetCodepointSDF(&font, scale, static_cast<int>(cp), kPadding, kOnEdge, pixelDistScale, &b.w, &b.h,
                                      &b.xoff, &b.yoff);
        baked.push_back(b);
    }
    // Shelf packing, tallest first.
    std::sort(baked.begin(), baked.end(), [](const Baked& a, const Baked& b) { return a.h > b.h; });
    int x = 0, y = 0, shelf = 0;
    std::vector<std::pair<int, int>> positions;
    for (const Baked& b : baked) {
        if (x + b.w > _width) {
            x = 0;
            y += shelf + 1;
            shelf = 0;
        }
        positions.emplace_back(x, y);
        x += b.w + 1;
        shelf = std::max(shelf, b.h);
    }
    _height = std::max(1, y + shelf + 1);
    _pixels.assign(static_cast<size_t>(_width) * _height, 0);
    for (size_t i = 0; i < baked.size(); ++i) {
        const Baked& b = baked[i];
        const auto [px, py] = positions[i];
        for (int r = 0; r < b.h; ++r)
            std::copy_n(b.sdf + static_cast<size_t>(r) * b.w, b.w, &_pixels[static_cast<size_t>(py + r) * _width + px]);
        Glyph g;
        g.u0 = float(px) / _width;
        g.v0 = float(py) / _height;
        g.u1 = float(px + b.w) / _width;
        g.v1 = float(py + b.h) / _height;
        g.x0 = float(b.xoff);
        g.y0 = float(b.yoff);
        g.x1 = float(b.xoff + b.w);
        g.y1 = float(b.yoff + b.h);
        g.advance = b.advance;
        _glyphs[b.cp] = g;
        if (b.sdf) stbtt_FreeSDF(b.sdf, nullptr);
    }
}

const Glyph& GlyphAtlas::glyph(char32_t c) const {
    if (auto it = _glyphs.find(c); it != _glyphs.end()) return it->second;
    return _glyphs.at(U'?');
}

float GlyphAtlas::measure(const std::string& text, float size) const {
    float w = 0;
    for (char32_t c : decodeUtf8(text)) w += glyph(c).advance;
    return w * size / _bakeSize;
}

} // namespace renderer
