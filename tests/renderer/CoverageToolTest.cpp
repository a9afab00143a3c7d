// Coverage of the selected site in the viewer, without a window: the tool asks its worker for a new sweep
// when the site moves (and only then), the answer follows the site, the scene's coverage layer shows each
// answer handed to it, and values `bulwark coverage` refuses are refused with a reason.
#include "app/CoverageTool.h"
#include "SceneFixture.h"
#include "renderer/CoverageLayer.h"
#include "renderer/SceneRenderer.h"

#include <gtest/gtest.h>

namespace {

using namespace std::chrono_literals;

class CoverageToolTest : public test::SceneFixture {
protected:
    static void SetUpTestSuite() { openScene(); }

    static app::CoverageSettings on() {
        app::CoverageSettings s;
        s.on = true;
        s.antennaAglM = 30, s.targetM = 100, s.rangeKm = 60;
        return s;
    }
    static const app::CoverageSite kZhytomyr;
};

const app::CoverageSite CoverageToolTest::kZhytomyr{"hub-gb-zhytomyr", {28.658, 50.254}};

TEST_F(CoverageToolTest, ANewSweepOnEveryMoveAndTheAnswerFollowsTheSiteIntoTheLayer) {
    app::CoverageTool tool(scene->terrain);
    ASSERT_FALSE(tool.set(on()));
    tool.update(std::nullopt); // nothing selected: nothing swept
    EXPECT_EQ(tool.sweeps(), 0u);
    EXPECT_EQ(tool.latest(), nullptr);

    tool.update(kZhytomyr);
    EXPECT_EQ(tool.sweeps(), 1u);
    ASSERT_TRUE(tool.waitForFinest(20s));
    const auto first = tool.latest();
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(first->fan.request.site, kZhytomyr.lonLat);
    EXPECT_GT(first->levels, 1u);                                   // refined coarse to fine
    for (int frame = 0; frame < 5; ++frame) tool.update(kZhytomyr); // frames without a move ask nothing
    EXPECT_EQ(tool.sweeps(), 1u);

    renderer::SceneRenderer renderer(*context, scene->inputs, {64, 48});
    const auto* layer = dynamic_cast<const renderer::CoverageLayer*>(renderer.layer("coverage"));
    ASSERT_NE(layer, nullptr);
    renderer.setCoverage(tool.latest().get());
    EXPECT_TRUE(layer->shows(first->request, first->level));

    // A drag: a move every frame, each dropping the sweep before; the answer ends where the site stops.
    app::CoverageSite dragged = kZhytomyr;
    for (int frame = 1; frame <= 10; ++frame) {
        dragged.lonLat = kZhytomyr.lonLat + glm::dvec2(0.1 * frame, -0.02 * frame);
        tool.update(dragged);
        renderer.setCoverage(tool.latest().get()); // never waits for a sweep
    }
    EXPECT_EQ(tool.sweeps(), 11u);
    ASSERT_TRUE(tool.waitForFinest(20s));
    const auto last = tool.latest();
    ASSERT_NE(last, nullptr);
    EXPECT_EQ(last->fan.request.site, dragged.lonLat);
    EXPECT_GT(last->request, first->request);
    EXPECT_NE(last->mask.west, first->mask.west); // the mask moved with the site
    renderer.setCoverage(last.get());
    EXPECT_TRUE(layer->shows(last->request, last->level));

    // New settings sweep again; switched off, nothing is shown.
    app::CoverageSettings farther = on();
    farther.rangeKm = 80;
    ASSERT_FALSE(tool.set(farther));
    tool.update(dragged);
    EXPECT_EQ(tool.sweeps(), 12u);
    ASSERT_TRUE(tool.waitForFinest(20s));
    EXPECT_EQ(tool.latest()->fan.request.rangeM, 80e3);
    farther.on = false;
    ASSERT_FALSE(tool.set(farther));
    tool.update(dragged);
    EXPECT_EQ(tool.latest(), nullptr);
    renderer.setCoverage(nullptr);
    EXPECT_TRUE(layer->empty());
}

TEST_F(CoverageToolTest, RefusesWhatCoverageRefusesWithAReason) {
    app::CoverageTool tool(scene->terrain);
    ASSERT_FALSE(tool.set(on()));
    const auto refused = [&](auto change, const std::string& reason) {
        app::CoverageSettings s = on();
        change(s);
        const std::optional<std::string> why = tool.set(s);
        ASSERT_TRUE(why) << reason;
        EXPECT_NE(why->find(reason), std::string::npos) << *why;
        EXPECT_EQ(tool.refusal(), *why);
        EXPECT_EQ(tool.settings().rangeKm, 60); // the settings in use stay
        EXPECT_EQ(tool.settings().antennaAglM, 30);
    };
    refused([](app::CoverageSettings& s) { s.rangeKm = 0; }, "range 0 m");
    refused([](app::CoverageSettings& s) { s.rangeKm = 10000; }, "at most 2000 km");
    refused([](app::CoverageSettings& s) { s.antennaAglM = std::nan(""); }, "antenna height");
    refused([](app::CoverageSettings& s) { s.antennaAglM = -5; }, "antenna height");
    refused([](app::CoverageSettings& s) { s.targetM = -1; }, "above the ground");
    app::CoverageSettings aircraft = on(); // below sea level is a height above sea level may have
    aircraft.targetAboveSea = true, aircraft.targetM = -100;
    EXPECT_FALSE(tool.set(aircraft));
    EXPECT_TRUE(tool.refusal().empty());

    // A site off the DEM is not swept, and says so; back on it, it is.
    tool.update(app::CoverageSite{"station-far", {5, 40}});
    EXPECT_EQ(tool.sweeps(), 0u);
    EXPECT_NE(tool.refusal().find("station-far: outside the DEM"), std::string::npos) << tool.refusal();
    EXPECT_EQ(tool.latest(), nullptr);
    tool.update(kZhytomyr);
    EXPECT_TRUE(tool.refusal().empty());
    ASSERT_TRUE(tool.waitForFinest(20s));
    EXPECT_EQ(tool.latest()->fan.request.site, kZhytomyr.lonLat);
}

} // namespace
