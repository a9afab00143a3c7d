// Lines and areas as tactical graphics, drawn by the real mil-sym-ts in the real node helper: the line of
// contact's decoration, an air zone's floor and ceiling labels, the default scenarios, and validate.
#include "geo/Scenario.h"
#include "geo/SymbolLibrary.h"
#include "geo/SymbolRules.h"
#include "geo/TacticalGraphics.h"

#include <gtest/gtest.h>

namespace geo {
namespace {

SymbolLibrary& library() {
    static auto started = SymbolLibrary::start();
    if (!started) ADD_FAILURE() << started.failure().message();
    return *started.value();
}

ScenarioFeature feature(const std::string& id, FeatureKind kind, FeatureStatus status, const std::string& lead) {
    ScenarioFeature f;
    f.id = id;
    f.kind = kind;
    f.status = status;
    f.nations = {lead};
    return f;
}

Polygon square(double lon, double lat, double size) {
    return {{{{lon, lat}, {lon + size, lat}, {lon + size, lat + size}, {lon, lat + size}, {lon, lat}}}};
}

GraphicDrawing drawn(const ScenarioFeature& f, std::vector<glm::dvec2> points) {
    auto request = graphicFor(f);
    EXPECT_TRUE(request) << f.id;
    if (!request) return {};
    request->points = std::move(points);
    auto answer = library().graphics({*request});
    EXPECT_TRUE(answer) << (answer ? "" : answer.failure().message());
    return answer ? answer.value().at(0) : GraphicDrawing{};
}

TEST(TacticalGraphics, TheLineOfContactHasItsBackToBackSemicircles) {
    // A straight line 74 km long along 48 N, west to east. mil-sym-ts draws the line of contact as two
    // rows of semicircles facing each other on its left: the hostile (red) row standing on the line and
    // bulging away from it, the friendly row beyond, bulging back toward it; all within a few km.
    const ScenarioFeature line = feature("lc", FeatureKind::ContactLine, FeatureStatus::Reported, "UA");
    const GraphicDrawing d = drawn(line, {{36.0, 48.0}, {37.0, 48.0}});
    ASSERT_TRUE(d.error.empty()) << d.error;
    EXPECT_TRUE(d.known);
    EXPECT_EQ(d.name, "Line of Contact");
    EXPECT_EQ(d.geometry, "Line");
    ASSERT_EQ(d.lines.size(), 2u);
    const GraphicLine& hostile = d.lines[0].color.r > 0.9f ? d.lines[0] : d.lines[1];
    const GraphicLine& friendly = &hostile == &d.lines[0] ? d.lines[1] : d.lines[0];
    EXPECT_LT(hostile.color.g, 0.1f); // red
    EXPECT_LT(friendly.color.r, 0.1f);
    const auto band = [](const GraphicLine& l) {
        glm::dvec2 lat{90.0, -90.0};
        for (const glm::dvec2& p : l.points) {
            EXPECT_GT(p.x, 35.9);
            EXPECT_LT(p.x, 37.1);
            lat = {std::min(lat.x, p.y), std::max(lat.y, p.y)};
        }
        return lat;
    };
    const glm::dvec2 h = band(hostile), f = band(friendly);
    EXPECT_GT(hostile.points.size() + friendly.points.size(), 40u); // semicircles, not the two points given
    EXPECT_NEAR(h.x, 48.0, 0.002);                                  // standing on the line
    EXPECT_GT((h.y - h.x) * 111.0, 3.0);                            // bulging a few km
    EXPECT_NEAR(f.x, h.y, 0.01);                                    // the rows touch tip to tip
    EXPECT_LT((f.y - 48.0) * 111.0, 15.0);                          // all near the line
    // The hostile row's semicircles open onto the line (their ends on it), the friendly row's away from it.
    EXPECT_NEAR(hostile.points.front().y, 48.0, 0.002);
    EXPECT_NEAR(friendly.points.front().y, f.y, 0.002);
}

TEST(TacticalGraphics, AnAirZoneIsLabelledWithItsFloorAndCeiling) {
    ScenarioFeature zone = feature("air", FeatureKind::AirZone, FeatureStatus::Illustrative, "PL");
    zone.floorM = 8000;
    zone.ceilingM = 12000;
    zone.amplifiers.uniqueDesignation = "AEW orbit PL";
    zone.polygons = {square(22.0, 50.0, 1.0)};
    const GraphicDrawing d = drawn(zone, {{22.0, 50.0}, {23.0, 50.0}, {23.0, 51.0}, {22.0, 51.0}});
    ASSERT_TRUE(d.error.empty()) << d.error;
    EXPECT_EQ(d.name, "Restricted Operations Zone");
    std::string all;
    for (const GraphicLabel& l : d.labels) all += l.text + "\n";
    EXPECT_NE(all.find("ROZ"), std::string::npos) << all;
    EXPECT_NE(all.find("AEW orbit PL"), std::string::npos) << all;
    EXPECT_NE(all.find("MIN ALT: 8000 M AMSL"), std::string::npos) << all;
    EXPECT_NE(all.find("MAX ALT: 12000 M AMSL"), std::string::npos) << all;
    EXPECT_EQ(all.find("TIME"), std::string::npos) << all; // fields without a value are left out
    ASSERT_FALSE(d.lines.empty());
    // Planned (illustrative): the library draws the outline dashed, as many short pieces.
    EXPECT_GT(d.lines.size(), 4u);
}

TEST(TacticalGraphics, TheDefaultScenariosGetTheirGraphics) {
    const ScenarioLoad load = loadScenarios(BULWARK_ASSETS_DIR "/scenarios/scenarios.json");
    ASSERT_TRUE(load.problems.empty());
    const TacticalGraphics graphics = buildTacticalGraphics(load.set, &library());
    EXPECT_TRUE(graphics.problem.empty()) << graphics.problem;
    for (size_t i = 0; i < load.set.features.size(); ++i) {
        const ScenarioFeature& f = load.set.features[i];
        const bool standard = f.kind == FeatureKind::ContactLine || f.kind == FeatureKind::MonitoringZone ||
                              f.kind == FeatureKind::OccupiedArea || f.kind == FeatureKind::AirZone;
        EXPECT_EQ(graphics.draws(i), standard) << f.id;
    }
    // Asked again (a reload), every answer comes from the library's cache.
    const TacticalGraphics again = buildTacticalGraphics(load.set, &library());
    ASSERT_FALSE(graphics.graphics.empty());
    ASSERT_EQ(again.graphics.size(), graphics.graphics.size());
    EXPECT_EQ(again.graphics[0].drawing->lines.size(), graphics.graphics[0].drawing->lines.size());
    // Without a library nothing is drawn and the problem says why.
    const TacticalGraphics none = buildTacticalGraphics(load.set, nullptr, "no node");
    EXPECT_TRUE(none.graphics.empty());
    EXPECT_EQ(none.problem, "no node");
}

TEST(TacticalGraphics, ValidateChecksTheControlMeasuresOfLinesAndAreas) {
    ScenarioSet set;
    set.featuresFile = "features.geojson";
    ScenarioFeature boundary = feature("boundary", FeatureKind::ContactLine, FeatureStatus::Reported, "UA");
    boundary.sidc = "10032500181101000000"; // a brigade boundary: a line
    boundary.points = {{30, 50}, {31, 49}};
    ScenarioFeature wrongShape = feature("wrong-shape", FeatureKind::MonitoringZone, FeatureStatus::Reported, "US");
    wrongShape.sidc = "10032500001402000000"; // a line of contact given to an area
    wrongShape.polygons = {square(30, 48, 1)};
    ScenarioFeature unknown = feature("unknown", FeatureKind::MonitoringZone, FeatureStatus::Reported, "US");
    unknown.sidc = "10032500009999000000";
    unknown.polygons = {square(30, 48, 1)};
    set.features = {boundary, wrongShape, unknown};
    const std::vector<Problem> problems = checkSymbols(set, &library(), "");
    std::string all;
    for (const Problem& p : problems) all += p.text() + "\n";
    ASSERT_EQ(problems.size(), 2u) << all;
    EXPECT_EQ(problems[0].featureId, "wrong-shape");
    EXPECT_NE(problems[0].message.find("Line of Contact"), std::string::npos) << all;
    EXPECT_EQ(problems[1].featureId, "unknown");
    EXPECT_NE(problems[1].message.find("999900"), std::string::npos) << all;
    // Without the library nothing can be checked, and validate says so once.
    const std::vector<Problem> without = checkSymbols(set, nullptr, "symbol library x: no helper.js there");
    ASSERT_EQ(without.size(), 1u);
    EXPECT_NE(without[0].message.find("no helper.js"), std::string::npos);
    // A graphic's code is drawn as the graphic, with its own echelon mark, not as a point symbol.
    EXPECT_TRUE(sidcIsGraphic(boundary));
    const TacticalGraphics graphics = buildTacticalGraphics(set, &library());
    ASSERT_FALSE(graphics.graphics.empty());
    std::string labels;
    for (const GraphicLabel& l : graphics.graphics[0].drawing->labels) labels += l.text + " ";
    EXPECT_NE(labels.find('X'), std::string::npos) << labels; // the brigade's echelon mark on the boundary
}

} // namespace
} // namespace geo
