// Tile reads against what the raster holds: at native resolution the cells themselves; coarser, the overview
// GDAL keeps for it; in a projected CRS, the heights PROJ puts there; a folder of .hgt files as one mosaic.
#include "geo/TileSource.h"
#include "Fixtures.h"

#include <gdal_priv.h>
#include <gdal_utils.h>
#include <gtest/gtest.h>
#include <ogr_spatialref.h>

#include <cmath>
#include <fstream>
#include <memory>

namespace {

using geo::TileContent;
using geo::TileKey;
using geo::TileReader;
using geo::TileSource;
using geo::test::RasterSpec;
using geo::test::TempDir;

struct Closer {
    void operator()(GDALDataset* d) const { GDALClose(GDALDataset::ToHandle(d)); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, Closer>;

std::shared_ptr<const TileSource> openOk(const std::string& path, TileContent content = TileContent::Heights) {
    auto source = TileSource::open(path, content);
    if (!source) ADD_FAILURE() << source.failure().message();
    return source ? source.value() : nullptr;
}

geo::TileHeights readHeights(const std::shared_ptr<const TileSource>& source, const TileKey& key, int size) {
    TileReader reader(source);
    auto tile = reader.heights(key, size);
    if (!tile) throw std::runtime_error(tile.failure().message());
    return std::move(tile).value();
}

//! A linear field over 20..24 E, 44..48 N: what any symmetric resampling keeps exactly.
double linearField(double lon, double lat) {
    return 1000.0 * (lat - 46.0) + 500.0 * (lon - 22.0);
}

void writeLinearRaster(const std::filesystem::path& path, int side, double extra = 0) {
    RasterSpec spec{side, side, {20.0, 4.0 / side, 0, 48.0, 0, -4.0 / side}};
    for (int j = 0; j < side; ++j)
        for (int i = 0; i < side; ++i)
            spec.values.push_back(
                float(linearField(20.0 + (i + 0.5) * 4.0 / side, 48.0 - (j + 0.5) * 4.0 / side) + extra));
    geo::test::writeGeoTiff(path, spec);
}

void addOverviews(const std::filesystem::path& path) {
    DatasetPtr dataset(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_UPDATE));
    ASSERT_TRUE(dataset);
    int levels[] = {2, 4, 8};
    ASSERT_EQ(dataset->BuildOverviews("AVERAGE", 3, levels, 0, nullptr, nullptr, nullptr, nullptr), CE_None);
}

//! Overwrites the full-resolution cells only (overviews stay as they were) with the field plus `extra`.
void rewriteBase(const std::filesystem::path& path, int side, double extra) {
    DatasetPtr dataset(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_UPDATE));
    ASSERT_TRUE(dataset);
    std::vector<float> values;
    for (int j = 0; j < side; ++j)
        for (int i = 0; i < side; ++i)
            values.push_back(float(linearField(20.0 + (i + 0.5) * 4.0 / side, 48.0 - (j + 0.5) * 4.0 / side) + extra));
    ASSERT_EQ(dataset->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, side, side, values.data(), side, side, GDT_Float32, 0,
                                                  0, nullptr),
              CE_None);
}

//! Lattice sample (i, j) of `tile`, -1..size, with its lon/lat.
struct Sample {
    double lon, lat;
    float metres;
};
std::vector<Sample> samples(const geo::TileHeights& tile) {
    std::vector<Sample> all;
    for (int j = -1; j <= tile.size; ++j)
        for (int i = -1; i <= tile.size; ++i)
            all.push_back({tile.west + i * tile.step, tile.north - j * tile.step, tile.at(i, j)});
    return all;
}

