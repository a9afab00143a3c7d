#pragma once
// Small files the geo tests write for themselves: GeoTIFFs, vector layers and text, in a temp folder.
#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace geo::test {

//! A fresh folder under the system's temp directory, removed with its contents when the test ends.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::filesystem::path operator/(const std::string& name) const { return _path / name; }
    const std::filesystem::path& path() const { return _path; }

private:
    std::filesystem::path _path;
};

//! One band of heights; row-major, north row first.
struct RasterSpec {
    int width = 0, height = 0;
    std::array<double, 6> geoTransform{}; //!< GDAL order: west, dx, 0, north, 0, -dy
    int epsg = 4326;                      //!< 0: no coordinate reference system
    std::vector<float> values;
    std::optional<double> nodata;
    double scale = 1, offset = 0;
};
void writeGeoTiff(const std::filesystem::path& path, const RasterSpec& spec);

//! A tiled Int16 GeoTIFF of side x side cells over 20..40 E, 45..55 N with no block written (SPARSE_OK):
//! a few megabytes on disk that declare as many cells as wanted.
void writeSparseGeoTiff(const std::filesystem::path& path, int side);

struct FeatureSpec {
    std::string wkt;
    std::vector<std::pair<std::string, std::string>> fields; //!< name, value; string fields
};
//! Writes one layer with OGR's `driver` ("GPKG", "ESRI Shapefile"...), adding it to the file if that
//! exists; epsg 0 writes no CRS.
void writeVectors(const std::filesystem::path& path, const std::string& driver, const std::string& layer, int epsg,
                  const std::vector<FeatureSpec>& features);

//! netCDF laid out as Ferret's ETOPO files: axes X (lon, degrees_east) and Y (lat, degrees_north, ascending)
//! with odd names and no grid mapping, and a Float32 variable ROSE[y][x] whose _FillValue is -1e34.
//! `values` are row-major in file order, so row 0 is the southernmost.
void writeFerretNetcdf(const std::filesystem::path& path, const std::vector<double>& lons,
                       const std::vector<double>& lats, const std::vector<float>& values);

void writeText(const std::filesystem::path& path, const std::string& text);
//! The whole file's bytes; "" when it cannot be read.
std::string readBytes(const std::filesystem::path& path);
//! The names in `folder`, sorted: what a test expects to find after a write (no temp file left).
std::vector<std::string> namesIn(const std::filesystem::path& folder);

//! A Unix socket bound at `path` (a file that is neither regular file, folder nor FIFO); close the returned descriptor.
int bindUnixSocket(const std::filesystem::path& path);

//! lon/lat of a point given in EPSG:`epsg`, through PROJ (to build expected values).
std::array<double, 2> toLonLat(int epsg, double x, double y);

} // namespace geo::test
