#pragma once
// Tiles fetched from a remote store, kept in a local folder (`--cache-dir`) so the second visit reads no
// network: one file per tile, keyed by its source, content, key and size, written by write-then-rename
// (geo::OutputFile), the folder kept within a byte budget by evicting the least recently used files.
//
//     auto disk = TileDiskCache::open("~/.cache/bulwark", 2ull << 30);
//     if (auto tile = disk.value()->load(sourceId, key, 257, TileContent::Heights)) ...
//     disk.value()->store(sourceId, key, 257, tile);
#include "geo/Result.h"
#include "geo/TileCache.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace geo {

//! True for a GDAL network path (/vsicurl/, /vsis3/, /vsigs/, /vsiaz/, ..., or a plain http(s):// URL):
//! what the disk cache keeps tiles of.
bool isRemotePath(const std::string& path);

//! Thread-safe: workers load and store concurrently.
class TileDiskCache {
public:
    //! Uses (creating it if needed) `folder`, counting the tiles already there against `budgetBytes`.
    //! Fails with the folder's name when it cannot be created or is not a folder.
    static Result<std::shared_ptr<TileDiskCache>> open(const std::filesystem::path& folder, uint64_t budgetBytes);

    //! The tile, when this folder has it (a damaged file is removed and counts as absent).
    std::optional<TileData> load(const std::string& source, const TileKey& key, int size, TileContent content);
    //! Keeps the tile, evicting the least recently used ones beyond the budget. A failed write (a full disk)
    //! is not an error: the tile is simply not kept.
    void store(const std::string& source, const TileKey& key, int size, const TileData& tile);

    uint64_t bytes() const;
    uint64_t budget() const { return _budget; }
    size_t count() const;
    const std::filesystem::path& folder() const { return _folder; }

private:
    TileDiskCache(std::filesystem::path folder, uint64_t budget) : _folder(std::move(folder)), _budget(budget) {}
    std::filesystem::path fileFor(const std::string& source, const TileKey& key, int size, TileContent content) const;
    void useLocked(const std::filesystem::path& file, uint64_t bytes);
    void evictLocked();

    struct Entry {
        uint64_t bytes = 0;
        uint64_t lastUse = 0;
    };
    const std::filesystem::path _folder;
    const uint64_t _budget;
    mutable std::mutex _mutex;
    std::unordered_map<std::string, Entry> _files; //!< by path
    uint64_t _bytes = 0, _clock = 0;
};

} // namespace geo
