#include "renderer/TerrainLayer.h"

#include "geo/Ellipsoid.h"
#include "geo/SharedRules.h"
#include "renderer/GpuTypes.h"
#include "renderer/Shaders.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace renderer {

namespace {
constexpr int kMaxLevel = 16;
constexpr double kMetresPerDegree = geo::kWgs84A * 3.14159265358979323846 / 180.0;
constexpr VkDeviceSize kLayerBytes = VkDeviceSize(TerrainLayer::kImageSize) * TerrainLayer::kImageSize * 4;
VkVertexInputAttributeDescription attribute(uint32_t location, VkFormat format, uint32_t offset) {
    return {location, 0, format, offset};
}
} // namespace

PipelineDesc TerrainLayer::tilePipeline(std::span<const uint32_t> fragment, VkDescriptorSetLayout layerSet,
                                        bool filtered) {
    PipelineDesc terrain;
    terrain.vertexSpirv = shaders::terrainVert();
    terrain.fragmentSpirv = fragment;
    terrain.bindings = {{0, sizeof(geo::TerrainVertex), VK_VERTEX_INPUT_RATE_VERTEX}};
    terrain.attributes = {attribute(0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(geo::TerrainVertex, position)),
                          attribute(1, VK_FORMAT_R32G32B32_SFLOAT, offsetof(geo::TerrainVertex, up)),
                          attribute(2, VK_FORMAT_R32_SFLOAT, offsetof(geo::TerrainVertex, height)),
                          attribute(3, VK_FORMAT_R32_SFLOAT, offsetof(geo::TerrainVertex, skirt)),
                          attribute(4, VK_FORMAT_R32G32_SFLOAT, offsetof(geo::TerrainVertex, tileUv))};
    terrain.pushConstantBytes = sizeof(TilePush);
    terrain.layerSet = layerSet;
    terrain.fragmentVariant = filtered ? 1 : 0; // filtered, for tiles magnified past their data's detail
    return terrain;
}

std::unique_ptr<Layer> TerrainLayer::make(const LayerSetup& setup) {
    if (!setup.inputs.terrain) throw std::invalid_argument("the terrain layer needs a terrain");
    return std::make_unique<TerrainLayer>(setup);
}

TerrainLayer::TerrainLayer(const LayerSetup& setup, uint32_t maxTiles)
    : _context(setup.context), _terrain(*setup.inputs.terrain),
      _images(setup.context, kImageSize, kImageSize, VK_FORMAT_R8G8B8A8_UNORM,
              VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT, VK_IMAGE_ASPECT_COLOR_BIT, maxTiles),
      _imageSet(setup.context), _retired(setup.frameSlots) {
    const Context& context = setup.context;
    _builder = std::make_unique<TileBuilder>(kGridSize);
    const std::vector<uint32_t> indices = geo::tileIndices(kGridSize);
    _indexCount = static_cast<uint32_t>(indices.size());
    _indices = Buffer(context, BufferDomain::Device, VK_BUFFER_USAGE_INDEX_BUFFER_BIT,
                      indices.size() * sizeof(uint32_t), indices.data());
    _images.upload(nullptr, 0); // every layer ready for sampling
    for (uint32_t layer = maxTiles; layer-- > 0;) _freeLayers.push_back(layer);
    _imageSet.write(0, _images);
    _unfiltered = setup.pipelines.make(tilePipeline(shaders::terrainFrag(), _imageSet.layout(), false));
    _filtered = setup.pipelines.make(tilePipeline(shaders::terrainFrag(), _imageSet.layout(), true));
}

void TerrainLayer::prepare(const FrameContext& frame) {
    _preparing = &frame;
    const Selection s = select(frame.whole, frame.scene.exaggeration, frame.loading, frame.slot);
    _preparing = nullptr;
    recordUploads(frame.cmd, frame.slot);
    frame.stats.tiles = s.tiles;
    frame.stats.triangles = s.triangles;
    frame.stats.complete = s.complete;
    frame.stats.streaming = streaming();
    frame.stats.tilesResident += uint32_t(_tiles.size());
    frame.stats.tilesLoading += _asked;
}

