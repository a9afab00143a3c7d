#include "geo/DemLoader.h"
#include "Fixtures.h"

#include <gdal_priv.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <fstream>
#include <random>

namespace {

using geo::test::RasterSpec;
using geo::test::TempDir;

// 4x4 cells of 0.25 degree over 30..31 E, 49..50 N; value = 10 * column + 100 * row.
RasterSpec lonLatSpec() {
    RasterSpec spec{4, 4, {30.0, 0.25, 0, 50.0, 0, -0.25}};
    for (int j = 0; j < 4; ++j)
        for (int i = 0; i < 4; ++i) spec.values.push_back(float(10 * i + 100 * j));
    return spec;
}

TEST(DemLoader, ReadsLonLatGeoTiff) {
    TempDir dir;
    geo::test::writeGeoTiff(dir / "dem.tif", lonLatSpec());
    auto dem = geo::loadDem(dir / "dem.tif");
    ASSERT_TRUE(dem) << dem.failure().message();
    const geo::HeightGrid& grid = dem.value();
    EXPECT_EQ(grid.width, 4);
    EXPECT_EQ(grid.height, 4);
    EXPECT_DOUBLE_EQ(grid.west, 30);
    EXPECT_DOUBLE_EQ(grid.north, 50);
    EXPECT_DOUBLE_EQ(grid.dLon, 0.25);
    EXPECT_DOUBLE_EQ(grid.dLat, 0.25);
    EXPECT_EQ(grid.source, (dir / "dem.tif").string());
    EXPECT_FLOAT_EQ(grid.at(3, 2), 230);
    // Midway between the centres of cells (1,1), (2,1), (1,2), (2,2): 110, 120, 210, 220.
    EXPECT_FLOAT_EQ(grid.sample(30.5, 49.5).value(), 165);
}

TEST(DemLoader, MapsNodataToNothing) {
    TempDir dir;
    RasterSpec spec = lonLatSpec();
    spec.nodata = -9999;
    spec.values[5] = -9999; // cell (1, 1), centre 30.375 E 49.625 N
    spec.values[15] = std::numeric_limits<float>::infinity();
    geo::test::writeGeoTiff(dir / "holes.tif", spec);
    auto dem = geo::loadDem(dir / "holes.tif");
    ASSERT_TRUE(dem) << dem.failure().message();
    EXPECT_TRUE(std::isnan(dem.value().at(1, 1)));
    EXPECT_TRUE(std::isnan(dem.value().at(3, 3)));
    EXPECT_FALSE(dem.value().sample(30.375, 49.625));
    EXPECT_FALSE(dem.value().sample(30.5, 49.5));
    EXPECT_FLOAT_EQ(dem.value().sample(30.875, 49.875).value(), 30);
}

TEST(DemLoader, AppliesBandScaleAndOffset) {
    TempDir dir;
    RasterSpec spec = lonLatSpec();
    spec.scale = 0.5;
    spec.offset = -20;
    geo::test::writeGeoTiff(dir / "scaled.tif", spec);
    auto dem = geo::loadDem(dir / "scaled.tif");
    ASSERT_TRUE(dem) << dem.failure().message();
    EXPECT_FLOAT_EQ(dem.value().at(3, 2), 230 * 0.5f - 20);
}

TEST(DemLoader, ResamplesToMaxSide) {
    TempDir dir;
    RasterSpec spec{8, 8, {30.0, 0.125, 0, 50.0, 0, -0.125}};
    for (int j = 0; j < 8; ++j)
        for (int i = 0; i < 8; ++i) spec.values.push_back(float(i + 8 * j));
    geo::test::writeGeoTiff(dir / "big.tif", spec);
    auto dem = geo::loadDem(dir / "big.tif", {.maxSide = 4});
    ASSERT_TRUE(dem) << dem.failure().message();
    const geo::HeightGrid& grid = dem.value();
    EXPECT_EQ(grid.width, 4);
    EXPECT_EQ(grid.height, 4);
    EXPECT_DOUBLE_EQ(grid.dLon, 0.25);
    EXPECT_DOUBLE_EQ(grid.east(), 31);
    EXPECT_DOUBLE_EQ(grid.south(), 49);
    // A plane stays a plane: coarse cell (1, 2) covers fine columns 2-3 and rows 4-5 (34, 35, 42, 43).
    EXPECT_NEAR(grid.at(1, 2), 38.5, 0.5);
    EXPECT_NEAR(grid.at(2, 1) - grid.at(1, 1), 2.0, 0.5);
    EXPECT_NEAR(grid.at(1, 2) - grid.at(1, 1), 16.0, 0.5);
}

// 40x40 cells of 500 m in UTM zone 35N (EPSG:32635), about 22.8 E 49.6 N, far enough from the zone's
// central meridian (27 E) that the grid is turned about 3 degrees against lon/lat.
constexpr double kUtmWest = 200000, kUtmNorth = 5510000, kUtmCell = 500;
double utmHeight(double easting, double northing) {
    return 1000 + (easting - kUtmWest) / 20 + (kUtmNorth - northing) / 40;
}

TEST(DemLoader, ReprojectsUtmToLonLat) {
    TempDir dir;
    RasterSpec spec{40, 40, {kUtmWest, kUtmCell, 0, kUtmNorth, 0, -kUtmCell}, 32635};
    for (int j = 0; j < 40; ++j)
        for (int i = 0; i < 40; ++i)
            spec.values.push_back(float(utmHeight(kUtmWest + (i + 0.5) * kUtmCell, kUtmNorth - (j + 0.5) * kUtmCell)));
    geo::test::writeGeoTiff(dir / "utm.tif", spec);
    auto dem = geo::loadDem(dir / "utm.tif");
    ASSERT_TRUE(dem) << dem.failure().message();
    const geo::HeightGrid& grid = dem.value();

    const auto [west, north] = geo::test::toLonLat(32635, kUtmWest, kUtmNorth);
    EXPECT_NEAR(grid.west, west, 0.05);
    EXPECT_NEAR(grid.north, north, 0.05);
    EXPECT_GT(grid.west, 22);
    EXPECT_LT(grid.east(), 23.5);
    EXPECT_NEAR(grid.dLon, grid.dLat, grid.dLat); // square-ish cells of a few arc-seconds
    EXPECT_LT(grid.dLat, 0.01);

    // Heights at points well inside the source come back as the source's plane gives them.
    for (const auto& [easting, northing] :
         {std::pair{205000.0, 5505000.0}, {210000.0, 5500000.0}, {215250.0, 5493750.0}}) {
        const auto [lon, lat] = geo::test::toLonLat(32635, easting, northing);
        const auto h = grid.sample(lon, lat);
        ASSERT_TRUE(h) << lon << " " << lat;
        EXPECT_NEAR(*h, utmHeight(easting, northing), 2.0) << easting << " " << northing;
    }
}

TEST(DemLoader, ReprojectedCornersOutsideTheSourceAreNodata) {
    TempDir dir;
    RasterSpec spec{40, 40, {kUtmWest, kUtmCell, 0, kUtmNorth, 0, -kUtmCell}, 32635};
    spec.values.assign(size_t{40} * 40, 500.0f);
    geo::test::writeGeoTiff(dir / "utm.tif", spec);
    auto dem = geo::loadDem(dir / "utm.tif");
    ASSERT_TRUE(dem) << dem.failure().message();
    int nan = 0, filled = 0, other = 0;
    for (float h : dem.value().metres) (std::isnan(h) ? nan : std::abs(h - 500) < 1e-3 ? filled : other)++;
    EXPECT_GT(nan, 0) << "the turned square leaves uncovered corners";
    EXPECT_GT(filled, nan);
    EXPECT_EQ(other, 0) << "uncovered cells must be nodata, not 0";
}

TEST(DemLoader, ReprojectsAndResamplesToMaxSide) {
    TempDir dir;
    RasterSpec spec{40, 40, {kUtmWest, kUtmCell, 0, kUtmNorth, 0, -kUtmCell}, 32635};
    spec.values.assign(size_t{40} * 40, 500.0f);
    geo::test::writeGeoTiff(dir / "utm.tif", spec);
    auto dem = geo::loadDem(dir / "utm.tif", {.maxSide = 10});
    ASSERT_TRUE(dem) << dem.failure().message();
    EXPECT_LE(std::max(dem.value().width, dem.value().height), 10);
    EXPECT_GE(std::max(dem.value().width, dem.value().height), 9);
    const auto [lon, lat] = geo::test::toLonLat(32635, 210000, 5490000);
    EXPECT_NEAR(dem.value().sample(lon, lat).value(), 500, 1e-3);
}

TEST(DemLoader, GlobalGridInZeroTo360AnswersWesternLongitudes) {
    TempDir dir;
    RasterSpec spec{36, 18, {0.0, 10, 0, 90.0, 0, -10}};
    for (int j = 0; j < 18; ++j)
        for (int i = 0; i < 36; ++i) spec.values.push_back(float(i));
    geo::test::writeGeoTiff(dir / "global.tif", spec);
    auto dem = geo::loadDem(dir / "global.tif");
    ASSERT_TRUE(dem) << dem.failure().message();
    EXPECT_FLOAT_EQ(dem.value().sample(-175, 10).value(), 18); // 185 E: centre of column 18
    EXPECT_FLOAT_EQ(dem.value().sample(-5, 10).value(), 35);   // 355 E
    EXPECT_FLOAT_EQ(dem.value().sample(0, 10).value(), 17.5f); // across the seam: columns 35 and 0
}

TEST(DemLoader, FerretNetcdfInZeroTo360IsLonLat) {
    // 10-degree grid like ETOPO5: longitudes 0..350 east, latitudes -85..85 stored south first;
    // value = column. GDAL gives such files no CRS, but their axes' units say lon/lat.
    TempDir dir;
    std::vector<double> lons, lats;
    for (int i = 0; i < 36; ++i) lons.push_back(10.0 * i);
    for (int j = 0; j < 18; ++j) lats.push_back(-85.0 + 10.0 * j);
    std::vector<float> values;
    for (int j = 0; j < 18; ++j)
        for (int i = 0; i < 36; ++i) values.push_back(float(i));
    values[17 * 36 + 3] = -1e34f; // fill value at 30 E 85 N
    geo::test::writeFerretNetcdf(dir / "etopo.cdf", lons, lats, values);

    auto dem = geo::loadDem(dir / "etopo.cdf");
    ASSERT_TRUE(dem) << dem.failure().message();
    const geo::HeightGrid& grid = dem.value();
    EXPECT_EQ(grid.width, 36);
    EXPECT_EQ(grid.height, 18);
    EXPECT_NEAR(grid.west, -5, 1e-9);
    EXPECT_NEAR(grid.north, 90, 1e-9);
    EXPECT_FLOAT_EQ(grid.sample(30, 45).value(), 3);
    EXPECT_FLOAT_EQ(grid.sample(-175, 45).value(), 18.5f); // 185 E
    EXPECT_FLOAT_EQ(grid.sample(-170, -45).value(), 19);   // 190 E
    EXPECT_FLOAT_EQ(grid.sample(-5, 0).value(), 17.5f);    // 355 E: across the seam, columns 35 and 0
    EXPECT_TRUE(std::isnan(grid.at(3, 0))) << "north row first, fill value as nodata";
    EXPECT_FALSE(grid.sample(30, 85));
}

TEST(DemLoader, MissingFileFailsWithItsName) {
    TempDir dir;
    auto dem = geo::loadDem(dir / "nowhere.tif");
    ASSERT_FALSE(dem);
    EXPECT_EQ(dem.failure().where, (dir / "nowhere.tif").string());
    EXPECT_EQ(dem.failure().message(), (dir / "nowhere.tif").string() + ": file not found");
}

TEST(DemLoader, RasterWithoutCrsFails) {
    TempDir dir;
    RasterSpec spec = lonLatSpec();
    spec.epsg = 0;
    geo::test::writeGeoTiff(dir / "nocrs.tif", spec);
    auto dem = geo::loadDem(dir / "nocrs.tif");
    ASSERT_FALSE(dem);
    EXPECT_EQ(dem.failure().message(), (dir / "nocrs.tif").string() + ": has no coordinate reference system");
}

TEST(DemLoader, CorruptFileFailsQuietlyWithItsName) {
    TempDir dir;
    std::string noise(4096, '\0');
    std::mt19937 random(42);
    for (char& c : noise) c = static_cast<char>(random());
    geo::test::writeText(dir / "corrupt.tif", noise);
    testing::internal::CaptureStderr();
    auto dem = geo::loadDem(dir / "corrupt.tif");
    const std::string printed = testing::internal::GetCapturedStderr();
    ASSERT_FALSE(dem);
    EXPECT_EQ(dem.failure().where, (dir / "corrupt.tif").string());
    EXPECT_NE(dem.failure().what.find("not a raster GDAL can read"), std::string::npos) << dem.failure().what;
    EXPECT_EQ(printed, "") << "GDAL's own messages must not reach the user";
}

TEST(DemLoader, TruncatedGeoTiffFailsWithItsName) {
    TempDir dir;
    RasterSpec spec{64, 64, {30.0, 0.01, 0, 50.0, 0, -0.01}};
    spec.values.assign(size_t{64} * 64, 7.0f);
    geo::test::writeGeoTiff(dir / "whole.tif", spec);
    const auto size = std::filesystem::file_size(dir / "whole.tif");
    std::ifstream in(dir / "whole.tif", std::ios::binary);
    std::string bytes(size, '\0');
    in.read(bytes.data(), std::streamsize(size));
    // Keep the header and cut off the rest.
    for (size_t keep : {size_t(16), size / 3}) {
        geo::test::writeText(dir / "cut.tif", bytes.substr(0, keep));
        testing::internal::CaptureStderr();
        auto dem = geo::loadDem(dir / "cut.tif");
        const std::string printed = testing::internal::GetCapturedStderr();
        ASSERT_FALSE(dem) << "kept " << keep << " bytes";
        EXPECT_EQ(dem.failure().where, (dir / "cut.tif").string());
        const std::string& what = dem.failure().what;
        EXPECT_TRUE(what.starts_with("not a raster GDAL can read (") || what.starts_with("cannot read its heights ("))
            << what;
        EXPECT_EQ(what.find(dir.path().string()), std::string::npos) << "the path is said once, in `where`";
        EXPECT_EQ(printed, "");
    }
}

TEST(DemLoader, VectorFileIsNotARaster) {
    TempDir dir;
    geo::test::writeText(dir / "lines.geojson", R"({"type":"FeatureCollection","features":[]})");
    auto dem = geo::loadDem(dir / "lines.geojson");
    ASSERT_FALSE(dem);
    EXPECT_EQ(dem.failure().where, (dir / "lines.geojson").string());
    EXPECT_NE(dem.failure().what.find("not a raster GDAL can read"), std::string::npos) << dem.failure().what;
}

TEST(DemLoader, ReadsSrtmHgt) {
    // An SRTM3 tile as NASA ships it: 1201 x 1201 big-endian int16, named for its south-west corner.
    TempDir dir;
    const std::filesystem::path path = dir / "N50E030.hgt";
    std::vector<unsigned char> bytes;
    bytes.reserve(size_t(1201) * 1201 * 2);
    for (int j = 0; j < 1201; ++j)
        for (int i = 0; i < 1201; ++i) {
            const int h = 100 + i / 10; // rising eastward, 10 m per 10 cells
            bytes.push_back(static_cast<unsigned char>((h >> 8) & 0xFF));
            bytes.push_back(static_cast<unsigned char>(h & 0xFF));
        }
    geo::test::writeText(path, std::string(bytes.begin(), bytes.end()));
    const geo::Result<geo::HeightGrid> r = geo::loadDem(path);
    ASSERT_TRUE(r.ok()) << r.failure().message();
    EXPECT_NEAR(r.value().west, 30.0, 0.001);
    EXPECT_NEAR(r.value().north, 51.0, 0.001);
    const auto h = r.value().sample(30.5, 50.5);
    ASSERT_TRUE(h.has_value());
    EXPECT_NEAR(*h, 160.0f, 1.0f);
}

} // namespace

