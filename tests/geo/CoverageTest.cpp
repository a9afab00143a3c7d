// Coverage: the radar horizon over a flat plain against the analytic one, a ridge's shadow, the
// Carpathians' shadow on the default DEM, refusals, and the files written read back with GDAL.
#include "geo/Coverage.h"
#include "Fixtures.h"
#include "geo/CoverageFile.h"
#include "geo/CoverageWorker.h"
#include "geo/DemLoader.h"

#include <cmath>
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

namespace geo {
namespace {

constexpr glm::dvec2 kSite{30.0, 48.0};

//! A plain at sea level around kSite (28..32 E, 47..49 N, 0.01 degree cells), with an optional north-south
//! ridge of `ridgeM` between 30.5 and 30.6 E: 37 to 45 km east of the site.
Terrain plain(double ridgeM = 0) {
    HeightGrid grid;
    grid.source = "plain";
    grid.west = 28, grid.north = 49, grid.dLon = grid.dLat = 0.01, grid.width = 400, grid.height = 200;
    grid.metres.assign(size_t(grid.width) * grid.height, 0.0f);
    for (int j = 0; j < grid.height; ++j)
        for (int i = 0; i < grid.width; ++i) {
            const double lon = grid.west + (i + 0.5) * grid.dLon;
            if (lon > 30.5 && lon < 30.6) grid.metres[size_t(j) * grid.width + i] = float(ridgeM);
        }
    Terrain terrain;
    terrain.addLayer(std::move(grid));
    return terrain;
}

CoverageRequest mastAndLowTarget() {
    CoverageRequest r;
    r.site = kSite, r.antennaAglM = 10, r.targetM = 100, r.rangeM = 100e3;
    return r;
}

//! sqrt(2 k R h) for the antenna plus the same for the target: where their tangents to the sphere meet.
double analyticHorizonM(double k, double antennaM, double targetM) {
    const double radius = k * meanRadiusAt(kSite.y);
    return std::sqrt(2 * radius * antennaM) + std::sqrt(2 * radius * targetM);
}

TEST(Coverage, FlatPlainHorizonLiesBetweenTheGeometricAndTheRefractedOne) {
    const Terrain terrain = plain();
    CoverageRequest r = mastAndLowTarget();
    ASSERT_FALSE(checkCoverage(terrain, r));
    const CoverageDetail detail{72, 100};
    const CoverageFan refracted = computeCoverage(terrain, r, detail);
    r.refraction = 1;
    const CoverageFan geometric = computeCoverage(terrain, r, detail);
    const double geometricM = analyticHorizonM(1, 10, 100), refractedM = analyticHorizonM(kStandardRefraction, 10, 100);
    EXPECT_NEAR(geometricM, 47.0e3, 200);
    EXPECT_NEAR(refractedM, 54.3e3, 200);
    for (int ray = 0; ray < detail.rays; ++ray) {
        const double far = refracted.farthestSeenM(ray);
        EXPECT_GT(far, 47e3) << ray;
        EXPECT_LE(far, refractedM) << ray;
        EXPECT_NEAR(far, refractedM, 150) << ray; // within a step and a half
        EXPECT_NEAR(geometric.farthestSeenM(ray), geometricM, 150) << ray;
        for (int s = 0; s < refracted.samples; ++s) // seen up to the horizon, hidden after it
            ASSERT_EQ(refracted.seen(ray, s), (s + 1) * detail.stepM <= far) << ray << " " << s;
    }
    EXPECT_TRUE(refracted.visibleAt(123, 50e3));
    EXPECT_FALSE(refracted.visibleAt(123, 56e3));
    EXPECT_FALSE(refracted.visibleAt(123, 101e3)); // beyond the range
    // The share seen is the horizon's disc in the range's: (54.3 / 100)^2.
    EXPECT_NEAR(refracted.coveredFraction(), std::pow(refractedM / 100e3, 2), 0.01);
}

TEST(Coverage, ARidgeHidesWhatIsBehindIt) {
    const Terrain terrain = plain(2000);
    CoverageRequest r = mastAndLowTarget();
    const CoverageDetail detail{360, 250};
    const CoverageFan low = computeCoverage(terrain, r, detail);
    EXPECT_TRUE(low.visibleAt(90, 20e3));
    bool ridgeSeen = false; // its near edge: a target on it stands above the plain's horizon
    for (double km = 37; km <= 39; km += 0.25) ridgeSeen |= low.visibleAt(90, km * 1e3);
    EXPECT_TRUE(ridgeSeen);
    for (double km = 48; km <= 100; km += 4) EXPECT_FALSE(low.visibleAt(90, km * 1e3)) << km << " km east";
    EXPECT_NEAR(low.farthestSeenM(270), analyticHorizonM(kStandardRefraction, 10, 100), 300); // west: the plain
    EXPECT_LT(low.coveredFraction(60, 120, 50e3, 100e3), 0.01);

    // An aircraft at 3000 m above sea level clears the ridge's shadow close behind it, not far behind.
    r.targetM = 3000, r.targetAboveSea = true;
    const CoverageFan high = computeCoverage(terrain, r, detail);
    EXPECT_TRUE(high.visibleAt(90, 47e3));
    EXPECT_FALSE(high.visibleAt(90, 80e3));
    EXPECT_TRUE(high.visibleAt(270, 80e3)); // no ridge to the west: over the low horizon
}

TEST(Coverage, TheCarpathiansShadowASiteInTheirFoothills) {
    // Ivano-Frankivsk, north-east of the range: an aircraft at 2000 m is seen over the Podolian upland in front,
    // hardly at all over the Tisza plain behind the mountains (south-west), at the same distances
    // (100 to 180 km: within the 4/3-Earth horizon of 2000 m over the plain, 207 km).
    const Result<HeightGrid> dem = loadDem(BULWARK_ASSETS_DIR "/dem/region.tif");
    ASSERT_TRUE(dem.ok()) << dem.failure().message();
    Terrain terrain;
    terrain.addLayer(dem.value());
    CoverageRequest r;
    r.site = {24.71, 48.92}, r.antennaAglM = 30, r.targetM = 2000, r.targetAboveSea = true, r.rangeM = 250e3;
    ASSERT_FALSE(checkCoverage(terrain, r));
    const CoverageFan fan = computeCoverage(terrain, r, coverageLevels(terrain, r).back());
    const double behind = fan.coveredFraction(200, 250, 100e3, 180e3);
    const double front = fan.coveredFraction(20, 70, 100e3, 180e3);
    std::printf("seen 100-180 km away: %.0f%% behind the Carpathians (SW), %.0f%% in front (NE)\n", 100 * behind,
                100 * front);
    EXPECT_GT(front, 0.8);
    EXPECT_LT(behind, 0.3);
}

TEST(Coverage, LevelsGoFromCoarseToFine) {
    const Terrain terrain = plain();
    CoverageRequest r = mastAndLowTarget();
    r.rangeM = 300e3;
    const std::vector<CoverageDetail> levels = coverageLevels(terrain, r);
    ASSERT_GE(levels.size(), 2u);
    for (size_t i = 1; i < levels.size(); ++i) {
        EXPECT_GT(levels[i].rays, levels[i - 1].rays);
        EXPECT_LT(levels[i].stepM, levels[i - 1].stepM);
    }
    const double cellM = 0.01 * M_PI / 180 * meanRadiusAt(kSite.y);
    EXPECT_NEAR(levels.back().stepM, cellM / 2, 1);
    // Rays as far apart at the range as samples along them.
    EXPECT_NEAR(2 * M_PI * r.rangeM / levels.back().rays, levels.back().stepM, levels.back().stepM * 0.1);
}

TEST(Coverage, ACancelledSweepStopsAndSeesNothingMore) {
    const Terrain terrain = plain();
    const std::atomic<bool> cancel{true};
    const CoverageFan fan = computeCoverage(terrain, mastAndLowTarget(), {64, 500}, &cancel);
    EXPECT_EQ(fan.coveredFraction(), 0);
}

TEST(Coverage, RefusesWhatCannotBeSwept) {
    const Terrain terrain = plain();
    const auto refused = [&](auto change) {
        CoverageRequest r = mastAndLowTarget();
        change(r);
        const auto failure = checkCoverage(terrain, r);
        return failure ? failure->message() : std::string();
    };
    EXPECT_NE(refused([](auto& r) { r.site = {10, 48}; }).find("outside the DEM (plain)"), std::string::npos);
    EXPECT_NE(refused([](auto& r) { r.site = {30, 95}; }).find("--site 30,95"), std::string::npos);
    EXPECT_NE(refused([](auto& r) { r.rangeM = 0; }).find("range 0 m"), std::string::npos);
    EXPECT_NE(refused([](auto& r) { r.rangeM = 10'000e3; }).find("at most 2000 km"), std::string::npos);
    EXPECT_NE(refused([](auto& r) { r.antennaAglM = NAN; }).find("antenna height nan m"), std::string::npos);
    EXPECT_NE(refused([](auto& r) { r.targetM = -1; }).find("above the ground"), std::string::npos);
    EXPECT_EQ(refused([](auto& r) { r.targetM = -1, r.targetAboveSea = true; }),
              ""); // below sea level: a submarine's mast
    EXPECT_NE(refused([](auto& r) { r.refraction = 0; }).find("refraction"), std::string::npos);
    EXPECT_EQ(refused([](auto&) {}), "");
}

TEST(CoverageFile, GeoTiffMaskAndGeoJsonPolygonsReadBack) {
    const Terrain terrain = plain(2000);
    const CoverageFan fan = computeCoverage(terrain, mastAndLowTarget(), {360, 500});
    test::TempDir dir;
    GDALAllRegister();

    const size_t seenCells = writeCoverage(fan, dir / "mask.tif", CoverageFormat::GeoTiff);
    std::unique_ptr<GDALDataset> tif(GDALDataset::Open((dir / "mask.tif").c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    ASSERT_TRUE(tif);
    double gt[6];
    ASSERT_EQ(tif->GetGeoTransform(gt), CE_None);
    GDALRasterBand* band = tif->GetRasterBand(1);
    int hasNodata = 0;
    EXPECT_EQ(band->GetNoDataValue(&hasNodata), 255);
    EXPECT_TRUE(hasNodata);
    const auto cellAt = [&](double lon, double lat) {
        std::uint8_t v = 0;
        EXPECT_EQ(band->RasterIO(GF_Read, int((lon - gt[0]) / gt[1]), int((lat - gt[3]) / gt[5]), 1, 1, &v, 1, 1,
                                 GDT_Byte, 0, 0),
                  CE_None);
        return int(v);
    };
    EXPECT_EQ(cellAt(30.2, 48.0), 1);   // 15 km east: seen
    EXPECT_EQ(cellAt(30.9, 48.0), 0);   // 67 km east, behind the ridge: hidden
    EXPECT_EQ(cellAt(31.2, 48.8), 255); // 126 km north-east, in the corner of the box: beyond the range
    // Cells seen: the horizon's disc, less the ridge's shadow, in cells of 500 m.
    const double horizonM = analyticHorizonM(kStandardRefraction, 10, 100);
    EXPECT_NEAR(double(seenCells), M_PI * horizonM * horizonM / (500.0 * 500.0), 0.15 * seenCells);

    const size_t polygons = writeCoverage(fan, dir / "seen.geojson", CoverageFormat::GeoJson);
    EXPECT_GE(polygons, 1u);
    std::unique_ptr<GDALDataset> json(GDALDataset::Open((dir / "seen.geojson").c_str(), GDAL_OF_VECTOR));
    ASSERT_TRUE(json);
    OGRLayer* layer = json->GetLayer(0);
    EXPECT_EQ(size_t(layer->GetFeatureCount()), polygons);
    const OGRPoint near(30.2, 48.0), behind(30.9, 48.0);
    bool nearInside = false, behindInside = false;
    for (auto& f : *layer) {
        EXPECT_DOUBLE_EQ(f->GetFieldAsDouble("range_km"), 100);
        EXPECT_STREQ(f->GetFieldAsString("target_above"), "ground");
        nearInside |= f->GetGeometryRef()->Contains(&near);
        behindInside |= f->GetGeometryRef()->Contains(&behind);
    }
    EXPECT_TRUE(nearInside);
    EXPECT_FALSE(behindInside);
    EXPECT_EQ(test::namesIn(dir.path()), (std::vector<std::string>{"mask.tif", "seen.geojson"}));
}

} // namespace
} // namespace geo

namespace geo {
namespace {

TEST(CoverageWorker, RefinesCoarseToFineAndFollowsTheLatestSite) {
    const Terrain terrain = plain(2000);
    CoverageWorker worker(terrain);
    EXPECT_FALSE(worker.latest());
    CoverageRequest r = mastAndLowTarget();
    r.site = {29.0, 48.0}; // first somewhere else, then dragged on at once: only the last place is answered
    ASSERT_FALSE(worker.request(r));
    r.site = kSite;
    ASSERT_FALSE(worker.request(r));
    ASSERT_TRUE(worker.waitForFinest(std::chrono::seconds(20)));
    const auto answer = worker.latest();
    EXPECT_EQ(answer->request, 2u);
    EXPECT_EQ(answer->fan.request.site, kSite);
    EXPECT_EQ(answer->fan.detail.rays, coverageLevels(terrain, r).back().rays);
    EXPECT_TRUE(answer->fan.visibleAt(90, 20e3));
    EXPECT_FALSE(answer->fan.visibleAt(90, 70e3)); // behind the ridge
    EXPECT_FALSE(answer->mask.cells.empty());

    r.rangeM = 0; // refused: the answer shown stays
    EXPECT_TRUE(worker.request(r));
    EXPECT_EQ(worker.latest(), answer);
    worker.clear();
    EXPECT_FALSE(worker.latest());
}

} // namespace
} // namespace geo
