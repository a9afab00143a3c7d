#include "TileLoader.h"

#include <algorithm>

namespace geo {

TileLoader::TileLoader(std::vector<std::shared_ptr<const TileSource>> sources, int threads)
    : _sources(std::move(sources)) {
    for (int i = 0; i < std::max(threads, 1); ++i) _workers.emplace_back([this] { run(); });
}

TileLoader::~TileLoader() {
    {
        std::lock_guard lock(_mutex);
        _stop = true;
    }
    _wake.notify_all();
    for (std::thread& worker : _workers) worker.join();
}

void TileLoader::queueLocked(const TileRequest& request) {
    if (request.tile.source < 0 || request.tile.source >= static_cast<int>(_sources.size())) return;
    _unwanted.erase(request.tile);
    if (_loading.contains(request.tile)) return;
    if (auto found = _queued.find(request.tile); found != _queued.end()) {
        if (found->second.first <= request.priority) return;
        _queue.erase(found->second);
        _queued.erase(found);
    }
    const Order order{request.priority, _sequence++};
    _queue.emplace(order, request);
    _queued.emplace(request.tile, order);
}

void TileLoader::request(const TileRequest& request) {
    {
        std::lock_guard lock(_mutex);
        queueLocked(request);
    }
    _wake.notify_one();
}

void TileLoader::request(const std::vector<TileRequest>& requests) {
    {
        std::lock_guard lock(_mutex);
        for (const TileRequest& r : requests) queueLocked(r);
    }
    _wake.notify_all();
}

void TileLoader::cancel(const SourceTileKey& tile) {
    std::lock_guard lock(_mutex);
    if (auto found = _queued.find(tile); found != _queued.end()) {
        _queue.erase(found->second);
        _queued.erase(found);
    } else if (_loading.contains(tile)) {
        _unwanted.insert(tile);
    }
}

void TileLoader::cancelAllQueued() {
    {
        std::lock_guard lock(_mutex);
        _queue.clear();
        _queued.clear();
    }
    _finishedOne.notify_all();
}

bool TileLoader::pending(const SourceTileKey& tile) const {
    std::lock_guard lock(_mutex);
    return _queued.contains(tile) || (_loading.contains(tile) && !_unwanted.contains(tile));
}

std::vector<LoadedTile> TileLoader::takeFinished() {
    std::lock_guard lock(_mutex);
    return std::exchange(_finished, {});
}

void TileLoader::waitForFinished(std::chrono::milliseconds timeout) {
    std::unique_lock lock(_mutex);
    _finishedOne.wait_for(lock, timeout, [this] { return !_finished.empty() || (_queue.empty() && _loading.empty()); });
}

size_t TileLoader::queued() const {
    std::lock_guard lock(_mutex);
    return _queue.size();
}

size_t TileLoader::loading() const {
    std::lock_guard lock(_mutex);
    return _loading.size();
}

LoadedTile TileLoader::load(std::vector<std::optional<TileReader>>& readers, const TileRequest& request) {
    LoadedTile loaded{request.tile, request.size, nullptr, std::nullopt};
    std::optional<TileReader>& reader = readers[static_cast<size_t>(request.tile.source)];
    if (!reader) reader.emplace(_sources[static_cast<size_t>(request.tile.source)]);
    if (reader->source().content() == TileContent::Heights) {
        auto heights = reader->heights(request.tile.key, request.size);
        if (heights)
            loaded.data = std::make_shared<const TileData>(std::move(heights).value());
        else
            loaded.failure = heights.failure();
    } else {
        auto image = reader->image(request.tile.key, request.size);
        if (image)
            loaded.data = std::make_shared<const TileData>(std::move(image).value());
        else
            loaded.failure = image.failure();
    }
    return loaded;
}

void TileLoader::run() {
    // This thread's own GDAL handles, one per source, opened on first use and closed when the thread ends.
    std::vector<std::optional<TileReader>> readers(_sources.size());
    std::unique_lock lock(_mutex);
    for (;;) {
        _wake.wait(lock, [this] { return _stop || !_queue.empty(); });
        if (_stop) return;
        const TileRequest request = _queue.begin()->second;
        _queue.erase(_queue.begin());
        _queued.erase(request.tile);
        _loading.insert(request.tile);
        lock.unlock();
        LoadedTile loaded = load(readers, request);
        lock.lock();
        _loading.erase(request.tile);
        if (!_unwanted.erase(request.tile)) _finished.push_back(std::move(loaded));
        _finishedOne.notify_all();
    }
}

} // namespace geo
