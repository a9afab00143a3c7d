#pragma once
// Reads any raster GDAL opens (GeoTIFF, SRTM .hgt, DTED, netCDF, VRT...) in any CRS into a HeightGrid.
#include "HeightGrid.h"
#include "Result.h"

#include <filesystem>

namespace geo {

struct DemOptions {
    int maxSide = 8192; //!< larger rasters are resampled (bilinear) to at most this many cells a side; <= 0: no limit
};

//! Opens `path`, warps it to EPSG:4326 (bilinear) when it is in another CRS, and maps nodata to NaN.
//! Fails (never throws) with the file name and the problem: missing, unreadable, no CRS, no bands.
Result<HeightGrid> loadDem(const std::filesystem::path& path, const DemOptions& options = {});

} // namespace geo
