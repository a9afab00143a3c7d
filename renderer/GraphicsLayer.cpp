#include "renderer/GraphicsLayer.h"

#include "geo/Ellipsoid.h"
#include "geo/SharedRules.h"
#include "renderer/DisplayScale.h"
#include "renderer/LabelLayer.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <set>
#include <tuple>

namespace renderer {

namespace {

constexpr size_t kMaxVertices = 24 * 1024;
constexpr double kLineStepDeg = 0.02;    //!< the semicircles are ~0.1 degrees: drape them finer than map lines
constexpr float kLabelRankPixels = 15.0f; //!< the library's 12 pt
//! Labels show within this distance, as the symbols' amplifiers do: from farther they would cover the names.
constexpr double kLabelDistanceM = 400e3;
//! A casing of the library's label outline colour (white), so black lines read on dark terrain.
constexpr glm::vec4 kCasing{1.0f, 1.0f, 1.0f, 0.85f};

struct Rect {
    float x0, y0, x1, y1;
    bool overlaps(const Rect& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

//! One helper for every renderer of the process, started with the first scenario that has a graphic: its
//! cache serves reloads and later renderers (stills, tests), and mil-sym-ts is imported once (~0.4 s).
std::pair<std::shared_ptr<geo::SymbolLibrary>, std::string> sharedLibrary() {
    static std::mutex mutex;
    static std::shared_ptr<geo::SymbolLibrary> library;
    static std::string problem;
    std::lock_guard lock(mutex);
    if (!library && problem.empty()) {
        auto started = geo::SymbolLibrary::start();
        if (started)
            library = std::move(started.value());
        else
            problem = started.failure().message();
    }
    return {library, problem};
}

} // namespace

GraphicsLayer::GraphicsLayer(const LayerSetup& setup)
    : _context(setup.context), _terrain(*setup.inputs.terrain),
      _linePipeline(setup.pipelines.shared("line", &LineLayer::pipelineDesc)), _text(setup, kMaxVertices) {
    sceneChanged(setup);
}

void GraphicsLayer::sceneChanged(const LayerSetup& setup) {
    const geo::ScenarioSet* set = setup.inputs.scenarios;
    _lines.clear();
    _labels.clear();
    _graphics = {};
    bool wanted = false;
    if (set)
        for (const geo::ScenarioFeature& f : set->features) wanted = wanted || geo::graphicFor(f).has_value();
    if (wanted && !_library) std::tie(_library, _libraryProblem) = sharedLibrary();
    if (wanted) _graphics = geo::buildTacticalGraphics(*set, _library.get(), _libraryProblem);

    // Lines grouped by colour and width, each keeping its feature's scenario mask.
    std::map<std::tuple<float, float, float, float, float>, std::pair<std::vector<std::vector<glm::dvec2>>,
                                                                      std::vector<uint32_t>>>
        groups;
    std::set<char32_t> codepoints;
    for (const geo::FeatureGraphic& g : _graphics.graphics) {
        for (const geo::GraphicLine& l : g.drawing->lines) {
            auto& group = groups[{l.color.r, l.color.g, l.color.b, l.color.a, l.widthPx}];
            group.first.push_back(l.points);
            group.second.push_back(g.scenarioMask);
        }
        for (const geo::GraphicLabel& l : g.drawing->labels) {
            _labels.push_back({l.text, geo::toEcef({l.at.x, l.at.y, 0.0}), geo::upAt(l.at.x, l.at.y),
                               std::max(_terrain.heightAt(l.at.x, l.at.y), 0.0f), l.offsetPx, l.align, l.color,
                               l.halo, g.scenarioMask});
            for (char32_t c : decodeUtf8(l.text)) codepoints.insert(c);
        }
    }
    for (auto& [key, group] : groups) {
        Lines lines{std::make_unique<LineLayer>(_context, _terrain, group.first, &group.second, kLineStepDeg),
                    {std::get<0>(key), std::get<1>(key), std::get<2>(key), std::get<3>(key)},
                    std::get<4>(key)};
        lines.lines->setTheme(setup.inputs.style.theme);
        _lines.push_back(std::move(lines));
    }
    _text.bake(setup.inputs.font, {codepoints.begin(), codepoints.end()});
}

void GraphicsLayer::layoutLabels(const HalfView& half, double exaggeration, float scale, size_t maxVertices,
                                 std::vector<LabelVertex>& out) const {
    const View& view = half.view;
    const GlyphAtlas& atlas = _text.atlas();
    const float size = labelPixels(kLabelRankPixels, scale);
    const float k = size / atlas.bakeSize();
    std::vector<Rect> taken;
    for (const Label& l : _labels) {
        const float presence = geo::scenarioPresence(l.scenarios, half.shown.from, half.shown.to, half.shown.transition);
        if (presence < 0.01f) continue;
        const glm::dvec3 anchor = l.ground + l.up * geo::raisedHeight(l.height, exaggeration);
        if (glm::dot(view.eye - anchor, l.up) <= 0.0) continue; // beyond the horizon
        if (glm::length(anchor - view.eye) > kLabelDistanceM) continue;
        glm::dvec2 px;
        if (!view.project(anchor, px)) continue;
        const float width = atlas.measure(l.text, size);
        const float x = float(px.x) + l.offsetPx.x * scale - (l.align < 0 ? width : l.align == 0 ? width * 0.5f : 0.0f);
        const float baseline = float(px.y) + l.offsetPx.y * scale;
        const Rect rect{x, baseline - size * 0.8f, x + width, baseline + size * 0.25f};
        if (rect.x1 < 0 || rect.y1 < 0 || rect.x0 > view.width || rect.y0 > view.height) continue;
        if (std::any_of(taken.begin(), taken.end(), [&](const Rect& r) { return r.overlaps(rect); })) continue;
        const std::u32string text = decodeUtf8(l.text);
        if (out.size() + 6 * text.size() > maxVertices) break;
        taken.push_back(rect);
        const glm::vec3 rel(anchor - view.eye);
        const glm::vec4 color{glm::vec3(l.color), l.color.a * presence};
        const glm::vec4 halo{glm::vec3(l.halo), 0.22f};
        float pen = x - float(px.x);
        const float y = baseline - float(px.y);
        for (char32_t c : text) {
            const Glyph& g = atlas.glyph(c);
            if (g.x1 > g.x0)
                appendLabelQuad(out, rel, {pen + g.x0 * k, y + g.y0 * k, pen + g.x1 * k, y + g.y1 * k},
                                {g.u0, g.v0, g.u1, g.v1}, color, halo, false);
            pen += g.advance * k;
        }
    }
}

void GraphicsLayer::prepare(const FrameContext& frame) {
    std::vector<LabelVertex> vertices;
    std::array<std::pair<uint32_t, uint32_t>, 2> ranges{};
    const bool shown = frame.scene.markers == MarkerStyle::Symbols && frame.scene.shows("scenarios");
    for (size_t h = 0; shown && h < frame.halves.size(); ++h) {
        const HalfView& half = frame.halves[h];
        if (!half.visible) continue;
        const size_t first = vertices.size();
        layoutLabels(half, frame.scene.exaggeration, frame.displayScale,
                     first + _text.maxVertices() / frame.halves.size(), vertices);
        ranges[h] = {uint32_t(first), uint32_t(vertices.size() - first)};
    }
    _text.upload(frame.slot, vertices, ranges);
}

void GraphicsLayer::draw(const DrawContext& frame) {
    if (frame.scene.markers != MarkerStyle::Symbols || !frame.scene.shows("scenarios")) return;
    if (frame.stage == Stage::Lines && !_lines.empty()) {
        frame.bind(_linePipeline);
        const float scale = strokeScale(frame.displayScale);
        for (const Lines& l : _lines) {
            const LineStyle style{l.color, l.widthPx * scale, kCasing, (l.widthPx + 2.0f) * scale};
            l.lines->draw(frame.cmd, _linePipeline.layout(), frame.view(), frame.scene.exaggeration, style);
        }
    }
    if (frame.stage == Stage::Screen) _text.draw(frame);
}

} // namespace renderer
