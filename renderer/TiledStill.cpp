#include "renderer/TiledStill.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace renderer {

uint32_t deviceTileSize(const Context& context, uint32_t requested) {
    return std::min(requested, context.properties().limits.maxImageDimension2D);
}

VkExtent2D tileTarget(VkExtent2D frame, uint32_t tileSize) {
    return {std::min(frame.width, tileSize), std::min(frame.height, tileSize)};
}

FrameStats renderTiled(SceneRenderer& renderer, const SceneView& view, VkExtent2D frame, uint32_t tileSize,
                       const RowBand& band) {
    const VkExtent2D target = renderer.extent();
    if (tileSize == 0 || tileTarget(frame, tileSize).width > target.width ||
        tileTarget(frame, tileSize).height > target.height)
        throw std::invalid_argument("renderTiled: the renderer's extent does not hold a tile");
    const size_t rowBytes = size_t(frame.width) * 4;
    std::vector<uint8_t> rows; // one band: the frame's width, a tile's height
    FrameStats total;
    const std::vector<FrameTile> tiles = tilesOf(frame, tileSize);
    for (size_t i = 0; i < tiles.size(); ++i) {
        const FrameTile& tile = tiles[i];
        if (tile.origin.x == 0) rows.assign(rowBytes * tile.size.height, 0);
        FrameStats stats;
        const std::vector<uint8_t> pixels = renderer.renderTile(view, tile, &stats);
        total.tiles = std::max(total.tiles, stats.tiles);
        total.triangles = std::max(total.triangles, stats.triangles);
        total.labels = std::max(total.labels, stats.labels);
        total.lineSegments = std::max(total.lineSegments, stats.lineSegments);
        total.complete = total.complete && stats.complete;
        const size_t tileRowBytes = size_t(tile.size.width) * 4;
        for (uint32_t y = 0; y < tile.size.height; ++y)
            std::memcpy(rows.data() + y * rowBytes + size_t(tile.origin.x) * 4, pixels.data() + y * tileRowBytes,
                        tileRowBytes);
        const bool rowDone = i + 1 == tiles.size() || tiles[i + 1].origin.y != tile.origin.y;
        if (rowDone) band(rows.data(), uint32_t(tile.origin.y), tile.size.height);
    }
    return total;
}

} // namespace renderer
