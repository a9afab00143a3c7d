#pragma once
// Rasters read tile by tile: any raster GDAL opens (GeoTIFF/COG, VRT mosaics, DTED, netCDF, a folder or glob
// of SRTM .hgt files, a /vsicurl/ URL), of any size and CRS, answers per TileKey with heights or RGBA texels,
// each a window read at the overview level the tile needs. Nothing is read whole.
//
//     auto source = TileSource::open("dem.tif", TileContent::Heights);   // once; shared by every thread
//     if (!source) return source.failure();
//     TileReader reader(source.value());                                   // one per thread
//     Result<TileHeights> tile = reader.heights({9, 570, 80}, 257);
#include "geo/Result.h"
#include "geo/TerrainTile.h"
#include "geo/TileKey.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

class GDALDataset;

namespace geo {

struct SampleWindow; //!< private to TileSource.cpp

enum class TileContent { Heights, Image };

//! RGBA8 texels of one tile: texel (i, j) is the cell [west + i*step, west + (i+1)*step] x
//! [north - (j+1)*step, north - j*step], as a texture addressed 0..1 edge to edge across the tile.
//! Alpha 0 where the source has no data (outside it, nodata, its own alpha or mask).
struct TileImage {
    int size = 0;
    double west = 0, north = 0, step = 0; //!< degrees
    std::vector<uint8_t> rgba;            //!< size * size * 4, row-major, north row first
};

//! What a raster is, found once when it is opened: shared, immutable, safe to use from any thread.
//! Reading needs a TileReader (GDAL's handles are not thread-safe).
class TileSource {
public:
    //! Opens and checks `path` (the rules of loadDem: no CRS, no georeferencing, absurd or off-globe
    //! georeferencing are refused) without reading its cells. A folder, or a path with * or ?, is a mosaic
    //! of the rasters in it (GDALBuildVRT). Image sources need 3 or 4 bands or a colour table.
    static Result<std::shared_ptr<const TileSource>> open(const std::string& path, TileContent content);
    ~TileSource();
    TileSource(const TileSource&) = delete;
    TileSource& operator=(const TileSource&) = delete;

    const std::string& path() const { return _path; } //!< as the user gave it, for messages
    TileContent content() const { return _content; }
    GeoExtent extent() const { return _extent; }  //!< lon/lat bounds of its cells
    double cellSize() const { return _cellSize; } //!< degrees, the finer of its two axes
    int width() const { return _width; }          //!< cells of its lon/lat view
    int height() const { return _height; }
    //! True when the tile overlaps the source's extent (only then can it hold data).
    bool covers(const TileKey& key) const;
    //! The level from which a tile of `cellsPerTile` cells a side (lattice samples - 1, or image texels) is as
    //! fine as the source's own cells: a finer level adds nothing.
    int finestLevel(int cellsPerTile) const;

    // For TileReader: how to open it again on another thread.
    const std::string& datasetName() const { return _datasetName; }
    bool assumeLonLat() const { return _assumeLonLat; }
    bool needsWarp() const { return _needsWarp; }
    bool expandPalette() const { return _expandPalette; }

private:
    TileSource() = default;
    std::string _path, _datasetName, _mosaic; //!< _mosaic: the /vsimem/ VRT this source owns, or empty
    TileContent _content = TileContent::Heights;
    GeoExtent _extent{};
    double _cellSize = 0;
    int _width = 0, _height = 0;
    bool _assumeLonLat = false, _needsWarp = false, _expandPalette = false;
};

//! One thread's GDAL handle on a TileSource. Not thread-safe: every thread that reads opens its own.
class TileReader {
public:
    explicit TileReader(std::shared_ptr<const TileSource> source);
    ~TileReader();
    TileReader(TileReader&&) noexcept;
    TileReader& operator=(TileReader&&) noexcept;

    const TileSource& source() const { return *_source; }
    //! Heights on a size x size lattice (TileHeights' layout, border included), NaN outside the source and
    //! at nodata, read bilinearly from the overview that fits the lattice's spacing. Fails with the file
    //! name when the file cannot be opened or read (missing, truncated, a server gone).
    Result<TileHeights> heights(const TileKey& key, int size);
    //! Texels of a size x size image (TileImage's layout), bilinear from the overview that fits.
    Result<TileImage> image(const TileKey& key, int size);

private:
    struct Handles;
    using WindowRead = std::function<bool(GDALDataset& view, const SampleWindow& window)>;
    //! Calls `read` with the window of the n x n samples from (lon0, lat0), `step` degrees apart, that lie in
    //! the source (twice for a grid over 0..360 E that wraps across the tile); a failure names file and tile.
    std::optional<Failure> readWindows(const TileKey& key, double lon0, double lat0, double step, int n,
                                       const WindowRead& read);
    Result<Handles*> handles();
    std::shared_ptr<const TileSource> _source;
    std::unique_ptr<Handles> _handles; //!< opened on first read, on the reading thread
};

} // namespace geo
