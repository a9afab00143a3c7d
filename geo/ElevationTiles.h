#pragma once
// Terrain heights from tile sources, finest first (a regional DEM over coarser bases), read tile by tile in
// the background and kept within a memory budget: what the renderer builds terrain meshes from, and what
// everything that asks for one height (labels, lines, picking, markers) reads, from what is resident.
//
//     ElevationTiles terrain({regional, europe, globe}, {.cacheBytes = 512u << 20});
//     each frame:  terrain.update();                                  // takes finished tiles; never waits
//                  if (auto h = terrain.tile(key, priority)) build(*h); // null while it loads (draw the parent)
//                  float metres = terrain.heightAt(lon, lat);          // finest resident level; never waits
//     a still:     auto h = terrain.wait(key);                         // blocks until loaded, or fails
#include "geo/Result.h"
#include "geo/TileCache.h"
#include "geo/TileDiskCache.h"
#include "geo/TileLoader.h"
#include "geo/TileSource.h"

#include <atomic>
#include <chrono>
#include <memory>
#include <unordered_map>
#include <vector>

namespace geo {

//! Frame thread only, except heightAt().
//! Height at lon/lat (within the tile), bilinear between its lattice samples.
float bilinearHeight(const TileHeights& heights, double lon, double lat);

class ElevationTiles {
public:
    static constexpr int kSamples = 257; //!< lattice samples a tile side (256 cells)
    struct Options {
        size_t cacheBytes = size_t(512) << 20;
        int threads = 2;
        std::shared_ptr<TileDiskCache> disk;        //!< for remote sources; none: every visit fetches
        std::chrono::milliseconds retryAfter{3000}; //!< a tile that failed to load is asked for again after this
    };
    //! `sources` finest first; each must hold heights.
    ElevationTiles(std::vector<std::shared_ptr<const TileSource>> sources, Options options);
    ElevationTiles(std::vector<std::shared_ptr<const TileSource>> sources)
        : ElevationTiles(std::move(sources), Options{}) {}

    //! The heights of `key`, every source stacked (the finer's nodata filled from the coarser, sea level where
    //! none has data), when all the sources covering it are resident; else null, and what is missing is asked
    //! for at `priority` (see tilePriority). A source tile that failed counts as nodata, so coarser sources show.
    std::shared_ptr<const TileHeights> tile(const TileKey& key, double priority);
    //! Takes the tiles the workers finished. Frame thread; never waits. Returns the failures since the last call.
    std::vector<Failure> update();
    //! Blocks until `key` is loaded (stills and video): its stacked heights, or the first failure among its sources.
    Result<std::shared_ptr<const TileHeights>> wait(const TileKey& key);
    //! Drops what is queued and not yet started (the view moved on).
    void cancelQueued() { _loader.cancelAllQueued(); }

    //! True when `key`'s stacked heights are resident with every source's data (none failed): what tile() gives
    //! otherwise stands in for it (a failed source counts as nodata) and should be asked for again later.
    bool complete(const TileKey& key) const { return _cache.contains({kStacked, key}); }
    //! Height at lon/lat, bilinear, from the finest resident tile that holds the point, falling back to coarser
    //! levels; 0 where none is resident. Never reads disk or network. The one call safe from any thread (the
    //! cache locks; the finest level is atomic), so a coverage sweep may read heights while the frame loads.
    float heightAt(double lon, double lat) const;
    //! The level from which refining `key` adds nothing: the finest of the sources covering it, at their own
    //! resolution wherever their data lies in the tile (a small DEM inside a big tile still counts).
    int finestLevel(const TileKey& key) const;

    //! True once a tile of source `i` (index in sources()) held a height: false for a source whose every cell read
    //! so far is nodata or beyond the heights the Earth has (a wrong nodata value).
    bool hasHeights(size_t i) const { return i < _heightsSeen.size() && _heightsSeen[i]; }

    struct Stats {
        size_t resident = 0, loading = 0, queued = 0;
        size_t cacheBytes = 0, cacheBudget = 0;
    };
    Stats stats() const;
    const std::vector<std::shared_ptr<const TileSource>>& sources() const { return _loader.sources(); }

private:
    static constexpr int kStacked = -1; //!< the cache's source index for stacked tiles
    std::shared_ptr<const TileHeights> stack(const TileKey& key, const std::vector<int>& covering);
    void take(LoadedTile loaded);
    std::vector<int> covering(const TileKey& key) const;

    Options _options;
    mutable TileCache _cache;
    TileLoader _loader;
    std::unordered_map<SourceTileKey, std::chrono::steady_clock::time_point, SourceTileKeyHash> _failed;
    std::unordered_map<SourceTileKey, Failure, SourceTileKeyHash> _failures; //!< since the last update()
    std::vector<Failure> _newFailures;
    std::vector<bool> _heightsSeen; //!< per source: hasHeights()
    std::atomic<int> _finestResident{0}; //!< read by heightAt on any thread
};

} // namespace geo
