#include "GdalRaster.h"

#include "LonLat.h"

#include <cpl_string.h>
#include <gdal_priv.h>
#include <gdal_utils.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace geo {

namespace {

//! Refuses a geotransform no CRS can mean: a coordinate or cell size that is not finite, cells of no area
//! (or of a subnormal one), or corners beyond 1e9 units from the origin, or in a projected CRS beyond
//! 100,000 km (the Earth's circumference is 40,000 km). PROJ and the warper take such grids literally and
//! can spend minutes, gigabytes or forever on them (found by fuzzing).
std::optional<Failure> refuseAbsurdGeoTransform(const std::filesystem::path& path, const GeoTransform& gt, int width,
                                                int height, const OGRSpatialReference* srs) {
    const double metresPerUnit = srs && srs->IsProjected() ? srs->GetLinearUnits() : 0.0;
    const double maxCoordinate = metresPerUnit > 0 ? 1e8 / metresPerUnit : 1e9;
    const double cellArea = std::abs(gt[1] * gt[5] - gt[2] * gt[4]);
    if (!std::all_of(gt.begin(), gt.end(), [](double v) { return std::isfinite(v); }) ||
        !(cellArea >= std::numeric_limits<double>::min()))
        return Failure{path.string(), "has a geotransform with no usable cell size"};
    for (const double col : {0.0, double(width)})
        for (const double row : {0.0, double(height)}) {
            const double x = gt[0] + col * gt[1] + row * gt[2], y = gt[3] + col * gt[4] + row * gt[5];
            if (!(std::abs(x) <= maxCoordinate && std::abs(y) <= maxCoordinate))
                return Failure{path.string(),
                               "has a geotransform that puts its corners beyond any map (" +
                                   std::string(metresPerUnit > 0 ? "more than 100,000 km" : "more than 1e9 units") +
                                   " from the origin)"};
        }
    return std::nullopt;
}

//! Refuses georeferencing that puts the grid beyond the globe: west of -180, east of 360, or past a pole.
//! Half a cell of slack keeps grids whose cell centres (not edges) sit on the poles or the date line.
} // namespace

std::optional<Failure> refuseOffTheGlobe(const std::filesystem::path& path, const HeightGrid& grid) {
    const double slackLon = grid.dLon / 2 + 1e-9, slackLat = grid.dLat / 2 + 1e-9;
    const bool finite = std::isfinite(grid.west) && std::isfinite(grid.north) && std::isfinite(grid.east()) &&
                        std::isfinite(grid.south()) && grid.dLon > 0 && grid.dLat > 0;
    if (!finite) return Failure{path.string(), "has a geotransform that is not a north-up grid of finite cells"};
    const auto degrees = [](double value) {
        char text[32];
        std::snprintf(text, sizeof text, "%.6g", value);
        return std::string(text);
    };
    if (grid.north > kMaxLat + slackLat || grid.south() < kMinLat - slackLat)
        return Failure{path.string(), "reaches latitudes " + degrees(grid.south()) + ".." + degrees(grid.north) +
                                          " N, beyond the poles (-90..90): its georeferencing is wrong"};
    if (grid.west < kMinLon - slackLon || grid.east() > kMaxLon + slackLon)
        return Failure{path.string(), "reaches longitudes " + degrees(grid.west) + ".." + degrees(grid.east()) +
                                          " E, beyond -180..360: its georeferencing is wrong"};
    return std::nullopt;
}

namespace {

//! Already lon/lat on WGS84 in degrees, north up and not rotated: read as it is, no warp.
bool isNorthUpLonLat(const OGRSpatialReference* srs, const GeoTransform& gt) {
    if (!srs || !srs->IsGeographic()) return false;
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    const char* const options[] = {"IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES", nullptr};
    const bool degrees = std::abs(srs->GetAngularUnits() - CPLAtof(SRS_UA_DEGREE_CONV)) < 1e-12;
    return srs->IsSameGeogCS(&wgs84, options) && degrees && gt[1] > 0 && gt[5] < 0 && gt[2] == 0 && gt[4] == 0;
}

//! True for CF-style netCDF (Ferret's ETOPO5) whose axes say `units = degrees_east` and `degrees_north`
//! but name no grid mapping, so GDAL gives it no CRS: by CF these axes are longitude and latitude.
bool declaresLonLatAxes(GDALDataset& dataset) {
    bool east = false, north = false;
    CSLConstList metadata = dataset.GetMetadata();
    for (int i = 0; metadata && metadata[i]; ++i) {
        const std::string entry = CPLString(metadata[i]).tolower();
        const size_t equals = entry.find('=');
        if (equals == std::string::npos || !entry.substr(0, equals).ends_with("#units")) continue;
        const std::string unit = entry.substr(equals + 1);
        east = east || unit == "degrees_east" || unit == "degree_east" || unit == "degrees_e" || unit == "degree_e";
        north = north || unit == "degrees_north" || unit == "degree_north" || unit == "degrees_n" || unit == "degree_n";
    }
    return east && north;
}

} // namespace

