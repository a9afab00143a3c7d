#pragma once
// Reads tiles of TileSources on a small pool of worker threads, best priority first, and hands them to the
// frame thread without blocking it (the model is cesium-native's IPrepareRendererResources: the worker
// reads, the frame thread polls takeFinished() and uploads, the cache frees).
//
//     TileLoader loader({dem, ortho}, 2);
//     loader.request({{0, key}, 257, tilePriority(true, key.level, 0.3)});  // each frame, what the view needs
//     loader.cancelQueued(notNeededAnyMore);                                  // or cancelAllQueued()
//     for (LoadedTile& t : loader.takeFinished()) ...                         // never waits
//
// Threading: every worker opens its own GDAL handle per source (TileReader), so no GDAL handle is ever
// shared; request, cancel and takeFinished may be called from any thread.
#include "geo/TileCache.h"
#include "geo/TileSource.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace geo {

struct TileRequest {
    SourceTileKey tile;
    int size = 0;        //!< lattice samples (heights) or texels (images) a side
    double priority = 0; //!< lower loads first: see tilePriority
};

//! Visible tiles before hidden ones, coarse levels before fine ones, then the nearer (distance 0..1, e.g.
//! from the centre of the screen) first.
inline double tilePriority(bool visible, int level, double distance) {
    return (visible ? 0.0 : 1e6) + level * 1e3 + std::clamp(distance, 0.0, 1.0) * 999.0;
}

struct LoadedTile {
    SourceTileKey tile;
    int size = 0;
    std::shared_ptr<const TileData> data; //!< null when the read failed
    std::optional<Failure> failure;       //!< names the source's file and the tile
};

class TileLoader {
public:
    TileLoader(std::vector<std::shared_ptr<const TileSource>> sources, int threads = 2);
    ~TileLoader(); //!< waits for the tiles being read (not for those queued)
    TileLoader(const TileLoader&) = delete;
    TileLoader& operator=(const TileLoader&) = delete;

    const std::vector<std::shared_ptr<const TileSource>>& sources() const { return _sources; }

    //! Queues a tile; one already queued takes the better of the two priorities; one being read is left alone.
    void request(const TileRequest& request);
    //! Queues several at once, so the workers start with the best of them.
    void request(const std::vector<TileRequest>& requests);
    //! Drops a queued tile; one being read is read, then dropped instead of handed over.
    void cancel(const SourceTileKey& tile);
    //! Drops every queued tile (the view moved on); tiles being read still arrive.
    void cancelAllQueued();
    //! True while the tile is queued or being read.
    bool pending(const SourceTileKey& tile) const;

    //! Tiles finished since the last call. Never waits.
    std::vector<LoadedTile> takeFinished();
    //! Waits until a tile is finished or nothing is pending (for stills and video), at most `timeout`.
    void waitForFinished(std::chrono::milliseconds timeout);

    size_t queued() const;
    size_t loading() const;

private:
    using Order = std::pair<double, uint64_t>; //!< priority, then first asked first
    void run();
    LoadedTile load(std::vector<std::optional<TileReader>>& readers, const TileRequest& request);
    void queueLocked(const TileRequest& request);

    const std::vector<std::shared_ptr<const TileSource>> _sources;
    mutable std::mutex _mutex;
    std::condition_variable _wake, _finishedOne;
    std::map<Order, TileRequest> _queue;
    std::unordered_map<SourceTileKey, Order, SourceTileKeyHash> _queued;
    std::unordered_set<SourceTileKey, SourceTileKeyHash> _loading, _unwanted;
    std::vector<LoadedTile> _finished;
    uint64_t _sequence = 0;
    bool _stop = false;
    std::vector<std::thread> _workers; //!< last: they start once everything above exists
};

} // namespace geo
