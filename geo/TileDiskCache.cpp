#include "TileDiskCache.h"

#include "OutputFile.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <vector>

namespace geo {

namespace {

constexpr char kMagic[4] = {'B', 'W', 'T', '1'};
constexpr const char* kSuffix = ".tile";

//! What precedes a tile's samples in its file.
struct FileHeader {
    char magic[4];
    int32_t content; //!< TileContent
    int32_t size;
    int32_t reserved = 0;
    double west, north, step;
};
static_assert(sizeof(FileHeader) == 40);

uint64_t fnv1a(const std::string& text) {
    uint64_t hash = 1469598103934665603ull;
    for (unsigned char c : text) hash = (hash ^ c) * 1099511628211ull;
    return hash;
}

std::string hex(uint64_t value) {
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
    return text;
}

std::string serialise(const TileData& tile, TileContent content) {
    FileHeader header{};
    std::memcpy(header.magic, kMagic, 4);
    header.content = static_cast<int32_t>(content);
    const void* payload = nullptr;
    size_t bytes = 0;
    if (const auto* heights = std::get_if<TileHeights>(&tile)) {
        header.size = heights->size;
        header.west = heights->west, header.north = heights->north, header.step = heights->step;
        payload = heights->metres.data();
        bytes = heights->metres.size() * sizeof(float);
    } else {
        const auto& image = std::get<TileImage>(tile);
        header.size = image.size;
        header.west = image.west, header.north = image.north, header.step = image.step;
        payload = image.rgba.data();
        bytes = image.rgba.size();
    }
    std::string out(sizeof header + bytes, '\0');
    std::memcpy(out.data(), &header, sizeof header);
    std::memcpy(out.data() + sizeof header, payload, bytes);
    return out;
}

std::optional<TileData> deserialise(const std::string& bytes, int size, TileContent content) {
    FileHeader header{};
    if (bytes.size() < sizeof header) return std::nullopt;
    std::memcpy(&header, bytes.data(), sizeof header);
    if (std::memcmp(header.magic, kMagic, 4) != 0 || header.content != static_cast<int32_t>(content) ||
        header.size != size)
        return std::nullopt;
    const char* payload = bytes.data() + sizeof header;
    const size_t payloadBytes = bytes.size() - sizeof header;
    if (content == TileContent::Heights) {
        const size_t samples = size_t(size + 2) * (size + 2);
        if (payloadBytes != samples * sizeof(float)) return std::nullopt;
        TileHeights tile{size, header.west, header.north, header.step, std::vector<float>(samples)};
        std::memcpy(tile.metres.data(), payload, payloadBytes);
        return tile;
    }
    if (payloadBytes != size_t(size) * size * 4) return std::nullopt;
    TileImage tile{size, header.west, header.north, header.step, std::vector<uint8_t>(payload, payload + payloadBytes)};
    return tile;
}

} // namespace

bool isRemotePath(const std::string& path) {
    for (const char* prefix : {"/vsicurl", "/vsis3", "/vsigs", "/vsiaz", "/vsiadls", "/vsioss", "/vsiswift",
                               "/vsiwebhdfs", "/vsihdfs", "http://", "https://", "ftp://"})
        if (path.starts_with(prefix)) return true;
    return false;
}

Result<std::shared_ptr<TileDiskCache>> TileDiskCache::open(const std::filesystem::path& folder, uint64_t budgetBytes) {
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (!std::filesystem::is_directory(folder))
        return Failure{folder.string(),
                       error ? "cannot be created as a cache folder (" + error.message() + ")" : "is not a folder"};
    std::shared_ptr<TileDiskCache> cache(new TileDiskCache(folder, budgetBytes));
    // What earlier runs left, oldest first, so they are evicted first.
    std::vector<std::pair<std::filesystem::file_time_type, std::filesystem::path>> found;
    for (auto it = std::filesystem::recursive_directory_iterator(folder, error);
         !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error))
        if (it->is_regular_file(error) && it->path().extension() == kSuffix)
            found.emplace_back(it->last_write_time(error), it->path());
    std::sort(found.begin(), found.end());
    std::lock_guard lock(cache->_mutex);
    for (const auto& [time, path] : found) cache->useLocked(path, std::filesystem::file_size(path, error));
    cache->evictLocked();
    return cache;
}

std::filesystem::path TileDiskCache::fileFor(const std::string& source, const TileKey& key, int size,
                                             TileContent content) const {
    const std::string kind = content == TileContent::Heights ? "h" : "i";
    return _folder / hex(fnv1a(source)) /
           (std::to_string(key.level) + "-" + std::to_string(key.x) + "-" + std::to_string(key.y) + "-" +
            std::to_string(size) + kind + kSuffix);
}

std::optional<TileData> TileDiskCache::load(const std::string& source, const TileKey& key, int size,
                                            TileContent content) {
    const std::filesystem::path file = fileFor(source, key, size, content);
    {
        std::lock_guard lock(_mutex);
        if (!_files.contains(file.string())) return std::nullopt;
    }
    std::ifstream in(file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::optional<TileData> tile = in.bad() ? std::nullopt : deserialise(bytes, size, content);
    std::lock_guard lock(_mutex);
    auto entry = _files.find(file.string());
    if (entry == _files.end()) return tile;
    if (!tile) { // damaged, or taken away by someone else: forget it
        _bytes -= entry->second.bytes;
        _files.erase(entry);
        std::error_code ignored;
        std::filesystem::remove(file, ignored);
        return std::nullopt;
    }
    entry->second.lastUse = ++_clock;
    std::error_code ignored; // the use survives the run, for the eviction order of the next one
    std::filesystem::last_write_time(file, std::filesystem::file_time_type::clock::now(), ignored);
    return tile;
}

void TileDiskCache::store(const std::string& source, const TileKey& key, int size, const TileData& tile) {
    const TileContent content = std::holds_alternative<TileHeights>(tile) ? TileContent::Heights : TileContent::Image;
    const std::filesystem::path file = fileFor(source, key, size, content);
    const std::string bytes = serialise(tile, content);
    if (bytes.size() > _budget) return;
    try {
        std::error_code error;
        std::filesystem::create_directories(file.parent_path(), error);
        writeOutputFile(file, bytes, Durability::Cache); // a lost tile costs a fetch, not a fsync per tile
    } catch (const OutputError&) {
        return; // a cache that cannot be written only costs the next visit a fetch
    }
    std::lock_guard lock(_mutex);
    useLocked(file, bytes.size());
    evictLocked();
}

void TileDiskCache::useLocked(const std::filesystem::path& file, uint64_t bytes) {
    Entry& entry = _files[file.string()];
    _bytes = _bytes - entry.bytes + bytes;
    entry.bytes = bytes;
    entry.lastUse = ++_clock;
}

void TileDiskCache::evictLocked() {
    if (_bytes <= _budget) return;
    std::vector<std::pair<uint64_t, std::string>> byAge;
    for (const auto& [path, entry] : _files) byAge.emplace_back(entry.lastUse, path);
    std::sort(byAge.begin(), byAge.end());
    for (const auto& [use, path] : byAge) {
        if (_bytes <= _budget) break;
        std::error_code ignored;
        std::filesystem::remove(path, ignored);
        _bytes -= _files[path].bytes;
        _files.erase(path);
    }
}

uint64_t TileDiskCache::bytes() const {
    std::lock_guard lock(_mutex);
    return _bytes;
}

size_t TileDiskCache::count() const {
    std::lock_guard lock(_mutex);
    return _files.size();
}

} // namespace geo
