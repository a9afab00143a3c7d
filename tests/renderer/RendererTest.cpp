// Offscreen renders of the default data on whatever Vulkan device exists (lavapipe without a GPU),
// with the Khronos validation layer on: any validation error fails the test.
#include "GoldenImage.h"
#include "SceneFixture.h"
#include "geo/Picking.h"
#include "renderer/Context.h"
#include "renderer/SceneRenderer.h"
#include "renderer/SymbolLayer.h"

#include <gtest/gtest.h>
#include <memory>

namespace {

class Renderer : public test::SceneFixture {
protected:
    static void SetUpTestSuite() { openScene(); }

    static test::Rgba render(const renderer::SceneView& view, uint32_t w = 320, uint32_t h = 200,
                             renderer::FrameStats* stats = nullptr) {
        renderer::SceneRenderer r(*context, scene->inputs, {w, h});
        renderer::SceneView grounded = view; // as `bulwark render` does: the target on the terrain
        grounded.pose = geo::groundPose(view.pose, scene->terrain, view.exaggeration);
        return {w, h, r.renderStill(grounded, stats)};
    }
    static void expectGolden(const test::Rgba& image, const std::string& name) {
        const test::Comparison c = test::compareWithGolden(image, name, BULWARK_TEST_OUT_DIR);
        EXPECT_TRUE(c.passed) << c.message;
    }
    static renderer::SceneView carpathians() {
        renderer::SceneView v;
        v.pose = {24.3, 47.2, 0, 420e3, 20, 55};
        return v;
    }
};

//! Terrain (with the highlight), borders (and coastlines) and labels on or off; the rest as they are.
renderer::SceneView only(renderer::SceneView v, bool terrain, bool borders, bool labels) {
    for (const auto& [name, shown] : {std::pair{"terrain", terrain},
                                      {"highlight", terrain},
                                      {"borders", borders},
                                      {"coastlines", borders},
                                      {"labels", labels}})
        if (!shown) v.hidden.insert(name);
    return v;
}

TEST(ValidationLayer, IsOnAndCountsErrors) {
    // The layer the other tests rely on really reports misuse: a buffer of size 0 is invalid.
    renderer::ContextOptions options;
    options.validation = true;
    renderer::Context context(options);
    VkBufferCreateInfo info{VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO};
    info.size = 0;
    info.usage = VK_BUFFER_USAGE_VERTEX_BUFFER_BIT;
    VkBuffer buffer = VK_NULL_HANDLE;
    const VkResult result = vkCreateBuffer(context.device(), &info, nullptr, &buffer);
    if (result == VK_SUCCESS && buffer) vkDestroyBuffer(context.device(), buffer, nullptr);
    EXPECT_GT(context.validationErrors(), 0u);
}

TEST(ValidationLayer, CountsWarningsAndPerformanceWarningsToo) {
    // A warning fails a test as an error does. The layer's own warnings need a misuse that is only
    // a warning on some drivers, so the message is injected through the same messenger instead.
    renderer::ContextOptions options;
    options.validation = true;
    renderer::Context context(options);
    auto submit = reinterpret_cast<PFN_vkSubmitDebugUtilsMessageEXT>(
        vkGetInstanceProcAddr(context.instance(), "vkSubmitDebugUtilsMessageEXT"));
    ASSERT_NE(submit, nullptr);
    VkDebugUtilsMessengerCallbackDataEXT data{VK_STRUCTURE_TYPE_DEBUG_UTILS_MESSENGER_CALLBACK_DATA_EXT};
    data.pMessage = "a test warning";
    submit(context.instance(), VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT,
           VK_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT, &data);
    data.pMessage = "a test validation warning";
    submit(context.instance(), VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT,
           VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT, &data);
    EXPECT_EQ(context.validationErrors(), 2u);
    ASSERT_EQ(context.validationMessages().size(), 2u);
    EXPECT_EQ(context.validationMessages()[0], "performance warning: a test warning");
    EXPECT_EQ(context.validationMessages()[1], "warning: a test validation warning");
}

TEST_F(Renderer, SaysWhichDeviceItUses) {
    EXPECT_FALSE(context->deviceName().empty());
    EXPECT_FALSE(context->deviceType().empty());
}

TEST_F(Renderer, TerrainMatchesGolden) {
    renderer::FrameStats stats;
    const test::Rgba image = render(only(carpathians(), true, false, false), 320, 200, &stats);
    EXPECT_TRUE(stats.complete);
    EXPECT_GT(stats.tiles, 4u);
    expectGolden(image, "terrain");
}

TEST_F(Renderer, HomeViewShowsTheRegion) {
    renderer::FrameStats stats;
    const test::Rgba image = render(renderer::SceneView{}, 384, 216, &stats);
    EXPECT_GT(stats.labels, 20u); // Kyiv, Odesa, Warsaw... decluttered
    expectGolden(image, "home");
}

TEST_F(Renderer, BordersAreDrawnOnTheTerrain) {
    const test::Rgba bare = render(only(carpathians(), true, false, false));
    const test::Rgba withBorders = render(only(carpathians(), true, true, false));
    // Borders and coasts cover a visible share of the image, and stay on top of the hills.
    EXPECT_GT(test::meanDifference(bare, withBorders), 1.0);
    expectGolden(withBorders, "borders");
}

TEST_F(Renderer, LabelsAreDrawnInTheScene) {
    const test::Rgba bare = render(only(carpathians(), true, false, false));
    const test::Rgba labelled = render(only(carpathians(), true, false, true));
    size_t white = 0;
    for (size_t p = 0; p < labelled.pixels.size(); p += 4)
        if (labelled.pixels[p] > 240 && labelled.pixels[p + 1] > 240 && labelled.pixels[p + 2] > 240) ++white;
    EXPECT_GT(white, 200u); // letters and dots, white on their dark halo
    EXPECT_GT(test::meanDifference(bare, labelled), 0.5);
    expectGolden(labelled, "labels");
}

TEST_F(Renderer, ExaggerationRaisesTerrainAndWhatLiesOnIt) {
    renderer::SceneView flat = carpathians();
    renderer::SceneView tall = carpathians();
    tall.exaggeration = 5.0;
    const test::Rgba a = render(flat), b = render(tall);
    EXPECT_GT(test::meanDifference(a, b), 3.0);
    expectGolden(b, "exaggeration5");
}

TEST_F(Renderer, CloseUpIsStableUnderTinyCameraMoves) {
    // Five kilometres above the Carpathians: moving the camera by a centimetre must not make
    // anything jump (float ECEF would move vertices by metres).
    renderer::SceneView v = only(carpathians(), true, true, false);
    v.pose.range = 6000;
    v.pose.tilt = 60;
    renderer::SceneView moved = v;
    moved.pose.lon += 1e-7;
    EXPECT_LT(test::meanDifference(render(v), render(moved)), 0.5);
}

TEST_F(Renderer, ScenarioFeaturesMatchGolden) {
    // The Paris framework over western Ukraine: hubs, equipment sites, the air zone, hatching.
    ASSERT_FALSE(scene->scenarios.scenarios.empty());
    renderer::SceneView v;
    v.pose = {28.5, 49.3, 0, 900e3, 0, 35};
    const auto index = scene->scenarios.indexOf("paris-framework");
    ASSERT_TRUE(index.has_value());
    v.scenarioFrom = v.scenarioTo = 1u << *index;
    v.markers = renderer::MarkerStyle::Prisms; // the prisms of old; SymbolsMatchGolden shows the symbols
    renderer::SceneView none = v;
    none.scenarioFrom = none.scenarioTo = 0;
    const test::Rgba with = render(v), without = render(none);
    EXPECT_GT(test::meanDifference(with, without), 1.0); // the features are there
    expectGolden(with, "paris-framework");
}

TEST_F(Renderer, SymbolsMatchGolden) {
    // The default scenarios with military symbols: the full coalition close enough for every unit, and
    // from afar, clustered; symbols differ from prisms, and hiding the layer removes them.
    const auto index = scene->scenarios.indexOf("full-coalition");
    ASSERT_TRUE(index.has_value());
    renderer::SceneView v;
    v.pose = {29.0, 48.8, 0, 1100e3, 0, 40};
    v.scenarioFrom = v.scenarioTo = 1u << *index;
    v.hidden.insert("graphics"); // the symbols alone; GraphicsLayerTest checks the tactical graphics
    renderer::SceneView prisms = v, hidden = v;
    prisms.markers = renderer::MarkerStyle::Prisms;
    hidden.hidden.insert("symbols");
    const test::Rgba symbols = render(v, 480, 300);
    EXPECT_GT(test::meanDifference(symbols, render(prisms, 480, 300)), 0.5);
    EXPECT_GT(test::meanDifference(symbols, render(hidden, 480, 300)), 0.5);
    expectGolden(symbols, "symbols-full-coalition");
    renderer::SceneView far = v;
    far.pose = {30.0, 48.5, 0, 6000e3, 0, 0};
    expectGolden(render(far, 320, 200), "symbols-clustered");
}

TEST_F(Renderer, SymbolsClusterFromAfarAndSplitAsTheViewComesCloser) {
    const auto index = scene->scenarios.indexOf("full-coalition");
    ASSERT_TRUE(index.has_value());
    renderer::SceneRenderer r(*context, scene->inputs, {480, 300});
    const auto* layer = dynamic_cast<const renderer::SymbolLayer*>(r.layer("symbols"));
    ASSERT_NE(layer, nullptr);
    size_t inScenario = 0;
    for (const geo::FeatureSymbol& s : layer->scene().symbols) {
        EXPECT_TRUE(s.ok()) << s.problem;
        inScenario += scene->scenarios.features[s.feature].inScenario(*index);
    }
    std::vector<size_t> drawn;
    for (double distance : {8000e3, 2500e3, 900e3, 300e3}) {
        renderer::SceneView v;
        v.pose = geo::groundPose({29.5, 48.8, 0, distance, 0, 0}, scene->terrain, 1.0);
        v.scenarioFrom = v.scenarioTo = 1u << *index;
        v.legend = false; // count the symbols on the ground alone
        r.renderStill(v);
        drawn.push_back(layer->drawnLastFrame());
    }
    EXPECT_LT(drawn[0], inScenario / 3) << "from 8,000 km the symbols gather into a few clusters";
    EXPECT_GT(drawn[1], drawn[0]) << "closer, they split"; // nearer still, fewer stay in the frame
    EXPECT_GT(drawn[3], 0u);
}

TEST_F(Renderer, EmptyFrameIsTheClearColour) {
    renderer::SceneView v;
    v.clearOnly = true;
    const test::Rgba image = render(v, 64, 64);
    for (size_t p = 0; p < image.pixels.size(); p += 4) ASSERT_LT(image.pixels[p], 16);
}

} // namespace
