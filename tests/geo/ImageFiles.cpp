#include "ImageFiles.h"

#include <cstdlib>
#include <fstream>
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogr_spatialref.h>
#include <string>
#include <vector>

namespace geo::test {

void writeImageGeoTiff(const std::filesystem::path& path, int width, int height,
                       const std::array<double, 6>& geoTransform, const std::function<Rgba(int x, int y)>& rgba,
                       int bands, bool overviews) {
    GDALAllRegister();
    const char* options[] = {"TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256", "COMPRESS=DEFLATE", nullptr};
    GDALDataset* ds = GetGDALDriverManager()->GetDriverByName("GTiff")->Create(path.c_str(), width, height, bands,
                                                                               GDT_Byte, const_cast<char**>(options));
    ASSERT_NE(ds, nullptr) << path;
    std::array<double, 6> gt = geoTransform;
    ds->SetGeoTransform(gt.data());
    OGRSpatialReference srs;
    srs.importFromEPSG(4326);
    ds->SetSpatialRef(&srs);
    const GDALColorInterp interps[4] = {GCI_RedBand, GCI_GreenBand, GCI_BlueBand, GCI_AlphaBand};
    std::vector<uint8_t> pixels(size_t(width) * height * bands);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const Rgba c = rgba(x, y);
            for (int b = 0; b < bands; ++b) pixels[(size_t(y) * width + x) * bands + b] = c[size_t(b)];
        }
    for (int b = 0; b < bands; ++b) ds->GetRasterBand(b + 1)->SetColorInterpretation(interps[b]);
    EXPECT_EQ(ds->RasterIO(GF_Write, 0, 0, width, height, pixels.data(), width, height, GDT_Byte, bands, nullptr, bands,
                           size_t(width) * bands, 1, nullptr),
              CE_None);
    int factors[] = {2, 4, 8};
    if (overviews) {
        EXPECT_EQ(ds->BuildOverviews("AVERAGE", 3, factors, 0, nullptr, nullptr, nullptr), CE_None);
    }
    GDALClose(ds);
}

void corruptBlocks(const std::filesystem::path& path) {
    GDALAllRegister();
    std::vector<long long> offsets;
    {
        GDALDataset* ds = GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY);
        ASSERT_NE(ds, nullptr) << path;
        GDALRasterBand* band = ds->GetRasterBand(1);
        int bx = 0, by = 0;
        band->GetBlockSize(&bx, &by);
        for (int y = 0; y < (ds->GetRasterYSize() + by - 1) / by; ++y)
            for (int x = 0; x < (ds->GetRasterXSize() + bx - 1) / bx; ++x) {
                const std::string key = "BLOCK_OFFSET_" + std::to_string(x) + "_" + std::to_string(y);
                const char* offset = band->GetMetadataItem(key.c_str(), "TIFF");
                ASSERT_NE(offset, nullptr) << key;
                offsets.push_back(std::atoll(offset));
            }
        GDALClose(ds);
    }
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    const std::string garbage(64, '\xA5');
    for (long long offset : offsets) {
        file.seekp(offset);
        file.write(garbage.data(), std::streamsize(garbage.size()));
    }
    ASSERT_TRUE(file.good()) << path;
}

} // namespace geo::test