void TerrainLayer::draw(const DrawContext& frame) {
    if (frame.stage != Stage::Surface) return;
    frame.bind(*_unfiltered, _imageSet.set());
    drawTiles(frame.cmd, _unfiltered->layout(), _unfiltered->vk(), _filtered->vk(), frame.view().eye);
}

TerrainLayer::Tile* TerrainLayer::acquire(const geo::TileKey& key, double priority) {
    // Whatever this frame touches is kept this frame: eviction takes only tiles not touched.
    if (auto it = _tiles.find(key); it != _tiles.end() && !(it->second.partial && _loading == TileLoading::Wait)) {
        it->second.lastUsed = _frame; // (a still waits for what a stand-in was built without)
        return &it->second;
    }
    if (_loading == TileLoading::Background) {
        // The heights load on the terrain's workers, the mesh is built on the builder's: the parent is drawn meanwhile.
        if (auto heights = _terrain.tile(key, priority)) _builder->request(key, std::move(heights), _exaggeration);
        _complete = false;
        ++_asked;
        return nullptr;
    }
    auto heights = _terrain.wait(key);
    if (!heights) throw geo::TileReadError(heights.failure());
    return adopt(buildTile(std::move(heights).value(), key, kGridSize, _exaggeration));
}

void TerrainLayer::prefetch(const geo::TileKey& key, double priority) {
    // A still asks for a tile's four children at once, so the terrain's workers read them side by side.
    if (!_tiles.contains(key)) _terrain.tile(key, priority);
}

TerrainLayer::Tile* TerrainLayer::adopt(BuiltTile built) {
    const geo::TileKey key = built.mesh.key;
    if (auto it = _tiles.find(key); it != _tiles.end()) {
        if (!it->second.partial) return &it->second;
        // Rebuilt now that its sources answer: the stand-in's buffer and image layer go (after this slot's frame).
        _freeLayers.push_back(it->second.layer);
        _retired[_slot].push_back(std::move(it->second.vertices));
        _tiles.erase(it);
    }
    if (_freeLayers.empty() && !evictOne()) {
        _complete = false;
        return nullptr;
    }
    const geo::TerrainTileMesh& mesh = built.mesh;
    Tile tile{key,
              Buffer(_context, BufferDomain::Device, VK_BUFFER_USAGE_VERTEX_BUFFER_BIT,
                     mesh.vertices.size() * sizeof(geo::TerrainVertex), mesh.vertices.data()),
              std::move(built.mesh.heights),
              mesh.origin,
              mesh.radius,
              mesh.maxHeight,
              mesh.heightError,
              mesh.curvatureError,
              _freeLayers.back(),
              built.shadedFor};
    _freeLayers.pop_back();
    tile.lastUsed = _frame;
    tile.partial = !_terrain.complete(key);
    _uploads.push_back({tile.layer, std::move(built.rgba)});
    return &_tiles.emplace(key, std::move(tile)).first->second;
}

void TerrainLayer::retryPartial(const geo::TileKey& key, const Tile& tile, double priority) {
    // tile() asks the failed source again once its retry time has passed; complete heights are built anew.
    if (_loading != TileLoading::Background || !tile.partial) return;
    if (auto heights = _terrain.tile(key, priority); heights && _terrain.complete(key))
        _builder->request(key, std::move(heights), _exaggeration);
}

void TerrainLayer::reshade(Tile& tile) {
    LayerUpload upload{tile.layer, std::vector<uint8_t>(kLayerBytes)};
    shadeTile(*tile.heights, _exaggeration, upload.pixels.data());
    _uploads.push_back(std::move(upload));
    tile.shadedFor = _exaggeration;
}

