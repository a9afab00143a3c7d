#include "geo/GlobeImagery.h"

#include "geo/GdalSession.h"
#include "geo/InputPath.h"

#include <atomic>
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <gdal_utils.h>
#include <string>

namespace geo {

Result<std::shared_ptr<const TileSource>> openGlobeImagery(const std::filesystem::path& image) {
    if (auto problem = checkInputPath(image)) return *problem;
    int bands = 0;
    {
        GdalSession gdal;
        auto dataset = gdal.open(image, GDAL_OF_RASTER, "raster");
        if (!dataset) return dataset.failure();
        bands = dataset.value()->GetRasterCount();
    }
    if (bands < 3) return Failure{image.string(), "expected a red, green and blue picture of the whole globe"};
    // A georeferenced copy in GDAL's memory file system (11 MB) gives the picture its place: the whole
    // globe, in lon/lat. (A VRT over the JPEG read its reduced overviews as black.)
    static std::atomic<int> counter{0};
    const std::string path = "/vsimem/bulwark/globe-imagery-" + std::to_string(counter++) + ".tif";
    {
        GdalSession gdal;
        auto dataset = gdal.open(image, GDAL_OF_RASTER, "raster");
        if (!dataset) return dataset.failure();
        const char* args[] = {"-of", "GTiff", "-b", "1", "-b", "2", "-b", "3", "-a_srs", "EPSG:4326",
                              "-a_ullr", "-180", "90", "180", "-90", "-co", "TILED=YES", nullptr};
        GDALTranslateOptions* options = GDALTranslateOptionsNew(const_cast<char**>(args), nullptr);
        GDALDatasetH copy = GDALTranslate(path.c_str(), GDALDataset::ToHandle(dataset.value().get()), options, nullptr);
        GDALTranslateOptionsFree(options);
        if (!copy) return gdal.fail(image, "cannot be georeferenced");
        GDALClose(copy);
    }
    auto source = TileSource::open(path, TileContent::Image);
    if (!source) return Failure{image.string(), source.failure().what};
    return source;
}

} // namespace geo
