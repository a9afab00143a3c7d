#include "DemLoader.h"

#include "GdalSession.h"

#include <cpl_string.h>
#include <gdal_priv.h>
#include <gdal_utils.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace geo {

namespace {

using GeoTransform = std::array<double, 6>;

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
    size.AddString(std::to_string(std::max(1, int(std::lround(width * shrink)))).c_str());
    size.AddString(std::to_string(std::max(1, int(std::lround(height * shrink)))).c_str());
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
    grid.width = std::max(1, int(std::lround(width * shrink)));
    grid.height = std::max(1, int(std::lround(height * shrink)));
    grid.west = gt[0];
    grid.north = gt[3];
    grid.dLon = gt[1] * width / grid.width;
    grid.dLat = -gt[5] * height / grid.height;
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
    const float nodataValue = static_cast<float>(nodata);
    const double scale = band->GetScale(), offset = band->GetOffset();
    for (float& h : grid.metres) {
        if (!std::isfinite(h) || (hasNodata && h == nodataValue))
            h = std::numeric_limits<float>::quiet_NaN();
        else
            h = static_cast<float>(h * scale + offset);
    }
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
    if (hasGeoTransform && isNorthUpLonLat(srs, gt)) return readHeights(gdal, path, source, options.maxSide);

    auto warped = warpToLonLat(gdal, path, source, cfLonLat, options.maxSide);
    if (!warped) return warped.failure();
    return readHeights(gdal, path, *warped.value(), options.maxSide); // warped view closes before the source
}

} // namespace geo