bool TerrainLayer::evictOne() {
    auto oldest = _tiles.end();
    for (auto it = _tiles.begin(); it != _tiles.end(); ++it)
        if (it->first.level > 0 && it->second.lastUsed < _frame &&
            (oldest == _tiles.end() || it->second.lastUsed < oldest->second.lastUsed))
            oldest = it;
    if (oldest == _tiles.end()) return false;
    _freeLayers.push_back(oldest->second.layer); // rewritten only after a barrier on the queue
    _retired[_slot].push_back(std::move(oldest->second.vertices));
    _tiles.erase(oldest);
    return true;
}

bool TerrainLayer::sees(const Tile& tile, const View& view) const {
    const double top = geo::raisedHeight(tile.maxHeight, _exaggeration);
    if (!view.sees(tile.origin - view.eye, tile.radius + top)) return false;
    // Beyond the horizon: farther than the eye can see over a sphere no larger than the Earth's
    // smallest radius, to a point as high as the tile's highest.
    const double r = geo::kWgs84B, eyeRadius = glm::length(view.eye);
    if (eyeRadius <= r) return true;
    const double reach = std::sqrt(eyeRadius * eyeRadius - r * r) + std::sqrt(std::pow(r + top, 2) - r * r);
    return glm::length(tile.origin - view.eye) - tile.radius - top <= reach;
}

TerrainLayer::Selection TerrainLayer::select(const View& view, double exaggeration, TileLoading loading,
                                             uint32_t slot) {
    ++_frame;
    _slot = slot;
    _retired.at(slot).clear(); // the caller waited for this slot's last frame
    _exaggeration = exaggeration;
    _complete = true;
    _asked = 0;
    _reshadeBudget = 4;
    _drawList.clear();
    // What the worker finished joins the cache; what it has not started is asked again below only
    // if this view still needs it.
    for (const geo::Failure& failure : _terrain.update()) {
        _lastError = failure.message();
        _lastErrorAt = std::chrono::steady_clock::now();
    }
    for (BuiltTile& built : _builder->takeFinished()) adopt(std::move(built));
    _builder->clearRequests();
    for (int x = 0; x < 2; ++x) {
        const geo::TileKey root{0, x, 0};
        _loading = TileLoading::Wait; // the roots are always there: there is never a hole in the globe
        Tile* tile = acquire(root, geo::tilePriority(true, 0, 0));
        _loading = loading;
        visit(root, *tile, view);
    }
    // Front to back, so the depth test rejects hidden fragments before they are shaded.
    std::sort(_drawList.begin(), _drawList.end(), [&](const Tile* a, const Tile* b) {
        return glm::length(a->origin - view.eye) < glm::length(b->origin - view.eye);
    });
    Selection s;
    s.tiles = static_cast<uint32_t>(_drawList.size());
    s.triangles = static_cast<uint64_t>(_drawList.size()) * (_indexCount / 3);
    s.complete = _complete;
    return s;
}

