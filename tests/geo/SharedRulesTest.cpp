// The rules C++ and the shaders share (geo/SharedRules.h), on the C++ side; the renderer's golden
// stills hold the GLSL side to the same numbers.
#include "geo/SharedRules.h"

#include <gtest/gtest.h>

TEST(SharedRules, LandRisesByTheExaggerationAndTheSeaStaysFlat) {
    EXPECT_DOUBLE_EQ(geo::raisedHeight(1500.0, 3.0), 4500.0);
    EXPECT_DOUBLE_EQ(geo::raisedHeight(-200.0, 3.0), 0.0);
    EXPECT_DOUBLE_EQ(geo::raisedHeight(800.0, 0.0), 0.0);
}

TEST(SharedRules, SkirtsNeverHangLessThanThemselves) {
    EXPECT_DOUBLE_EQ(geo::skirtDrop(50.0, 0.0), 50.0);
    EXPECT_DOUBLE_EQ(geo::skirtDrop(50.0, 4.0), 200.0);
}

TEST(SharedRules, PresenceFadesBetweenScenarios) {
    const std::uint32_t a = 1, b = 2;
    EXPECT_FLOAT_EQ(geo::scenarioPresence(a | b, a, b, 0.3f), 1.0f); // in both
    EXPECT_FLOAT_EQ(geo::scenarioPresence(b, a, b, 0.3f), 0.3f);     // fading in
    EXPECT_FLOAT_EQ(geo::scenarioPresence(a, a, b, 0.3f), 0.7f);     // fading out
    EXPECT_FLOAT_EQ(geo::scenarioPresence(4, a, b, 0.3f), 0.0f);     // in neither
}
