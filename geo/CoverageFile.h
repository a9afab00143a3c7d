#pragma once
// A coverage sweep as files for GIS: a lon/lat mask (GeoTIFF) or the polygons of the area seen (GeoJSON).
#include "geo/Coverage.h"

#include <filesystem>
#include <optional>

namespace geo {

//! The sweep resampled onto a regular lon/lat grid around the site (cells as large as the sweep's step),
//! row 0 north: kSeen, kUnseen, or kBeyondRange. Each cell centre is looked up in the fan by its geodesic
//! azimuth and distance from the site.
struct CoverageMask {
    static constexpr std::uint8_t kUnseen = 0, kSeen = 1, kBeyondRange = 255;
    double west = 0, north = 0, dLon = 0, dLat = 0;
    int width = 0, height = 0;
    std::vector<std::uint8_t> cells;
};
CoverageMask coverageMask(const CoverageFan& fan);

enum class CoverageFormat { GeoJson, GeoTiff };
//! .geojson or .json: polygons; .tif or .tiff: a mask. Nothing for other names.
std::optional<CoverageFormat> coverageFormatFor(const std::filesystem::path& file);

//! Writes the area seen to `out` through OutputFile: as polygons (one feature per connected area, with the
//! site, heights and range as fields) or as a Byte GeoTIFF of coverageMask() (255 nodata beyond the range).
//! Returns the number of polygons written (GeoJSON) or of cells seen (GeoTIFF). Throws OutputError.
size_t writeCoverage(const CoverageFan& fan, const std::filesystem::path& out, CoverageFormat format);

} // namespace geo
