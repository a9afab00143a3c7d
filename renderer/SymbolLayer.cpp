#include "renderer/SymbolLayer.h"

#include "geo/ClusterLevel.h"
#include "geo/Ellipsoid.h"
#include "geo/SharedRules.h"
#include "geo/SymbolGlyphs.h"
#include "renderer/DisplayScale.h"
#include "renderer/Shaders.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <string_view>

namespace renderer {

namespace {

constexpr VkShaderStageFlags kPushStages = VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT;
constexpr uint32_t kVerticesPerSymbol = 48;    //!< symbol.vert: eight quads
constexpr size_t kMaxInstancesPerHalf = 65536; //!< more would not be legible on any screen

PipelineDesc symbolPipeline(VkDescriptorSetLayout atlas) {
    PipelineDesc d;
    d.vertexSpirv = shaders::symbolVert();
    d.fragmentSpirv = shaders::symbolFrag();
    d.bindings = {{0, sizeof(SymbolInstance), VK_VERTEX_INPUT_RATE_INSTANCE}};
    const auto attribute = [](uint32_t location, VkFormat format, uint32_t offset) {
        return VkVertexInputAttributeDescription{location, 0, format, offset};
    };
    d.attributes = {attribute(0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(SymbolInstance, position)),
                    attribute(1, VK_FORMAT_R32G32B32_SFLOAT, offsetof(SymbolInstance, up)),
                    attribute(2, VK_FORMAT_R32G32B32A32_SFLOAT, offsetof(SymbolInstance, rect)),
                    attribute(3, VK_FORMAT_R32G32B32A32_SFLOAT, offsetof(SymbolInstance, anchor)),
                    attribute(4, VK_FORMAT_R32G32B32A32_UINT, offsetof(SymbolInstance, scenarios))};
    d.depthWrite = false; // symbols blend over each other in list order; the terrain still hides them
    d.alphaBlend = true;
    d.pushConstantBytes = sizeof(SymbolPush);
    d.layerSet = atlas;
    return d;
}

//! Up to four characters of `text` as symbol.vert reads them: 8 bits each, index in kClusterCharacters + 1.
uint32_t packCharacters(const std::string& text) {
    const std::string_view alphabet = geo::kClusterCharacters;
    uint32_t packed = 0;
    for (size_t i = 0; i < std::min<size_t>(text.size(), 4); ++i) {
        const size_t at = alphabet.find(text[i]);
        if (at != std::string_view::npos) packed |= uint32_t(at + 1) << (8 * i);
    }
    return packed;
}

std::array<float, 4> rectOf(const geo::AtlasEntry& e) {
    return {float(e.x), float(e.y), float(e.width), float(e.height)};
}

//! The frame alone of a cluster's dominant identity: a land unit of no particular kind.
std::string clusterFrameCode(uint8_t identity) {
    return geo::numericSidc(geo::StandardIdentity(std::min<uint8_t>(identity, 6)), 10, geo::SymbolStatus::Present, 0, 0,
                            "000000");
}

static_assert(1 << (SymbolLayer::kAtlasMipLevels - 1) == geo::SymbolAtlas::kCell,
              "the atlas's mip levels must not mix two symbols");

} // namespace

SymbolLayer::SymbolLayer(const LayerSetup& setup)
    : _context(setup.context), _terrain(*setup.inputs.terrain),
      _mipLevels(Image::canBlitLinear(setup.context, kAtlasFormat) ? kAtlasMipLevels : 1),
      _imageSet(setup.context, 1, 1, _mipLevels > 1),
      _pipeline(setup.pipelines.make(symbolPipeline(_imageSet.layout()))), _slots(setup.frameSlots) {
    auto library = geo::SymbolLibrary::start();
    if (library)
        _library = std::move(library.value());
    else
        _libraryProblem = library.failure().message();
    _atlas = std::make_unique<geo::SymbolAtlas>(_library.get());
    // The glyphs first, so they lie in one row at the top of the atlas, a fixed stride apart.
    const std::string_view characters = geo::kClusterCharacters;
    for (char c : characters) _atlas->requireSvg(std::string(1, c), geo::glyphSvg(c));
    const geo::AtlasEntry& first = _atlas->requireSvg(std::string(1, characters[0]), "");
    const geo::AtlasEntry& second = _atlas->requireSvg(std::string(1, characters[1]), "");
    _glyphStride = float(second.x - first.x);
    _glyphRow = float(first.y);
    _atlas->requireSvg("unknown", geo::unknownSymbolSvg(kRasterSize));
    for (uint32_t i = 0; i < setup.frameSlots; ++i) _instances.emplace_back();
    build(setup.inputs.scenarios);
}

void SymbolLayer::sceneChanged(const LayerSetup& setup) {
    build(setup.inputs.scenarios);
}

void SymbolLayer::build(const geo::ScenarioSet* set) {
    ++_sceneRevision;
    _items.clear();
    _scene = set ? geo::buildSymbolScene(*set, _library.get(), _libraryProblem) : geo::SymbolScene{};
    // Every symbol the scene needs, in one batch: bare, with amplifiers where a feature has them,
    // and the frames of the clusters' identities.
    std::vector<geo::SymbolKey> keys;
    for (const geo::FeatureSymbol& s : _scene.symbols) {
        if (!s.ok()) continue;
        keys.push_back({s.code, kRasterSize, {}, {}});
        const geo::ScenarioFeature& f = set->features[s.feature];
        if (!f.amplifiers.empty()) keys.push_back({s.code, kRasterSize, f.amplifiers, f.lead(), true});
    }
    const std::vector<std::vector<geo::SymbolKey>> legend =
        set ? legendKeys(*set) : std::vector<std::vector<geo::SymbolKey>>{};
    for (const auto& scenario : legend) keys.insert(keys.end(), scenario.begin(), scenario.end());
    for (uint8_t identity = 0; identity <= 6; ++identity) keys.push_back({clusterFrameCode(identity), kRasterSize});
    _atlas->require(keys);
    const geo::AtlasEntry& unknown = _atlas->requireSvg("unknown", "");
    glm::dvec3 sum{0.0};
    for (const geo::ClusterItem& c : _scene.clusters) sum += geo::toEcef({c.lonLat.x, c.lonLat.y, 0.0});
    _origin = _scene.clusters.empty() ? glm::dvec3(0.0) : sum / double(_scene.clusters.size());
    _items.reserve(_scene.clusters.size());
    for (const geo::ClusterItem& c : _scene.clusters) {
        Item item{};
        item.ground = geo::toEcef({c.lonLat.x, c.lonLat.y, 0.0});
        item.up = glm::vec3(geo::upAt(c.lonLat.x, c.lonLat.y));
        item.height = std::max(_terrain.heightAt(c.lonLat.x, c.lonLat.y), 0.0f);
        item.minLevel = c.minLevel;
        item.maxLevel = c.maxLevel;
        item.cluster = _items.size();
        item.clusterCount = c.site >= 0 ? 1u : c.count;
        uint32_t flags = 0;
        const geo::AtlasEntry* entry = nullptr;
        if (c.site >= 0) {
            const geo::FeatureSymbol& s = _scene.symbols[size_t(c.site)];
            item.feature = s.feature;
            if (s.ok()) entry = _atlas->find({s.code, kRasterSize, {}, {}});
            const geo::ScenarioFeature& f = set->features[s.feature];
            if (entry && !f.amplifiers.empty())
                if (const geo::AtlasEntry* full = _atlas->find({s.code, kRasterSize, f.amplifiers, f.lead(), true});
                    full && full->ok()) {
                    item.full = true;
                    item.rectFull = rectOf(*full);
                    item.anchorFull = {full->anchorX, full->anchorY};
                }
        } else {
            flags |= kSymbolCluster;
            entry = _atlas->find({clusterFrameCode(c.identity), kRasterSize});
        }
        if (!entry || !entry->ok()) {
            entry = &unknown;
            flags |= kSymbolUnknown;
        }
        item.rect = rectOf(*entry);
        item.anchor = {entry->anchorX, entry->anchorY};
        SymbolInstance& in = item.instance;
        in.scenarios = c.scenarioMask;
        in.flags = flags;
        if (flags & kSymbolCluster) {
            in.countChars = packCharacters(geo::clusterCountText(c.count));
            in.nationChars = packCharacters(c.nation < _scene.nations.size() ? _scene.nations[c.nation] : "");
        }
        _items.push_back(item);
    }
    _legend.clear();
    for (size_t scenario = 0; scenario < legend.size(); ++scenario)
        for (size_t row = 0; row < legend[scenario].size(); ++row)
            if (const geo::AtlasEntry* e = _atlas->find(legend[scenario][row]); e && e->ok())
                _legend.push_back({rectOf(*e), {e->anchorX, e->anchorY}, 1u << scenario, int(row)});
    uploadAtlas();
    _capacity = (std::min(_items.size(), kMaxInstancesPerHalf) + _legend.size()) * 2;
    for (Buffer& b : _instances)
        b = _capacity ? Buffer(_context, BufferDomain::Upload, VK_BUFFER_USAGE_VERTEX_BUFFER_BIT,
                               _capacity * sizeof(SymbolInstance))
                      : Buffer();
    for (SlotState& s : _slots) s = SlotState{};
}

std::vector<std::vector<geo::SymbolKey>> SymbolLayer::legendKeys(const geo::ScenarioSet& set) const {
    std::vector<std::vector<geo::SymbolKey>> out;
    for (size_t scenario = 0; scenario < set.scenarios.size() && scenario < 32; ++scenario) {
        std::map<std::string, std::pair<size_t, std::string>> counts; // code -> (features, words)
        for (const geo::FeatureSymbol& s : _scene.symbols)
            if (s.ok() && set.features[s.feature].inScenario(scenario)) {
                auto& [n, words] = counts[s.code];
                ++n;
                words = s.words;
            }
        std::vector<std::pair<size_t, std::string>> order; // (features, code)
        for (const auto& [code, c] : counts) order.push_back({c.first, code});
        std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        std::vector<geo::SymbolKey> keys;
        for (size_t i = 0; i < order.size() && i < kLegendRows; ++i) {
            geo::SymbolAmplifiers words;
            words.staffComments = counts[order[i].second].second; // drawn to the right of the frame
            keys.push_back({order[i].second, kRasterSize, words, {}, true});
        }
        out.push_back(std::move(keys));
    }
    return out;
}

void SymbolLayer::appendLegend(const HalfView& half, float scale, Declutter& placed,
                               std::vector<SymbolInstance>& out) const {
    const float k = kFramePixels * scale / float(kRasterSize);
    float rowHeight = 0, width = 0;
    int rows = 0;
    for (const LegendEntry& e : _legend) {
        rowHeight = std::max(rowHeight, e.rect[3] * k);
        width = std::max(width, e.rect[2] * k);
        rows = std::max(rows, e.row + 1);
    }
    rowHeight += 4.0f * scale;
    // The most common symbols that fit in 45 % of the height; on a thumbnail, where not even three fit, the
    // legend would cover the map: left out, as the nations' legend is.
    rows = std::min(rows, int(0.45f * half.size.y / rowHeight));
    if (rows < 3) return;
    // A column in the bottom right, above the data credits: the title is top left, the nations' legend
    // bottom left.
    const float left = half.size.x - 16.0f * scale - width;
    const float top = half.size.y - 28.0f * scale - float(rows) * rowHeight;
    const uint32_t shown = half.shown.from | half.shown.to;
    for (const LegendEntry& e : _legend) {
        if (e.row >= rows) continue;
        SymbolInstance in{};
        in.position[0] = left + e.anchor[0] * k;
        in.position[1] = top + float(e.row) * rowHeight + e.anchor[1] * k;
        std::copy(e.rect.begin(), e.rect.end(), in.rect);
        in.anchor[0] = e.anchor[0];
        in.anchor[1] = e.anchor[1];
        in.scenarios = e.scenarios;
        in.flags = kSymbolLegend;
        out.push_back(in);
        if (e.scenarios & shown) {
            const float x0 = left, y0 = top + float(e.row) * rowHeight;
            placed.place({{x0, y0, x0 + e.rect[2] * k, y0 + e.rect[3] * k}, BoxKind::Legend});
        }
    }
}

void SymbolLayer::uploadAtlas() {
    if (_uploadedRevision == _atlas->revision() && _image) return;
    const geo::RgbaImage& page = _atlas->page();
    // Mip-mapped on the GPU (where the format blits linearly), so symbols drawn smaller than their raster
    // (the legend, a scenario switch growing them in) stay unaliased.
    _image = std::make_unique<Image>(
        _context, uint32_t(page.width), uint32_t(page.height), kAtlasFormat,
        VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT,
        VK_IMAGE_ASPECT_COLOR_BIT, 1, _mipLevels);
    _image->upload(page.pixels.data(), page.pixels.size());
    _imageSet.write(0, *_image);
    _uploadedRevision = _atlas->revision();
}

void SymbolLayer::select(const HalfView& half, double exaggeration, float scale, Declutter& placed,
                         std::vector<SymbolInstance>& out) const {
    const View& view = half.view;
    const float separation = separationPixels(scale);
    const double margin = 80.0 * scale; // pixels: a symbol whose point is just off screen still shows its edge
    const float k = kFramePixels * scale / float(kRasterSize); // screen pixels per atlas pixel, as symbol.vert
    const float frameHalf = 0.5f * kFramePixels * scale;
    const float gap = 1.0f * scale; // between two boxes
    const uint32_t shown = half.shown.from | half.shown.to;
    // Where symbol.vert draws each item shown: its box, the frame lifted on its stem as the view tilts.
    struct Candidate {
        size_t item;
        glm::vec2 centre;
        ScreenBox box;
        double distance;
    };
    std::vector<Candidate> candidates;
    const auto boxAt = [k](glm::vec2 centre, const std::array<float, 4>& rect, const std::array<float, 2>& anchor) {
        const float x0 = centre.x - anchor[0] * k, y0 = centre.y - anchor[1] * k;
        return ScreenBox{x0, y0, x0 + rect[2] * k, y0 + rect[3] * k};
    };
    for (size_t i = 0; i < _items.size(); ++i) {
        const Item& item = _items[i];
        if (!(item.instance.scenarios & shown)) continue; // not drawn in the scenarios this half shows
        const glm::dvec3 ground =
            item.ground + glm::dvec3(item.up) * double(geo::raisedHeight(item.height, exaggeration));
        const glm::dvec3 rel = ground - view.eye;
        if (glm::dot(-rel, glm::dvec3(item.up)) <= 0.0) continue; // beyond the horizon
        const double distance = glm::length(rel);
        const int level = geo::clusterLevel(float(distance), float(view.pixelsPerRadian), separation);
        if (level < item.minLevel || level > item.maxLevel) continue;
        glm::dvec2 px;
        if (!view.project(ground, px) || px.x < -margin || px.y < -margin || px.x > view.width + margin ||
            px.y > view.height + margin)
            continue;
        const float tilt = std::clamp(1.0f - std::abs(float(glm::dot(rel / distance, glm::dvec3(item.up)))), 0.0f, 1.0f);
        const float t = std::clamp((tilt - 0.15f) / 0.45f, 0.0f, 1.0f);
        const float lift = t * t * (3.0f - 2.0f * t) * (frameHalf + 14.0f * scale); // smoothstep, as symbol.vert
        const glm::vec2 centre(float(px.x), float(px.y) - lift);
        ScreenBox box = boxAt(centre, item.rect, item.anchor);
        if (item.instance.flags & kSymbolCluster) { // the nation under the frame
            const float charScale = 0.55f * scale;
            const float halfWidth = 0.5f * 0.78f * float(geo::kGlyphWidth) * charScale * 4.0f;
            box = {std::min(box.x0, centre.x - halfWidth), box.y0, std::max(box.x1, centre.x + halfWidth),
                   std::max(box.y1, centre.y + frameHalf + 1.0f + float(geo::kGlyphHeight) * charScale)};
        }
        candidates.push_back({i, centre, box, distance});
    }
    // Clusters first, the largest first, then lone units in the scene's order.
    std::stable_sort(candidates.begin(), candidates.end(), [&](const Candidate& a, const Candidate& b) {
        return _items[a.item].clusterCount > _items[b.item].clusterCount;
    });
    std::vector<std::pair<const Candidate*, size_t>> kept; // candidate, its box in `placed`
    for (const Candidate& c : candidates) {
        const Item& item = _items[c.item];
        const bool cluster = item.instance.flags & kSymbolCluster;
        const int32_t feature = cluster ? -1 : int32_t(item.feature);
        if (placed.tryPlace({c.box, cluster ? BoxKind::Cluster : BoxKind::Symbol, feature, int32_t(item.cluster)}, gap))
            kept.push_back({&c, placed.placed().size() - 1});
    }
    const size_t limit = out.size() + kMaxInstancesPerHalf;
    for (const auto& [c, boxIndex] : kept) {
        if (out.size() >= limit) break;
        const Item& item = _items[c->item];
        // Amplifiers where they meet nothing placed but their own symbol.
        bool full = false;
        if (item.full && c->distance < kAmplifierDistanceM) {
            const ScreenBox fullBox = boxAt(c->centre, item.rectFull, item.anchorFull);
            full = placed.isFree(fullBox, gap, boxIndex);
            if (full) placed.grow(boxIndex, fullBox);
        }
        SymbolInstance in = item.instance;
        const glm::vec3 position(item.ground - _origin);
        std::memcpy(in.position, &position, sizeof in.position);
        std::memcpy(in.up, &item.up, sizeof in.up);
        const auto& rect = full ? item.rectFull : item.rect;
        const auto& anchor = full ? item.anchorFull : item.anchor;
        std::copy(rect.begin(), rect.end(), in.rect);
        in.anchor[0] = anchor[0];
        in.anchor[1] = anchor[1];
        in.anchor[2] = item.height;
        in.anchor[3] = 0;
        out.push_back(in);
    }
}

void SymbolLayer::prepare(const FrameContext& frame) {
    _drawnLastFrame = 0;
    if (_items.empty() || !frame.scene.shows(name()) || frame.scene.markers != MarkerStyle::Symbols) return;
    const float scale = strokeScale(frame.displayScale);
    // What the list depends on: the scenarios shown too, since what they hide keeps no room on screen.
    std::vector<double> key{double(_sceneRevision), frame.scene.exaggeration, scale, double(frame.scene.legend)};
    for (const HalfView& half : frame.halves) {
        key.insert(key.end(), {double(half.visible), double(half.shown.from), double(half.shown.to)});
        key.insert(key.end(), {half.view.eye.x, half.view.eye.y, half.view.eye.z, half.view.width, half.view.height});
        for (int c = 0; c < 4; ++c)
            for (int r = 0; r < 4; ++r) key.push_back(half.view.viewProj[c][r]);
    }
    SlotState& slot = _slots.at(frame.slot);
    const auto publish = [&] {
        for (size_t h = 0; h < frame.placed.size() && h < 2; ++h) {
            for (const PlacedBox& p : slot.placed[h]) frame.placed[h].place(p);
            frame.placed[h].symbols = true;
        }
    };
    if (slot.key == key) {
        for (const auto& [first, count] : slot.ranges) _drawnLastFrame += count;
        publish();
        return;
    }
    std::vector<SymbolInstance> instances;
    std::array<std::pair<uint32_t, uint32_t>, 2> ranges{}, legendRanges{};
    for (size_t h = 0; h < frame.halves.size() && h < 2; ++h) {
        slot.placed[h].clear();
        if (!frame.halves[h].visible) continue;
        Declutter placed;
        const size_t first = instances.size();
        select(frame.halves[h], frame.scene.exaggeration, scale, placed, instances);
        ranges[h] = {uint32_t(first), uint32_t(instances.size() - first)};
        _drawnLastFrame += instances.size() - first;
        const size_t legend = instances.size();
        if (frame.scene.legend) appendLegend(frame.halves[h], scale, placed, instances);
        legendRanges[h] = {uint32_t(legend), uint32_t(instances.size() - legend)};
        slot.placed[h] = placed.placed();
    }
    const size_t count = std::min(instances.size(), _capacity);
    // Like the labels' quads, the per-frame list is not scene data: Context::uploadedBytes() leaves it out.
    if (count) std::memcpy(_instances.at(frame.slot).mapped(), instances.data(), count * sizeof(SymbolInstance));
    slot.ranges = ranges;
    slot.legendRanges = legendRanges;
    slot.key = std::move(key);
    publish();
}

void SymbolLayer::draw(const DrawContext& frame) {
    if (frame.scene.markers != MarkerStyle::Symbols) return;
    if (frame.stage != Stage::Features && frame.stage != Stage::Screen) return;
    const SlotState& slot = _slots.at(frame.slot);
    const auto [first, count] = (frame.stage == Stage::Features ? slot.ranges : slot.legendRanges).at(frame.halfIndex);
    if (count == 0) return;
    frame.bind(*_pipeline, _imageSet.set());
    const VkBuffer vb = _instances.at(frame.slot).vk();
    const VkDeviceSize offset = 0;
    vkCmdBindVertexBuffers(frame.cmd, 0, 1, &vb, &offset);
    const geo::RgbaImage& page = _atlas->page();
    const SymbolPush push{glm::vec4(glm::vec3(_origin - frame.view().eye), 0.0f),
                          glm::vec4(kFramePixels, float(kRasterSize), float(page.width), float(page.height)),
                          glm::vec4(_glyphStride, float(geo::kGlyphWidth), float(geo::kGlyphHeight), _glyphRow)};
    vkCmdPushConstants(frame.cmd, _pipeline->layout(), kPushStages, 0, sizeof(push), &push);
    vkCmdDraw(frame.cmd, kVerticesPerSymbol, count, 0, first);
}

} // namespace renderer
