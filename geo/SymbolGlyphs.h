#pragma once
// Images of Bulwark's own that stand beside the library's symbols: the characters of a cluster's count
// and nation, and the "unknown symbol" drawn for a code that cannot be drawn. SVG, for librsvg.
#include <string>

namespace geo {

//! Characters a cluster label may use: digits, capital letters (nations), 'k' and '+'.
constexpr const char* kClusterCharacters = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZk+";
constexpr int kGlyphWidth = 20, kGlyphHeight = 30; //!< every character's cell, pixels

//! One character, bold, dark on a white halo, centred in a kGlyphWidth x kGlyphHeight cell.
std::string glyphSvg(char c);

//! A magenta dashed square with a question mark, `size` pixels high: clearly no standard symbol.
std::string unknownSymbolSvg(int size);

//! A cluster's count as it is drawn: up to 4 characters ("7", "128", "12k", "99k+").
std::string clusterCountText(unsigned count);

} // namespace geo