TEST(TileSource, AtNativeResolutionTheLatticeIsTheCellsThemselves) {
    // Level 6, tile (71, 12): 19.6875..22.5 E, 53.4375..56.25 N. Cells of one lattice step centred on the
    // lattice points, three more all round, each holding a value of its own.
    const TileKey key{6, 71, 12};
    const geo::GeoExtent e = geo::tileExtent(key);
    const double step = (e.east - e.west) / 16;
    RasterSpec spec{23, 23, {e.west - 3.5 * step, step, 0, e.north + 3.5 * step, 0, -step}};
    for (int j = 0; j < 23; ++j)
        for (int i = 0; i < 23; ++i) spec.values.push_back(float(100 + 7 * i + 3 * j * j));
    TempDir dir;
    geo::test::writeGeoTiff(dir / "cells.tif", spec);
    auto source = openOk((dir / "cells.tif").string());
    ASSERT_TRUE(source);
    EXPECT_EQ(source->finestLevel(16), 6);
    const geo::TileHeights tile = readHeights(source, key, 17);
    ASSERT_EQ(tile.size, 17);
    EXPECT_DOUBLE_EQ(tile.west, e.west);
    EXPECT_DOUBLE_EQ(tile.north, e.north);
    for (int j = -1; j <= 17; ++j)
        for (int i = -1; i <= 17; ++i)
            EXPECT_FLOAT_EQ(tile.at(i, j), spec.values[size_t(j + 3) * 23 + (i + 3)]) << i << "," << j;
}

TEST(TileSource, CoarseTilesComeFromTheOverviewAndFineOnesFromTheCells) {
    // The overviews are built, then the cells rewritten 1000 m higher: a tile read from an overview still has
    // the old heights, one read from the cells the new ones. Without overviews, every tile has the new ones.
    TempDir dir;
    const int side = 1024; // cells of 0.0039 degrees
    writeLinearRaster(dir / "dem.tif", side);
    addOverviews(dir / "dem.tif");
    rewriteBase(dir / "dem.tif", side, 1000.0);
    writeLinearRaster(dir / "plain.tif", side, 1000.0);

    const TileKey coarse{6, 71, 15}; // 19.6875..22.5 E, 45..47.8125 N: lattice step 0.011 degrees, 2.8 cells
    const TileKey fine{8, 285, 60};  // 20.39..21.09 E, 47.11..47.81 N: lattice step 0.0027 degrees
    auto withOverviews = openOk((dir / "dem.tif").string());
    auto without = openOk((dir / "plain.tif").string());
    ASSERT_TRUE(withOverviews && without);
    EXPECT_EQ(withOverviews->finestLevel(256), 8);
    const double margin = 4 * 4.0 / side; // resampling kernels are cut at the raster's edge
    auto check = [&](const std::shared_ptr<const TileSource>& source, const TileKey& key, double extra) {
        size_t inside = 0;
        for (const Sample& s : samples(readHeights(source, key, 257))) {
            if (s.lon < 20.0 - 1e-9) {
                EXPECT_TRUE(std::isnan(s.metres)) << "west of the raster, at " << s.lon;
                continue;
            }
            if (s.lon < 20.0 + margin || s.lat > 48.0 - margin) continue;
            ++inside;
            ASSERT_NEAR(s.metres, linearField(s.lon, s.lat) + extra, 0.5) << s.lon << " " << s.lat;
        }
        EXPECT_GT(inside, 200u * 200u);
    };
    check(withOverviews, coarse, 0.0);
    check(withOverviews, fine, 1000.0);
    check(without, coarse, 1000.0);
    check(without, fine, 1000.0);
}

