#include "geo/Terrain.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace geo {

namespace {

//! The height of the first grid with data at the point; 0 (sea level) where none has.
float gridHeightAt(const std::vector<HeightGrid>& grids, double lon, double lat) {
    for (const HeightGrid& grid : grids)
        if (auto h = grid.sample(lon, lat)) return *h;
    return 0.0f;
}

GeoExtent gridExtent(const HeightGrid& grid) {
    return {grid.west, grid.south(), grid.east(), grid.north};
}

//! True when `extent` (within -180..180) overlaps `data`, which may lie over 0..360 E.
bool reaches(const GeoExtent& data, const GeoExtent& extent) {
    return data.intersects(extent) || data.intersects({extent.west + 360, extent.south, extent.east + 360, extent.north});
}

//! True when the point (longitude within -180..180) lies in `data`, which may lie over 0..360 E.
bool holds(const GeoExtent& data, double lon, double lat) {
    if (lat < data.south || lat > data.north) return false;
    return (lon >= data.west && lon <= data.east) || (lon + 360 >= data.west && lon + 360 <= data.east);
}

//! The keys of `level` over `extent` (clamped to the globe).
std::vector<TileKey> keysOver(const GeoExtent& extent, int level) {
    const double size = 180.0 / std::ldexp(1.0, level);
    const int columns = 2 << level, rows = 1 << level;
    const double west = std::clamp(extent.west, -180.0, 180.0), east = std::clamp(extent.east, -180.0, 180.0);
    const double south = std::clamp(extent.south, -90.0, 90.0), north = std::clamp(extent.north, -90.0, 90.0);
    const int x0 = std::clamp(int(std::floor((west + 180) / size)), 0, columns - 1);
    const int x1 = std::clamp(int(std::ceil((east + 180) / size)) - 1, x0, columns - 1);
    const int y0 = std::clamp(int(std::floor((90 - north) / size)), 0, rows - 1);
    const int y1 = std::clamp(int(std::ceil((90 - south) / size)) - 1, y0, rows - 1);
    std::vector<TileKey> keys;
    for (int y = y0; y <= y1; ++y)
        for (int x = x0; x <= x1; ++x) keys.push_back({level, x, y});
    return keys;
}

} // namespace

TileHeights sampleGrids(const std::vector<HeightGrid>& grids, const GeoExtent& e, int size) {
    TileHeights h;
    h.size = size;
    h.west = e.west;
    h.north = e.north;
    h.step = (e.east - e.west) / (size - 1);
    h.metres.reserve(static_cast<size_t>(size + 2) * (size + 2));
    for (int j = -1; j <= size; ++j)
        for (int i = -1; i <= size; ++i)
            h.metres.push_back(gridHeightAt(grids, e.west + i * h.step, std::clamp(e.north - j * h.step, -90.0, 90.0)));
    return h;
}

Result<Terrain> Terrain::open(const std::vector<std::string>& paths, ElevationTiles::Options options) {
    std::vector<std::shared_ptr<const TileSource>> sources;
    for (const std::string& path : paths) {
        auto source = TileSource::open(path, TileContent::Heights);
        if (!source) return source.failure();
        sources.push_back(std::move(source).value());
    }
    return Terrain(std::make_shared<ElevationTiles>(std::move(sources), std::move(options)));
}

void Terrain::addLayer(HeightGrid grid) {
    _layers.push_back(std::move(grid));
}

float Terrain::heightAt(double lon, double lat) const {
    if (!_tiles) return gridHeightAt(_layers, lon, lat);
    if (_pinned->levels.empty()) return _tiles->heightAt(lon, lat);
    lon = std::remainder(lon, 360.0); // -180..180
    lat = std::clamp(lat, -90.0, 90.0);
    for (const int level : _pinned->levels) { // finest first
        if (auto tile = _pinned->tiles.find(tileKeyAt(level, lon, lat)); tile != _pinned->tiles.end())
            return bilinearHeight(*tile->second, lon, lat);
    }
    return 0.0f;
}

float Terrain::groundHeightAt(double lon, double lat) const {
    return _tiles ? _tiles->heightAt(lon, lat) : gridHeightAt(_layers, lon, lat);
}

