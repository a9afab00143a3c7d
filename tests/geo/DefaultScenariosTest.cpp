// The default scenarios shipped in assets/: they load cleanly and pass every check of SCENARIOS.md,
// with distances computed on the WGS84 ellipsoid (GeographicLib).
#include "geo/Scenario.h"
#include "geo/Spatial.h"
#include "geo/VectorLoader.h"

#include <gtest/gtest.h>
#include <set>

namespace geo {
namespace {

class DefaultScenarios : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        load = std::make_unique<ScenarioLoad>(loadScenarios(BULWARK_ASSETS_DIR "/scenarios/scenarios.json"));
        const Result<VectorLayer> borders = loadVectors(BULWARK_ASSETS_DIR "/vector/borders.gpkg", "countries");
        ASSERT_TRUE(borders.ok()) << borders.failure().message();
        ukraine = borders.value().find("UKR")->polygons;
    }
    static std::unique_ptr<ScenarioLoad> load;
    static std::vector<Polygon> ukraine;
    const ScenarioSet& set() const { return load->set; }
};
std::unique_ptr<ScenarioLoad> DefaultScenarios::load;
std::vector<Polygon> DefaultScenarios::ukraine;

TEST_F(DefaultScenarios, LoadWithoutProblems) {
    for (const Problem& p : load->problems) ADD_FAILURE() << p.text();
    ASSERT_EQ(set().scenarios.size(), 4u);
    EXPECT_EQ(set().scenarios[0].id, "support-only");
    EXPECT_EQ(set().scenarios[1].id, "ceasefire-monitoring");
    EXPECT_EQ(set().scenarios[2].id, "paris-framework");
    EXPECT_EQ(set().scenarios[3].id, "full-coalition");
}

TEST_F(DefaultScenarios, PassThePlanningRules) {
    for (const Problem& p : checkPlanningRules(set(), ukraine)) ADD_FAILURE() << p.text();
}

TEST_F(DefaultScenarios, BritishAndFrenchHubsInUkraineAreFarFromTheContactLine) {
    const ScenarioFeature* line = nullptr;
    for (const ScenarioFeature& f : set().features)
        if (f.kind == FeatureKind::ContactLine) line = &f;
    ASSERT_NE(line, nullptr);
    // The line of contact runs through the points SCENARIOS.md gives, Vovchansk to the Kinburn spit.
    EXPECT_NEAR(line->points.front().y, 50.37, 0.01);
    EXPECT_NEAR(line->points.back().x, 31.55, 0.01);
    int hubs = 0;
    for (const ScenarioFeature& f : set().features) {
        if (f.kind != FeatureKind::Hub || (f.lead() != "GB" && f.lead() != "FR") || !contains(ukraine, f.points[0]))
            continue;
        ++hubs;
        EXPECT_GE(distanceToLine(f.points[0], line->points) / 1000.0, kMinDistanceFromContactKm) << f.id;
    }
    EXPECT_GE(hubs, 2); // the UK and France both set up hubs across Ukraine
}

TEST_F(DefaultScenarios, EveryFeatureSaysWhereItComesFrom) {
    for (const ScenarioFeature& f : set().features) {
        EXPECT_FALSE(f.source.empty()) << f.id;
        if (f.status == FeatureStatus::Announced) {
            EXPECT_EQ(f.source.rfind(kAnnouncedSourcePrefix, 0), 0u) << f.id << ": " << f.source;
        }
    }
}

TEST_F(DefaultScenarios, TheLadderClimbs) {
    // No foreign troops in Ukraine on the first two rungs; the Paris framework brings UK and French
    // hubs into Ukraine; the full coalition counts at least 20 nations.
    auto foreignInUkraine = [&](size_t rung) {
        int n = 0;
        for (const ScenarioFeature& f : set().features)
            if (f.inScenario(rung) && isMarker(f.kind) && f.lead() != "UA" && contains(ukraine, f.points[0])) ++n;
        return n;
    };
    EXPECT_EQ(foreignInUkraine(0), 0);
    EXPECT_EQ(foreignInUkraine(1), 0);
    EXPECT_GT(foreignInUkraine(2), 0);
    std::set<std::string> nations;
    for (const ScenarioFeature& f : set().features)
        if (f.inScenario(3))
            for (const std::string& n : f.nations)
                if (n != "UA" && n != "RU") nations.insert(n);
    EXPECT_GE(nations.size(), 20u);
    // The line of contact and the monitoring band arrive with the ceasefire.
    for (const ScenarioFeature& f : set().features)
        if (f.kind == FeatureKind::ContactLine || f.kind == FeatureKind::MonitoringZone) {
            EXPECT_FALSE(f.inScenario(0)) << f.id;
            EXPECT_TRUE(f.inScenario(1)) << f.id;
        }
}

} // namespace
} // namespace geo
