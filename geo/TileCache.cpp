#include "TileCache.h"

namespace geo {

size_t tileBytes(const TileData& tile) {
    const size_t payload = std::visit(
        [](const auto& t) {
            using T = std::decay_t<decltype(t)>;
            if constexpr (std::is_same_v<T, TileHeights>)
                return t.metres.capacity() * sizeof(float);
            else
                return t.rgba.capacity();
        },
        tile);
    return payload + sizeof(TileData);
}

TileCache::TileCache(size_t budgetBytes) : _budget(budgetBytes) {}

std::shared_ptr<const TileData> TileCache::find(const SourceTileKey& key) {
    std::lock_guard lock(_mutex);
    auto found = _index.find(key);
    if (found == _index.end()) return nullptr;
    _order.splice(_order.begin(), _order, found->second);
    return found->second->tile;
}

bool TileCache::contains(const SourceTileKey& key) const {
    std::lock_guard lock(_mutex);
    return _index.contains(key);
}

void TileCache::put(const SourceTileKey& key, std::shared_ptr<const TileData> tile) {
    std::lock_guard lock(_mutex);
    if (auto found = _index.find(key); found != _index.end()) evictLocked(found->second);
    if (!tile) return;
    const size_t bytes = tileBytes(*tile);
    if (bytes > _budget) return;
    while (_bytes + bytes > _budget && !_order.empty()) {
        evictLocked(std::prev(_order.end()));
        ++_evictions;
    }
    _order.push_front({key, std::move(tile), bytes});
    _index[key] = _order.begin();
    _bytes += bytes;
}

void TileCache::erase(const SourceTileKey& key) {
    std::lock_guard lock(_mutex);
    if (auto found = _index.find(key); found != _index.end()) evictLocked(found->second);
}

void TileCache::evictLocked(std::list<Entry>::iterator at) {
    _bytes -= at->bytes;
    _index.erase(at->key);
    _order.erase(at);
}

size_t TileCache::bytes() const {
    std::lock_guard lock(_mutex);
    return _bytes;
}

size_t TileCache::count() const {
    std::lock_guard lock(_mutex);
    return _order.size();
}

size_t TileCache::evictions() const {
    std::lock_guard lock(_mutex);
    return _evictions;
}

} // namespace geo