void TerrainLayer::visit(const geo::TileKey& key, Tile& tile, const View& view) {
    if (!sees(tile, view)) return;
    tile.lastUsed = _frame;
    retryPartial(key, tile, geo::tilePriority(true, key.level, 1.0));
    if (tile.shadedFor != _exaggeration) {
        if (_loading == TileLoading::Wait || _reshadeBudget-- > 0)
            reshade(tile);
        else
            _complete = false;
    }
    const double sizeDeg = 180.0 / std::ldexp(1.0, key.level);
    const geo::GeoExtent e = geo::tileExtent(key);
    const double midLat = 0.5 * (e.south + e.north);
    const double distance =
        std::max(glm::length(tile.origin - view.eye) - tile.radius - geo::raisedHeight(tile.maxHeight, _exaggeration), 1.0);
    const double geometricError = tile.heightError * _exaggeration + tile.curvatureError;
    const double texelMetres = sizeDeg / (kImageSize - 1) * kMetresPerDegree * std::cos(glm::radians(midLat));
    const double pixelsPerMetre = view.pixelsPerRadian / distance;
    // Refine while the data has finer detail than this tile's image shows, wherever in the tile that data lies
    // (asked at the tile's middle only, a small DEM off the middle was drawn from its parent's blur).
    // Down to the level whose texels are no larger than the data's cells (refining stops where a texel would be
    // smaller than half a cell), or further where a drape (imagery) is finer than the heights.
    bool detailLeft = key.level <= _terrain.finestLevel(key);
    if (!detailLeft && _preparing) {
        double finest = std::numeric_limits<double>::infinity();
        for (const DrapeDetail& drape : _drapeDetail) finest = std::min(finest, drape(e, *_preparing));
        detailLeft = sizeDeg / (kImageSize - 1) > 0.5 * finest;
    }
    tile.magnified = texelMetres * pixelsPerMetre > texelTolerance;
    const bool wantsMore = geometricError * pixelsPerMetre > pixelTolerance || tile.magnified;
    if (wantsMore && detailLeft && key.level < kMaxLevel) {
        // Nearer tiles first, on a scale of a few thousand km.
        const double priority = geo::tilePriority(true, key.level + 1, distance / 4e6);
        if (_loading == TileLoading::Wait)
            for (int i = 0; i < 4; ++i) prefetch(key.child(i), priority);
        Tile* children[4];
        bool ready = true;
        for (int i = 0; i < 4; ++i) {
            children[i] = acquire(key.child(i), priority);
            ready = ready && children[i];
        }
        if (ready) {
            for (int i = 0; i < 4; ++i) visit(key.child(i), *children[i], view);
            return;
        }
    }
    _drawList.push_back(&tile);
}

void TerrainLayer::recordUploads(VkCommandBuffer cmd, uint32_t slot) {
    if (_uploads.empty()) return;
    _retired.at(slot).push_back(recordLayerUploads(_context, cmd, _images, _uploads, kLayerBytes));
    _uploads.clear();
}

TerrainStreaming TerrainLayer::streaming() const {
    TerrainStreaming s;
    if (const geo::ElevationTiles* tiles = _terrain.tiles()) {
        const geo::ElevationTiles::Stats stats = tiles->stats();
        s = {stats.resident, stats.loading + stats.queued, stats.cacheBytes, stats.cacheBudget, {}};
    }
    // Shown while failures keep coming (a tile that failed is asked again every few seconds), gone once they stop.
    if (std::chrono::steady_clock::now() - _lastErrorAt < std::chrono::seconds(10)) s.lastError = _lastError;
    return s;
}

std::vector<geo::TileKey> TerrainLayer::drawnKeys() const {
    std::vector<geo::TileKey> keys;
    for (const Tile* tile : _drawList) keys.push_back(tile->key);
    return keys;
}

void TerrainLayer::drawTiles(VkCommandBuffer cmd, VkPipelineLayout layout, VkPipeline unfiltered,
                             VkPipeline filtered, const glm::dvec3& eye,
                             const std::function<bool(const geo::TileKey&)>& each) const {
    vkCmdBindIndexBuffer(cmd, _indices.vk(), 0, VK_INDEX_TYPE_UINT32);
    for (const bool magnified : {false, true}) {
        vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, magnified ? filtered : unfiltered);
        for (const Tile* tile : _drawList) {
            if (tile->magnified != magnified || (each && !each(tile->key))) continue;
            const VkBuffer vb = tile->vertices.vk();
            const VkDeviceSize offset = 0;
            vkCmdBindVertexBuffers(cmd, 0, 1, &vb, &offset);
            const geo::GeoExtent e = geo::tileExtent(tile->key);
            const TilePush push{glm::vec4(glm::vec3(tile->origin - eye), float(e.east - e.west)),
                                glm::vec4(float(tile->layer), 0.0f, float(e.west), float(e.north))};
            vkCmdPushConstants(cmd, layout, VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof(push),
                               &push);
            vkCmdDrawIndexed(cmd, _indexCount, 1, 0, 0, 0);
        }
    }
}

} // namespace renderer
