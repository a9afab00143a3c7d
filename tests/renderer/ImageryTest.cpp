// Imagery draped on the terrain (renderer/ImageryLayer.h): a coloured patch in a small GeoTIFF
// written here lands on the pixels the camera projects its corners to; alpha 0 is transparent.
#include "Fixtures.h"
#include "ImageFiles.h"
#include "RangeServer.h"
#include "SceneFixture.h"
#include "geo/Ellipsoid.h"
#include "geo/GlobeImagery.h"
#include "geo/SharedRules.h"
#include "geo/TileFailures.h"
#include "geo/TileSource.h"
#include "renderer/SceneRenderer.h"
#include "renderer/View.h"

#include <chrono>
#include <cmath>
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <iostream>
#include <ogr_spatialref.h>
#include <thread>

namespace {

//! 64 x 64 RGBA over 30..32 E, 48..50 N: the west half opaque red, the east half green with alpha 0.
void writePatch(const std::filesystem::path& path) {
    GDALAllRegister();
    GDALDataset* ds = GetGDALDriverManager()->GetDriverByName("GTiff")->Create(path.c_str(), 64, 64, 4, GDT_Byte,
                                                                               nullptr);
    ASSERT_NE(ds, nullptr);
    double gt[6] = {30.0, 2.0 / 64, 0, 50.0, 0, -2.0 / 64};
    ds->SetGeoTransform(gt);
    OGRSpatialReference srs;
    srs.importFromEPSG(4326);
    ds->SetSpatialRef(&srs);
    const GDALColorInterp interps[4] = {GCI_RedBand, GCI_GreenBand, GCI_BlueBand, GCI_AlphaBand};
    std::vector<uint8_t> band(64 * 64);
    for (int b = 0; b < 4; ++b) {
        for (int y = 0; y < 64; ++y)
            for (int x = 0; x < 64; ++x) {
                const bool west = x < 32;
                const uint8_t rgba[4] = {uint8_t(west ? 255 : 0), uint8_t(west ? 0 : 255), 0, uint8_t(west ? 255 : 0)};
                band[size_t(y) * 64 + x] = rgba[b];
            }
        ds->GetRasterBand(b + 1)->SetColorInterpretation(interps[b]);
        EXPECT_EQ(ds->GetRasterBand(b + 1)->RasterIO(GF_Write, 0, 0, 64, 64, band.data(), 64, 64, GDT_Byte, 0, 0),
                  CE_None);
    }
    GDALClose(ds);
}

class Imagery : public test::SceneFixture {
protected:
    static void SetUpTestSuite() { openScene(); }

