// The "graphics" layer on real Vulkan with the real mil-sym-ts: the default scenario's line of contact is
// drawn with the standard's semicircles (black on a white casing, beside the red row) near where the line
// projects, and with `--markers prisms` (the plain switch) the decoration is gone and the plain line is back.
#include "renderer/GraphicsLayer.h"
#include "SceneFixture.h"
#include "geo/Ellipsoid.h"
#include "renderer/SceneRenderer.h"
#include "renderer/View.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <gtest/gtest.h>

namespace {

constexpr uint32_t kWidth = 480, kHeight = 320;

class GraphicsLayerTest : public test::SceneFixture {
protected:
    static void SetUpTestSuite() {
        geo::SceneFiles files = defaultFiles();
        files.scenarios = BULWARK_TEST_SCENARIOS;
        openScene(files);
    }

    //! Pixels between `inner` and `outer` px from the line of contact as `view` projects it, counted by
    //! `is(r, g, b)`.
    template <class Is>
    static size_t nearTheLine(const std::vector<uint8_t>& pixels, const renderer::View& view, double inner,
                              double outer, Is is) {
        std::vector<glm::dvec2> projected;
        for (const geo::ScenarioFeature& f : scene->scenarios.features)
            if (f.kind == geo::FeatureKind::ContactLine)
                for (size_t i = 0; i + 1 < f.points.size(); ++i)
                    for (int s = 0; s < 20; ++s) { // densified: segments are long
                        const glm::dvec2 p = f.points[i] + (f.points[i + 1] - f.points[i]) * (s / 20.0);
                        const double h = scene->terrain.heightAt(p.x, p.y);
                        glm::dvec2 px;
                        if (view.project(geo::toEcef({p.x, p.y, std::max(h, 0.0)}), px)) projected.push_back(px);
                    }
        size_t count = 0;
        for (uint32_t y = 0; y < kHeight; ++y)
            for (uint32_t x = 0; x < kWidth; ++x) {
                const uint8_t* c = &pixels[(size_t(y) * kWidth + x) * 4];
                if (!is(int(c[0]), int(c[1]), int(c[2]))) continue;
                double nearest = 1e30;
                for (const glm::dvec2& p : projected)
                    nearest = std::min(nearest, glm::length(p - glm::dvec2(x + 0.5, y + 0.5)));
                count += nearest >= inner && nearest < outer;
            }
        return count;
    }
};

TEST_F(GraphicsLayerTest, TheLineOfContactIsDecoratedAndPlainWithPrisms) {
    renderer::SceneRenderer r(*context, scene->inputs, {kWidth, kHeight});
    renderer::SceneView v = viewOf({37.3, 48.45, 0, 150e3, 0, 0}, "ceasefire-monitoring");
    v.legend = false;
    v.title.clear();
    v.hidden = {"symbols", "labels"}; // markers and names differ between the two styles; not the point here
    const renderer::View view = renderer::View::make(v.pose, kWidth, kHeight);
    const auto red = [](int r, int g, int b) { return r > 170 && g < 90 && b < 90; };
    const auto dark = [](int r, int g, int b) { return r < 70 && g < 70 && b < 70; };

    const std::vector<uint8_t> standard = r.renderStill(v);
    v.markers = renderer::MarkerStyle::Prisms;
    const std::vector<uint8_t> plain = r.renderStill(v);
    if (const char* out = std::getenv("BULWARK_GRAPHICS_PPM")) { // a look at them while developing
        for (const auto* image : {&standard, &plain}) {
            const std::string path = std::string(out) + (image == &standard ? "-standard.ppm" : "-plain.ppm");
            FILE* f = std::fopen(path.c_str(), "wb");
            std::fprintf(f, "P6 %u %u 255\n", kWidth, kHeight);
            for (size_t i = 0; i < image->size(); i += 4) std::fwrite(&(*image)[i], 1, 3, f);
            std::fclose(f);
        }
    }
    // The decoration: red semicircles standing on the line and bulging off it, and the friendly row of
    // dark ones beyond; the plain line is red on the line itself, with nothing off it.
    const size_t redOff = nearTheLine(standard, view, 4.0, 16.0, red);
    const size_t darkOff = nearTheLine(standard, view, 4.0, 32.0, dark);
    const size_t plainRedOff = nearTheLine(plain, view, 4.0, 16.0, red);
    const size_t plainDarkOff = nearTheLine(plain, view, 4.0, 32.0, dark);
    const size_t plainRedOn = nearTheLine(plain, view, 0.0, 3.0, red);
    std::printf("decoration: red %zu dark %zu; plain: red %zu dark %zu, on the line %zu\n", redOff, darkOff,
                plainRedOff, plainDarkOff, plainRedOn);
    EXPECT_GT(redOff, 150u) << "no red semicircles off the line";
    EXPECT_GT(darkOff, 100u) << "no friendly row of semicircles";
    EXPECT_LT(plainRedOff * 5, redOff) << "decoration drawn with --markers prisms";
    EXPECT_LT(plainDarkOff * 3, darkOff) << "decoration drawn with --markers prisms";
    EXPECT_GT(plainRedOn, 100u) << "the plain line of contact is missing";
}

} // namespace
