#include "DemLoader.h"

#include "Checked.h"
#include "GdalRaster.h"
#include "LonLat.h"

#include <cpl_string.h>
#include <gdal_priv.h>
#include <gdal_utils.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>
#include <string>

namespace geo {

namespace {

//! `side` cells shrunk by `shrink` (<= 1), rounded, at least 1.
int shrunkSide(int side, double shrink) {
    return std::max(1, checkedInteger<int>(std::round(side * shrink)).value_or(1));
}

//! Warps to EPSG:4326 at GDAL's suggested resolution, coarsened so neither side exceeds maxSide.
Result<GdalDatasetPtr> warpToLonLat(const GdalSession& gdal, const std::filesystem::path& path, GDALDataset& source,
                                    bool assumeLonLat, int maxSide) {
    const std::vector<std::string> args = heightWarpArgs(assumeLonLat);
    GdalDatasetPtr warped = warpedView(source, args);
    if (!warped) return gdal.fail(path, "cannot be reprojected to EPSG:4326");
    const int width = warped->GetRasterXSize(), height = warped->GetRasterYSize();
    if (maxSide <= 0 || std::max(width, height) <= maxSide) return warped;
    const double shrink = double(maxSide) / std::max(width, height);
    std::vector<std::string> sized = args;
    sized.insert(sized.end(),
                 {"-ts", std::to_string(shrunkSide(width, shrink)), std::to_string(shrunkSide(height, shrink))});
    warped = warpedView(source, sized);
    if (!warped) return gdal.fail(path, "cannot be reprojected to EPSG:4326");
    return warped;
}

//! Band 1 of a north-up lon/lat dataset as metres, resampled (bilinear) to at most maxSide a side.
Result<HeightGrid> readHeights(const GdalSession& gdal, const std::filesystem::path& path, GDALDataset& dataset,
                               int maxSide) {
    GeoTransform gt{};
    if (dataset.GetGeoTransform(gt.data()) != CE_None) return gdal.fail(path, "has no geotransform");
    const int width = dataset.GetRasterXSize(), height = dataset.GetRasterYSize();
    const double shrink = maxSide > 0 ? std::min(1.0, double(maxSide) / std::max(width, height)) : 1.0;

    HeightGrid grid;
    grid.source = path.string();
    grid.width = shrunkSide(width, shrink);
    grid.height = shrunkSide(height, shrink);
    grid.west = gt[0];
    grid.north = gt[3];
    grid.dLon = gt[1] * width / grid.width;
    grid.dLat = -gt[5] * height / grid.height;
    if (auto offGlobe = refuseOffTheGlobe(path, grid)) return *offGlobe;
    grid.metres.resize(size_t(grid.width) * size_t(grid.height));

    GDALRasterBand* band = dataset.GetRasterBand(1);
    GDALRasterIOExtraArg resampling;
    INIT_RASTERIO_EXTRA_ARG(resampling);
    resampling.eResampleAlg = GRIORA_Bilinear;
    if (band->RasterIO(GF_Read, 0, 0, width, height, grid.metres.data(), grid.width, grid.height, GDT_Float32, 0, 0,
                       &resampling) != CE_None)
        return gdal.fail(path, "cannot read its heights");

    const HeightMapping mapping(*band);
    size_t valid = 0, implausible = 0;
    for (float& h : grid.metres) {
        bool beyond = false;
        h = mapping.metres(h, beyond);
        implausible += beyond;
        valid += !std::isnan(h);
    }
    if (valid == 0)
        return Failure{path.string(), implausible > 0
                                          ? "has no heights within -12000..9000 m (" + std::to_string(implausible) +
                                                " cells beyond them; is its nodata value set?)"
                                          : "has no heights: every cell is nodata"};
    return grid;
}

} // namespace

Result<HeightGrid> loadDem(const std::filesystem::path& path, const DemOptions& options) {
    GdalSession gdal;
    auto opened = gdal.open(path, GDAL_OF_RASTER, "raster");
    if (!opened) return opened.failure();
    GDALDataset& source = *opened.value();
    auto georef = checkGeoreference(path, source);
    if (!georef) return georef.failure();
    if (auto huge = refuseHugeRead(path, source, options.maxSide, options.maxCellsRead)) return *huge;
    if (georef.value().northUpLonLat) return readHeights(gdal, path, source, options.maxSide);

    auto warped = warpToLonLat(gdal, path, source, georef.value().assumeLonLat, options.maxSide);
    if (!warped) return warped.failure();
    return readHeights(gdal, path, *warped.value(), options.maxSide); // warped view closes before the source
}

} // namespace geo
