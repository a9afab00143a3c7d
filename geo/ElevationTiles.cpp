#include "ElevationTiles.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace geo {

ElevationTiles::ElevationTiles(std::vector<std::shared_ptr<const TileSource>> sources, Options options)
    : _options(std::move(options)), _cache(_options.cacheBytes),
      _loader(std::move(sources), _options.threads, _options.disk), _heightsSeen(_loader.sources().size(), false) {}

std::vector<int> ElevationTiles::covering(const TileKey& key) const {
    std::vector<int> found;
    for (size_t i = 0; i < sources().size(); ++i)
        if (sources()[i]->covers(key)) found.push_back(static_cast<int>(i));
    return found;
}

int ElevationTiles::finestLevel(const TileKey& key) const {
    int finest = 0;
    for (const int i : covering(key)) finest = std::max(finest, sources()[size_t(i)]->finestLevel(kSamples - 1));
    return finest;
}

void ElevationTiles::take(LoadedTile loaded) {
    if (loaded.data) {
        _failed.erase(loaded.tile);
        _failures.erase(loaded.tile);
        _cache.put(loaded.tile, std::move(loaded.data));
        return;
    }
    _failed[loaded.tile] = std::chrono::steady_clock::now();
    if (loaded.failure) {
        _failures[loaded.tile] = *loaded.failure;
        _newFailures.push_back(*loaded.failure);
    }
}

std::vector<Failure> ElevationTiles::update() {
    for (LoadedTile& loaded : _loader.takeFinished()) take(std::move(loaded));
    return std::exchange(_newFailures, {});
}

std::shared_ptr<const TileHeights> ElevationTiles::stack(const TileKey& key, const std::vector<int>& sourcesHere) {
    const GeoExtent e = tileExtent(key);
    auto stacked = std::make_shared<TileHeights>();
    stacked->size = kSamples;
    stacked->west = e.west;
    stacked->north = e.north;
    stacked->step = (e.east - e.west) / (kSamples - 1);
    stacked->metres.assign(size_t(kSamples + 2) * (kSamples + 2), std::numeric_limits<float>::quiet_NaN());
    bool complete = true; // no source failed: the result may be kept
    for (const int i : sourcesHere) {
        auto data = _cache.find({i, key});
        if (!data) {
            complete = false;
            continue;
        }
        const std::vector<float>& metres = std::get<TileHeights>(*data).metres;
        if (!_heightsSeen[size_t(i)])
            _heightsSeen[size_t(i)] = std::any_of(metres.begin(), metres.end(), [](float h) { return !std::isnan(h); });
        for (size_t k = 0; k < metres.size(); ++k)
            if (std::isnan(stacked->metres[k])) stacked->metres[k] = metres[k];
    }
    for (float& h : stacked->metres)
        if (std::isnan(h)) h = 0.0f; // sea level where no source has data, as Terrain::heightAt
    std::shared_ptr<const TileHeights> result = std::move(stacked);
    if (complete) {
        _cache.put({kStacked, key}, std::make_shared<const TileData>(*result));
        for (const int i : sourcesHere) _cache.erase({i, key}); // the stack holds what they held
        if (key.level > _finestResident) _finestResident = key.level; // only the frame thread writes it
    }
    return result;
}

std::shared_ptr<const TileHeights> ElevationTiles::tile(const TileKey& key, double priority) {
    if (auto stacked = _cache.find({kStacked, key})) {
        // The cache owns the variant; hand out a pointer that keeps it alive.
        return std::shared_ptr<const TileHeights>(stacked, &std::get<TileHeights>(*stacked));
    }
    const std::vector<int> sourcesHere = covering(key);
    const auto now = std::chrono::steady_clock::now();
    bool ready = true;
    for (const int i : sourcesHere) {
        const SourceTileKey tile{i, key};
        if (_cache.contains(tile)) continue;
        if (auto failed = _failed.find(tile); failed != _failed.end()) {
            if (now - failed->second < _options.retryAfter) continue; // counts as nodata for now
            _failed.erase(failed);
        }
        ready = false;
        if (!_loader.pending(tile)) _loader.request({tile, kSamples, priority});
    }
    if (!ready) return nullptr;
    return stack(key, sourcesHere);
}

Result<std::shared_ptr<const TileHeights>> ElevationTiles::wait(const TileKey& key) {
    const std::vector<int> sourcesHere = covering(key);
    for (const int i : sourcesHere) _failed.erase({i, key}); // a still asks again
    for (;;) {
        if (auto heights = tile(key, tilePriority(true, key.level, 0))) {
            for (const int i : sourcesHere)
                if (auto failure = _failures.find({i, key}); failure != _failures.end()) return failure->second;
            return heights;
        }
        _loader.waitForFinished(std::chrono::milliseconds(100));
        update();
        for (const int i : sourcesHere)
            if (_failed.contains({i, key}))
                if (auto failure = _failures.find({i, key}); failure != _failures.end()) return failure->second;
    }
}

float bilinearHeight(const TileHeights& h, double lon, double lat) {
    const double fx = std::clamp((lon - h.west) / h.step, 0.0, double(h.size - 1));
    const double fy = std::clamp((h.north - lat) / h.step, 0.0, double(h.size - 1));
    const int i = std::min(int(fx), h.size - 2), j = std::min(int(fy), h.size - 2);
    const double ax = fx - i, ay = fy - j;
    const double top = h.at(i, j) * (1 - ax) + h.at(i + 1, j) * ax;
    const double bottom = h.at(i, j + 1) * (1 - ax) + h.at(i + 1, j + 1) * ax;
    return static_cast<float>(top * (1 - ay) + bottom * ay);
}

float ElevationTiles::heightAt(double lon, double lat) const {
    lon = std::remainder(lon, 360.0); // -180..180
    lat = std::clamp(lat, -90.0, 90.0);
    for (int level = _finestResident.load(); level >= 0; --level) {
        auto data = _cache.find({kStacked, tileKeyAt(level, lon, lat)});
        if (!data) continue;
        return bilinearHeight(std::get<TileHeights>(*data), lon, lat);
    }
    return 0.0f;
}

ElevationTiles::Stats ElevationTiles::stats() const {
    return {_cache.count(), _loader.loading(), _loader.queued(), _cache.bytes(), _cache.budget()};
}

} // namespace geo
