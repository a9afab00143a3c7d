#include "GdalSession.h"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <mutex>
#include <utility>

namespace geo {

namespace {

constexpr size_t kMaxReasonLength = 200;

void registerOnce() {
    static std::once_flag once;
    std::call_once(once, [] {
        CPLSetConfigOption("OGR_CT_FORCE_TRADITIONAL_GIS_ORDER", "YES");
        // A remote source (/vsicurl/, /vsis3/...) whose server is gone fails in seconds, not minutes; what the
        // user set in the environment wins.
        for (const auto& [option, value] : {std::pair{"GDAL_HTTP_CONNECTTIMEOUT", "5"},
                                            {"GDAL_HTTP_TIMEOUT", "20"},
                                            {"GDAL_HTTP_MAX_RETRY", "2"},
                                            {"GDAL_HTTP_RETRY_DELAY", "0.5"}})
            if (!CPLGetConfigOption(option, nullptr)) CPLSetConfigOption(option, value);
        GDALAllRegister();
    });
}

void CPL_STDCALL collectError(CPLErr severity, CPLErrorNum, const char* message) {
    if (auto* session = static_cast<GdalSession*>(CPLGetErrorHandlerUserData())) session->record(severity, message);
}

bool isTrimmed(char c) {
    return std::isspace(static_cast<unsigned char>(c)) || c == ':' || c == ',' || c == '.' || c == '`' || c == '\'' ||
           c == '"';
}

//! GDAL's message without the file's path (the Failure already names it), trimmed and kept short.
std::string shortReason(std::string reason, const std::string& path) {
    for (size_t at; !path.empty() && (at = reason.find(path)) != std::string::npos;) reason.erase(at, path.size());
    for (size_t at; (at = reason.find("`'")) != std::string::npos;) reason.erase(at, 2);
    auto first = std::find_if_not(reason.begin(), reason.end(), isTrimmed);
    auto last = std::find_if_not(reason.rbegin(), reason.rend(), isTrimmed).base();
    reason = first < last ? std::string(first, last) : std::string();
    if (reason.size() > kMaxReasonLength) reason = reason.substr(0, kMaxReasonLength) + "...";
    return reason;
}

} // namespace

void GdalDatasetCloser::operator()(GDALDataset* dataset) const noexcept {
    GDALClose(GDALDataset::ToHandle(dataset));
}

void OgrTransformDeleter::operator()(OGRCoordinateTransformation* transform) const noexcept {
    OGRCoordinateTransformation::DestroyCT(transform);
}

GdalSession::GdalSession() {
    registerOnce();
    CPLPushErrorHandlerEx(collectError, this);
}

GdalSession::~GdalSession() {
    CPLPopErrorHandler();
}

void GdalSession::record(int severity, const char* message) {
    if (severity < CE_Warning || !message) return;
    std::string line(message);
    line = line.substr(0, line.find('\n'));
    _errors.push_back(line);
    (severity >= CE_Failure ? _lastFailure : _lastWarning) = line;
}

std::string GdalSession::lastError() const {
    return _lastFailure.empty() ? _lastWarning : _lastFailure;
}

Failure GdalSession::fail(const std::filesystem::path& file, const std::string& problem) const {
    std::string reason = shortReason(lastError(), file.string());
    return Failure{file.string(), reason.empty() ? problem : problem + " (" + reason + ")"};
}

Result<GdalDatasetPtr> GdalSession::open(const std::filesystem::path& file, unsigned flags, const std::string& kind,
                                         std::optional<InputKind> input) const {
    const InputKind allowed = input.value_or((flags & GDAL_OF_RASTER) ? InputKind::File : InputKind::FileOrFolder);
    if (auto refused = checkGdalInputPath(file, allowed)) return *refused;
    flags |= GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR;
    GdalDatasetPtr dataset(GDALDataset::Open(file.c_str(), flags));
    if (!dataset) return fail(file, "not a " + kind + " GDAL can read");
    return dataset;
}

Result<OgrTransformPtr> transformToWgs84(const GdalSession& gdal, const std::filesystem::path& file, OGRLayer& layer) {
    const std::string name = std::string("layer '") + layer.GetName() + "'";
    const OGRSpatialReference* source = layer.GetSpatialRef();
    if (!source) return Failure{file.string(), name + " has no coordinate reference system"};
    // A CRS PROJ does not know (GeoJSON's "crs": "urn:ogc:def:crs:EPSG::99999") is reported only as an error
    // while opening, and the driver then hands out WGS84 as if nothing were wrong: refuse it instead.
    for (const std::string& error : gdal.errors())
        if (error.starts_with("PROJ: proj_create"))
            return Failure{file.string(), name + " names a coordinate reference system PROJ does not know (" +
                                              shortReason(error, file.string()) + ")"};
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OgrTransformPtr transform(OGRCreateCoordinateTransformation(source, &wgs84));
    if (!transform) return gdal.fail(file, name + " cannot be reprojected to EPSG:4326");
    return transform;
}

std::string featureName(const OGRFeature& feature, OGRLayer& layer) {
    return "feature " + std::to_string(feature.GetFID()) + " of layer '" + layer.GetName() + "'";
}

int findField(const OGRFeatureDefn& definition, const std::vector<std::string>& names) {
    for (const std::string& wanted : names)
        for (int i = 0; i < definition.GetFieldCount(); ++i)
            if (EQUAL(definition.GetFieldDefn(i)->GetNameRef(), wanted.c_str())) return i;
    return -1;
}

} // namespace geo
