#include "TileSource.h"

#include "GdalRaster.h"
#include "InputPath.h"
#include "TileDiskCache.h"

#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <gdal_utils.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <glob.h>
#include <limits>

namespace geo {

namespace {

constexpr double kEpsilon = 1e-9;

bool isMosaicMember(const std::filesystem::path& file) {
    std::string name = file.filename().string();
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    for (const char* suffix : {".hgt", ".hgt.zip", ".tif", ".tiff", ".dt0", ".dt1", ".dt2"})
        if (name.ends_with(suffix)) return true;
    return false;
}

bool isGlob(const std::string& path) {
    return !isGdalVirtualPath(path) && path.find_first_of("*?[") != std::string::npos;
}

//! The files a folder or glob names, sorted, or a Failure naming the path.
Result<std::vector<std::string>> mosaicMembers(const std::string& path) {
    std::vector<std::string> files;
    if (isGlob(path)) {
        glob_t found{};
        if (::glob(path.c_str(), 0, nullptr, &found) == 0)
            for (size_t i = 0; i < found.gl_pathc; ++i)
                if (std::filesystem::is_regular_file(found.gl_pathv[i])) files.emplace_back(found.gl_pathv[i]);
        ::globfree(&found);
        if (files.empty()) return Failure{path, "matches no file"};
    } else {
        std::error_code error;
        for (const auto& entry : std::filesystem::directory_iterator(path, error))
            if (entry.is_regular_file() && isMosaicMember(entry.path()))
                files.push_back(std::filesystem::absolute(entry.path()).string());
        if (error) return Failure{path, "cannot list the folder: " + error.message()};
        if (files.empty()) return Failure{path, "holds no raster to mosaic (.hgt, .tif, .dt0, .dt1, .dt2)"};
    }
    std::sort(files.begin(), files.end());
    return files;
}

//! Builds the mosaic of `files` as a VRT at `vrt` (a /vsimem/ path), through GDALBuildVRT.
std::optional<Failure> buildMosaic(const GdalSession& gdal, const std::string& path,
                                   const std::vector<std::string>& files, const std::string& vrt) {
    std::vector<const char*> names;
    for (const std::string& file : files) names.push_back(file.c_str());
    CPLStringList args;
    args.AddString("-q");
    GDALBuildVRTOptions* options = GDALBuildVRTOptionsNew(args.List(), nullptr);
    int usageError = FALSE;
    GDALDatasetH built =
        GDALBuildVRT(vrt.c_str(), static_cast<int>(names.size()), nullptr, names.data(), options, &usageError);
    GDALBuildVRTOptionsFree(options);
    if (!built) return gdal.fail(path, "cannot be built into a mosaic");
    GDALClose(built); // writes the VRT
    return std::nullopt;
}

std::string nextMosaicName() {
    static std::atomic<unsigned> counter{0};
    return "/vsimem/bulwark/mosaic-" + std::to_string(counter++) + ".vrt";
}

std::vector<std::string> imageWarpArgs(bool assumeLonLat) {
    std::vector<std::string> args{"-r", "bilinear", "-dstalpha"};
    if (assumeLonLat) args.insert(args.end(), {"-s_srs", "EPSG:4326"});
    return args;
}

//! A colour-table raster as a VRT of red, green, blue and alpha bands.
GdalDatasetPtr expandedPalette(GDALDataset& source) {
    CPLStringList args;
    for (const char* arg : {"-of", "VRT", "-expand", "rgba"}) args.AddString(arg);
    GDALTranslateOptions* options = GDALTranslateOptionsNew(args.List(), nullptr);
    if (!options) return nullptr;
    int usageError = FALSE;
    GDALDatasetH expanded = GDALTranslate("", GDALDataset::ToHandle(&source), options, &usageError);
    GDALTranslateOptionsFree(options);
    return GdalDatasetPtr(GDALDataset::FromHandle(expanded));
}

//! GDAL remembers a remote file it could not reach as missing; forget it, so it is fetched again once the
//! server is back.
void forgetUnreachable(const std::string& name) {
    VSICurlPartialClearCache(name.c_str());
}

//! Opens `name` (the file, or the mosaic's VRT), failing with `path`, the name the user gave.
Result<GdalDatasetPtr> openRaster(const GdalSession& gdal, const std::string& path, const std::string& name) {
    auto dataset = gdal.open(name, GDAL_OF_RASTER, "raster");
    if (!dataset && isRemotePath(name)) {
        forgetUnreachable(name);
        return Failure{path, "cannot be fetched (no answer from the server, or no such file there)"};
    }
    if (!dataset) return Failure{path, dataset.failure().what};
    return dataset;
}

//! The datasets behind one open view of a source, closed in reverse order of opening.
struct OpenedView {
    GdalDatasetPtr source, expanded, warped;
    GDALDataset* view = nullptr;
};

Result<OpenedView> openView(const GdalSession& gdal, const TileSource& info, const std::string& name) {
    OpenedView opened;
    auto dataset = openRaster(gdal, info.path(), name);
    if (!dataset) return dataset.failure();
    opened.source = std::move(dataset).value();
    opened.view = opened.source.get();
    if (info.expandPalette()) {
        opened.expanded = expandedPalette(*opened.view);
        if (!opened.expanded) return gdal.fail(info.path(), "cannot expand its colour table");
        opened.view = opened.expanded.get();
    }
    if (info.needsWarp()) {
        const bool image = info.content() == TileContent::Image;
        opened.warped =
            warpedView(*opened.view, image ? imageWarpArgs(info.assumeLonLat()) : heightWarpArgs(info.assumeLonLat()));
        if (!opened.warped) return gdal.fail(info.path(), "cannot be reprojected to EPSG:4326");
        opened.view = opened.warped.get();
    }
    return opened;
}

} // namespace

//! Buffer samples [first, first + count) of one axis whose footprints lie inside the raster, and the
//! floating-point source window they span.
struct AxisWindow {
    int first = 0, count = 0;
    double offset = 0, size = 0; //!< source pixels
    int hold[2] = {-1, -1};      //!< samples just outside whose centres are inside: they hold the edge value
};

namespace {

//! Sample k of n has its centre at source pixel coordinate centre0 + k * spacing and spans one spacing.
AxisWindow axisWindow(double centre0, double spacing, int n, int limit) {
    AxisWindow w;
    const int first = std::max(0, static_cast<int>(std::ceil((spacing / 2 - centre0) / spacing - kEpsilon)));
    const int last =
        std::min(n - 1, static_cast<int>(std::floor((limit - spacing / 2 - centre0) / spacing + kEpsilon)));
    if (last < first) return w;
    w.first = first;
    w.count = last - first + 1;
    w.offset = std::max(0.0, centre0 + first * spacing - spacing / 2);
    w.size = std::min(double(limit), centre0 + last * spacing + spacing / 2) - w.offset;
    const auto inside = [&](int k) {
        return k >= 0 && k < n && centre0 + k * spacing >= 0 && centre0 + k * spacing <= limit;
    };
    if (inside(first - 1)) w.hold[0] = first - 1;
    if (inside(last + 1)) w.hold[1] = last + 1;
    return w;
}

//! The whole-pixel window GDAL wants beside the floating one. GDAL copies without resampling when the
//! whole-pixel window is as large as the buffer, whatever the fraction, so it is widened by a pixel then.
void integerWindow(const AxisWindow& w, int limit, int& offset, int& size) {
    offset = std::clamp(static_cast<int>(std::floor(w.offset + kEpsilon)), 0, limit);
    int end = std::clamp(static_cast<int>(std::ceil(w.offset + w.size - kEpsilon)), offset, limit);
    const bool fractional = std::abs(w.offset - offset) > kEpsilon || std::abs(w.size - w.count) > kEpsilon;
    if (end - offset == w.count && fractional) {
        if (end < limit)
            ++end;
        else if (offset > 0)
            --offset;
    }
    size = end - offset;
}

} // namespace

//! The part of a tile's samples inside the raster, and GDAL's window for them.
struct SampleWindow {
    AxisWindow x, y;
    GDALRasterIOExtraArg arg;
    int xOff = 0, yOff = 0, xSize = 0, ySize = 0;
    bool empty() const { return x.count == 0 || y.count == 0; }
    //! A copy of the floating-point window for one RasterIO call (GDAL takes it non-const).
    GDALRasterIOExtraArg extraArg() const { return arg; }
};

namespace {

//! The window of n x n samples whose centres are (centreX0 + i * spacingX, centreY0 + j * spacingY), source pixels.
SampleWindow sampleWindow(double centreX0, double centreY0, double spacingX, double spacingY, int n, int width,
                          int height) {
    SampleWindow w;
    w.x = axisWindow(centreX0, spacingX, n, width);
    w.y = axisWindow(centreY0, spacingY, n, height);
    INIT_RASTERIO_EXTRA_ARG(w.arg);
    w.arg.eResampleAlg = GRIORA_Bilinear;
    w.arg.bFloatingPointWindowValidity = TRUE;
    w.arg.dfXOff = w.x.offset;
    w.arg.dfYOff = w.y.offset;
    w.arg.dfXSize = w.x.size;
    w.arg.dfYSize = w.y.size;
    integerWindow(w.x, width, w.xOff, w.xSize);
    integerWindow(w.y, height, w.yOff, w.ySize);
    return w;
}

//! Copies the edge samples onto the held ones outside them, `channels` interleaved values per sample.
template <class T> void holdEdges(const SampleWindow& w, T* buffer, int n, int channels) {
    const auto at = [&](int i, int j, int c) -> T& { return buffer[(size_t(j) * n + i) * channels + c]; };
    for (int side = 0; side < 2; ++side) {
        if (w.x.hold[side] < 0) continue;
        const int from = side == 0 ? w.x.first : w.x.first + w.x.count - 1;
        for (int j = w.y.first; j < w.y.first + w.y.count; ++j)
            for (int c = 0; c < channels; ++c) at(w.x.hold[side], j, c) = at(from, j, c);
    }
    const int i0 = w.x.hold[0] >= 0 ? w.x.hold[0] : w.x.first;
    const int i1 = w.x.hold[1] >= 0 ? w.x.hold[1] : w.x.first + w.x.count - 1;
    for (int side = 0; side < 2; ++side) {
        if (w.y.hold[side] < 0) continue;
        const int from = side == 0 ? w.y.first : w.y.first + w.y.count - 1;
        for (int i = i0; i <= i1; ++i)
            for (int c = 0; c < channels; ++c) at(i, w.y.hold[side], c) = at(i, from, c);
    }
}

std::string tileName(const TileKey& key) {
    return "tile " + std::to_string(key.level) + "/" + std::to_string(key.x) + "/" + std::to_string(key.y);
}

} // namespace

// ---------------------------------------------------------------------------------------------------------------

Result<std::shared_ptr<const TileSource>> TileSource::open(const std::string& path, TileContent content) {
    GdalSession gdal;
    std::shared_ptr<TileSource> source(new TileSource);
    source->_path = path;
    source->_content = content;
    source->_datasetName = path;
    std::error_code error;
    if (isGlob(path) || (!isGdalVirtualPath(path) && std::filesystem::is_directory(path, error))) {
        auto files = mosaicMembers(path);
        if (!files) return files.failure();
        source->_mosaic = nextMosaicName();
        source->_datasetName = source->_mosaic;
        if (auto failed = buildMosaic(gdal, path, files.value(), source->_mosaic)) return *failed;
    }

    auto dataset = openRaster(gdal, path, source->_datasetName);
    if (!dataset) return dataset.failure();
    GDALDataset& raw = *dataset.value();
    auto georef = checkGeoreference(path, raw);
    if (!georef) return georef.failure();
    source->_assumeLonLat = georef.value().assumeLonLat;
    source->_needsWarp = !georef.value().northUpLonLat;
    // A tile's read takes the overview that fits it: without overviews a coarse tile of a huge raster reads it whole.
    if (auto huge = refuseHugeRead(path, raw, 257, kMaxCellsRead)) return *huge;
    if (content == TileContent::Image) {
        const int bands = raw.GetRasterCount();
        source->_expandPalette = bands == 1 && raw.GetRasterBand(1)->GetColorTable();
        if (bands < 3 && !source->_expandPalette)
            return Failure{path, "has " + std::to_string(bands) + (bands == 1 ? " band" : " bands") +
                                     ": imagery needs red, green and blue bands (or a colour table)"};
    }
    dataset = Failure{}; // the view below opens its own
    auto opened = openView(gdal, *source, source->_datasetName);
    if (!opened) return opened.failure();
    GDALDataset& view = *opened.value().view;
    GeoTransform gt{};
    if (view.GetGeoTransform(gt.data()) != CE_None) return gdal.fail(path, "has no geotransform");
    HeightGrid frame; // its frame only, for the off-globe rule
    frame.west = gt[0];
    frame.north = gt[3];
    frame.dLon = gt[1];
    frame.dLat = -gt[5];
    frame.width = view.GetRasterXSize();
    frame.height = view.GetRasterYSize();
    if (auto offGlobe = refuseOffTheGlobe(path, frame)) return *offGlobe;
    source->_extent = {frame.west, frame.south(), frame.east(), frame.north};
    source->_cellSize = std::min(frame.dLon, frame.dLat);
    source->_width = frame.width;
    source->_height = frame.height;
    return std::shared_ptr<const TileSource>(std::move(source));
}

TileSource::~TileSource() {
    if (!_mosaic.empty()) VSIUnlink(_mosaic.c_str());
}

int TileSource::finestLevel(int cellsPerTile) const {
    const double level = std::log2(180.0 / (std::max(cellsPerTile, 1) * _cellSize));
    return std::clamp(static_cast<int>(std::ceil(level - 1e-6)), 0, 30);
}

bool TileSource::covers(const TileKey& key) const {
    const GeoExtent e = tileExtent(key);
    // A grid over 0..360 E holds the western hemisphere east of 180.
    return _extent.intersects(e) || _extent.intersects({e.west + 360, e.south, e.east + 360, e.north});
}

// ---------------------------------------------------------------------------------------------------------------

struct TileReader::Handles {
    OpenedView opened;
    GeoTransform gt{};
    int width = 0, height = 0;
};

TileReader::TileReader(std::shared_ptr<const TileSource> source) : _source(std::move(source)) {}
TileReader::~TileReader() = default;
TileReader::TileReader(TileReader&&) noexcept = default;
TileReader& TileReader::operator=(TileReader&&) noexcept = default;

Result<TileReader::Handles*> TileReader::handles() {
    if (_handles) return _handles.get();
    GdalSession gdal;
    auto opened = openView(gdal, *_source, _source->datasetName());
    if (!opened) return opened.failure();
    auto handles = std::make_unique<Handles>();
    handles->opened = std::move(opened).value();
    GDALDataset& view = *handles->opened.view;
    if (view.GetGeoTransform(handles->gt.data()) != CE_None) return gdal.fail(_source->path(), "has no geotransform");
    handles->width = view.GetRasterXSize();
    handles->height = view.GetRasterYSize();
    _handles = std::move(handles);
    return _handles.get();
}

namespace {

//! The longitude shifts under which `extent` holds part of the tile: 0, and +360 for a grid over 0..360 E.
std::vector<double> lonShifts(const GeoExtent& source, const GeoExtent& tile) {
    std::vector<double> shifts;
    for (double shift : {0.0, 360.0})
        if (source.intersects({tile.west + shift, tile.south, tile.east + shift, tile.north})) shifts.push_back(shift);
    return shifts;
}

} // namespace

std::optional<Failure> TileReader::readWindows(const TileKey& key, double lon0, double lat0, double step, int n,
                                               const WindowRead& read) {
    const std::vector<double> shifts = lonShifts(_source->extent(), tileExtent(key));
    if (shifts.empty()) return std::nullopt;
    auto opened = handles();
    // Opened afresh after a failed fetch (or first on this thread) while the server is gone: name the tile too.
    if (!opened && isRemotePath(_source->datasetName()))
        return Failure{_source->path(), "cannot fetch " + tileName(key) + " (no answer from the server)"};
    if (!opened) return opened.failure(); // a local file gone: "file not found" says it all
    const Handles& h = *opened.value();
    GdalSession gdal;
    for (const double shift : shifts) {
        const double x0 = (lon0 + shift - h.gt[0]) / h.gt[1], y0 = (h.gt[3] - lat0) / -h.gt[5];
        const SampleWindow w = sampleWindow(x0, y0, step / h.gt[1], step / -h.gt[5], n, h.width, h.height);
        // GDAL can answer CE_None with blank texels: libtiff, failing to fetch the table of block offsets, takes
        // the blocks for sparse ones and only reports an error. A read that reported one failed.
        if (!w.empty() && (!read(*h.opened.view, w) || gdal.failed())) {
            // GDAL says only that libtiff got too few bytes; what happened is that the server did not answer.
            Failure failure = isRemotePath(_source->datasetName())
                                  ? Failure{_source->path(), "cannot fetch " + tileName(key) +
                                                                 " (the server did not answer, or answered short)"}
                                  : gdal.fail(_source->path(), "cannot read " + tileName(key));
            _handles.reset(); // a handle that met a failed fetch is opened afresh next time
            if (isRemotePath(_source->datasetName())) forgetUnreachable(_source->datasetName());
            return failure;
        }
    }
    return std::nullopt;
}

Result<TileHeights> TileReader::heights(const TileKey& key, int size) {
    const GeoExtent e = tileExtent(key);
    TileHeights tile;
    tile.size = size;
    tile.west = e.west;
    tile.north = e.north;
    tile.step = (e.east - e.west) / (size - 1);
    const int n = size + 2;
    tile.metres.assign(size_t(n) * n, std::numeric_limits<float>::quiet_NaN());
    std::optional<HeightMapping> mapping;
    // Lattice sample k (k = 0 .. n-1) lies at west + (k - 1) * step: the border sample first.
    auto failed = readWindows(
        key, e.west - tile.step, e.north + tile.step, tile.step, n, [&](GDALDataset& view, const SampleWindow& w) {
            GDALRasterBand* band = view.GetRasterBand(1);
            mapping.emplace(*band);
            GDALRasterIOExtraArg extra = w.extraArg();
            float* first = tile.metres.data() + size_t(w.y.first) * n + w.x.first;
            if (band->RasterIO(GF_Read, w.xOff, w.yOff, w.xSize, w.ySize, first, w.x.count, w.y.count, GDT_Float32,
                               sizeof(float), GSpacing(sizeof(float)) * n, &extra) != CE_None)
                return false;
            holdEdges(w, tile.metres.data(), n, 1);
            return true;
        });
    if (failed) return *failed;
    if (mapping)
        for (float& value : tile.metres) {
            bool implausible = false;
            value = mapping->metres(value, implausible);
        }
    return tile;
}

Result<TileImage> TileReader::image(const TileKey& key, int size) {
    const GeoExtent e = tileExtent(key);
    TileImage tile;
    tile.size = size;
    tile.west = e.west;
    tile.north = e.north;
    tile.step = (e.east - e.west) / size;
    tile.rgba.assign(size_t(size) * size * 4, 0);
    auto failed =
        readWindows(key, e.west + tile.step / 2, e.north - tile.step / 2, tile.step, size,
                    [&](GDALDataset& view, const SampleWindow& w) {
                        const bool hasAlpha = view.GetRasterCount() >= 4 &&
                                              view.GetRasterBand(4)->GetColorInterpretation() == GCI_AlphaBand;
                        uint8_t* first = tile.rgba.data() + (size_t(w.y.first) * size + w.x.first) * 4;
                        int bands[] = {1, 2, 3, 4};
                        GDALRasterIOExtraArg extra = w.extraArg(), maskExtra = w.extraArg();
                        const GSpacing line = GSpacing(size) * 4;
                        if (view.RasterIO(GF_Read, w.xOff, w.yOff, w.xSize, w.ySize, first, w.x.count, w.y.count,
                                          GDT_Byte, hasAlpha ? 4 : 3, bands, 4, line, 1, &extra) != CE_None)
                            return false;
                        // Without an alpha band, the mask (nodata, or GDAL's own mask) says which texels have data.
                        return hasAlpha || view.GetRasterBand(1)->GetMaskBand()->RasterIO(
                                               GF_Read, w.xOff, w.yOff, w.xSize, w.ySize, first + 3, w.x.count,
                                               w.y.count, GDT_Byte, 4, line, &maskExtra) == CE_None;
                    });
    if (failed) return *failed;
    return tile;
}

} // namespace geo
