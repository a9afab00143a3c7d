// The in-scene overlay, rendered offscreen with the validation layer on: the legend and the title
// change their own corner of the frame and nothing else, and the theme and palette change the scene.
#include "GoldenImage.h"
#include "SceneFixture.h"
#include "geo/Picking.h"
#include "renderer/Context.h"
#include "renderer/SceneRenderer.h"

#include <gtest/gtest.h>
#include <memory>

namespace {

class Overlay : public test::SceneFixture {
protected:
    static constexpr uint32_t kWidth = 640, kHeight = 360;

    static void SetUpTestSuite() { openScene(); }

    //! The Paris framework over western Ukraine, as `bulwark render --scenario paris-framework` shows it.
    static renderer::SceneView paris() {
        renderer::SceneView v;
        v.pose = geo::groundPose({28.5, 49.3, 0, 900e3, 0, 35}, scene->terrain, 1.0);
        const auto index = scene->scenarios.indexOf("paris-framework");
        EXPECT_TRUE(index.has_value());
        v.scenarioFrom = v.scenarioTo = 1u << index.value_or(0);
        v.attribution = false;
        return v;
    }
    static test::Rgba render(const renderer::SceneView& view, renderer::SceneStyle style = {}) {
        renderer::SceneInputs inputs = scene->inputs;
        inputs.style = style;
        renderer::SceneRenderer r(*context, inputs, {kWidth, kHeight});
        return {kWidth, kHeight, r.renderStill(view)};
    }
    //! Mean absolute difference per channel inside [x0, x1) x [y0, y1), as fractions of the frame.
    static double differenceIn(const test::Rgba& a, const test::Rgba& b, double x0, double y0, double x1, double y1) {
        double sum = 0;
        size_t n = 0;
        for (uint32_t y = uint32_t(y0 * a.height); y < uint32_t(y1 * a.height); ++y)
            for (uint32_t x = uint32_t(x0 * a.width); x < uint32_t(x1 * a.width); ++x)
                for (int c = 0; c < 3; ++c, ++n) {
                    const size_t i = (size_t(y) * a.width + x) * 4 + c;
                    sum += std::abs(int(a.pixels[i]) - int(b.pixels[i]));
                }
        return n ? sum / double(n) : 0.0;
    }
};

TEST_F(Overlay, LegendChangesTheBottomLeftCornerOnly) {
    // With the prisms: the military symbols' legend stands bottom right (DeclutterTest checks it).
    renderer::SceneView shown = paris();
    shown.markers = renderer::MarkerStyle::Prisms;
    renderer::SceneView without = shown;
    without.legend = false;
    const test::Rgba with = render(shown), bare = render(without);
    EXPECT_GT(differenceIn(with, bare, 0.0, 0.6, 0.6, 1.0), 5.0);   // the legend is there
    EXPECT_LT(differenceIn(with, bare, 0.0, 0.0, 1.0, 0.45), 0.01); // above it, nothing moved
    EXPECT_LT(differenceIn(with, bare, 0.65, 0.0, 1.0, 1.0), 0.01); // right of it, nothing either
}

TEST_F(Overlay, NoLegendOnAThumbnail) {
    // At 320x200 the legend's text would be under 8 px: it is left out rather than drawn as noise.
    renderer::SceneView without = paris();
    without.legend = false;
    renderer::SceneRenderer a(*context, scene->inputs, {320, 200}), b(*context, scene->inputs, {320, 200});
    EXPECT_EQ(test::meanDifference({320, 200, a.renderStill(paris())}, {320, 200, b.renderStill(without)}), 0.0);
}

TEST_F(Overlay, NoLegendWithoutAScenario) {
    renderer::SceneView none = paris(), noLegend = paris();
    none.scenarioFrom = none.scenarioTo = 0;
    noLegend.scenarioFrom = noLegend.scenarioTo = 0;
    noLegend.legend = false;
    EXPECT_EQ(test::meanDifference(render(none), render(noLegend)), 0.0);
}

TEST_F(Overlay, TitleChangesTheTopOnly) {
    renderer::SceneView titled = paris();
    titled.title = "Paris framework \u2014 illustrative planning, not fact";
    const test::Rgba with = render(titled), bare = render(paris());
    EXPECT_GT(differenceIn(with, bare, 0.0, 0.0, 0.6, 0.1), 5.0);
    EXPECT_LT(differenceIn(with, bare, 0.0, 0.15, 1.0, 1.0), 0.01);
}

TEST_F(Overlay, HighContrastAndColourBlindChangeTheScene) {
    const renderer::SceneView v = paris();
    const test::Rgba standard = render(v);
    const test::Rgba contrast = render(v, {renderer::Theme::HighContrast, renderer::Palette::Standard});
    const test::Rgba colourBlind = render(v, {renderer::Theme::Standard, renderer::Palette::ColourBlind});
    EXPECT_GT(test::meanDifference(standard, contrast), 1.0);
    EXPECT_GT(differenceIn(standard, colourBlind, 0.0, 0.0, 1.0, 0.6), 0.2); // the markers, above the legend
    // High contrast puts the legend on an opaque plate: darker there than the translucent one.
    EXPECT_GT(differenceIn(standard, contrast, 0.02, 0.85, 0.3, 0.95), 5.0);
}

TEST_F(Overlay, StyleSwitchedAtRuntimeDrawsAsIfBuiltWithIt) {
    const renderer::SceneView v = paris();
    const renderer::SceneStyle style{renderer::Theme::HighContrast, renderer::Palette::ColourBlind};
    renderer::SceneRenderer r(*context, scene->inputs, {kWidth, kHeight});
    const test::Rgba before{kWidth, kHeight, r.renderStill(v)};
    r.setStyle(style);
    EXPECT_EQ(r.style().palette, renderer::Palette::ColourBlind);
    const test::Rgba after{kWidth, kHeight, r.renderStill(v)};
    EXPECT_GT(test::meanDifference(before, after), 1.0);
    EXPECT_LT(test::meanDifference(after, render(v, style)), 0.01);
}

} // namespace
