#include "GdalOutput.h"

#include "GdalSession.h"
#include "geo/OutputFile.h"

#include <atomic>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <stdexcept>
#include <unistd.h>

namespace geo {

namespace {

//! A /vsimem/ folder of its own, removed with everything in it (a GeoPackage's journal too).
class MemoryFolder {
public:
    MemoryFolder() {
        static std::atomic<unsigned> serial{0};
        _path = "/vsimem/bulwark-output-" + std::to_string(getpid()) + "-" + std::to_string(serial++);
        VSIMkdir(_path.c_str(), 0755);
    }
    ~MemoryFolder() { VSIRmdirRecursive(_path.c_str()); }
    MemoryFolder(const MemoryFolder&) = delete;
    MemoryFolder& operator=(const MemoryFolder&) = delete;
    const std::string& path() const { return _path; }

private:
    std::string _path;
};

} // namespace

OGRSpatialReference lonLatWgs84() {
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return wgs84;
}

void writeGdalOutput(const std::filesystem::path& target, const GdalOutputSpec& spec,
                     const std::function<void(GDALDataset&)>& fill) {
    checkOutputPath(target); // a bad target is refused before any work
    GdalSession gdal;
    const auto fail = [&](const std::string& problem) { throw OutputError(gdal.fail(target, problem)); };
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(spec.driver);
    if (!driver) fail(std::string("GDAL has no ") + spec.driver + " driver");
    const MemoryFolder folder;
    // The drivers choose by extension (LIBKML writes a zip for .kmz): the buffer keeps the target's.
    const std::string memory = folder.path() + "/out" + target.extension().string();
    CPLStringList options;
    for (const std::string& option : spec.options) options.AddString(option.c_str());
    {
        GdalDatasetPtr dataset(driver->Create(memory.c_str(), spec.width, spec.height, spec.bands,
                                              GDALDataType(spec.type), options.List()));
        if (!dataset) fail(std::string("cannot create a ") + spec.driver + " file");
        try {
            fill(*dataset);
        } catch (const std::runtime_error& e) {
            fail(e.what());
        }
    } // closed: the driver has written everything
    vsi_l_offset size = 0;
    GByte* bytes = VSIGetMemFileBuffer(memory.c_str(), &size, FALSE);
    if (!bytes || size == 0) fail(std::string("the ") + spec.driver + " driver wrote nothing");
    OutputFile out(target);
    out.write(bytes, size_t(size));
    out.commit();
}

} // namespace geo
