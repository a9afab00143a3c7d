#include "renderer/ImageryLayer.h"

#include "geo/Ellipsoid.h"
#include "renderer/GpuTypes.h"
#include "renderer/Shaders.h"
#include "renderer/TerrainLayer.h"

#include <algorithm>
#include <chrono>
#include <limits>
#include <stdexcept>

namespace renderer {

namespace {

constexpr size_t kLayerBytes = size_t(ImageryLayer::kTileSize) * ImageryLayer::kTileSize * 4;

TerrainLayer& terrainOf(const LayerSetup& setup) {
    auto* terrain = dynamic_cast<TerrainLayer*>(setup.find("terrain"));
    if (!terrain) throw std::logic_error("imagery layers come after the terrain layer");
    return *terrain;
}

struct ImageryPush {
    TilePush tile;
    glm::vec4 uv;     //!< xy: offset into the imagery tile, z: scale, w: its layer
    glm::vec4 params; //!< x: opacity
};

std::vector<std::shared_ptr<const geo::TileSource>> sourcesOf(const std::vector<ImageryInput>& inputs) {
    std::vector<std::shared_ptr<const geo::TileSource>> sources;
    for (const ImageryInput& in : inputs) sources.push_back(in.source);
    return sources;
}

double smoothstep(double from, double to, double x) {
    const double t = std::clamp((x - from) / (to - from), 0.0, 1.0);
    return t * t * (3.0 - 2.0 * t);
}

} // namespace

ImageryLayer::ImageryLayer(const LayerSetup& setup, std::string name, std::vector<ImageryInput> sources,
                           bool userOpacity, uint32_t maxTiles)
    : _context(setup.context), _terrain(terrainOf(setup)), _name(std::move(name)), _sources(std::move(sources)),
      _userOpacity(userOpacity), _loader(sourcesOf(_sources), 2),
      _images(setup.context, kTileSize, kTileSize, VK_FORMAT_R8G8B8A8_UNORM,
              VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT, VK_IMAGE_ASPECT_COLOR_BIT, maxTiles),
      _imageSet(setup.context, 1, 2), _retired(setup.frameSlots) {
    for (const ImageryInput& in : _sources) _finest.push_back(in.source->finestLevel(kTileSize));
    _images.upload(nullptr, 0); // every layer ready for sampling
    for (uint32_t layer = maxTiles; layer-- > 0;) _freeLayers.push_back(layer);
    _imageSet.write(0, _terrain.images(), 0);
    _imageSet.write(0, _images, 1);
    for (const bool filtered : {false, true}) {
        PipelineDesc desc = TerrainLayer::tilePipeline(shaders::imageryFrag(), _imageSet.layout(), filtered);
        desc.depthWrite = false;
        desc.alphaBlend = true;
        desc.pushConstantBytes = sizeof(ImageryPush);
        (filtered ? _filtered : _unfiltered) = setup.pipelines.make(desc);
    }
    // Imagery finer than the terrain's heights sharpens as the view comes close: the terrain refines for it.
    terrainOf(setup).addDrapeDetail([this](const geo::GeoExtent& extent, const FrameContext& frame) {
        double finest = std::numeric_limits<double>::infinity();
        if (!frame.scene.shows(_name)) return finest;
        const double altitude = geo::toGeodetic(frame.whole.eye).height;
        for (size_t i = 0; i < _sources.size(); ++i)
            if (_sources[i].source->extent().intersects(extent) && opacity(i, frame.scene, altitude) > 0.0f)
                finest = std::min(finest, _sources[i].source->cellSize());
        return finest;
    });
}

float ImageryLayer::opacity(size_t source, const SceneView& scene, double altitude) const {
    const ImageryInput& in = _sources[source];
    float opacity = _userOpacity && source < scene.imageryOpacity.size() ? scene.imageryOpacity[source] : in.opacity;
    if (in.fadeTo > in.fadeFrom) opacity *= float(smoothstep(in.fadeFrom, in.fadeTo, altitude));
    return std::clamp(opacity, 0.0f, 1.0f);
}

std::unique_ptr<Layer> ImageryLayer::user(const LayerSetup& setup) {
    if (setup.inputs.imagery.empty()) return nullptr;
    return std::make_unique<ImageryLayer>(setup, "imagery", setup.inputs.imagery, true);
}

std::unique_ptr<Layer> ImageryLayer::globe(const LayerSetup& setup) {
    if (setup.inputs.globeImagery.empty()) return nullptr;
    return std::make_unique<ImageryLayer>(setup, "globe-imagery", setup.inputs.globeImagery, false, 64);
}

geo::TileKey ImageryLayer::wanted(size_t source, const geo::TileKey& key) const {
    geo::TileKey k = key;
    while (k.level > std::max(_finest[source], 0)) k = k.parent();
    return k;
}

const ImageryLayer::Resident* ImageryLayer::residentOrAncestor(size_t source, geo::TileKey key,
                                                               geo::TileKey& found) const {
    for (;;) {
        if (auto it = _resident.find({int(source), key}); it != _resident.end()) {
            found = key;
            return &it->second;
        }
        if (key.level == 0) return nullptr;
        key = key.parent();
    }
}

bool ImageryLayer::evictOne() {
    auto oldest = _resident.end();
    for (auto it = _resident.begin(); it != _resident.end(); ++it)
        if (it->second.lastUsed < _frame && (oldest == _resident.end() || it->second.lastUsed < oldest->second.lastUsed))
            oldest = it;
    if (oldest == _resident.end()) return false;
    _freeLayers.push_back(oldest->second.layer); // rewritten only after a barrier on the queue
    _resident.erase(oldest);
    return true;
}

void ImageryLayer::adopt(geo::LoadedTile loaded) {
    if (!loaded.data) {
        _failures.failed(loaded.tile,
                         loaded.failure.value_or(
                             geo::Failure{_sources[size_t(loaded.tile.source)].source->path(), "cannot be read"}),
                         geo::TileFailures::Clock::now());
        return;
    }
    _failures.forget(loaded.tile);
    const auto* image = std::get_if<geo::TileImage>(loaded.data.get());
    if (!image || image->rgba.size() != kLayerBytes || _resident.contains(loaded.tile)) return;
    if (_freeLayers.empty() && !evictOne()) return; // asked again next frame
    const uint32_t layer = _freeLayers.back();
    _freeLayers.pop_back();
    _resident[loaded.tile] = {layer, _frame};
    _uploads.push_back({layer, image->rgba});
}

void ImageryLayer::prepare(const FrameContext& frame) {
    ++_frame;
    _retired.at(frame.slot).clear(); // the caller waited for this slot's last frame
    const double altitude = geo::toGeodetic(frame.whole.eye).height;
    _opacity.assign(_sources.size(), 0.0f);
    for (size_t i = 0; i < _sources.size(); ++i) _opacity[i] = opacity(i, frame.scene, altitude);
    for (geo::LoadedTile& t : _loader.takeFinished()) adopt(std::move(t));
    const std::vector<geo::TileKey> keys =
        frame.scene.shows(_terrain.name()) ? _terrain.drawnKeys() : std::vector<geo::TileKey>{};
    // What this view needs: each source's tile over each terrain tile drawn, coarse first.
    std::vector<geo::TileRequest> requests;
    std::vector<geo::SourceTileKey> needed;
    const auto now = geo::TileFailures::Clock::now();
    for (size_t i = 0; i < _sources.size(); ++i) {
        if (_opacity[i] <= 0.0f) continue;
        for (const geo::TileKey& key : keys) {
            if (!_sources[i].source->covers(key)) continue;
            const geo::SourceTileKey want{int(i), wanted(i, key)};
            if (auto it = _resident.find(want); it != _resident.end()) {
                it->second.lastUsed = _frame;
                continue;
            }
            geo::TileKey found;
            if (residentOrAncestor(i, want.key, found)) // the stand-in stays too
                _resident[{int(i), found}].lastUsed = _frame;
            // A tile that failed is asked again after a pause (the server may be back); a still asks at once.
            if (frame.loading == TileLoading::Wait)
                _failures.forget(want);
            else if (_failures.waiting(want, now))
                continue;
            needed.push_back(want);
            requests.push_back({want, kTileSize, geo::tilePriority(true, want.key.level, 0.0)});
        }
    }
    _loader.cancelAllQueued();
    if (!requests.empty()) _loader.request(requests);
    if (frame.loading == TileLoading::Wait) {
        // A still waits for every tile it needs (or its failure).
        const auto missing = [&] {
            return std::any_of(needed.begin(), needed.end(),
                               [&](const auto& k) { return !_resident.contains(k) && !_failures.failureOf(k); });
        };
        while (missing() && (_loader.queued() > 0 || _loader.loading() > 0)) {
            _loader.waitForFinished(std::chrono::milliseconds(50));
            for (geo::LoadedTile& t : _loader.takeFinished()) adopt(std::move(t));
        }
        for (geo::LoadedTile& t : _loader.takeFinished()) adopt(std::move(t));
        // A frame that is kept (a still, a poster, a video) is never drawn with a tile missing: the renderer
        // fails it with the first tile that could not be read.
        for (const geo::SourceTileKey& k : needed)
            if (const geo::Failure* failure = _failures.failureOf(k); failure && !_resident.contains(k)) {
                frame.stats.problems.emplace_back(_name, failure->message());
                break;
            }
    } else {
        if (!needed.empty()) frame.stats.complete = false;
        frame.stats.tilesLoading += uint32_t(requests.size());
        if (std::string problem = _failures.problem(now); !problem.empty())
            frame.stats.problems.emplace_back(_name, std::move(problem));
    }
    frame.stats.tilesResident += uint32_t(_resident.size());
    if (!_uploads.empty()) {
        _retired.at(frame.slot).push_back(recordLayerUploads(_context, frame.cmd, _images, _uploads, kLayerBytes));
        _uploads.clear();
    }
}

std::string ImageryLayer::credit() const {
    std::string credits;
    for (size_t i = 0; i < _sources.size(); ++i) {
        const std::string& c = _sources[i].credit;
        if (_opacity[i] <= 0.0f || c.empty() || credits.find(c) != std::string::npos) continue;
        credits += (credits.empty() ? "" : " · ") + c;
    }
    return credits;
}

void ImageryLayer::draw(const DrawContext& frame) {
    if (frame.stage != Stage::Drape || !frame.scene.shows(_terrain.name())) return;
    frame.bind(*_unfiltered, _imageSet.set());
    for (size_t i = 0; i < _sources.size(); ++i) {
        if (_opacity[i] <= 0.0f) continue;
        _terrain.drawTiles(frame.cmd, _unfiltered->layout(), _unfiltered->vk(), _filtered->vk(), frame.view().eye,
                           [&](const geo::TileKey& key) {
                               if (!_sources[i].source->covers(key)) return false;
                               geo::TileKey found;
                               const Resident* r = residentOrAncestor(i, wanted(i, key), found);
                               if (!r) return false;
                               // The part of the found (coarser or equal) tile that this terrain tile covers.
                               const int levels = key.level - found.level;
                               const double scale = std::ldexp(1.0, -levels);
                               const double u = (key.x - (found.x << levels)) * scale;
                               const double v = (key.y - (found.y << levels)) * scale;
                               const glm::vec4 push[2] = {glm::vec4(float(u), float(v), float(scale), float(r->layer)),
                                                          glm::vec4(_opacity[i], 0.0f, 0.0f, 0.0f)};
                               vkCmdPushConstants(frame.cmd, _unfiltered->layout(),
                                                  VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT,
                                                  offsetof(ImageryPush, uv), sizeof(push), push);
                               return true;
                           });
    }
}

} // namespace renderer
