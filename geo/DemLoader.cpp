#include "DemLoader.h"

#include "Checked.h"
#include "GdalSession.h"
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

using GeoTransform = std::array<double, 6>;

//! `side` cells shrunk by `shrink` (<= 1), rounded, at least 1.
int shrunkSide(int side, double shrink) {
    return std::max(1, checkedInteger<int>(std::round(side * shrink)).value_or(1));
}

std::string cellsText(long long width, long long height) {
    return std::to_string(width) + "x" + std::to_string(height) + " cells";
}

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
                return Failure{path.string(), "has a geotransform that puts its corners beyond any map (" +
                                                  std::string(metresPerUnit > 0 ? "more than 100,000 km"
                                                                                : "more than 1e9 units") +
                                                  " from the origin)"};
        }
    return std::nullopt;
}

//! Refuses georeferencing that puts the grid beyond the globe: west of -180, east of 360, or past a pole.
//! Half a cell of slack keeps grids whose cell centres (not edges) sit on the poles or the date line.
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

//! Lazy warped VRT of `source` in EPSG:4326 (bilinear, nodata and uncovered cells NaN), or null.
GdalDatasetPtr warpedView(GDALDataset& source, const CPLStringList& extraArgs) {
    CPLStringList args;
    for (const char* arg :
         {"-of", "VRT", "-t_srs", "EPSG:4326", "-r", "bilinear", "-ot", "Float32", "-dstnodata", "nan"})
        args.AddString(arg);
    for (int i = 0; i < extraArgs.size(); ++i) args.AddString(extraArgs[i]);
    GDALWarpAppOptions* options = GDALWarpAppOptionsNew(args.List(), nullptr);
    if (!options) return nullptr;
    GDALDatasetH sourceHandle = GDALDataset::ToHandle(&source);
    int usageError = FALSE;
    GDALDatasetH warped = GDALWarp("", nullptr, 1, &sourceHandle, options, &usageError);
    GDALWarpAppOptionsFree(options);
    return GdalDatasetPtr(GDALDataset::FromHandle(warped));
}

//! Warps to EPSG:4326 at GDAL's suggested resolution, coarsened so neither side exceeds maxSide.
Result<GdalDatasetPtr> warpToLonLat(const GdalSession& gdal, const std::filesystem::path& path, GDALDataset& source,
                                    bool assumeLonLat, int maxSide) {
    CPLStringList sourceCrs;
    if (assumeLonLat) sourceCrs.AddString("-s_srs").AddString("EPSG:4326");
    GdalDatasetPtr warped = warpedView(source, sourceCrs);
    if (!warped) return gdal.fail(path, "cannot be reprojected to EPSG:4326");
    const int width = warped->GetRasterXSize(), height = warped->GetRasterYSize();
    if (maxSide <= 0 || std::max(width, height) <= maxSide) return warped;
    const double shrink = double(maxSide) / std::max(width, height);
    CPLStringList size(sourceCrs);
    size.AddString("-ts");
    size.AddString(std::to_string(shrunkSide(width, shrink)).c_str());
    size.AddString(std::to_string(shrunkSide(height, shrink)).c_str());
    warped = warpedView(source, size);
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

    int hasNodata = FALSE;
    const double nodata = band->GetNoDataValue(&hasNodata);
    // Heights are read as Float32, so a nodata value matches as a float; one no float holds matches nothing.
    const bool nodataIsFloat = hasNodata && std::abs(nodata) <= std::numeric_limits<float>::max();
    const float nodataValue = nodataIsFloat ? static_cast<float>(nodata) : 0.0f;
    const double scale = band->GetScale(), offset = band->GetOffset();
    size_t valid = 0, implausible = 0;
    for (float& h : grid.metres) {
        const double metres = double(h) * scale + offset;
        const bool missing = std::isnan(h) || (nodataIsFloat && h == nodataValue);
        if (!missing && !isPlausibleHeight(metres)) ++implausible;
        h = missing || !isPlausibleHeight(metres) ? std::numeric_limits<float>::quiet_NaN()
                                                  : static_cast<float>(metres);
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
    if (source.GetRasterCount() < 1) return Failure{path.string(), "has no raster bands"};

    GeoTransform gt{};
    const bool hasGeoTransform = source.GetGeoTransform(gt.data()) == CE_None;
    const bool hasGcps = source.GetGCPCount() > 0 && source.GetGCPSpatialRef();
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    const bool cfLonLat = !source.GetSpatialRef() && !hasGcps && hasGeoTransform && declaresLonLatAxes(source);
    const OGRSpatialReference* srs = cfLonLat ? &wgs84 : source.GetSpatialRef();
    if (!srs && !hasGcps) return Failure{path.string(), "has no coordinate reference system"};
    if (!hasGeoTransform && !hasGcps) return Failure{path.string(), "has no georeferencing (no geotransform)"};
    if (hasGeoTransform)
        if (auto absurd = refuseAbsurdGeoTransform(path, gt, source.GetRasterXSize(), source.GetRasterYSize(), srs))
            return *absurd;
    if (auto huge = refuseHugeRead(path, source, options.maxSide, options.maxCellsRead)) return *huge;
    if (hasGeoTransform && isNorthUpLonLat(srs, gt)) return readHeights(gdal, path, source, options.maxSide);

    auto warped = warpToLonLat(gdal, path, source, cfLonLat, options.maxSide);
    if (!warped) return warped.failure();
    return readHeights(gdal, path, *warped.value(), options.maxSide); // warped view closes before the source
}

} // namespace geo
