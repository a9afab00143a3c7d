#pragma once
// Signed-distance-field glyphs baked from a TrueType font (stb_truetype) into one atlas, so labels
// stay sharp at any size and get a halo for free. Covers whatever code points the labels use.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace renderer {

struct Glyph {
    float u0, v0, u1, v1; //!< atlas coordinates
    float x0, y0, x1, y1; //!< quad relative to the pen on the baseline, at bakeSize pixels, y down
    float advance;        //!< pixels at bakeSize
};

class GlyphAtlas {
public:
    //! Bakes every code point in `codepoints` (plus printable ASCII) from the TTF bytes; throws if
    //! the font cannot be read. Code points the font lacks fall back to '?'.
    GlyphAtlas(const std::vector<unsigned char>& ttf, const std::vector<char32_t>& codepoints, float bakeSize = 32.0f);

    const Glyph& glyph(char32_t c) const;
    float bakeSize() const { return _bakeSize; }
    float ascent() const { return _ascent; }
    int width() const { return _width; }
    int height() const { return _height; }
    const std::vector<unsigned char>& pixels() const { return _pixels; }
    //! Width in pixels of UTF-8 `text` at `size` pixels.
    float measure(const std::string& text, float size) const;

private:
    std::map<char32_t, Glyph> _glyphs;
    std::vector<unsigned char> _pixels;
    int _width = 1024, _height = 0;
    float _bakeSize;
    float _ascent = 0;
};

//! Decodes UTF-8 into code points; invalid bytes become U+FFFD.
std::u32string decodeUtf8(const std::string& text);

} // namespace renderer