TEST(TileSource, MatchesGdalTranslateOfTheSameWindow) {
    // Rough heights (not a linear field), read by gdal_translate -projwin -outsize -r bilinear on the full file.
    TempDir dir;
    const int side = 600;
    RasterSpec spec{side, side, {20.0, 4.0 / side, 0, 48.0, 0, -4.0 / side}};
    for (int j = 0; j < side; ++j)
        for (int i = 0; i < side; ++i)
            spec.values.push_back(float(500 + 300 * std::sin(i * 0.05) * std::cos(j * 0.07) + (i * 31 + j * 17) % 23));
    geo::test::writeGeoTiff(dir / "rough.tif", spec);
    auto source = openOk((dir / "rough.tif").string());
    ASSERT_TRUE(source);
    const TileKey key{9, 571, 124}; // 20.74..21.09 E, 46.05..46.41 N
    const int size = 65;
    const geo::TileHeights tile = readHeights(source, key, size);

    // The lattice's samples are the centres of (size + 2)^2 cells of one step from (west - 1.5 step, north + 1.5 step).
    CPLStringList args;
    const double w = tile.west - 1.5 * tile.step, n = tile.north + 1.5 * tile.step, span = (size + 2) * tile.step;
    const auto text = [](double v) { return CPLString().Printf("%.15g", v); };
    for (const std::string& arg :
         std::vector<std::string>{"-of", "MEM", "-r", "bilinear", "-projwin", text(w), text(n), text(w + span),
                                  text(n - span), "-outsize", text(size + 2), text(size + 2)})
        args.AddString(arg.c_str());
    DatasetPtr full(GDALDataset::Open((dir / "rough.tif").c_str(), GDAL_OF_RASTER));
    GDALTranslateOptions* options = GDALTranslateOptionsNew(args.List(), nullptr);
    DatasetPtr window(GDALDataset::FromHandle(GDALTranslate("", GDALDataset::ToHandle(full.get()), options, nullptr)));
    GDALTranslateOptionsFree(options);
    ASSERT_TRUE(window);
    std::vector<float> expected(size_t(size + 2) * (size + 2));
    ASSERT_EQ(window->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, size + 2, size + 2, expected.data(), size + 2, size + 2,
                                                 GDT_Float32, 0, 0, nullptr),
              CE_None);
    for (size_t k = 0; k < expected.size(); ++k) ASSERT_NEAR(tile.metres[k], expected[k], 0.05) << k;
}

TEST(TileSource, ProjectedRasterIsReadThroughAWarpedView) {
    // UTM 33N, 250 m cells, heights linear in easting and northing: each lattice point must hold the height
    // of the point PROJ projects it to.
    TempDir dir;
    const int side = 200;
    const double x0 = 475000, y0 = 5105000, cell = 250;
    auto field = [](double x, double y) { return 0.05 * (x - 500000) + 0.05 * (y - 5080000); };
    RasterSpec spec{side, side, {x0, cell, 0, y0, 0, -cell}, 32633};
    for (int j = 0; j < side; ++j)
        for (int i = 0; i < side; ++i)
            spec.values.push_back(float(field(x0 + (i + 0.5) * cell, y0 - (j + 0.5) * cell)));
    geo::test::writeGeoTiff(dir / "utm.tif", spec);
    auto source = openOk((dir / "utm.tif").string());
    ASSERT_TRUE(source);
    EXPECT_NEAR(source->extent().west, 14.67, 0.05);
    const geo::TileHeights tile = readHeights(source, {9, 554, 125}, 33); // 14.77..15.12 E, 45.70..46.05 N

    OGRSpatialReference lonLat, utm;
    lonLat.importFromEPSG(4326);
    lonLat.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    utm.importFromEPSG(32633);
    std::unique_ptr<OGRCoordinateTransformation> toUtm(OGRCreateCoordinateTransformation(&lonLat, &utm));
    for (const Sample& s : samples(tile)) {
        double x = s.lon, y = s.lat;
        ASSERT_TRUE(toUtm->Transform(1, &x, &y));
        ASSERT_FALSE(std::isnan(s.metres)) << s.lon << " " << s.lat;
        // The warper approximates the projection to 1/8 of a cell: 31 m at most, 2.2 m of height here.
        ASSERT_NEAR(s.metres, field(x, y), 2.5) << s.lon << " " << s.lat;
    }
}

