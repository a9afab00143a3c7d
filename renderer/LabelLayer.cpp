#include "renderer/LabelLayer.h"

#include "geo/Ellipsoid.h"
#include "geo/SharedRules.h"
#include "renderer/DisplayScale.h"

#include <algorithm>
#include <set>

namespace renderer {

namespace {

void addQuad(std::vector<LabelVertex>& out, const glm::vec3& anchor, float x0, float y0, float x1, float y1,
             const Glyph& g, const glm::vec4& color, const glm::vec4& halo, bool screen = false) {
    appendLabelQuad(out, anchor, {x0, y0, x1, y1}, {g.u0, g.v0, g.u1, g.v1}, color, halo, screen);
}

} // namespace

void appendLabelQuad(std::vector<LabelVertex>& out, const glm::vec3& anchor, const glm::vec4& corners,
                     const glm::vec4& uv, const glm::vec4& color, const glm::vec4& halo, bool screen) {
    auto v = [&](float x, float y, float u, float w) {
        out.push_back({{anchor.x, anchor.y, anchor.z},
                       {x, y},
                       {u, w},
                       {color.r, color.g, color.b, color.a},
                       {halo.r, halo.g, halo.b, halo.a},
                       screen ? 1.0f : 0.0f});
    };
    const float x0 = corners.x, y0 = corners.y, x1 = corners.z, y1 = corners.w;
    v(x0, y0, uv.x, uv.y);
    v(x1, y0, uv.z, uv.y);
    v(x0, y1, uv.x, uv.w);
    v(x0, y1, uv.x, uv.w);
    v(x1, y0, uv.z, uv.y);
    v(x1, y1, uv.z, uv.w);
}

LabelLayer::LabelLayer(const geo::Terrain& terrain, std::vector<geo::Place> places, const geo::ScenarioSet* scenarios,
                       const GlyphAtlas& atlas)
    : _atlas(atlas) {
    auto add = [&](geo::Place p, int priority, uint32_t mask, bool marker, size_t feature = 0) {
        Entry e{std::move(p), {}, {}, 0.0f, priority, mask, marker, feature};
        e.ground = geo::toEcef({e.place.lon, e.place.lat, 0.0});
        e.up = geo::upAt(e.place.lon, e.place.lat);
        e.height = std::max(terrain.heightAt(e.place.lon, e.place.lat), 0.0f);
        _entries.push_back(std::move(e));
    };
    // Scenario markers come first: they are what a briefing is about.
    if (scenarios)
        for (size_t i = 0; i < scenarios->features.size(); ++i)
            if (const geo::ScenarioFeature& f = scenarios->features[i]; geo::isMarker(f.kind) && !f.points.empty()) {
                geo::Place p;
                p.name = f.name;
                p.lon = f.points[0].x;
                p.lat = f.points[0].y;
                p.population = f.personnel.value_or(0);
                add(std::move(p), 4, f.scenarioMask, true, i);
            }
    for (geo::Place& p : places) {
        const int priority = p.capital ? 3 : p.population >= 1000000 ? 2 : p.population >= 250000 ? 1 : 0;
        add(std::move(p), priority, ~0u, false);
    }
    std::stable_sort(_entries.begin(), _entries.end(), [](const Entry& a, const Entry& b) {
        return a.priority != b.priority ? a.priority > b.priority : a.place.population > b.place.population;
    });
}

void LabelLayer::appendScreenText(const std::string& text, glm::vec2 anchor, bool alignRight, float size,
                                  glm::vec4 color, size_t maxVertices, std::vector<LabelVertex>& out) const {
    const std::u32string codepoints = decodeUtf8(text);
    if (out.size() + 6 * codepoints.size() > maxVertices) return;
    const float k = size / _atlas.bakeSize();
    float pen = alignRight ? anchor.x - _atlas.measure(text, size) : anchor.x;
    const glm::vec4 halo{0.05f, 0.07f, 0.10f, 0.22f};
    for (char32_t c : codepoints) {
        const Glyph& g = _atlas.glyph(c);
        if (g.x1 > g.x0)
            addQuad(out, glm::vec3(0.0f), pen + g.x0 * k, anchor.y + g.y0 * k, pen + g.x1 * k, anchor.y + g.y1 * k, g,
                    color, halo, true);
        pen += g.advance * k;
    }
}

std::vector<char32_t> LabelLayer::codepointsOf(const std::vector<geo::Place>& places,
                                               const geo::ScenarioSet* scenarios) {
    std::set<char32_t> all;
    auto addText = [&](const std::string& text) {
        for (char32_t c : decodeUtf8(text)) all.insert(c);
    };
    for (const geo::Place& p : places) addText(p.name);
    if (scenarios) {
        for (const geo::ScenarioFeature& f : scenarios->features) addText(f.name);
        for (const geo::ScenarioInfo& s : scenarios->scenarios) addText(s.name);
    }
    return {all.begin(), all.end()};
}

size_t LabelLayer::layout(const View& view, double exaggeration, float scale, Scenarios scenarios, size_t maxVertices,
                          std::vector<LabelVertex>& out, Declutter* placed) const {
    // Appends to `out`: in compare mode each half adds its own.
    Declutter local;
    Declutter& taken = placed ? *placed : local;
    size_t count = 0;
    const glm::vec4 white = look.text, halo = look.halo;
    for (const Entry& e : _entries) {
        if (count >= maxLabels) break;
        const glm::dvec3 anchor = e.ground + e.up * geo::raisedHeight(e.height, exaggeration);
        float presence = 1.0f;
        if (e.marker) {
            // Named while its marker is more there than not (presence() in common.glsl).
            presence = geo::scenarioPresence(e.scenarios, scenarios.from, scenarios.to, scenarios.transition);
            if (presence < 0.5f) continue;
        } else {
            // The farther a place, the bigger it must be to get a label (capitals always may); the
            // decluttering below thins the rest.
            const double distanceKm = glm::length(anchor - view.eye) / 1000.0;
            if (!e.place.capital && double(e.place.population) < std::min(distanceKm * 40.0, 600000.0)) continue;
        }
        // Beyond the horizon: the eye is below this point's tangent plane.
        if (glm::dot(view.eye - anchor, e.up) <= 0.0) continue;
        glm::dvec2 px;
        if (!view.project(anchor, px)) continue;
        const bool major = e.priority >= 2;
        const float size = labelPixels(e.marker ? 15.0f : major ? 17.0f : 14.0f, scale);
        float dot = (e.marker ? 16.0f : major ? 9.0f : 7.0f) * scale; // markers: room for the prism
        const float textWidth = _atlas.measure(e.place.name, size);
        const float gap = 3.0f * scale;
        // Beside its military symbol, where one is drawn: the name starts after the symbol's box, on its
        // middle line (the box stands above the point on its stem when the view is tilted).
        std::optional<size_t> symbol;
        glm::vec2 middle(px);
        if (e.marker && taken.symbols) {
            symbol = taken.symbolOf(e.feature);
            if (!symbol) continue; // in a cluster, or left out: the cluster speaks for it
            const ScreenBox& box = taken.placed()[*symbol].box;
            middle = {float(px.x), 0.5f * (box.y0 + box.y1)};
            dot = 2.0f * (box.x1 - float(px.x));
        }
        const ScreenBox rect{middle.x - dot * 0.5f, middle.y - size * 0.75f, middle.x + dot * 0.5f + gap + textWidth,
                             middle.y + size * 0.5f};
        if (rect.x1 < 0 || rect.y1 < 0 || rect.x0 > view.width || rect.y0 > view.height) continue;
        const ScreenBox padded{rect.x0 - 4 * scale, rect.y0 - 3 * scale, rect.x1 + 4 * scale, rect.y1 + 3 * scale};
        // A name beside its symbol is placed from the symbol's edge on: only its text box is its own.
        const ScreenBox own = symbol ? ScreenBox{middle.x + dot * 0.5f, padded.y0, padded.x1, padded.y1} : padded;
        if (!taken.isFree(own)) continue;
        const std::u32string text = decodeUtf8(e.place.name);
        if (out.size() + 6 * (text.size() + 1) > maxVertices) break;
        taken.place({own, e.marker ? BoxKind::FeatureName : BoxKind::PlaceName, e.marker ? int32_t(e.feature) : -1});
        ++count;

        const glm::vec3 rel(anchor - view.eye);
        const float k = size / _atlas.bakeSize();
        // The dot: a glyph centred on the place.
        const Glyph& marker = _atlas.glyph(U'\u25CF');
        const float mk = dot / _atlas.bakeSize() * 1.6f;
        const float mx = -(marker.x0 + marker.x1) * 0.5f * mk, my = -(marker.y0 + marker.y1) * 0.5f * mk;
        const glm::vec4 dotColor = e.place.capital ? glm::vec4(1.0f, 0.85f, 0.2f, 1.0f) : white;
        if (!e.marker) // a marker stands there already
            addQuad(out, rel, mx + marker.x0 * mk, my + marker.y0 * mk, mx + marker.x1 * mk, my + marker.y1 * mk,
                    marker, dotColor, halo);
        const glm::vec4 textColor = e.marker ? glm::vec4(glm::vec3(look.markerText), presence) : white;
        // The name, on a baseline through the dot's middle, shifted down by a third of the size.
        float pen = dot * 0.5f + gap;
        const float baseline = middle.y - float(px.y) + size * 0.35f;
        for (char32_t c : text) {
            const Glyph& g = _atlas.glyph(c);
            if (g.x1 > g.x0)
                addQuad(out, rel, pen + g.x0 * k, baseline + g.y0 * k, pen + g.x1 * k, baseline + g.y1 * k, g,
                        textColor, halo);
            pen += g.advance * k;
        }
    }
    return count;
}

} // namespace renderer
