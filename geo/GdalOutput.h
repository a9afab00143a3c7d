#pragma once
// Private to geo/: a GDAL dataset written as one file through OutputFile (write-then-rename). The
// driver writes into a /vsimem/ buffer; only a complete file reaches the disk, so a failed export
// or coverage never leaves half a GeoPackage where the user's good one was.
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

class GDALDataset;
class OGRSpatialReference;

namespace geo {

//! Creates a dataset with GDAL driver `driver` (raster of width x height x bands of `type` when width > 0, else
//! vector) in memory, lets `fill` write it, closes it and writes its bytes to `target` through OutputFile.
//! `fill` throws std::runtime_error when GDAL refuses something. Throws OutputError naming `target`.
struct GdalOutputSpec {
    const char* driver = "GeoJSON";
    std::vector<std::string> options; //!< creation options, "KEY=VALUE"
    int width = 0, height = 0, bands = 0;
    int type = 0; //!< GDALDataType of a raster's bands
};
void writeGdalOutput(const std::filesystem::path& target, const GdalOutputSpec& spec,
                     const std::function<void(GDALDataset&)>& fill);

//! WGS84 with longitude first, the CRS of everything Bulwark writes.
OGRSpatialReference lonLatWgs84();

} // namespace geo
