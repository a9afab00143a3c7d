// Imagery draped on the terrain (renderer/ImageryLayer.h): a coloured patch in a small GeoTIFF
// written here lands on the pixels the camera projects its corners to; alpha 0 is transparent.
#include "SceneFixture.h"
#include "Fixtures.h"
#include "geo/Ellipsoid.h"
#include "geo/SharedRules.h"
#include "geo/TileSource.h"
#include "renderer/SceneRenderer.h"
#include "renderer/View.h"

#include <cmath>
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogr_spatialref.h>

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

} // namespace
