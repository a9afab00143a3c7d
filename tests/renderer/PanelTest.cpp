// What the panel says of a scenario, computed without a window (app/Panel.h).
#include "app/Panel.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

namespace {

geo::ScenarioFeature site(const std::string& lead, std::int64_t personnel) {
    geo::ScenarioFeature f;
    f.nations = {lead};
    f.personnel = personnel;
    f.scenarioMask = 1u;
    return f;
}

TEST(PanelPersonnel, SumsByLeadNation) {
    geo::ScenarioSet set;
    set.scenarios = {{"a", "A", ""}};
    set.features = {site("UA", 1200), site("PL", 300), site("UA", 800)};
    set.features.push_back(site("FR", 5));
    set.features.back().scenarioMask = 2u; // in another scenario
    EXPECT_EQ(app::personnelByLead(set, 0), "PL 300, UA 2000");
    EXPECT_EQ(app::personnelByLead(set, 1), "FR 5");
    EXPECT_EQ(app::personnelByLead(set, 2), "");
}

TEST(PanelPersonnel, SumsBeyond64BitsSaturateInsteadOfOverflowing) {
    // Two figures near INT64_MAX once wrapped to a negative sum (UBSan: signed overflow).
    constexpr std::int64_t big = std::numeric_limits<std::int64_t>::max() - 10;
    geo::ScenarioSet set;
    set.scenarios = {{"a", "A", ""}};
    set.features = {site("UA", big), site("UA", big), site("UA", 7),
                    site("PL", std::numeric_limits<std::int64_t>::min()), site("PL", -1)};
    EXPECT_EQ(app::personnelByLead(set, 0), "PL under -9223372036854775808, UA over 9223372036854775807");
}

} // namespace
