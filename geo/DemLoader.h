#pragma once
// Reads any raster GDAL opens (GeoTIFF, SRTM .hgt, DTED, netCDF, VRT...) in any CRS into a HeightGrid.
#include "GdalRaster.h"
#include "HeightGrid.h"
#include "Result.h"

#include <filesystem>

namespace geo {

struct DemOptions {
    int maxSide = 8192; //!< larger rasters are resampled (bilinear) to at most this many cells a side; <= 0: no limit
    //! The most cells one read may touch: GDAL reads the coarsest overview still as fine as the grid asked for,
    //! or the whole raster when it has none. A larger read is refused before it starts (it would take minutes
    //! and gigabytes), saying to add overviews.
    double maxCellsRead = kMaxCellsRead;
};

//! Opens `path`, warps it to EPSG:4326 (bilinear) when it is in another CRS, and maps nodata, and heights
//! no terrain has (outside kMinHeightM..kMaxHeightM, NaN, infinities), to NaN.
//! Fails (never throws) with the file name and the problem: missing, unreadable, no CRS, no bands, too many
//! cells to read without overviews, georeferenced beyond -180..360 E or -90..90 N, no valid height at all.
Result<HeightGrid> loadDem(const std::filesystem::path& path, const DemOptions& options = {});

} // namespace geo