namespace {

TEST(DemLoader, HeightsNoTerrainHasAreNodata) {
    TempDir dir;
    RasterSpec spec = lonLatSpec();
    spec.values[0] = 3e38f;  // a wrong nodata: once drawn as a black frame
    spec.values[1] = -20000; // below the deepest trench
    spec.values[2] = 9500;   // above Everest
    spec.values[3] = -10900; // the Challenger Deep is real
    geo::test::writeGeoTiff(dir / "wild.tif", spec);
    auto dem = geo::loadDem(dir / "wild.tif");
    ASSERT_TRUE(dem) << dem.failure().message();
    EXPECT_TRUE(std::isnan(dem.value().at(0, 0)));
    EXPECT_TRUE(std::isnan(dem.value().at(1, 0)));
    EXPECT_TRUE(std::isnan(dem.value().at(2, 0)));
    EXPECT_FLOAT_EQ(dem.value().at(3, 0), -10900);
    EXPECT_FLOAT_EQ(dem.value().at(3, 2), 230);
}

TEST(DemLoader, ScaledHeightsAreCheckedInMetres) {
    TempDir dir;
    RasterSpec spec = lonLatSpec();
    spec.values[0] = 2000;
    spec.scale = 10; // 20000 m
    geo::test::writeGeoTiff(dir / "scaled.tif", spec);
    auto dem = geo::loadDem(dir / "scaled.tif");
    ASSERT_TRUE(dem) << dem.failure().message();
    EXPECT_TRUE(std::isnan(dem.value().at(0, 0)));
    EXPECT_FLOAT_EQ(dem.value().at(1, 0), 100);
}

TEST(DemLoader, NoPlausibleHeightAtAllIsRefused) {
    TempDir dir;
    RasterSpec spec = lonLatSpec();
    for (float& h : spec.values) h = 3e38f;
    geo::test::writeGeoTiff(dir / "wild.tif", spec);
    auto dem = geo::loadDem(dir / "wild.tif");
    ASSERT_FALSE(dem);
    EXPECT_EQ(dem.failure().where, (dir / "wild.tif").string());
    EXPECT_NE(dem.failure().what.find("-12000..9000 m"), std::string::npos) << dem.failure().what;

    for (float& h : spec.values) h = -9999;
    spec.nodata = -9999;
    geo::test::writeGeoTiff(dir / "empty.tif", spec);
    auto empty = geo::loadDem(dir / "empty.tif");
    ASSERT_FALSE(empty);
    EXPECT_NE(empty.failure().what.find("every cell is nodata"), std::string::npos) << empty.failure().what;
}

TEST(DemLoader, GeoreferencingBeyondThePolesIsRefused) {
    TempDir dir;
    RasterSpec spec{4, 4, {30.0, 1, 0, 100.0, 0, -1}, 4326, std::vector<float>(16, 100.0f)}; // 96..100 N
    geo::test::writeGeoTiff(dir / "north.tif", spec);
    auto dem = geo::loadDem(dir / "north.tif");
    ASSERT_FALSE(dem);
    EXPECT_EQ(dem.failure().where, (dir / "north.tif").string());
    EXPECT_NE(dem.failure().what.find("latitudes 96..100"), std::string::npos) << dem.failure().what;

    spec.geoTransform = {-200.0, 1, 0, 50.0, 0, -1}; // 200..196 W
    geo::test::writeGeoTiff(dir / "west.tif", spec);
    auto west = geo::loadDem(dir / "west.tif");
    ASSERT_FALSE(west);
    EXPECT_NE(west.failure().what.find("longitudes -200..-196"), std::string::npos) << west.failure().what;
}

TEST(DemLoader, AGeotransformNoMapCanMeanIsRefusedBeforeWarping) {
    // From the fuzzer: a Web Mercator grid with cells 1e119 m wide and 1e-310 m high sent GDALWarp (and
    // gdalinfo) into a loop that never ended.
    TempDir dir;
    RasterSpec spec{8, 8, {1.5e6, -9.786e119, 0, 7.5e6, 0, -3.5e-310}, 3857, std::vector<float>(64, 100.0f)};
    geo::test::writeGeoTiff(dir / "absurd.tif", spec);
    auto dem = geo::loadDem(dir / "absurd.tif");
    ASSERT_FALSE(dem);
    EXPECT_EQ(dem.failure().where, (dir / "absurd.tif").string());
    EXPECT_NE(dem.failure().what.find("geotransform"), std::string::npos) << dem.failure().what;

    spec.geoTransform = {1.5e6, 1e9, 0, 7.5e6, 0, -1000}; // corners 8e9 m east
    geo::test::writeGeoTiff(dir / "far.tif", spec);
    auto far = geo::loadDem(dir / "far.tif");
    ASSERT_FALSE(far);
    EXPECT_NE(far.failure().what.find("beyond any map"), std::string::npos) << far.failure().what;

    // Also from the fuzzer: 8 x 776 Mercator cells of 431 x 337 km reach 261,000 km south of the equator;
    // GDAL's warper took 15 s and 5.9 GB over them.
    spec = {8, 776, {1.5584728711058300e+06, 4.3129481179787545e+05, 0, 0, 0, -3.3667134399737185e+05}, 3857,
            std::vector<float>(8 * 776, 100.0f)};
    geo::test::writeGeoTiff(dir / "tall.tif", spec);
    auto tall = geo::loadDem(dir / "tall.tif");
    ASSERT_FALSE(tall);
    EXPECT_NE(tall.failure().what.find("more than 100,000 km"), std::string::npos) << tall.failure().what;
}

TEST(DemLoader, CellCentresOnThePolesAreKept) {
    // A point-registered global grid: cell centres at 90 N and 90 S put its edges half a cell beyond.
    TempDir dir;
    RasterSpec spec{36, 19, {-185.0, 10, 0, 95.0, 0, -10}, 4326, std::vector<float>(36 * 19, 5.0f)};
    geo::test::writeGeoTiff(dir / "poles.tif", spec);
    auto dem = geo::loadDem(dir / "poles.tif");
    ASSERT_TRUE(dem) << dem.failure().message();
}

TEST(DemLoader, HugeRasterWithoutOverviewsIsRefusedBeforeReading) {
    // Read whole, this took minutes and 1.7 GB to give an 8192-cell grid.
    TempDir dir;
    geo::test::writeSparseGeoTiff(dir / "huge.tif", 200000);
    const auto start = std::chrono::steady_clock::now();
    auto dem = geo::loadDem(dir / "huge.tif");
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ASSERT_FALSE(dem);
    EXPECT_LT(seconds, 5.0);
    EXPECT_EQ(dem.failure().message(), (dir / "huge.tif").string() +
                                           ": 200000x200000 cells without overviews: too many to read; add overviews "
                                           "with gdaladdo, or cut it down with gdal_translate -outsize");
}

TEST(DemLoader, OverviewsMakeALargeRasterReadable) {
    TempDir dir;
    RasterSpec spec{64, 64, {30.0, 1.0 / 64, 0, 50.0, 0, -1.0 / 64}};
    spec.values.assign(64 * 64, 150.0f);
    geo::test::writeGeoTiff(dir / "large.tif", spec);
    const geo::DemOptions small{.maxSide = 16, .maxCellsRead = 1000};
    auto refused = geo::loadDem(dir / "large.tif", small);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.failure().what.find("64x64 cells without overviews"), std::string::npos);

    GDALAllRegister();
    {
        GDALDataset* dataset = GDALDataset::FromHandle(GDALOpen((dir / "large.tif").c_str(), GA_Update));
        ASSERT_NE(dataset, nullptr);
        const int levels[] = {2, 4};
        ASSERT_EQ(dataset->BuildOverviews("AVERAGE", 2, levels, 0, nullptr, nullptr, nullptr), CE_None);
        GDALClose(dataset);
    }
    auto dem = geo::loadDem(dir / "large.tif", small); // reads the 16x16 overview: 256 cells
    ASSERT_TRUE(dem) << dem.failure().message();
    EXPECT_EQ(dem.value().width, 16);
    EXPECT_FLOAT_EQ(dem.value().at(5, 5), 150);

    auto coarse = geo::loadDem(dir / "large.tif", {.maxSide = 32, .maxCellsRead = 1000}); // the 32x32 overview
    ASSERT_FALSE(coarse);
    EXPECT_NE(coarse.failure().what.find("nearest overview has 32x32 cells"), std::string::npos)
        << coarse.failure().what;
}

} // namespace
