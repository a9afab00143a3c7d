#include "geo/TileFailures.h"

namespace geo {

void TileFailures::failed(const SourceTileKey& tile, Failure failure, Clock::time_point now) {
    // Tiles no longer asked for are forgotten once they are old, so the map stays small.
    std::erase_if(_failed, [&](const auto& entry) { return now - entry.second.when > 3 * _retryAfter; });
    _failed[tile] = {std::move(failure), now};
}

bool TileFailures::waiting(const SourceTileKey& tile, Clock::time_point now) const {
    const auto it = _failed.find(tile);
    return it != _failed.end() && now - it->second.when < _retryAfter;
}

const Failure* TileFailures::failureOf(const SourceTileKey& tile) const {
    const auto it = _failed.find(tile);
    return it == _failed.end() ? nullptr : &it->second.failure;
}

std::string TileFailures::problem(Clock::time_point now) const {
    const Entry* newest = nullptr;
    for (const auto& [tile, entry] : _failed)
        if (now - entry.when <= 3 * _retryAfter && (!newest || entry.when > newest->when)) newest = &entry;
    return newest ? newest->failure.message() : std::string();
}

} // namespace geo
