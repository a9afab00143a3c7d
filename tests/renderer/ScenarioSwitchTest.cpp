// Scenario switching on the GPU, on the default scenarios: every feature is uploaded once; switching
// uploads nothing, each rung looks different from the one before, and the
// frame after a switch is the frame of the scenario switched to.
#include "app/ScenarioSwitch.h"
#include "GoldenImage.h"
#include "SceneFixture.h"
#include "renderer/Context.h"
#include "renderer/SceneRenderer.h"

#include <gtest/gtest.h>

namespace {

class ScenarioSwitching : public test::SceneFixture {
protected:
    static void SetUpTestSuite() {
        geo::SceneFiles files = defaultFiles();
        files.scenarios = BULWARK_TEST_SCENARIOS;
        openScene(files);
        base = viewOf({30.5, 48.5, 0, 1300e3, 0, 35});
    }

    static renderer::SceneView showing(uint32_t from, uint32_t to, float t) {
        renderer::SceneView v = base;
        v.scenarioFrom = 1u << from;
        v.scenarioTo = 1u << to;
        v.transition = t;
        return v;
    }
    static test::Rgba still(renderer::SceneRenderer& r, const renderer::SceneView& v) {
        return {320, 200, r.renderStill(v)};
    }

    static inline renderer::SceneView base;
};

TEST_F(ScenarioSwitching, UploadsNothingAndEndsOnTheTargetFrame) {
    const size_t count = scene->scenarios.scenarios.size();
    ASSERT_GE(count, 2u);
    renderer::SceneRenderer r(*context, scene->inputs, {320, 200});
    still(r, showing(0, 0, 1.0f)); // terrain tiles for this view are built and uploaded here
    const uint64_t before = context->uploadedBytes().load();
    ASSERT_GT(before, 0u);

    std::vector<test::Rgba> fresh;
    for (uint32_t i = 0; i < count; ++i) fresh.push_back(still(r, showing(i, i, 1.0f)));
    for (uint32_t i = 0; i + 1 < count; ++i) {
        still(r, showing(i, i + 1, 0.5f)); // halfway through the switch
        const test::Rgba after = still(r, showing(i, i + 1, 1.0f));
        EXPECT_LT(test::meanDifference(after, fresh[i + 1]), 0.01) << "switch " << i << " -> " << i + 1;
    }
    EXPECT_EQ(context->uploadedBytes().load(), before) << "switching scenarios uploaded data";
    // Each rung shows something the one before does not.
    for (uint32_t i = 0; i + 1 < count; ++i) EXPECT_GT(test::meanDifference(fresh[i], fresh[i + 1]), 0.05) << i;
}

TEST_F(ScenarioSwitching, HalfwayFeaturesAreFadingNotAbsent) {
    renderer::SceneRenderer r(*context, scene->inputs, {320, 200});
    const test::Rgba from = still(r, showing(0, 0, 1.0f));
    const test::Rgba to = still(r, showing(1, 1, 1.0f));
    const test::Rgba half = still(r, showing(0, 1, 0.5f));
    const double total = test::meanDifference(from, to);
    EXPECT_GT(test::meanDifference(half, from), 0.1 * total);
    EXPECT_GT(test::meanDifference(half, to), 0.1 * total);
}

TEST(ScenarioSwitchTiming, EasesOverSixTenthsOfASecond) {
    app::ScenarioSwitch s(4);
    renderer::SceneView v;
    s.select(2, 10.0);
    s.apply(v, 10.0);
    EXPECT_EQ(v.scenarioFrom, 1u);
    EXPECT_EQ(v.scenarioTo, 4u);
    EXPECT_FLOAT_EQ(v.transition, 0.0f);
    s.apply(v, 10.3);
    EXPECT_NEAR(v.transition, 0.5f, 1e-6);
    EXPECT_TRUE(s.switching(10.5));
    s.apply(v, 10.7);
    EXPECT_FLOAT_EQ(v.transition, 1.0f);
    EXPECT_FALSE(s.switching(10.7));
    s.step(+1, 11.0);
    EXPECT_EQ(s.current(), 3);
    s.step(+1, 12.0); // no scenario after the last
    EXPECT_EQ(s.current(), 3);
    s.select(9, 13.0);
    EXPECT_EQ(s.current(), 3);
}

} // namespace