    //! The pixel box the camera projects a lon/lat box (on the terrain) to.
    static glm::dvec4 projectedBox(const renderer::View& view, double west, double south, double east, double north) {
        glm::dvec4 box{1e9, 1e9, -1e9, -1e9};
        for (double lon : {west, east})
            for (double lat : {south, north}) {
                const double h = geo::raisedHeight(scene->terrain.heightAt(lon, lat), 1.0);
                glm::dvec2 px;
                EXPECT_TRUE(view.project(geo::toEcef({lon, lat, h}), px));
                box = {std::min(box.x, px.x), std::min(box.y, px.y), std::max(box.z, px.x), std::max(box.w, px.y)};
            }
        return box;
    }
};

TEST_F(Imagery, APatchLandsWhereTheCameraProjectsItsCornersAndAlphaIsTransparent) {
    geo::test::TempDir dir;
    const std::filesystem::path patch = dir / "patch.tif";
    writePatch(patch);
    auto source = geo::TileSource::open(patch.string(), geo::TileContent::Image);
    ASSERT_TRUE(source) << source.failure().message();
    renderer::SceneInputs inputs = scene->inputs;
    inputs.imagery = {{source.value()}};
    renderer::SceneView v = viewOf({31.0, 49.0, 0, 500e3, 0, 0}); // straight down
    v.hidden = {"borders", "coastlines", "labels", "scenarios", "highlight", "overlay"};
    const uint32_t w = 320, h = 200;
    renderer::SceneRenderer r(*context, inputs, {w, h});
    const std::vector<uint8_t> draped = r.renderStill(v);
    v.hidden.insert("imagery");
    const std::vector<uint8_t> bare = r.renderStill(v);
    const renderer::View view = renderer::View::make(v.pose, w, h);
    const auto at = [&](const std::vector<uint8_t>& rgba, int x, int y) { return &rgba[(size_t(y) * w + x) * 4]; };

    // Inside the red half (a pixel in from its projected edges): red, lit by the hillshade.
    const glm::dvec4 red = projectedBox(view, 30.0, 48.0, 31.0, 50.0);
    ASSERT_GT(red.z - red.x, 40.0);
    size_t inside = 0;
    for (int y = int(std::ceil(red.y)) + 2; y < int(red.w) - 2; ++y)
        for (int x = int(std::ceil(red.x)) + 2; x < int(red.z) - 2; ++x) {
            const uint8_t* p = at(draped, x, y);
            EXPECT_GT(int(p[0]), int(p[1]) + 80) << x << "," << y;
            EXPECT_GT(int(p[0]), int(p[2]) + 80) << x << "," << y;
            ++inside;
        }
    EXPECT_GT(inside, 1000u);
    // Just outside it, west, and over the transparent half, east: the terrain as without imagery.
    const glm::dvec4 clear = projectedBox(view, 31.0, 48.0, 32.0, 50.0);
    for (int y = int(std::ceil(red.y)) + 2; y < int(red.w) - 2; ++y) {
        for (int x : {int(red.x) - 3, int(red.x) - 8})
            for (int c = 0; c < 3; ++c) EXPECT_EQ(at(draped, x, y)[c], at(bare, x, y)[c]) << x << "," << y;
        for (int x = int(std::ceil(clear.x)) + 2; x < int(clear.z) - 2; x += 5)
            for (int c = 0; c < 3; ++c) EXPECT_NEAR(at(draped, x, y)[c], at(bare, x, y)[c], 1) << x << "," << y;
    }
}

TEST_F(Imagery, WhileItsServerIsGoneTheViewDrawsOnWithOneProblemLineAndRecoversWhenItIsBack) {
    geo::test::TempDir dir;
    std::filesystem::create_directories(dir / "www");
    // Opaque red over 30..32 E, 48..50 N at about 100 m, with overviews: the far view reads only those.
    geo::test::writeImageGeoTiff(
        dir / "www" / "ortho.tif", 2048, 2048, {30, 2.0 / 2048, 0, 50, 0, -2.0 / 2048},
        [](int, int) {
            return geo::test::Rgba{255, 0, 0, 255};
        },
        4, true);
    geo::test::RangeServer server(dir / "www", dir / "requests.log");
    const std::string url = server.url("ortho.tif");
    auto source = geo::TileSource::open(url, geo::TileContent::Image);
    ASSERT_TRUE(source) << source.failure().message();
    renderer::SceneInputs inputs = scene->inputs;
    inputs.imagery = {{source.value()}};
    const uint32_t w = 160, h = 100;
    renderer::SceneRenderer r(*context, inputs, {w, h});
    const auto redAtCentre = [&](const std::vector<uint8_t>& rgba) {
        const uint8_t* p = &rgba[(size_t(h / 2) * w + w / 2) * 4];
        return int(p[0]) > int(p[1]) + 80 && int(p[0]) > int(p[2]) + 80;
    };
    renderer::SceneView far = viewOf({31.0, 49.0, 0, 500e3, 0, 0});
    far.hidden = {"borders", "coastlines", "labels", "scenarios", "highlight", "overlay"};
    EXPECT_TRUE(redAtCentre(r.renderStill(far)));

    server.stop();
    VSICurlClearCache(); // what was fetched is no longer in memory: the finer tiles close up must be fetched
    renderer::SceneView near = far;
    near.pose = viewOf({31.0, 49.0, 0, 15e3, 0, 0}).pose;
    // The viewer's frames draw on (coarser tiles stand in) and the layer reports one line.
    const auto frameUntil = [&](const std::function<bool(const renderer::FrameStats&)>& done) {
        renderer::FrameStats stats;
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        do {
            stats = r.submitFrame(near);
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        } while (!done(stats) && std::chrono::steady_clock::now() < until);
        r.waitIdle();
        return stats;
    };
    renderer::FrameStats stats = frameUntil([](const auto& s) { return !s.problems.empty(); });
    ASSERT_EQ(stats.problems.size(), 1u);
    EXPECT_EQ(stats.problems[0].first, "imagery");
    EXPECT_EQ(stats.problems[0].second.rfind(url + ": cannot fetch tile ", 0), 0u) << stats.problems[0].second;
    EXPECT_EQ(stats.problems[0].second.find('\n'), std::string::npos);
    EXPECT_FALSE(stats.complete);
    // A still of that view is never drawn with a tile missing: it fails, naming the source and the tile.
    try {
        r.renderStill(near);
        ADD_FAILURE() << "a still drew without the tiles it needs";
    } catch (const geo::TileReadError& e) {
        EXPECT_EQ(std::string(e.what()).rfind(url + ": cannot fetch tile ", 0), 0u) << e.what();
    }

    server.start(); // failed tiles are asked again after a pause, and the line goes once they arrive
    stats = frameUntil([](const auto& s) { return s.problems.empty() && s.complete; });
    EXPECT_TRUE(stats.problems.empty()) << stats.problems[0].second;
    EXPECT_TRUE(stats.complete);
    EXPECT_TRUE(redAtCentre(r.renderStill(near)));
}

TEST_F(Imagery, AOneTexelCheckerFinerThanTheTerrainResolvesWhenDrawnClose) {
    // Black and white texels 1/256 of a level-12 tile apart (about 12 x 19 m), on the tiles' own grid, over a DEM
    // of 30" cells (about 600 x 900 m): only tiles refined past the DEM's detail show them.
    const double tile = 180.0 / 4096, west = -180.0 + 4801 * tile, north = 90.0 - 933 * tile; // near 31 E, 49 N
    geo::test::TempDir dir;
    geo::test::writeImageGeoTiff(dir / "checker.tif", 512, 512, {west, tile / 256, 0, north, 0, -tile / 256},
                                 [](int x, int y) {
                                     const uint8_t v = (x + y) % 2 ? 255 : 0;
                                     return geo::test::Rgba{v, v, v, 255};
                                 });
    auto source = geo::TileSource::open((dir / "checker.tif").string(), geo::TileContent::Image);
    ASSERT_TRUE(source) << source.failure().message();
    ASSERT_EQ(source.value()->finestLevel(256), 12);
    renderer::SceneInputs inputs = scene->inputs;
    inputs.imagery = {{source.value()}};
    const uint32_t w = 320, h = 200;
    renderer::SceneRenderer r(*context, inputs, {w, h});
    renderer::SceneView v = viewOf({west + tile, north - tile, 0, 1200, 0, 0}); // straight down, 1.2 km up
    v.hidden = {"borders", "coastlines", "labels", "scenarios", "highlight", "overlay"};
    const std::vector<uint8_t> rgba = r.renderStill(v);
    // The middle of the frame lies on the checker: its pixels are dark or light, not the grey of an average.
    const glm::dvec4 box =
        projectedBox(renderer::View::make(v.pose, w, h), west, north - 2 * tile, west + 2 * tile, north);
    ASSERT_LT(box.x, w * 0.25);
    ASSERT_GT(box.z, w * 0.75);
    double sum = 0, sumSquares = 0;
    size_t n = 0;
    for (uint32_t y = h / 4; y < 3 * h / 4; ++y)
        for (uint32_t x = w / 4; x < 3 * w / 4; ++x) {
            const double grey = rgba[(size_t(y) * w + x) * 4 + 1];
            sum += grey;
            sumSquares += grey * grey;
            ++n;
        }
    const double mean = sum / double(n), spread = std::sqrt(sumSquares / double(n) - mean * mean);
    std::cout << "checker drawn close: grey " << mean << " +- " << spread << "\n";
    // Magnified bilinearly, a checker of 0 and 255 spreads 255 / 6 = 42.5 about its mean; averaged away (tiles
    // of the DEM's detail hold 8 of its texels in one), it is an even grey.
    EXPECT_GT(spread, 30.0) << "the checker is drawn as a blur: the terrain stopped refining at the DEM's detail";
}

TEST_F(Imagery, TheCreditsLineNamesTheBlueMarbleWhileItShows) {
    ASSERT_TRUE(std::filesystem::exists(geo::kBlueMarblePath)) << "scripts/setup installs marble-qt-data";
    auto blueMarble = geo::openGlobeImagery(geo::kBlueMarblePath);
    ASSERT_TRUE(blueMarble) << blueMarble.failure().message();
    renderer::SceneInputs inputs = scene->inputs;
    inputs.globeImagery = {renderer::globeImageryInput(blueMarble.value())};
    const uint32_t w = 320, h = 200;
    renderer::SceneRenderer r(*context, inputs, {w, h});
    const renderer::Layer* globe = r.layer("globe-imagery");
    ASSERT_NE(globe, nullptr);
    // The bottom rows, where the credits are: space from 20,000 km, the ground from 300 km.
    const auto creditsRows = [&](const std::vector<uint8_t>& rgba) {
        return std::vector<uint8_t>(rgba.end() - size_t(w) * 14 * 4, rgba.end());
    };
    for (const double range : {20000e3, 300e3}) {
        renderer::SceneView v = viewOf({31.0, 49.0, 0, range, 0, 0});
        v.hidden = {"borders", "coastlines", "labels", "scenarios", "highlight"};
        const std::vector<uint8_t> shown = r.renderStill(v);
        const std::string credit = globe->credit();
        v.hidden.insert("globe-imagery");
        const std::vector<uint8_t> hidden = r.renderStill(v);
        if (range > 8000e3) {
            EXPECT_EQ(credit, "Imagery: NASA Blue Marble");
            EXPECT_NE(creditsRows(shown), creditsRows(hidden)) << "the line is the same with the Blue Marble hidden";
        } else { // faded out: not drawn, not credited
            EXPECT_EQ(credit, "");
            EXPECT_EQ(creditsRows(shown), creditsRows(hidden));
        }
    }
}

} // namespace
