#include "renderer/TerrainLayer.h"

#include "geo/Ellipsoid.h"
#include "renderer/GpuTypes.h"

#include <algorithm>
#include <cmath>

namespace renderer {

namespace {
constexpr int kMaxLevel = 14;
} // namespace

TerrainLayer::TerrainLayer(const Context& context, const geo::Terrain& terrain, CoverageOf coverage, int gridSize)
    : _context(context), _terrain(terrain), _coverage(std::move(coverage)), _gridSize(gridSize) {
    const std::vector<uint32_t> indices = geo::tileIndices(gridSize);
    _indexCount = static_cast<uint32_t>(indices.size());
    _indices = Buffer(context, BufferDomain::Device, VK_BUFFER_USAGE_INDEX_BUFFER_BIT, indices.size() * sizeof(uint32_t),
                      indices.data());
}

TerrainLayer::Tile* TerrainLayer::acquire(const geo::TileKey& key) {
    if (auto it = _tiles.find(key); it != _tiles.end()) return &it->second;
    if (_budget == 0) {
        _complete = false;
        return nullptr;
    }
    if (_budget > 0) --_budget;
    const geo::TerrainTileMesh mesh = geo::buildTileMesh(_terrain, key, _gridSize);
    Tile tile{Buffer(_context, BufferDomain::Device, VK_BUFFER_USAGE_VERTEX_BUFFER_BIT,
                     mesh.vertices.size() * sizeof(geo::TerrainVertex), mesh.vertices.data()),
              mesh.origin, mesh.origin, mesh.radius, mesh.minHeight, mesh.maxHeight, mesh.heightError,
              mesh.curvatureError, _coverage(geo::tileExtent(key))};
    return &_tiles.emplace(key, std::move(tile)).first->second;
}

bool TerrainLayer::sees(const Tile& tile, const View& view, double exaggeration) const {
    const double top = std::max<double>(tile.maxHeight, 0.0) * exaggeration;
    if (!view.sees(tile.centre - view.eye, tile.radius + top)) return false;
    // Beyond the horizon: farther than the eye can see over a sphere no larger than the Earth's
    // smallest radius, to a point as high as the tile's highest.
    const double r = geo::kWgs84B, eyeRadius = glm::length(view.eye);
    if (eyeRadius <= r) return true;
    const double reach = std::sqrt(eyeRadius * eyeRadius - r * r) + std::sqrt(std::pow(r + top, 2) - r * r);
    return glm::length(tile.centre - view.eye) - tile.radius - top <= reach;
}

TerrainLayer::Selection TerrainLayer::select(const View& view, double exaggeration, int buildBudget,
                                             std::vector<Buffer>& graveyard) {
    ++_frame;
    _budget = buildBudget;
    _complete = true;
    _drawList.clear();
    for (int x = 0; x < 2; ++x) {
        const geo::TileKey root{0, x, 0};
        const int saved = _budget;
        _budget = -1; // the roots are always there: there is never a hole in the globe
        Tile* tile = acquire(root);
        _budget = saved;
        visit(root, *tile, view, exaggeration);
    }
    evict(graveyard);
    // Front to back, so the depth test rejects hidden fragments before they are shaded.
    std::sort(_drawList.begin(), _drawList.end(), [&](const Tile* a, const Tile* b) {
        return glm::length(a->centre - view.eye) < glm::length(b->centre - view.eye);
    });
    Selection s;
    s.tiles = static_cast<uint32_t>(_drawList.size());
    s.triangles = static_cast<uint64_t>(_drawList.size()) * (_indexCount / 3);
    s.complete = _complete;
    return s;
}

void TerrainLayer::visit(const geo::TileKey& key, Tile& tile, const View& view, double exaggeration) {
    if (!sees(tile, view, exaggeration)) return;
    tile.lastUsed = _frame;
    const double sizeDeg = 180.0 / std::ldexp(1.0, key.level);
    const double spacingDeg = sizeDeg / (_gridSize - 1);
    const geo::GeoExtent e = geo::tileExtent(key);
    const double midLon = 0.5 * (e.west + e.east), midLat = 0.5 * (e.south + e.north);
    const double distance =
        std::max(glm::length(tile.centre - view.eye) - tile.radius - tile.maxHeight * exaggeration, 1.0);
    const double geometricError = tile.heightError * exaggeration + tile.curvatureError;
    const double screenError = geometricError / distance * view.pixelsPerRadian;
    const bool detailLeft = spacingDeg > 0.5 * _terrain.finestCellAt(midLon, midLat);
    if (screenError > pixelTolerance && detailLeft && key.level < kMaxLevel) {
        Tile* children[4];
        bool ready = true;
        for (int i = 0; i < 4; ++i) {
            children[i] = acquire(key.child(i));
            ready = ready && children[i];
        }
        if (ready) {
            for (int i = 0; i < 4; ++i) visit(key.child(i), *children[i], view, exaggeration);
            return;
        }
    }
    _drawList.push_back(&tile);
}

void TerrainLayer::evict(std::vector<Buffer>& graveyard) {
    if (_tiles.size() <= maxCachedTiles) return;
    std::vector<std::pair<uint64_t, geo::TileKey>> byAge;
    for (const auto& [key, tile] : _tiles)
        if (key.level > 0 && tile.lastUsed < _frame) byAge.emplace_back(tile.lastUsed, key);
    std::sort(byAge.begin(), byAge.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    const size_t excess = _tiles.size() - maxCachedTiles;
    for (size_t i = 0; i < std::min(excess, byAge.size()); ++i) {
        auto it = _tiles.find(byAge[i].second);
        graveyard.push_back(std::move(it->second.vertices));
        _tiles.erase(it);
    }
}

void TerrainLayer::draw(VkCommandBuffer cmd, VkPipelineLayout layout, VkPipeline flatPipeline, VkPipeline edgePipeline,
                        const glm::dvec3& eye, bool highlight) const {
    vkCmdBindIndexBuffer(cmd, _indices.vk(), 0, VK_INDEX_TYPE_UINT32);
    for (const bool edge : {false, true}) {
        if (edge && !highlight) break;
        vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, edge ? edgePipeline : flatPipeline);
        for (const Tile* tile : _drawList) {
            if (highlight && (tile->coverage == Coverage::Edge) != edge) continue;
            const VkBuffer vb = tile->vertices.vk();
            const VkDeviceSize offset = 0;
            vkCmdBindVertexBuffers(cmd, 0, 1, &vb, &offset);
            const float inside = highlight && tile->coverage == Coverage::Inside ? 1.0f : 0.0f;
            const TilePush push{glm::vec4(glm::vec3(tile->origin - eye), 0.0f), glm::vec4(inside, 0.0f, 0.0f, 0.0f)};
            vkCmdPushConstants(cmd, layout, VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof(push),
                               &push);
            vkCmdDrawIndexed(cmd, _indexCount, 1, 0, 0, 0);
        }
    }
}

} // namespace renderer
