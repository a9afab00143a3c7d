#pragma once
// SVG to pixels with librsvg (the symbol library's drawings): RGBA, 8 bits a channel, top row first.
#include "geo/Result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace geo {

struct RgbaImage {
    int width = 0, height = 0;
    std::vector<std::uint8_t> pixels; //!< width * height * 4
    bool premultiplied = false;       //!< colour already multiplied by alpha (for filtering and blending)
};

//! Renders `svg` at its own size (its width and height attributes, rounded up) onto a transparent
//! image. `premultiplied` false gives straight alpha, as PNG files hold it.
Result<RgbaImage> rasterizeSvg(const std::string& svg, bool premultiplied);

} // namespace geo