//! An SRTM3 tile as NASA ships it: 1201 x 1201 big-endian int16, named for its south-west corner.
void writeHgt(const std::filesystem::path& path, int height, int nodataRows = 0) {
    std::string bytes;
    bytes.reserve(size_t(1201) * 1201 * 2);
    for (int j = 0; j < 1201; ++j)
        for (int i = 0; i < 1201; ++i) {
            const int h = j < nodataRows ? -32768 : height;
            bytes.push_back(static_cast<char>((h >> 8) & 0xFF));
            bytes.push_back(static_cast<char>(h & 0xFF));
        }
    geo::test::writeText(path, bytes);
}

TEST(TileSource, AFolderOrGlobOfHgtFilesIsOneMosaic) {
    TempDir dir;
    std::filesystem::create_directories(dir / "srtm");
    writeHgt(dir / "srtm" / "N45E020.hgt", 100, 600); // its northern half (46.0..45.5 N) nodata
    writeHgt(dir / "srtm" / "N45E021.hgt", 300);
    geo::test::writeText(dir / "srtm" / "README.txt", "not a raster");
    for (const std::string& path :
         std::vector<std::string>{(dir / "srtm").string(), (dir / "srtm" / "*.hgt").string()}) {
        auto source = openOk(path);
        ASSERT_TRUE(source) << path;
        EXPECT_NEAR(source->extent().west, 20.0, 0.001);
        EXPECT_NEAR(source->extent().east, 22.0, 0.001);
        EXPECT_EQ(source->finestLevel(256), 10);                            // 3 arc-seconds
        const geo::TileHeights tile = readHeights(source, {6, 71, 15}, 65); // 19.69..22.5 E, 45..47.81 N
        auto at = [&](double lon, double lat) {
            const int i = int(std::lround((lon - tile.west) / tile.step)),
                      j = int(std::lround((tile.north - lat) / tile.step));
            return tile.at(i, j);
        };
        EXPECT_FLOAT_EQ(at(20.5, 45.2), 100) << path;
        EXPECT_FLOAT_EQ(at(21.5, 45.2), 300) << path;
        EXPECT_TRUE(std::isnan(at(20.5, 45.8))) << "nodata of the .hgt";
        EXPECT_FLOAT_EQ(at(21.5, 45.8), 300) << path;
        EXPECT_TRUE(std::isnan(at(20.5, 46.2))) << "north of the mosaic";
    }
}

TEST(TileSource, AFolderWithoutRastersOrAGlobMatchingNothingIsRefused) {
    TempDir dir;
    geo::test::writeText(dir / "notes.txt", "nothing");
    auto folder = TileSource::open(dir.path().string(), TileContent::Heights);
    ASSERT_FALSE(folder);
    EXPECT_EQ(folder.failure().where, dir.path().string());
    auto glob = TileSource::open((dir / "*.hgt").string(), TileContent::Heights);
    ASSERT_FALSE(glob);
    EXPECT_EQ(glob.failure().message(), (dir / "*.hgt").string() + ": matches no file");
}

TEST(TileSource, MissingCorruptAndTruncatedSourcesFailNamingTheFile) {
    TempDir dir;
    auto missing = TileSource::open((dir / "none.tif").string(), TileContent::Heights);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.failure().message(), (dir / "none.tif").string() + ": file not found");

    geo::test::writeText(dir / "corrupt.tif", std::string(4096, '\x5a'));
    testing::internal::CaptureStderr();
    auto corrupt = TileSource::open((dir / "corrupt.tif").string(), TileContent::Heights);
    EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
    ASSERT_FALSE(corrupt);
    EXPECT_EQ(corrupt.failure().where, (dir / "corrupt.tif").string());
    EXPECT_TRUE(corrupt.failure().what.starts_with("not a raster GDAL can read")) << corrupt.failure().what;

    // Cut after its header: it opens, and the tile whose cells are gone fails, naming the file and the tile.
    writeLinearRaster(dir / "whole.tif", 512);
    const std::string bytes = geo::test::readBytes(dir / "whole.tif");
    const std::string cut = (dir / "cut.tif").string();
    geo::test::writeText(cut, bytes.substr(0, bytes.size() / 3));
    testing::internal::CaptureStderr();
    auto truncated = TileSource::open(cut, TileContent::Heights);
    std::optional<geo::Failure> failure;
    if (!truncated)
        failure = truncated.failure();
    else {
        TileReader reader(truncated.value());
        auto tile = reader.heights({7, 142, 32}, 65); // 19.69..21.09 E, 43.59..45 N: the southern cells, cut off
        if (!tile) failure = tile.failure();
    }
    EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
    ASSERT_TRUE(failure) << "a truncated file must fail somewhere";
    EXPECT_EQ(failure->where, cut);
    EXPECT_EQ(failure->what.find(dir.path().string()), std::string::npos) << failure->what;
}

