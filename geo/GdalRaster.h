#pragma once
// Private to geo/: the rules every raster read obeys, whether whole (DemLoader) or tile by tile
// (TileSource): which georeferencing is refused, how a raster becomes a north-up lon/lat view, and
// which values are heights. Public geo headers never include this file.
#include "GdalSession.h"
#include "HeightGrid.h"

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

class GDALDataset;
class GDALRasterBand;

namespace geo {

using GeoTransform = std::array<double, 6>;

//! How a raster's georeferencing is to be read.
struct RasterGeoreference {
    GeoTransform geoTransform{};
    bool hasGeoTransform = false;
    bool assumeLonLat = false;  //!< CF-style netCDF axes in degrees with no CRS: read as EPSG:4326
    bool northUpLonLat = false; //!< already lon/lat WGS84, north up: read as it is, no warp
};

//! Refuses, before anything is read, a raster with no bands, no CRS, no georeferencing, or a geotransform
//! no CRS can mean (issue 12's rules); else says how to read it.
Result<RasterGeoreference> checkGeoreference(const std::filesystem::path& path, GDALDataset& dataset);

//! Refuses georeferencing that puts `grid` (its frame; heights unused) beyond the globe: west of -180,
//! east of 360, or past a pole.
std::optional<Failure> refuseOffTheGlobe(const std::filesystem::path& path, const HeightGrid& grid);
//! Refuses, before anything is read, a raster whose read down to `maxSide` a side would touch more than
//! `maxCells` cells: GDAL reads the coarsest overview still that fine, or the full raster when there is none
//! (a sparse 200000x200000 GeoTIFF took minutes and gigabytes that way). The message says to add overviews.
std::optional<Failure> refuseHugeRead(const std::filesystem::path& path, GDALDataset& dataset, int maxSide,
                                      double maxCells);
//! The most cells one read of a raster may touch (refuseHugeRead): 16384 x 16384.
constexpr double kMaxCellsRead = 16384.0 * 16384.0;

//! A lazy warped VRT of `source` in EPSG:4326 made by gdalwarp with `args` (e.g. "-r", "bilinear"), or null.
GdalDatasetPtr warpedView(GDALDataset& source, const std::vector<std::string>& args);
//! gdalwarp's arguments for heights: bilinear, Float32, nodata and uncovered cells NaN.
std::vector<std::string> heightWarpArgs(bool assumeLonLat);

//! How band 1's raw values (read as Float32) become metres: scale, offset, nodata and implausible heights.
class HeightMapping {
public:
    explicit HeightMapping(GDALRasterBand& band);
    //! Metres, or NaN for nodata and for values no terrain has (sets `implausible` when that was why).
    float metres(float raw, bool& implausible) const;

private:
    bool _hasNodata = false;
    float _nodata = 0;
    double _scale = 1, _offset = 0;
};

} // namespace geo
