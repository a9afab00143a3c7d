#include "renderer/FrameTile.h"

#include <algorithm>

namespace renderer {

std::vector<FrameTile> tilesOf(VkExtent2D frame, uint32_t tileSize) {
    std::vector<FrameTile> tiles;
    if (tileSize == 0) return tiles;
    for (uint32_t y = 0; y < frame.height; y += tileSize)
        for (uint32_t x = 0; x < frame.width; x += tileSize)
            tiles.push_back({frame,
                             {int32_t(x), int32_t(y)},
                             {std::min(tileSize, frame.width - x), std::min(tileSize, frame.height - y)}});
    return tiles;
}

TileCrop cropOf(VkRect2D view, const FrameTile& tile) {
    const int64_t x0 = std::max<int64_t>(view.offset.x, tile.origin.x);
    const int64_t y0 = std::max<int64_t>(view.offset.y, tile.origin.y);
    const int64_t x1 =
        std::min<int64_t>(int64_t(view.offset.x) + view.extent.width, int64_t(tile.origin.x) + tile.size.width);
    const int64_t y1 =
        std::min<int64_t>(int64_t(view.offset.y) + view.extent.height, int64_t(tile.origin.y) + tile.size.height);
    TileCrop c;
    if (x1 <= x0 || y1 <= y0) return c;
    c.visible = true;
    c.viewport = {{int32_t(x0 - tile.origin.x), int32_t(y0 - tile.origin.y)}, {uint32_t(x1 - x0), uint32_t(y1 - y0)}};
    c.inView = {float(x0 - view.offset.x), float(y0 - view.offset.y)};
    // A view pixel p lands at NDC p / size * 2 - 1 in the view, and must land at
    // (p - inView) / part * 2 - 1 in the viewport: a scale and a shift of clip x and y (times w).
    const double w = double(x1 - x0), h = double(y1 - y0);
    const double vw = view.extent.width, vh = view.extent.height;
    c.clip[0][0] = vw / w;
    c.clip[1][1] = vh / h;
    c.clip[3][0] = (vw - 2.0 * double(x0 - view.offset.x)) / w - 1.0;
    c.clip[3][1] = (vh - 2.0 * double(y0 - view.offset.y)) / h - 1.0;
    return c;
}

} // namespace renderer