double Terrain::finestCellAt(double lon, double lat) const {
    double finest = std::numeric_limits<double>::infinity(), coarsest = 0;
    if (_tiles) {
        for (const auto& source : _tiles->sources()) {
            coarsest = std::max(coarsest, source->cellSize());
            if (holds(source->extent(), lon, lat)) finest = std::min(finest, source->cellSize());
        }
    } else {
        for (const HeightGrid& layer : _layers) {
            const double cell = std::max(layer.dLon, layer.dLat);
            coarsest = std::max(coarsest, cell);
            if (layer.sample(lon, lat)) finest = std::min(finest, cell);
        }
    }
    return std::isfinite(finest) ? finest : coarsest;
}

double Terrain::finestCellIn(const GeoExtent& extent) const {
    double finest = std::numeric_limits<double>::infinity(), coarsest = 0;
    auto consider = [&](const GeoExtent& data, double cell) {
        coarsest = std::max(coarsest, cell);
        if (reaches(data, extent)) finest = std::min(finest, cell);
    };
    if (_tiles)
        for (const auto& source : _tiles->sources()) consider(source->extent(), source->cellSize());
    else
        for (const HeightGrid& layer : _layers) consider(gridExtent(layer), std::max(layer.dLon, layer.dLat));
    return std::isfinite(finest) ? finest : coarsest;
}

int Terrain::finestLevel(const TileKey& key) const {
    if (_tiles) return _tiles->finestLevel(key);
    const double cell = finestCellIn(tileExtent(key));
    if (cell <= 0) return 0;
    return std::clamp(static_cast<int>(std::ceil(std::log2(180.0 / ((kSamples - 1) * cell)) - 1e-6)), 0, 30);
}

std::string Terrain::firstSource() const {
    if (_tiles) return _tiles->sources().empty() ? std::string() : _tiles->sources().front()->path();
    return _layers.empty() ? std::string() : _layers.front().source;
}

bool Terrain::firstCovers(double lon, double lat) const {
    if (_tiles) return !_tiles->sources().empty() && holds(_tiles->sources().front()->extent(), lon, lat);
    return !_layers.empty() && _layers.front().sample(lon, lat).has_value();
}

std::shared_ptr<const TileHeights> Terrain::tile(const TileKey& key, double priority) const {
    if (_tiles) return _tiles->tile(key, priority);
    return std::make_shared<const TileHeights>(sampleGrids(_layers, tileExtent(key), kSamples));
}

Result<std::shared_ptr<const TileHeights>> Terrain::wait(const TileKey& key) const {
    if (_tiles) return _tiles->wait(key);
    return tile(key, 0);
}

std::vector<Failure> Terrain::update() const {
    return _tiles ? _tiles->update() : std::vector<Failure>{};
}

std::optional<Failure> Terrain::preload(int maxTiles) const {
    if (!_tiles) return std::nullopt;
    std::vector<TileKey> keys{{0, 0, 0}, {0, 1, 0}}; // the roots, which every frame draws
    for (const auto& source : _tiles->sources()) {
        int level = source->finestLevel(kSamples - 1);
        while (level > 0 && keysOver(source->extent(), level).size() > size_t(maxTiles)) --level;
        for (const TileKey& key : keysOver(source->extent(), level))
            if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
    }
    for (const TileKey& key : keys) _tiles->tile(key, tilePriority(true, key.level, 0)); // all asked for at once
    Pinned pinned;
    for (const TileKey& key : keys) {
        auto heights = _tiles->wait(key);
        if (!heights) return heights.failure();
        pinned.tiles.emplace(key, std::move(heights).value());
        if (std::find(pinned.levels.begin(), pinned.levels.end(), key.level) == pinned.levels.end())
            pinned.levels.push_back(key.level);
    }
    std::sort(pinned.levels.rbegin(), pinned.levels.rend()); // finest first
    *_pinned = std::move(pinned); // heightAt's answers from here on
    // The whole of each source was read at some level: one with no height at all is refused, as loadDem does.
    for (size_t i = 0; i < _tiles->sources().size(); ++i)
        if (!_tiles->hasHeights(i))
            return Failure{_tiles->sources()[i]->path(),
                           "has no heights within -12000..9000 m (every cell read is nodata or beyond them; is its "
                           "nodata value set?)"};
    return std::nullopt;
}

} // namespace geo
