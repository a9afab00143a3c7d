// A generated set of 5,000 features (scripts/make-big-scenarios): it reads cleanly, and the planning rules
// find exactly the British hubs the script put too close to a line of contact, each at its true distance.
// Quick when the rules scale; a return to stepping along every line per site shows as a slow test.
#include "Fixtures.h"
#include "LineReference.h"
#include "geo/Scenario.h"
#include "geo/VectorLoader.h"

#include <cstdlib>
#include <gtest/gtest.h>
#include <map>
#include <string>

namespace geo {
namespace {

TEST(BigScenarios, FiveThousandFeaturesReadAndTheRulesFindTheSitesTooClose) {
    test::TempDir dir;
    const std::string command = "python3 " BULWARK_ASSETS_DIR "/../scripts/make-big-scenarios --features 5000 "
                                "--too-close 4 --out '" +
                                dir.path().string() + "' > /dev/null";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
    const ScenarioLoad load = loadScenarios(dir / "scenarios.json");
    for (const Problem& p : load.problems) ADD_FAILURE() << p.text();
    ASSERT_EQ(load.set.features.size(), 5000u);

    const Result<VectorLayer> borders = loadVectors(BULWARK_ASSETS_DIR "/vector/borders.gpkg", "countries");
    ASSERT_TRUE(borders.ok()) << borders.failure().message();
    const std::vector<Problem> problems = checkPlanningRules(load.set, borders.value().find("UKR")->polygons);

    std::map<std::string, const ScenarioFeature*> byId;
    for (const ScenarioFeature& f : load.set.features) byId[f.id] = &f;
    std::map<std::pair<std::string, std::string>, int> reportedKm; // (site, line) -> km
    for (const Problem& p : problems) {
        ASSERT_EQ(p.featureId.rfind("too-close-", 0), 0u) << p.text();
        ASSERT_EQ(p.field, "geometry") << p.text();
        const size_t quote = p.message.find('\'');
        const std::string line = p.message.substr(quote + 1, p.message.find('\'', quote + 1) - quote - 1);
        reportedKm[{p.featureId, line}] = std::stoi(p.message);
    }
    // Every site the script put too close is reported for every line within 150 km, at the distance a
    // walk along the line in 20 m steps finds (to the kilometre the message gives).
    int expected = 0;
    for (int n = 1; n <= 4; ++n) {
        const ScenarioFeature& site = *byId.at("too-close-" + std::to_string(n));
        for (const ScenarioFeature& line : load.set.features) {
            if (line.kind != FeatureKind::ContactLine) continue;
            const double km = test::walkLine(site.points[0], line.points, 20.0).distanceM / 1000.0;
            const auto found = reportedKm.find({site.id, line.id});
            if (km >= kMinDistanceFromContactKm + 0.01) {
                EXPECT_EQ(found, reportedKm.end()) << site.id << " " << line.id;
                continue;
            }
            ++expected;
            ASSERT_NE(found, reportedKm.end()) << site.id << " is " << km << " km from " << line.id;
            EXPECT_NEAR(found->second, km, 0.51) << site.id;
        }
    }
    EXPECT_GE(expected, 4);
    EXPECT_EQ(int(problems.size()), expected);
}

} // namespace
} // namespace geo
