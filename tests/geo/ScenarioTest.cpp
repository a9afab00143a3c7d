// Scenario files: the manifest and features format, every problem `bulwark validate` must catch,
// and the planning rules of SCENARIOS.md.
#include "geo/Scenario.h"
#include "Fixtures.h"
#include "geo/Spatial.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace geo {
namespace {

using nlohmann::json;
using test::TempDir;

json feature(const std::string& id, const std::string& kind, json geometry, json scenarios, json extra = {}) {
    json props = {{"id", id},
                  {"kind", kind},
                  {"name", "Name of " + id},
                  {"nations", {"FR"}},
                  {"status", "illustrative"},
                  {"source", "Illustrative placement"},
                  {"scenarios", scenarios}};
    for (auto& [k, v] : extra.items()) props[k] = v;
    return {{"type", "Feature"}, {"properties", props}, {"geometry", geometry}};
}
json point(double lon, double lat) {
    return {{"type", "Point"}, {"coordinates", {lon, lat}}};
}
json line(std::vector<std::pair<double, double>> pts) {
    json c = json::array();
    for (auto [lon, lat] : pts) c.push_back({lon, lat});
    return {{"type", "LineString"}, {"coordinates", c}};
}
json square(double lon, double lat, double size) {
    return {
        {"type", "Polygon"},
        {"coordinates", {{{lon, lat}, {lon + size, lat}, {lon + size, lat + size}, {lon, lat + size}, {lon, lat}}}}};
}

//! A small clean set: two rungs; the second holds the first.
json cleanFeatures() {
    const json both = {"rung-one", "rung-two"};
    return {{"type", "FeatureCollection"},
            {"features",
             {feature("station-pl", "station", point(22.019, 50.110), both, {{"nations", {"PL", "US"}}}),
              feature("line", "contact_line", line({{37.62, 49.71}, {37.80, 48.98}, {37.18, 48.28}}), both,
                      {{"nations", {"UA"}}}),
              feature("orbit", "air_zone", square(18.0, 51.0, 1.0), both, {{"floor_m", 8000}, {"ceiling_m", 12000}}),
              feature("hub-fr-lviv", "hub", point(24.029, 49.839), {"rung-two"},
                      {{"personnel", 800},
                       {"status", "announced"},
                       {"source", "AP, 2026-01-07: UK and France to set up military hubs"}})}}};
}

struct Files {
    TempDir dir;
    std::filesystem::path manifest;
    explicit Files(const json& features, const std::string& name = "features.geojson") {
        manifest = dir / "scenarios.json";
        test::writeText(dir / name, features.dump(2));
        test::writeText(manifest, json{{"format", "bulwark-scenarios/1"},
                                       {"features", name},
                                       {"scenarios",
                                        {{{"id", "rung-one"}, {"name", "One"}, {"description", "First"}},
                                         {{"id", "rung-two"}, {"name", "Two"}, {"description", "Second"}}}}}
                                      .dump(2));
    }
};

std::vector<Polygon> ukraineBox() { // a rough box over Ukraine, enough for the rules
    return {Polygon{{{{22.0, 44.0}, {40.5, 44.0}, {40.5, 52.5}, {22.0, 52.5}, {22.0, 44.0}}}}};
}

bool mentions(const std::vector<Problem>& problems, const std::string& id, const std::string& field,
              const std::string& words = "") {
    for (const Problem& p : problems)
        if (p.featureId == id && p.field == field && p.message.find(words) != std::string::npos) return true;
    return false;
}

std::string listOf(const std::vector<Problem>& problems) {
    std::string out;
    for (const Problem& p : problems) out += p.text() + "\n";
    return out;
}

TEST(Scenarios, ReadsACleanSet) {
    Files files(cleanFeatures());
    const ScenarioLoad load = loadScenarios(files.manifest);
    ASSERT_TRUE(load.problems.empty()) << listOf(load.problems);
    ASSERT_EQ(load.set.scenarios.size(), 2u);
    ASSERT_EQ(load.set.features.size(), 4u);
    const ScenarioFeature& station = load.set.features[0];
    EXPECT_EQ(station.kind, FeatureKind::Station);
    EXPECT_EQ(station.lead(), "PL");
    EXPECT_EQ(station.scenarioMask, 3u);
    EXPECT_NEAR(station.points.at(0).x, 22.019, 1e-9);
    const ScenarioFeature& orbit = load.set.features[2];
    EXPECT_EQ(orbit.polygons.size(), 1u);
    EXPECT_DOUBLE_EQ(*orbit.floorM, 8000);
    const ScenarioFeature& hub = load.set.features[3];
    EXPECT_EQ(hub.scenarioMask, 2u);
    EXPECT_EQ(*hub.personnel, 800);
    EXPECT_EQ(hub.status, FeatureStatus::Announced);
    EXPECT_TRUE(checkPlanningRules(load.set, ukraineBox()).empty());
}

TEST(Scenarios, EveryFormatErrorNamesFileFeatureAndField) {
    struct Case {
        std::string id, field, words;
        std::function<void(json&)> breakIt;
    };
    const std::vector<Case> cases = {
        {"hub-fr-lviv", "kind", "unknown kind 'base'", [](json& f) { f["properties"]["kind"] = "base"; }},
        {"hub-fr-lviv", "nations", "'FX'", [](json& f) { f["properties"]["nations"] = {"FX"}; }},
        {"hub-fr-lviv", "scenarios", "'rung-three'", [](json& f) { f["properties"]["scenarios"] = {"rung-three"}; }},
        {"hub-fr-lviv", "status", "missing", [](json& f) { f["properties"].erase("status"); }},
        {"hub-fr-lviv", "status", "'rumoured'", [](json& f) { f["properties"]["status"] = "rumoured"; }},
        {"hub-fr-lviv", "source", "missing", [](json& f) { f["properties"].erase("source"); }},
        {"hub-fr-lviv", "geometry", "Point", [](json& f) { f["geometry"] = square(24, 49, 1); }},
        {"hub-fr-lviv", "personnel", "whole number", [](json& f) { f["properties"]["personnel"] = -5; }},
        {"orbit", "floor_m", "not below ceiling", [](json& f) { f["properties"]["floor_m"] = 15000; }},
        {"orbit", "ceiling_m", "missing", [](json& f) { f["properties"].erase("ceiling_m"); }},
        {"orbit", "geometry", "invalid",
         [](json& f) {
             f["geometry"]["coordinates"] = {{{18, 51}, {19, 52}, {19, 51}, {18, 52}, {18, 51}}}; // a bow tie
         }},
        {"line", "geometry", "LineString", [](json& f) { f["geometry"] = point(37, 48); }},
    };
    for (const Case& c : cases) {
        json features = cleanFeatures();
        for (json& f : features["features"])
            if (f["properties"]["id"] == c.id) c.breakIt(f);
        Files files(features);
        const ScenarioLoad load = loadScenarios(files.manifest);
        EXPECT_TRUE(mentions(load.problems, c.id, c.field, c.words))
            << c.id << " " << c.field << " '" << c.words << "' not in:\n"
            << listOf(load.problems);
        for (const Problem& p : load.problems) EXPECT_EQ(p.file, files.dir.path() / "features.geojson");
    }
}

TEST(Scenarios, DuplicateIdsAndBadManifestsAreProblems) {
    json features = cleanFeatures();
    features["features"][1]["properties"]["id"] = "station-pl";
    Files files(features);
    EXPECT_TRUE(mentions(loadScenarios(files.manifest).problems, "station-pl", "id", "another feature"));

    TempDir dir;
    test::writeText(dir / "scenarios.json", "{ not json");
    const ScenarioLoad broken = loadScenarios(dir / "scenarios.json");
    ASSERT_FALSE(broken.problems.empty());
    EXPECT_NE(broken.problems[0].text().find("scenarios.json"), std::string::npos);
    EXPECT_FALSE(loadScenarios(dir / "missing.json").problems.empty());
}

TEST(ScenarioRules, BritishAndFrenchSitesStayFarFromTheLine) {
    // Lviv (in the clean set) is far from the line; Kramatorsk is about 60 km from it.
    json close = cleanFeatures();
    close["features"][3]["geometry"] = point(37.56, 48.72);
    Files files(close);
    const ScenarioLoad load = loadScenarios(files.manifest);
    ASSERT_TRUE(load.problems.empty()) << listOf(load.problems);
    const auto rules = checkPlanningRules(load.set, ukraineBox());
    EXPECT_TRUE(mentions(rules, "hub-fr-lviv", "geometry", "km from the line of contact")) << listOf(rules);
    // The same place led by Ukraine is no breach: the rule is about British and French sites.
    close["features"][3]["properties"]["nations"] = {"UA"};
    Files ukrainian(close);
    EXPECT_TRUE(checkPlanningRules(loadScenarios(ukrainian.manifest).set, ukraineBox()).empty());
}

TEST(ScenarioRules, NoForeignTroopsInUkraineInTheFirstRungs) {
    json features = cleanFeatures();
    Files files(features);
    // The rule names its rungs: call the first one support-only, and put every feature in both.
    json manifest = {{"format", "bulwark-scenarios/1"},
                     {"features", "features.geojson"},
                     {"scenarios", {{{"id", "support-only"}, {"name", "S"}}, {{"id", "rung-two"}, {"name", "T"}}}}};
    for (json& f : features["features"]) f["properties"]["scenarios"] = {"support-only", "rung-two"};
    test::writeText(files.dir / "features.geojson", features.dump());
    test::writeText(files.manifest, manifest.dump());
    const ScenarioLoad load = loadScenarios(files.manifest);
    ASSERT_TRUE(load.problems.empty()) << listOf(load.problems);
    EXPECT_TRUE(mentions(checkPlanningRules(load.set, ukraineBox()), "hub-fr-lviv", "scenarios", "foreign troops"));
}

TEST(ScenarioRules, EachRungHoldsThePreviousUnlessAFeatureSaysWhy) {
    json features = cleanFeatures();
    features["features"][0]["properties"]["scenarios"] = {"rung-one"};
    Files files(features);
    const auto rules = checkPlanningRules(loadScenarios(files.manifest).set, ukraineBox());
    EXPECT_TRUE(mentions(rules, "station-pl", "scenarios", "why_not_later")) << listOf(rules);

    features["features"][0]["properties"]["why_not_later"] = "moves into Ukraine in rung two";
    Files excused(features);
    EXPECT_TRUE(checkPlanningRules(loadScenarios(excused.manifest).set, ukraineBox()).empty());
}

TEST(ScenarioRules, AnnouncedFeaturesCiteTheReport) {
    json features = cleanFeatures();
    features["features"][3]["properties"]["source"] = "A newspaper said so";
    Files files(features);
    const auto rules = checkPlanningRules(loadScenarios(files.manifest).set, ukraineBox());
    EXPECT_TRUE(mentions(rules, "hub-fr-lviv", "source", "AP, 2026-01-07")) << listOf(rules);
}

TEST(Scenarios, GeoPackageListsAreJsonText) {
    // QGIS saves list fields in a GeoPackage as JSON text: the loader reads both.
    TempDir dir;
    test::writeVectors(dir / "features.gpkg", "GPKG", "features", 4326,
                       {{"POINT (24.029 49.839)",
                         {{"id", "hub"},
                          {"kind", "hub"},
                          {"name", "Hub"},
                          {"nations", "[\"FR\",\"BE\"]"},
                          {"status", "illustrative"},
                          {"source", "Illustrative"},
                          {"scenarios", "[\"rung-one\"]"}}}});
    test::writeText(dir / "scenarios.json", json{{"format", "bulwark-scenarios/1"},
                                                 {"features", "features.gpkg"},
                                                 {"scenarios", {{{"id", "rung-one"}, {"name", "One"}}}}}
                                                .dump());
    const ScenarioLoad load = loadScenarios(dir / "scenarios.json");
    ASSERT_TRUE(load.problems.empty()) << listOf(load.problems);
    EXPECT_EQ(load.set.features.at(0).nations, (std::vector<std::string>{"FR", "BE"}));
    EXPECT_EQ(load.set.features.at(0).scenarioMask, 1u);
}

TEST(Spatial, GeodesicCircleIsThatFarEverywhere) {
    const glm::dvec2 kyiv{30.523, 50.450};
    const auto ring = geodesicCircle(kyiv, 200000.0, 72);
    ASSERT_EQ(ring.size(), 73u);
    EXPECT_EQ(ring.front(), ring.back());
    for (const glm::dvec2& p : ring) EXPECT_NEAR(distanceToLine(p, {kyiv}), 200000.0, 0.5);
}

double triangleArea(const std::vector<std::array<glm::dvec2, 3>>& triangles) {
    double area = 0;
    for (const auto& t : triangles)
        area += std::abs((t[1].x - t[0].x) * (t[2].y - t[0].y) - (t[2].x - t[0].x) * (t[1].y - t[0].y)) / 2;
    return area;
}

TEST(Spatial, TriangulationCoversAConcavePolygonOnly) {
    // An L shape: its notch must stay uncovered.
    const Polygon l{{{{0, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 2}, {0, 2}, {0, 0}}}};
    const auto triangles = triangulate(l, 0.25);
    for (const auto& t : triangles) {
        const glm::dvec2 c = (t[0] + t[1] + t[2]) / 3.0;
        EXPECT_FALSE(c.x > 1.0 && c.y > 1.0) << "a triangle in the notch";
    }
    EXPECT_NEAR(triangleArea(triangles), 3.0, 1e-6);
    EXPECT_NEAR(areaDegrees({l}), 3.0, 1e-12);
    const Polygon withHole{{{{0, 0}, {4, 0}, {4, 4}, {0, 4}, {0, 0}}, {{1, 1}, {2, 1}, {2, 2}, {1, 2}, {1, 1}}}};
    EXPECT_NEAR(areaDegrees({withHole}), 15.0, 1e-12);
}

TEST(Spatial, TriangulationLeavesHolesOpen) {
    const Polygon withHole{{{{0, 0}, {4, 0}, {4, 4}, {0, 4}, {0, 0}}, {{1, 1}, {2, 1}, {2, 2}, {1, 2}, {1, 1}}}};
    const auto triangles = triangulate(withHole, 0.25);
    for (const auto& t : triangles) {
        const glm::dvec2 c = (t[0] + t[1] + t[2]) / 3.0;
        EXPECT_FALSE(c.x > 1 && c.x < 2 && c.y > 1 && c.y < 2) << "a triangle in the hole";
    }
    EXPECT_NEAR(triangleArea(triangles), 15.0, 1e-6);
}

TEST(Spatial, TriangulationCoversALargeConcavePolygonWithAHole) {
    // A star of 3,000 points (every point a notch or a spike) around a hole: the kind of area that took
    // minutes when every triangle was tested against the whole polygon.
    Polygon star;
    star.rings.resize(2);
    for (int ring = 0; ring < 2; ++ring) {
        const int n = ring == 0 ? 3000 : 40;
        for (int i = 0; i < n; ++i) {
            const double angle = 2 * 3.14159265358979 * i / n;
            const double r = ring == 0 ? (i % 2 ? 2.0 : 1.7) : 0.5;
            star.rings[size_t(ring)].push_back({30 + r * std::cos(angle), 48 + r * std::sin(angle)});
        }
        star.rings[size_t(ring)].push_back(star.rings[size_t(ring)].front());
    }
    ASSERT_TRUE(isValid(star));
    const auto triangles = triangulate(star, 0.1);
    EXPECT_NEAR(triangleArea(triangles), areaDegrees({star}), 1e-6 * areaDegrees({star}));
    for (const auto& t : triangles)
        EXPECT_GT(glm::length((t[0] + t[1] + t[2]) / 3.0 - glm::dvec2(30, 48)), 0.5) << "a triangle in the hole";
}

TEST(Spatial, TriangulateAllGivesEachPolygonsTrianglesInOrder) {
    std::vector<Polygon> polygons;
    for (int i = 0; i < 40; ++i) {
        const double x = i % 7, size = 0.3 + 0.1 * (i % 5);
        polygons.push_back(
            Polygon{{{{x, 0}, {x + size, 0}, {x + size, size}, {x + size / 2, size / 3}, {x, size}, {x, 0}}}});
    }
    std::vector<const Polygon*> pointers;
    for (const Polygon& p : polygons) pointers.push_back(&p);
    const auto all = triangulateAll(pointers, 0.05);
    ASSERT_EQ(all.size(), polygons.size());
    for (size_t i = 0; i < polygons.size(); ++i) EXPECT_EQ(all[i], triangulate(polygons[i], 0.05)) << i;
    EXPECT_TRUE(triangulateAll({}, 0.1).empty());
}

} // namespace
} // namespace geo