TEST(TileSource, ImageTexelsComeWithAlphaWhereTheRasterHasData) {
    // 3-band RGB over 20..21 E, 45..46 N, left half red, right half blue, no nodata: alpha 255 inside, 0 outside.
    TempDir dir;
    GDALAllRegister();
    const int side = 256;
    {
        DatasetPtr image(GetGDALDriverManager()->GetDriverByName("GTiff")->Create((dir / "rgb.tif").c_str(), side, side,
                                                                                  3, GDT_Byte, nullptr));
        double gt[] = {20.0, 1.0 / side, 0, 46.0, 0, -1.0 / side};
        image->SetGeoTransform(gt);
        OGRSpatialReference wgs84;
        wgs84.importFromEPSG(4326);
        image->SetSpatialRef(&wgs84);
        std::vector<uint8_t> band(size_t(side) * side);
        for (int b = 0; b < 3; ++b) {
            for (int j = 0; j < side; ++j)
                for (int i = 0; i < side; ++i)
                    band[size_t(j) * side + i] = b == 0   ? (i < side / 2 ? 200 : 0)
                                                 : b == 2 ? (i < side / 2 ? 0 : 220)
                                                          : 10;
            ASSERT_EQ(image->GetRasterBand(b + 1)->RasterIO(GF_Write, 0, 0, side, side, band.data(), side, side,
                                                            GDT_Byte, 0, 0, nullptr),
                      CE_None);
        }
    }
    auto source = openOk((dir / "rgb.tif").string(), TileContent::Image);
    ASSERT_TRUE(source);
    TileReader reader(source);
    auto tile = reader.image({8, 284, 63}, 64); // 19.69..20.39 E, 45..45.70 N: straddles the west edge
    ASSERT_TRUE(tile) << tile.failure().message();
    const geo::TileImage& image = tile.value();
    auto texel = [&](double lon, double lat) {
        const int i = int((lon - image.west) / image.step), j = int((image.north - lat) / image.step);
        return std::array<int, 4>{image.rgba[(size_t(j) * 64 + i) * 4], image.rgba[(size_t(j) * 64 + i) * 4 + 1],
                                  image.rgba[(size_t(j) * 64 + i) * 4 + 2], image.rgba[(size_t(j) * 64 + i) * 4 + 3]};
    };
    EXPECT_EQ(texel(20.2, 45.3), (std::array<int, 4>{200, 10, 0, 255}));
    EXPECT_EQ(texel(19.8, 45.3), (std::array<int, 4>{0, 0, 0, 0}));

    auto grey = TileSource::open((dir / "rgb.tif").string(), TileContent::Heights);
    EXPECT_TRUE(grey) << "a heights source reads band 1";
    writeLinearRaster(dir / "one.tif", 16);
    auto single = TileSource::open((dir / "one.tif").string(), TileContent::Image);
    ASSERT_FALSE(single);
    EXPECT_EQ(single.failure().message(),
              (dir / "one.tif").string() + ": has 1 band: imagery needs red, green and blue bands (or a colour table)");
}

} // namespace
