// Posters rendered in tiles: the tile grid and crop arithmetic, and tiled renders compared with the
// same view rendered whole (labels, borders, a scenario and its caption; compare mode too).
#include "renderer/TiledStill.h"
#include "GoldenImage.h"
#include "SceneFixture.h"
#include "renderer/Context.h"
#include "renderer/SceneRenderer.h"

#include <cstring>
#include <gtest/gtest.h>
#include <memory>

namespace {

TEST(FrameTiles, CoverTheFrameOnceWithRaggedLastColumnAndRow) {
    const std::vector<renderer::FrameTile> tiles = renderer::tilesOf({500, 300}, 128);
    ASSERT_EQ(tiles.size(), 4u * 3u);
    uint64_t area = 0;
    for (const renderer::FrameTile& t : tiles) area += uint64_t(t.size.width) * t.size.height;
    EXPECT_EQ(area, 500u * 300u);
    EXPECT_EQ(tiles[3].origin.x, 384);
    EXPECT_EQ(tiles[3].size.width, 116u);
    EXPECT_EQ(tiles[11].origin.y, 256);
    EXPECT_EQ(tiles[11].size.height, 44u);
    EXPECT_EQ(renderer::tilesOf({15360, 8640}, 2048).size(), 8u * 5u);
}

TEST(FrameTiles, CropSendsEachViewPixelToItsTilePixel) {
    const VkRect2D view{{250, 0}, {250, 300}}; // the right half of a 500x300 frame (compare mode)
    const renderer::FrameTile tile{{500, 300}, {128, 128}, {128, 128}};
    const renderer::TileCrop crop = renderer::cropOf(view, tile);
    ASSERT_TRUE(crop.visible);
    EXPECT_EQ(crop.viewport.offset.x, 250 - 128);
    EXPECT_EQ(crop.viewport.extent.width, 256u - 250u);
    EXPECT_FLOAT_EQ(crop.inView.y, 128.0f);
    // View pixel (3, 200) is frame pixel (253, 200), tile pixel (125, 72).
    const glm::dvec4 ndc = crop.clip * glm::dvec4(3.0 / 250 * 2 - 1, 200.0 / 300 * 2 - 1, 0.5, 1.0);
    EXPECT_NEAR(crop.viewport.offset.x + (ndc.x + 1) / 2 * crop.viewport.extent.width, 125.0, 1e-9);
    EXPECT_NEAR(crop.viewport.offset.y + (ndc.y + 1) / 2 * crop.viewport.extent.height, 72.0, 1e-9);
    EXPECT_FALSE(renderer::cropOf(view, {{500, 300}, {0, 0}, {128, 128}}).visible);
    // A whole frame is not cropped at all: stills render exactly as before.
    const renderer::TileCrop whole = renderer::cropOf({{0, 0}, {320, 200}}, {{320, 200}, {0, 0}, {320, 200}});
    EXPECT_EQ(whole.clip, glm::dmat4(1.0));
}

class TiledStill : public test::SceneFixture {
protected:
    static void SetUpTestSuite() {
        openScene();
        // Markers, areas, hatching, an air zone, and a caption.
        view = viewOf({29.5, 49.0, 0, 1000e3, 10, 40}, "paris-framework");
    }

    static test::Rgba whole(const renderer::SceneView& v, VkExtent2D size) {
        renderer::SceneRenderer r(*context, scene->inputs, size);
        return {size.width, size.height, r.renderStill(v)};
    }
    //! Stitches the bands renderTiled hands over, checking they come top first and full width.
    static test::Rgba tiled(const renderer::SceneView& v, VkExtent2D size, uint32_t tileSize) {
        renderer::SceneRenderer r(*context, scene->inputs, renderer::tileTarget(size, tileSize));
        test::Rgba image{size.width, size.height, std::vector<uint8_t>(size_t(size.width) * size.height * 4)};
        uint32_t next = 0;
        renderer::renderTiled(r, v, size, tileSize, [&](const uint8_t* rows, uint32_t first, uint32_t count) {
            EXPECT_EQ(first, next);
            ASSERT_LE(first + count, size.height);
            std::memcpy(image.pixels.data() + size_t(first) * size.width * 4, rows, size_t(count) * size.width * 4);
            next = first + count;
        });
        EXPECT_EQ(next, size.height);
        return image;
    }
    static void expectSame(const test::Rgba& tiledImage, const test::Rgba& wholeImage, const std::string& name) {
        // Float rounding may move a few edge pixels by a level or two; seams or misplaced labels
        // would change whole rows and glyphs.
        const test::Comparison c =
            test::compareImages(tiledImage, wholeImage, name, BULWARK_TEST_OUT_DIR, 0.5, 0.001, 8);
        EXPECT_TRUE(c.passed) << c.message;
    }

    static inline renderer::SceneView view;
};

TEST_F(TiledStill, MatchesTheSameViewRenderedWhole) {
    ASSERT_FALSE(view.title.empty());
    const VkExtent2D size{500, 300};
    const test::Rgba expected = whole(view, size);
    const test::Rgba actual = tiled(view, size, 128); // 4 x 3 tiles, the last column and row ragged
    renderer::SceneView bare = view;
    bare.hidden = {"borders", "coastlines", "labels", "scenarios"};
    bare.title.clear();
    bare.legend = false;
    // The scene has what the comparison must cover: labels, lines, features, title, legend.
    EXPECT_GT(test::meanDifference(expected, whole(bare, size)), 2.0);
    expectSame(actual, expected, "tiled-500x300");
}

TEST_F(TiledStill, CompareModeSplitsTheWholeFrameNotEachTile) {
    ASSERT_GE(scene->scenarios.scenarios.size(), 2u);
    renderer::SceneView split = view;
    split.compare = renderer::ScenarioShown{2u, 2u, 1.0f, {}, geo::scenarioTitle(scene->scenarios.scenarios[1])};
    const VkExtent2D size{500, 300};
    expectSame(tiled(split, size, 96), whole(split, size), "tiled-compare-500x300"); // the rule at 249..251
}

} // namespace