GdalDatasetPtr warpedView(GDALDataset& source, const std::vector<std::string>& extraArgs) {
    CPLStringList args;
    for (const char* arg : {"-of", "VRT", "-t_srs", "EPSG:4326"}) args.AddString(arg);
    for (const std::string& arg : extraArgs) args.AddString(arg.c_str());
    GDALWarpAppOptions* options = GDALWarpAppOptionsNew(args.List(), nullptr);
    if (!options) return nullptr;
    GDALDatasetH sourceHandle = GDALDataset::ToHandle(&source);
    int usageError = FALSE;
    GDALDatasetH warped = GDALWarp("", nullptr, 1, &sourceHandle, options, &usageError);
    GDALWarpAppOptionsFree(options);
    return GdalDatasetPtr(GDALDataset::FromHandle(warped));
}

Result<RasterGeoreference> checkGeoreference(const std::filesystem::path& path, GDALDataset& source) {
    if (source.GetRasterCount() < 1) return Failure{path.string(), "has no raster bands"};
    RasterGeoreference georef;
    GeoTransform& gt = georef.geoTransform;
    georef.hasGeoTransform = source.GetGeoTransform(gt.data()) == CE_None;
    const bool hasGcps = source.GetGCPCount() > 0 && source.GetGCPSpatialRef();
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    georef.assumeLonLat = !source.GetSpatialRef() && !hasGcps && georef.hasGeoTransform && declaresLonLatAxes(source);
    const OGRSpatialReference* srs = georef.assumeLonLat ? &wgs84 : source.GetSpatialRef();
    if (!srs && !hasGcps) return Failure{path.string(), "has no coordinate reference system"};
    if (!georef.hasGeoTransform && !hasGcps) return Failure{path.string(), "has no georeferencing (no geotransform)"};
    if (georef.hasGeoTransform)
        if (auto absurd = refuseAbsurdGeoTransform(path, gt, source.GetRasterXSize(), source.GetRasterYSize(), srs))
            return *absurd;
    georef.northUpLonLat = georef.hasGeoTransform && isNorthUpLonLat(srs, gt);
    return georef;
}

std::vector<std::string> heightWarpArgs(bool assumeLonLat) {
    std::vector<std::string> args{"-r", "bilinear", "-ot", "Float32", "-dstnodata", "nan"};
    if (assumeLonLat) args.insert(args.end(), {"-s_srs", "EPSG:4326"});
    return args;
}

HeightMapping::HeightMapping(GDALRasterBand& band) {
    int hasNodata = FALSE;
    const double nodata = band.GetNoDataValue(&hasNodata);
    // Heights are read as Float32, so a nodata value matches as a float; one no float holds matches nothing.
    _hasNodata = hasNodata && std::abs(nodata) <= std::numeric_limits<float>::max();
    _nodata = _hasNodata ? static_cast<float>(nodata) : 0.0f;
    _scale = band.GetScale();
    _offset = band.GetOffset();
}

float HeightMapping::metres(float raw, bool& implausible) const {
    implausible = false;
    if (std::isnan(raw) || (_hasNodata && raw == _nodata)) return std::numeric_limits<float>::quiet_NaN();
    const double metres = double(raw) * _scale + _offset;
    if (isPlausibleHeight(metres)) return static_cast<float>(metres);
    implausible = true;
    return std::numeric_limits<float>::quiet_NaN();
}

namespace {

std::string cellsText(long long width, long long height) {
    return std::to_string(width) + "x" + std::to_string(height) + " cells";
}

} // namespace

//! Refuses, before anything is read, a raster whose read would touch more than `maxCells` cells. Reading band 1
//! down to maxSide a side, GDAL (RasterIO and the warper alike) reads the coarsest overview that is still at
//! least that fine, or the full raster when there is none: a sparse 200000x200000 GeoTIFF took minutes and
//! gigabytes that way.
std::optional<Failure> refuseHugeRead(const std::filesystem::path& path, GDALDataset& dataset, int maxSide,
                                      double maxCells) {
    GDALRasterBand* band = dataset.GetRasterBand(1);
    const int width = dataset.GetRasterXSize(), height = dataset.GetRasterYSize();
    int readWidth = width, readHeight = height;
    for (int i = 0; maxSide > 0 && band && i < band->GetOverviewCount(); ++i) {
        GDALRasterBand* overview = band->GetOverview(i);
        if (!overview) continue;
        const int w = overview->GetXSize(), h = overview->GetYSize();
        const bool fineEnough = std::max(w, h) >= std::min(maxSide, std::max(width, height));
        if (fineEnough && double(w) * h < double(readWidth) * readHeight) readWidth = w, readHeight = h;
    }
    if (double(readWidth) * readHeight <= maxCells) return std::nullopt;
    const std::string fix = "; add overviews with gdaladdo, or cut it down with gdal_translate -outsize";
    if (readWidth == width && readHeight == height)
        return Failure{path.string(), cellsText(width, height) + " without overviews: too many to read" + fix};
    return Failure{path.string(), cellsText(width, height) + " whose nearest overview has " +
                                      cellsText(readWidth, readHeight) + ": too many to read" + fix};
}

} // namespace geo
