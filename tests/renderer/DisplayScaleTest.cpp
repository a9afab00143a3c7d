// The one display scale for sizes given in pixels: the rule itself, labels laid out under it, and
// a render where a doubled scale visibly doubles the labels.
#include "renderer/DisplayScale.h"
#include "GoldenImage.h"
#include "SceneFixture.h"
#include "geo/Picking.h"
#include "renderer/Context.h"
#include "renderer/LabelLayer.h"
#include "renderer/SceneRenderer.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <memory>

namespace {

TEST(DisplayScale, AutomaticIsTheHeightOver1080WithAFloorAndNoCap) {
    EXPECT_FLOAT_EQ(renderer::automaticDisplayScale(1080), 1.0f);
    EXPECT_FLOAT_EQ(renderer::automaticDisplayScale(2160), 2.0f);
    EXPECT_FLOAT_EQ(renderer::automaticDisplayScale(8640), 8.0f); // a 15360x8640 poster
    EXPECT_FLOAT_EQ(renderer::automaticDisplayScale(200), 0.75f); // small stills stay legible
    EXPECT_FLOAT_EQ(renderer::resolveDisplayScale(0.0f, 2160), 2.0f);
    EXPECT_FLOAT_EQ(renderer::resolveDisplayScale(1.5f, 2160), 1.5f); // the viewer's choice wins
}

TEST(DisplayScale, TheViewerFollowsTheMonitorAndTheUser) {
    EXPECT_FLOAT_EQ(renderer::monitorDisplayScale(1.0f, 1080, 1.0f), 1.0f);  // a 1080p screen
    EXPECT_FLOAT_EQ(renderer::monitorDisplayScale(1.0f, 2160, 1.0f), 2.0f);  // a 4K wall at 100 %
    EXPECT_FLOAT_EQ(renderer::monitorDisplayScale(2.0f, 2160, 1.0f), 2.0f);  // a 4K laptop at 200 %
    EXPECT_FLOAT_EQ(renderer::monitorDisplayScale(1.5f, 1080, 1.0f), 1.5f);  // the desktop asks for more
    EXPECT_FLOAT_EQ(renderer::monitorDisplayScale(1.0f, 2160, 1.25f), 2.5f); // and the user too
    EXPECT_FLOAT_EQ(renderer::monitorDisplayScale(1.0f, 768, 1.0f), 1.0f);   // never under the content scale
}

TEST(DisplayScale, LabelsNeverUnderTheMinimumAndLinesNeverUnder1080p) {
    using renderer::kMinLabelPixels;
    EXPECT_FLOAT_EQ(renderer::labelPixels(kMinLabelPixels - 4.0f, 1.0f), kMinLabelPixels);
    EXPECT_FLOAT_EQ(renderer::labelPixels(kMinLabelPixels - 4.0f, 2.0f), 2.0f * kMinLabelPixels);
    EXPECT_FLOAT_EQ(renderer::labelPixels(kMinLabelPixels + 3.0f, 2.0f), 2.0f * (kMinLabelPixels + 3.0f));
    EXPECT_FLOAT_EQ(renderer::strokeScale(0.75f), 1.0f);
    EXPECT_FLOAT_EQ(renderer::strokeScale(8.0f), 8.0f);
}

//! The pixel extent (width, height) of every quad LabelLayer laid out for one place.
glm::vec2 labelExtent(const std::vector<renderer::LabelVertex>& vertices) {
    glm::vec2 lo(1e9f), hi(-1e9f);
    for (const renderer::LabelVertex& v : vertices) {
        lo = glm::min(lo, glm::vec2(v.offset[0], v.offset[1]));
        hi = glm::max(hi, glm::vec2(v.offset[0], v.offset[1]));
    }
    return hi - lo;
}

TEST(DisplayScale, ALabelAt4KIsTwiceItsSizeAt1080p) {
    geo::SceneFiles files;
    files.assets = BULWARK_ASSETS_DIR;
    const auto scene = std::make_unique<renderer::LoadedScene>(geo::loadSceneData(files).value());
    std::vector<geo::Place> kyiv(1);
    kyiv[0].name = "Kyiv";
    kyiv[0].lon = 30.52;
    kyiv[0].lat = 50.45;
    kyiv[0].capital = true;
    kyiv[0].population = 2900000;
    const renderer::GlyphAtlas atlas(scene->inputs.font, renderer::LabelLayer::codepointsOf(kyiv, nullptr));
    const renderer::LabelLayer labels(scene->terrain, kyiv, nullptr, atlas);
    const geo::CameraPose pose = geo::groundPose({30.52, 50.45, 0, 400e3, 0, 30}, scene->terrain, 1.0);
    std::vector<renderer::LabelVertex> hd, uhd;
    for (auto [height, out] : {std::pair{1080u, &hd}, std::pair{2160u, &uhd}}) {
        const renderer::View view = renderer::View::make(pose, height * 16.0 / 9.0, height);
        ASSERT_EQ(labels.layout(view, 1.0, renderer::automaticDisplayScale(height), {}, 4096, *out), 1u);
    }
    ASSERT_EQ(hd.size(), uhd.size());
    const glm::vec2 small = labelExtent(hd), large = labelExtent(uhd);
    EXPECT_GT(small.y, renderer::kMinLabelPixels * 0.5f); // the dot and the name, several pixels tall
    EXPECT_NEAR(large.x, 2.0f * small.x, 0.01f * small.x);
    EXPECT_NEAR(large.y, 2.0f * small.y, 0.01f * small.y);
}

class DisplayScaleRender : public test::SceneFixture {
protected:
    static void SetUpTestSuite() { openScene(); }
};

//! Pixels of label white: letters and dots (the terrain is hidden, so nothing else is that white).
size_t labelPixelsIn(const std::vector<uint8_t>& rgba) {
    size_t n = 0;
    for (size_t p = 0; p < rgba.size(); p += 4) n += rgba[p] > 200 && rgba[p + 1] > 200 && rgba[p + 2] > 200;
    return n;
}

TEST_F(DisplayScaleRender, DoublingTheScaleDoublesTheLabels) {
    renderer::SceneView view;
    view.pose = geo::groundPose({31.0, 49.0, 0, 1200e3, 0, 20}, scene->terrain, 1.0);
    view.hidden = {"terrain", "borders", "coastlines", "highlight", "scenarios"}; // labels only, on the clear colour
    view.attribution = false;
    renderer::SceneRenderer r(*context, scene->inputs, {960, 540});
    view.displayScale = 1.0f;
    renderer::FrameStats normal, doubled;
    const size_t atOne = labelPixelsIn(r.renderStill(view, &normal));
    view.displayScale = 2.0f;
    const size_t atTwo = labelPixelsIn(r.renderStill(view, &doubled));
    // Each label covers four times the pixels; decluttering keeps fewer of them.
    EXPECT_GT(atOne, 500u);
    EXPECT_LT(doubled.labels, normal.labels);
    EXPECT_GT(double(atTwo) / double(doubled.labels), 3.0 * double(atOne) / double(normal.labels))
        << atOne << " px for " << normal.labels << " labels at 1, " << atTwo << " px for " << doubled.labels << " at 2";
}

} // namespace
