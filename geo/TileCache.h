#pragma once
// Loaded tiles kept in memory within a byte budget, least recently used evicted first. Whatever the size of
// the source, what stays resident is bounded by the budget (`--cache-mb`).
//
//     TileCache cache(512u << 20);
//     cache.put({source, key}, std::make_shared<const TileData>(std::move(heights)));
//     if (auto tile = cache.find({source, key})) draw(*tile);   // a hit makes it the most recently used
#include "geo/TerrainTile.h"
#include "geo/TileKey.h"
#include "geo/TileSource.h"

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <variant>

namespace geo {

//! One tile of one source: the source's index in the caller's list, and the key.
struct SourceTileKey {
    int source = 0;
    TileKey key;
    bool operator==(const SourceTileKey&) const = default;
};

struct SourceTileKeyHash {
    size_t operator()(const SourceTileKey& k) const {
        return TileKeyHash{}(k.key) * 31 + static_cast<size_t>(k.source);
    }
};

using TileData = std::variant<TileHeights, TileImage>;

//! Bytes a tile holds in memory (its samples or texels and its bookkeeping).
size_t tileBytes(const TileData& tile);

//! Thread-safe; tiles are shared, immutable once cached, and stay alive while someone holds them.
class TileCache {
public:
    explicit TileCache(size_t budgetBytes);

    //! The tile, now the most recently used; null when absent.
    std::shared_ptr<const TileData> find(const SourceTileKey& key);
    //! True when the tile is cached; does not change the order of eviction.
    bool contains(const SourceTileKey& key) const;
    //! Adds or replaces a tile, then evicts least recently used ones until within the budget. A tile larger
    //! than the whole budget is not kept.
    void put(const SourceTileKey& key, std::shared_ptr<const TileData> tile);
    void erase(const SourceTileKey& key);

    size_t bytes() const;
    size_t count() const;
    size_t budget() const { return _budget; }
    size_t evictions() const;

private:
    struct Entry {
        SourceTileKey key;
        std::shared_ptr<const TileData> tile;
        size_t bytes = 0;
    };
    void evictLocked(std::list<Entry>::iterator at);
    const size_t _budget;
    mutable std::mutex _mutex;
    std::list<Entry> _order; //!< most recently used first
    std::unordered_map<SourceTileKey, std::list<Entry>::iterator, SourceTileKeyHash> _index;
    size_t _bytes = 0, _evictions = 0;
};

} // namespace geo
