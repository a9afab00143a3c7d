#include "renderer/WarningLayer.h"

#include "geo/Ellipsoid.h"
#include "geo/SharedRules.h"
#include "renderer/DisplayScale.h"
#include "renderer/LabelLayer.h"

#include <algorithm>

namespace renderer {

namespace {

constexpr size_t kMaxVertices = 16 * 1024;
constexpr char32_t kRing = U'\u25EF'; //!< LARGE CIRCLE, drawn around the marker of a site breaking a rule
const LineStyle kLineStyle{WarningLayer::kColor, 3.0f, {0.08f, 0.02f, 0.02f, 1.0f}, 6.0f};

} // namespace

WarningLayer::WarningLayer(const LayerSetup& setup)
    : _context(setup.context), _terrain(*setup.inputs.terrain),
      _linePipeline(setup.pipelines.shared("line", &LineLayer::pipelineDesc)), _text(setup, kMaxVertices) {
    sceneChanged(setup);
}

void WarningLayer::sceneChanged(const LayerSetup& setup) {
    // Distances are ASCII ("132 km"); the ring is the one other glyph.
    _text.bake(setup.inputs.font, {kRing});
    _look = textLook(setup.inputs.style.theme);
    setWarnings(setup.inputs.warnings);
}

void WarningLayer::setWarnings(std::vector<geo::RuleWarning> warnings) {
    _warnings = std::move(warnings);
    std::vector<std::vector<glm::dvec2>> paths;
    for (const geo::RuleWarning& w : _warnings)
        if (w.distance) paths.push_back(w.distance->path);
    _lines.reset();
    if (!paths.empty()) _lines.emplace(_context, _terrain, paths);
}

void WarningLayer::prepare(const FrameContext& frame) {
    std::vector<LabelVertex> vertices;
    std::array<std::pair<uint32_t, uint32_t>, 2> ranges{};
    const GlyphAtlas& atlas = _text.atlas();
    const glm::vec4 halo = _look.halo;
    for (size_t h = 0; h < frame.halves.size(); ++h) {
        const HalfView& half = frame.halves[h];
        if (!half.visible) continue;
        const View& view = half.view;
        const size_t first = vertices.size(), limit = first + _text.maxVertices() / frame.halves.size();
        // A point on the ground, raised as the terrain is; nothing when beyond the horizon or off screen.
        auto anchor = [&](glm::dvec2 lonLat) -> std::optional<glm::vec3> {
            const glm::dvec3 up = geo::upAt(lonLat.x, lonLat.y);
            const float height = std::max(_terrain.heightAt(lonLat.x, lonLat.y), 0.0f);
            const glm::dvec3 at =
                geo::toEcef({lonLat.x, lonLat.y, 0.0}) + up * geo::raisedHeight(height, frame.scene.exaggeration);
            glm::dvec2 px;
            if (glm::dot(view.eye - at, up) <= 0.0 || !view.project(at, px)) return std::nullopt;
            return glm::vec3(at - view.eye);
        };
        // `text` centred on the anchor, at `size` pixels.
        auto centred = [&](const glm::vec3& at, const std::u32string& text, float size, glm::vec4 color) {
            const float k = size / atlas.bakeSize();
            float width = 0;
            for (char32_t c : text) width += atlas.glyph(c).advance * k;
            float pen = -width * 0.5f;
            const float baseline = -size * 0.4f; // above the line it labels
            for (char32_t c : text) {
                const Glyph& g = atlas.glyph(c);
                if (g.x1 > g.x0 && vertices.size() + 6 <= limit)
                    appendLabelQuad(vertices, at,
                                    {pen + g.x0 * k, baseline + g.y0 * k, pen + g.x1 * k, baseline + g.y1 * k},
                                    {g.u0, g.v0, g.u1, g.v1}, color, halo, false);
                pen += g.advance * k;
            }
        };
        for (const geo::RuleWarning& w : _warnings) {
            if (w.site)
                if (const auto at = anchor(*w.site)) {
                    // The ring's glyph box is centred on the site, not its baseline.
                    const float size = 34.0f * frame.displayScale;
                    const Glyph& g = atlas.glyph(kRing);
                    const float k = size / atlas.bakeSize();
                    const float dx = -(g.x0 + g.x1) * 0.5f * k, dy = -(g.y0 + g.y1) * 0.5f * k;
                    if (vertices.size() + 6 <= limit)
                        appendLabelQuad(vertices, *at, {dx + g.x0 * k, dy + g.y0 * k, dx + g.x1 * k, dy + g.y1 * k},
                                        {g.u0, g.v0, g.u1, g.v1}, kColor, halo, false);
                }
            if (w.distance)
                if (const auto at = anchor(w.distance->labelAt))
                    centred(*at, decodeUtf8(w.distance->label), labelPixels(16.0f, frame.displayScale), kColor);
        }
        ranges[h] = {uint32_t(first), uint32_t(vertices.size() - first)};
    }
    _text.upload(frame.slot, vertices, ranges);
}

void WarningLayer::draw(const DrawContext& frame) {
    if (frame.stage == Stage::Lines && _lines) {
        const float scale = strokeScale(frame.displayScale);
        LineStyle style = kLineStyle;
        style.widthPx *= scale;
        style.casingWidthPx *= scale;
        frame.bind(_linePipeline);
        frame.stats.lineSegments +=
            _lines->draw(frame.cmd, _linePipeline.layout(), frame.view(), frame.scene.exaggeration, style);
    }
    if (frame.stage == Stage::Screen) _text.draw(frame);
}

} // namespace renderer
