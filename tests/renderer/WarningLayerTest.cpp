// The "warnings" layer: a site moved within 150 km of the line of contact is drawn with a warning
// ring, the geodesic to the line and its distance; without a broken rule the layer draws nothing.
#include "renderer/WarningLayer.h"
#include "GoldenImage.h"
#include "SceneFixture.h"
#include "geo/VectorLoader.h"
#include "geo/edit/RuleWarnings.h"
#include "renderer/SceneRenderer.h"

#include <gtest/gtest.h>

namespace {

class WarningLayerTest : public test::SceneFixture {
protected:
    static void SetUpTestSuite() {
        geo::SceneFiles files = defaultFiles();
        files.scenarios = BULWARK_TEST_SCENARIOS;
        openScene(files);
    }

    //! The French hub of Vinnytsia dragged east of Poltava, about 110 km from the line of contact.
    static std::vector<geo::RuleWarning> brokenRule() {
        auto opened = geo::ScenarioDocument::open(BULWARK_TEST_SCENARIOS);
        EXPECT_TRUE(opened.ok());
        geo::ScenarioDocument& doc = opened.value();
        const auto borders = geo::loadVectors(BULWARK_ASSETS_DIR "/vector/borders.gpkg", "countries");
        EXPECT_TRUE(borders.ok());
        doc.enableRules(borders.value().find("UKR")->polygons);
        EXPECT_FALSE(
            doc.apply(std::make_unique<geo::MoveSite>(*doc.keyOf("hub-fr-vinnytsia"), glm::dvec2{35.9, 49.5})));
        return geo::ruleWarnings(doc);
    }

    //! Pixels of the warning colour, magenta: strong red and blue, little green (no terrain tint, border
    //! or scenario feature is).
    static size_t warningPixels(const test::Rgba& image) {
        size_t count = 0;
        for (size_t i = 0; i + 3 < image.pixels.size(); i += 4) {
            const int r = image.pixels[i], g = image.pixels[i + 1], b = image.pixels[i + 2];
            if (r > 190 && g < 110 && b > 140) ++count;
        }
        return count;
    }
};

TEST_F(WarningLayerTest, ABrokenDistanceRuleIsDrawnAndNothingWithoutOne) {
    const std::vector<geo::RuleWarning> warnings = brokenRule();
    ASSERT_EQ(warnings.size(), 1u);
    ASSERT_TRUE(warnings[0].distance);
    renderer::SceneRenderer r(*context, scene->inputs, {480, 320});
    renderer::SceneView v = viewOf({36.3, 49.5, 0, 400e3, 0, 45}, "paris-framework");
    v.legend = false;
    v.title.clear();

    const test::Rgba before{480, 320, r.renderStill(v)};
    EXPECT_EQ(warningPixels(before), 0u) << "the scene itself uses the warning colour";
    r.setRuleWarnings(warnings);
    const test::Rgba warned{480, 320, r.renderStill(v)};
    const size_t drawn = warningPixels(warned);
    EXPECT_GT(drawn, 100u) << "no warning line, ring or distance drawn"; // about 160 at 480x320
    // Hidden by name, as --hide and the panel do: all of it goes.
    v.hidden.insert("warnings");
    EXPECT_EQ(warningPixels({480, 320, r.renderStill(v)}), 0u);
    v.hidden.clear();
    r.setRuleWarnings({});
    const test::Rgba cleared{480, 320, r.renderStill(v)};
    EXPECT_EQ(warningPixels(cleared), 0u) << "cleared warnings still drawn";
    EXPECT_LT(test::meanDifference(cleared, before), 0.01);
    if (std::getenv("BULWARK_WARNING_PPM")) { // a look at it while developing
        FILE* f = std::fopen(std::getenv("BULWARK_WARNING_PPM"), "wb");
        std::fprintf(f, "P6 480 320 255\n");
        for (size_t i = 0; i < warned.pixels.size(); i += 4) std::fwrite(&warned.pixels[i], 1, 3, f);
        std::fclose(f);
    }
}

} // namespace
