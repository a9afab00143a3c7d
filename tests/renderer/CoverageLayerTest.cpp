// The "coverage" layer: a lon/lat mask draped on the terrain tints exactly the cells it says are seen,
// leaves hidden cells and everything outside the mask untouched, and goes when the layer is hidden.
#include "SceneFixture.h"
#include "geo/CoverageWorker.h"
#include "geo/Ellipsoid.h"
#include "geo/SharedRules.h"
#include "renderer/CoverageLayer.h"
#include "renderer/SceneRenderer.h"
#include "renderer/View.h"

#include <gtest/gtest.h>

namespace {

constexpr uint32_t kWidth = 320, kHeight = 200;

class CoverageLayerTest : public test::SceneFixture {
protected:
    static void SetUpTestSuite() { openScene(); }

    //! 2° x 2° around (25, 49) in 0.1° cells: the middle 1° x 1° seen, the rest in range but hidden.
    static geo::CoverageWorker::Answer patch() {
        geo::CoverageWorker::Answer a;
        geo::CoverageMask& m = a.mask;
        m.west = 24.0, m.north = 50.0, m.dLon = 0.1, m.dLat = 0.1, m.width = 20, m.height = 20;
        m.cells.assign(400, geo::CoverageMask::kUnseen);
        for (int y = 5; y < 15; ++y)
            for (int x = 5; x < 15; ++x) m.cells[y * 20 + x] = geo::CoverageMask::kSeen;
        a.request = 1, a.level = 0, a.levels = 1;
        return a;
    }
    //! Straight down on the patch; without place names, which cover the tint where they stand (Kolomyia).
    static renderer::SceneView view() {
        renderer::SceneView v = viewOf({25.0, 49.0, 0, 450e3, 0, 0});
        v.hidden = {"labels"};
        return v;
    }
    //! The pixel over (lon, lat) on the ground, as the still's camera sees it.
    static glm::ivec2 pixelOf(const renderer::SceneView& v, double lon, double lat) {
        const renderer::View camera = renderer::View::make(v.pose, kWidth, kHeight);
        const double h = geo::raisedHeight(double(scene->terrain.heightAt(lon, lat)), v.exaggeration);
        glm::dvec2 p;
        EXPECT_TRUE(camera.project(geo::toEcef({lon, lat, h}), p));
        EXPECT_TRUE(p.x >= 0 && p.y >= 0 && p.x < kWidth && p.y < kHeight) << lon << "," << lat;
        return glm::ivec2(p);
    }
    static bool samePixel(const std::vector<uint8_t>& a, const std::vector<uint8_t>& b, glm::ivec2 p) {
        const size_t i = (size_t(p.y) * kWidth + p.x) * 4;
        return std::equal(a.begin() + i, a.begin() + i + 4, b.begin() + i);
    }
};

TEST_F(CoverageLayerTest, TintsExactlyTheCellsSeen) {
    renderer::SceneRenderer r(*context, scene->inputs, {kWidth, kHeight});
    const renderer::SceneView v = view();
    const std::vector<uint8_t> without = r.renderStill(v);
    const auto answer = patch();
    r.setCoverage(&answer);
    const std::vector<uint8_t> with = r.renderStill(v);
    // Inside the seen square (24.5..25.5, 48.5..49.5), a cell's width from its edges: tinted.
    for (double lon = 24.6; lon <= 25.41; lon += 0.2)
        for (double lat = 48.6; lat <= 49.41; lat += 0.2)
            EXPECT_FALSE(samePixel(without, with, pixelOf(v, lon, lat))) << "seen " << lon << "," << lat;
    // Hidden cells of the mask, and the ground outside it: untouched.
    for (const glm::dvec2 p : {glm::dvec2{24.2, 48.2}, {25.8, 49.8}, {24.2, 49.8}, {25.8, 48.2}, {25.0, 48.2},
                               {23.5, 49.0}, {26.5, 49.0}, {25.0, 47.6}, {25.0, 50.4}})
        EXPECT_TRUE(samePixel(without, with, pixelOf(v, p.x, p.y))) << "not seen " << p.x << "," << p.y;

    renderer::SceneView hidden = v;
    hidden.hidden.insert("coverage");
    EXPECT_EQ(r.renderStill(hidden), without);
    r.setCoverage(nullptr);
    EXPECT_EQ(r.renderStill(v), without);
}

TEST(CoverageTexture, ResamplesLargeMasksDownAndMarksSeenAndRange) {
    geo::CoverageMask m;
    m.width = 10, m.height = 4;
    m.cells.assign(40, geo::CoverageMask::kBeyondRange);
    m.cells[0] = geo::CoverageMask::kSeen;
    m.cells[1] = geo::CoverageMask::kUnseen;
    const renderer::CoverageTexture same = renderer::coverageTexture(m, 4096);
    ASSERT_EQ(same.width, 10);
    EXPECT_EQ(same.rg[0], 255); // seen, in range
    EXPECT_EQ(same.rg[1], 255);
    EXPECT_EQ(same.rg[2], 0); // hidden, in range
    EXPECT_EQ(same.rg[3], 255);
    EXPECT_EQ(same.rg[4], 0); // beyond
    EXPECT_EQ(same.rg[5], 0);
    const renderer::CoverageTexture small = renderer::coverageTexture(m, 5);
    EXPECT_EQ(small.width, 5);
    EXPECT_EQ(small.height, 4);
    EXPECT_EQ(small.rg.size(), 40u);
}

} // namespace
