#include "renderer/Overlay.h"

#include "renderer/LabelLayer.h"

#include <algorithm>
#include <set>

namespace renderer {

namespace {

constexpr char32_t kSolid = U'\u2588';   //!< full block: its middle is solid, so plates sample there
constexpr char32_t kSquare = U'\u25A0';  //!< ■ swatches, equipment sites, solid status
constexpr char32_t kHatched = U'\u25A8'; //!< ▨ illustrative status
constexpr size_t kMaxRows = 7;           //!< longer legend sections continue in a second column
constexpr float kMinReadablePx = 8.0f;   //!< legend text smaller than this is left out

char32_t symbolOf(geo::FeatureKind kind) {
    switch (kind) {
    case geo::FeatureKind::Hub: return U'\u2B22';   // ⬢ the hexagonal prism
    case geo::FeatureKind::Force: return U'\u25B2'; // ▲ the triangular prism
    case geo::FeatureKind::Station: return U'\u25CF';
    case geo::FeatureKind::Corridor:
    case geo::FeatureKind::ContactLine: return U'\u2501'; // ━
    default: return kSquare;
    }
}

const char* labelOf(geo::FeatureKind kind) {
    switch (kind) {
    case geo::FeatureKind::Hub: return "Hub";
    case geo::FeatureKind::EquipmentSite: return "Equipment site";
    case geo::FeatureKind::Force: return "Force";
    case geo::FeatureKind::Station: return "Station";
    case geo::FeatureKind::AirZone: return "Air zone";
    case geo::FeatureKind::SeaZone: return "Sea zone";
    case geo::FeatureKind::Corridor: return "Corridor";
    case geo::FeatureKind::MonitoringZone: return "Monitoring zone";
    case geo::FeatureKind::ContactLine: return "Line of contact";
    case geo::FeatureKind::OccupiedArea: return "Occupied area";
    }
    return "";
}

constexpr const char* kHeadings[] = {"LEAD NATIONS", "FEATURES", "STATUS"};
constexpr const char* kSolidText = "Announced or reported";
constexpr const char* kHatchedText = "Illustrative placement";

//! A quad on screen (title, legend and credits are all drawn in screen pixels).
void quad(std::vector<LabelVertex>& out, float x0, float y0, float x1, float y1, glm::vec4 uv, glm::vec4 color,
          glm::vec4 halo) {
    appendLabelQuad(out, glm::vec3(0.0f), {x0, y0, x1, y1}, uv, color, halo, true);
}

} // namespace

std::vector<LegendSection> legendFor(const geo::ScenarioSet& set, uint32_t scenarios,
                                     const std::map<std::string, std::string>& names, Palette palette) {
    std::map<std::string, int> leads;
    std::set<geo::FeatureKind> kinds;
    for (const geo::ScenarioFeature& f : set.features) {
        if (!(f.scenarioMask & scenarios)) continue;
        kinds.insert(f.kind);
        // Only markers and air zones wear their nation's colour; the other kinds have their own.
        if ((geo::isMarker(f.kind) || f.kind == geo::FeatureKind::AirZone) && !f.lead().empty()) ++leads[f.lead()];
    }
    if (kinds.empty()) return {};
    std::vector<std::pair<std::string, int>> byCount(leads.begin(), leads.end());
    std::stable_sort(byCount.begin(), byCount.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    LegendSection nations{kHeadings[0], {}};
    for (const auto& [code, count] : byCount) {
        const auto name = names.find(code);
        nations.entries.push_back({kSquare, nationColor(code, palette), name == names.end() ? code : name->second});
    }
    LegendSection features{kHeadings[1], {}};
    for (geo::FeatureKind kind : kinds) {
        glm::vec4 color{0.92f, 0.94f, 0.96f, 1.0f}; // markers: the shape says the kind, the colour the nation
        if (!geo::isMarker(kind) && kind != geo::FeatureKind::AirZone)
            color = glm::vec4(glm::vec3(kindColor(kind, palette)), 1.0f);
        features.entries.push_back({symbolOf(kind), color, labelOf(kind)});
    }
    LegendSection status{
        kHeadings[2],
        {{kSquare, {0.92f, 0.94f, 0.96f, 1.0f}, kSolidText}, {kHatched, {0.92f, 0.94f, 0.96f, 1.0f}, kHatchedText}}};
    std::vector<LegendSection> out;
    if (!nations.entries.empty()) out.push_back(std::move(nations));
    out.push_back(std::move(features));
    out.push_back(std::move(status));
    return out;
}

Overlay::Overlay(const GlyphAtlas& atlas, const geo::ScenarioSet* scenarios,
                 std::map<std::string, std::string> nationNames, std::string attribution, SceneStyle style)
    : _atlas(atlas), _scenarios(scenarios), _nationNames(std::move(nationNames)), _attribution(std::move(attribution)),
      _style(style), _look(textLook(style.theme)) {}

std::vector<char32_t> Overlay::codepointsOf(const geo::ScenarioSet* scenarios,
                                            const std::map<std::string, std::string>& nationNames) {
    std::set<char32_t> all{kSolid, kSquare, kHatched, U'\u2014'};
    auto add = [&](const std::string& text) {
        for (char32_t c : decodeUtf8(text)) all.insert(c);
    };
    for (geo::FeatureKind k :
         {geo::FeatureKind::Hub, geo::FeatureKind::Force, geo::FeatureKind::Station, geo::FeatureKind::ContactLine})
        all.insert(symbolOf(k));
    if (scenarios)
        for (const geo::ScenarioFeature& f : scenarios->features)
            if (auto it = nationNames.find(f.lead()); it != nationNames.end()) add(it->second);
    return {all.begin(), all.end()};
}

float Overlay::text(const std::string& utf8, glm::vec2 pen, float size, glm::vec4 color, size_t maxVertices,
                    std::vector<LabelVertex>& out) const {
    const std::u32string codepoints = decodeUtf8(utf8);
    const float start = pen.x, k = size / _atlas.bakeSize();
    if (out.size() + 6 * codepoints.size() > maxVertices) return 0.0f;
    for (char32_t c : codepoints) {
        const Glyph& g = _atlas.glyph(c);
        if (g.x1 > g.x0)
            quad(out, pen.x + g.x0 * k, pen.y + g.y0 * k, pen.x + g.x1 * k, pen.y + g.y1 * k, {g.u0, g.v0, g.u1, g.v1},
                 color, _look.halo);
        pen.x += g.advance * k;
    }
    return pen.x - start;
}

void Overlay::plate(glm::vec2 a, glm::vec2 b, size_t maxVertices, std::vector<LabelVertex>& out) const {
    if (out.size() + 6 > maxVertices) return;
    const Glyph& g = _atlas.glyph(kSolid);
    const glm::vec2 inside{(g.u0 + g.u1) * 0.5f, (g.v0 + g.v1) * 0.5f}; // the distance field is 1 here
    quad(out, a.x, a.y, b.x, b.y, {inside, inside}, _look.backplate, glm::vec4(0.0f));
}

void Overlay::append(const OverlayContent& content, glm::vec2 size, float scale, size_t maxVertices,
                     std::vector<LabelVertex>& out) const {
    // Title and captions at the top left, on one plate.
    std::vector<std::pair<std::string, bool>> lines; // text, is the title
    if (!content.title.empty()) lines.emplace_back(content.title, true);
    for (const std::string& c : content.caption) lines.emplace_back(c, false);
    if (!lines.empty()) {
        const float left = 14.0f * scale, room = size.x - 2.0f * left;
        std::vector<float> sizes;
        float widest = 0;
        for (const auto& [line, title] : lines) {
            const float natural = (title ? 22.0f : 15.0f) * scale, width = _atlas.measure(line, natural);
            sizes.push_back(width > room ? natural * room / width : natural); // a long title shrinks to fit
            widest = std::max(widest, std::min(width, room));
        }
        const float top = 30.0f * scale - sizes.front() * 0.95f - 6.0f * scale;
        const float bottom = (30.0f + 22.0f * float(lines.size() - 1)) * scale + sizes.back() * 0.3f + 7.0f * scale;
        plate({left - 8.0f * scale, top}, {left + widest + 8.0f * scale, bottom}, maxVertices, out);
        for (size_t i = 0; i < lines.size(); ++i)
            text(lines[i].first, {left, (30.0f + 22.0f * float(i)) * scale}, sizes[i],
                 lines[i].second ? _look.text : _look.accent, maxVertices, out);
    }
    if (content.legendScenarios && _scenarios)
        legend(content.legendScenarios, size, scale, (content.attribution ? 28.0f : 12.0f) * scale, maxVertices, out);
    // Where the data comes from, small in the bottom-right corner (GeoNames' CC-BY asks it).
    const std::string line = _attribution.empty() || content.credits.empty() ? _attribution + content.credits
                                                                             : _attribution + " · " + content.credits;
    if (content.attribution && !line.empty()) {
        // Never wider than 60 % of the view, so small stills keep all of it.
        const float textSize = std::min(11.0f * scale, 0.6f * size.x / _atlas.measure(line, 1.0f));
        const float width = _atlas.measure(line, textSize);
        const glm::vec2 corner{size.x - 10.0f * scale, size.y - 8.0f * scale};
        if (_style.theme == Theme::HighContrast)
            plate({corner.x - width - 5.0f * scale, corner.y - textSize - 3.0f * scale},
                  {corner.x + 5.0f * scale, corner.y + 0.35f * textSize + 3.0f * scale}, maxVertices, out);
        const glm::vec4 color =
            _style.theme == Theme::HighContrast ? _look.text : glm::vec4(0.92f, 0.94f, 0.96f, 0.95f);
        text(line, {corner.x - width, corner.y}, textSize, color, maxVertices, out);
    }
}

void Overlay::legend(uint32_t scenarios, glm::vec2 size, float scale, float bottomMargin, size_t maxVertices,
                     std::vector<LabelVertex>& out) const {
    const std::vector<LegendSection> sections = legendFor(*_scenarios, scenarios, _nationNames, _style.palette);
    if (sections.empty()) return;
    // Columns of at most kMaxRows entries; a section's heading over its first.
    struct Column {
        std::string heading;
        std::vector<const LegendEntry*> entries;
    };
    std::vector<Column> columns;
    size_t rows = 0;
    for (const LegendSection& s : sections)
        for (size_t i = 0; i < s.entries.size(); ++i) {
            if (i % kMaxRows == 0) columns.push_back({i == 0 ? s.heading : "", {}});
            columns.back().entries.push_back(&s.entries[i]);
            rows = std::max(rows, columns.back().entries.size());
        }
    // Sizes at 1080 lines; the whole shrinks to stay within 62 % of the width and 45 % of the height.
    constexpr float kHeading = 12.0f, kEntry = 15.0f, kRow = 21.0f, kHeadingRow = 20.0f, kSymbolBox = 23.0f,
                    kPad = 11.0f, kGap = 22.0f;
    std::vector<float> widths;
    float natural = 2 * kPad - kGap;
    for (const Column& c : columns) {
        float w = _atlas.measure(c.heading, kHeading);
        for (const LegendEntry* e : c.entries) w = std::max(w, kSymbolBox + _atlas.measure(e->text, kEntry));
        widths.push_back(w);
        natural += w + kGap;
    }
    const float naturalHeight = 2 * kPad + kHeadingRow + float(rows) * kRow;
    const float k =
        scale * std::min({1.0f, 0.62f * size.x / (natural * scale), 0.45f * size.y / (naturalHeight * scale)});
    if (kEntry * k < kMinReadablePx) return; // a thumbnail: a legend there would be noise
    const glm::vec2 topLeft{12.0f * scale, size.y - bottomMargin - naturalHeight * k};
    plate(topLeft, topLeft + glm::vec2(natural, naturalHeight) * k, maxVertices, out);
    float x = topLeft.x + kPad * k;
    for (size_t c = 0; c < columns.size(); ++c) {
        const float y = topLeft.y + kPad * k;
        if (!columns[c].heading.empty())
            text(columns[c].heading, {x, y + kHeading * k}, kHeading * k, _look.accent, maxVertices, out);
        for (size_t r = 0; r < columns[c].entries.size(); ++r) {
            const LegendEntry& e = *columns[c].entries[r];
            const float baseline = y + (kHeadingRow + kRow * float(r + 1) - 6.0f) * k;
            // The symbol centred in its box, on the middle of the text's lower-case letters.
            const Glyph& g = _atlas.glyph(e.symbol);
            const float symbolSize = 17.0f * k, gk = symbolSize / _atlas.bakeSize();
            const glm::vec2 centre{x + 0.5f * (kSymbolBox - 5.0f) * k, baseline - 0.36f * kEntry * k};
            if (g.x1 > g.x0 && out.size() + 6 <= maxVertices)
                quad(out, centre.x - 0.5f * (g.x1 - g.x0) * gk, centre.y - 0.5f * (g.y1 - g.y0) * gk,
                     centre.x + 0.5f * (g.x1 - g.x0) * gk, centre.y + 0.5f * (g.y1 - g.y0) * gk,
                     {g.u0, g.v0, g.u1, g.v1}, e.color, _look.halo);
            text(e.text, {x + kSymbolBox * k, baseline}, kEntry * k, _look.text, maxVertices, out);
        }
        x += (widths[c] + kGap) * k;
    }
}

} // namespace renderer
