#pragma once
// Tiles whose read failed (a corrupt file, a server gone), as a layer that streams tiles in the viewer keeps
// them: a failed tile is not asked for again until a pause has passed (the view keeps drawing a coarser tile
// in its place), and the newest failure is the one line the panel shows until the source answers again.
//
//     TileFailures failures;                        // per layer
//     if (!failures.waiting(key, now)) loader.request(...);
//     for (LoadedTile& t : loader.takeFinished())
//         t.data ? failures.forget(t.tile) : failures.failed(t.tile, *t.failure, now);
//     panelLine = failures.problem(now);            // empty once the source answers again
//
// A still does not wait: TileReadError carries the first failure out of the frame as one line, exit code 2.
#include "geo/Result.h"
#include "geo/TileCache.h"

#include <chrono>
#include <stdexcept>
#include <string>
#include <unordered_map>

namespace geo {

//! A tile a still, poster or video frame needs could not be read: what() names the source and the tile.
class TileReadError : public std::runtime_error {
public:
    explicit TileReadError(const Failure& failure) : std::runtime_error(failure.message()) {}
};

class TileFailures {
public:
    using Clock = std::chrono::steady_clock;
    explicit TileFailures(Clock::duration retryAfter = std::chrono::seconds(2)) : _retryAfter(retryAfter) {}

    //! The read of `tile` failed at `now`.
    void failed(const SourceTileKey& tile, Failure failure, Clock::time_point now);
    //! `tile` was read, or is asked again by a frame that waits for the answer: its failure is forgotten.
    void forget(const SourceTileKey& tile) { _failed.erase(tile); }
    //! True while `tile` failed less than the pause ago: not to be asked again yet.
    bool waiting(const SourceTileKey& tile, Clock::time_point now) const;
    //! The failure of `tile`, or null.
    const Failure* failureOf(const SourceTileKey& tile) const;
    //! One line, the newest failure of the last three pauses; empty when none (the source answers again, or
    //! what failed is no longer asked for).
    std::string problem(Clock::time_point now) const;

private:
    struct Entry {
        Failure failure;
        Clock::time_point when;
    };
    Clock::duration _retryAfter;
    std::unordered_map<SourceTileKey, Entry, SourceTileKeyHash> _failed;
};

} // namespace geo
