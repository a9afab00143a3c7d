#pragma once
// Private to geo/: the one place that sets GDAL up, owns its handles and turns its errors into Failures.
// Public geo headers never include this file (nor any GDAL header).
#include "InputPath.h"
#include "Result.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

class GDALDataset;
class OGRCoordinateTransformation;
class OGRFeature;
class OGRFeatureDefn;
class OGRLayer;

namespace geo {

//! Closes a dataset when its owner goes away.
struct GdalDatasetCloser {
    void operator()(GDALDataset* dataset) const noexcept;
};
using GdalDatasetPtr = std::unique_ptr<GDALDataset, GdalDatasetCloser>;

struct OgrTransformDeleter {
    void operator()(OGRCoordinateTransformation* transform) const noexcept;
};
using OgrTransformPtr = std::unique_ptr<OGRCoordinateTransformation, OgrTransformDeleter>;

//! Scope of one file's GDAL work on this thread. The constructor registers GDAL's drivers (once per
//! process) and sets OGR_CT_FORCE_TRADITIONAL_GIS_ORDER=YES so coordinates are lon/lat; while the
//! session lives, GDAL's errors on this thread are collected instead of printed, so a failure can
//! carry a short reason:
//!
//!     GdalSession gdal;
//!     auto dataset = gdal.open(path, GDAL_OF_RASTER, "raster");
//!     if (!dataset) return dataset.failure(); // "dem.tif: not a raster GDAL can read (...)"
class GdalSession {
public:
    GdalSession();
    ~GdalSession();
    GdalSession(const GdalSession&) = delete;
    GdalSession& operator=(const GdalSession&) = delete;

    //! The last error (or, failing that, warning) GDAL reported in this session, first line only; empty if none.
    std::string lastError() const;
    //! Failure{file, problem}, with " (last GDAL error)" appended, the file's path cut out of it, when GDAL
    //! said something.
    Failure fail(const std::filesystem::path& file, const std::string& problem) const;
    //! Opens read-only with GDALOpenEx `flags` (GDAL_OF_RASTER or GDAL_OF_VECTOR). Fails with
    //! "file not found" or "not a <kind> GDAL can read (reason)". The path is checked first
    //! (checkGdalInputPath): a FIFO, socket or device never reaches GDAL, nor does a folder unless
    //! `input` allows one; by default vectors may be folders (a folder of shapefiles, a File
    //! Geodatabase), rasters may not (GDAL would read a folder as an Arc/Info grid: refused for now).
    Result<GdalDatasetPtr> open(const std::filesystem::path& file, unsigned flags, const std::string& kind,
                                std::optional<InputKind> input = std::nullopt) const;

    //! True once GDAL reported an error (not a warning) in this session.
    bool failed() const { return !_lastFailure.empty(); }
    //! Everything GDAL reported, oldest first (for tests and debugging).
    const std::vector<std::string>& errors() const { return _errors; }
    //! Called by the GDAL error handler; not for other use.
    void record(int severity, const char* message);

private:
    std::vector<std::string> _errors;
    std::string _lastFailure;
    std::string _lastWarning;
};

//! Transformation from `layer`'s CRS to lon/lat WGS84, or a failure naming the file and layer
//! when the layer has no CRS, names one PROJ does not know (GDAL reported it while opening, in `gdal`), or
//! PROJ cannot relate it to WGS84.
Result<OgrTransformPtr> transformToWgs84(const GdalSession& gdal, const std::filesystem::path& file, OGRLayer& layer);

//! "feature 7 of layer 'borders'": how a failure names one feature of a file.
std::string featureName(const OGRFeature& feature, OGRLayer& layer);

//! Index of the first field of `definition` named like one of `names` (ASCII case-insensitive), or -1.
int findField(const OGRFeatureDefn& definition, const std::vector<std::string>& names);

} // namespace geo
