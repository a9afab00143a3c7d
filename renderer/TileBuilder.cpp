#include "renderer/TileBuilder.h"

namespace renderer {

BuiltTile buildTile(const geo::Terrain& terrain, const geo::TileKey& key, int gridSize,
                    int samplesPerCell, double exaggeration) {
    BuiltTile t{geo::buildTileMesh(terrain, key, gridSize, samplesPerCell), {}, exaggeration};
    t.rgba.resize(size_t(t.mesh.heights.size) * t.mesh.heights.size * 4);
    shadeTile(t.mesh.heights, exaggeration, t.rgba.data());
    return t;
}

TileBuilder::TileBuilder(const geo::Terrain& terrain, int gridSize, int samplesPerCell)
    : _terrain(terrain), _gridSize(gridSize), _samplesPerCell(samplesPerCell),
      _worker([this] { run(); }) {}

TileBuilder::~TileBuilder() {
    {
        std::lock_guard lock(_mutex);
        _stop = true;
    }
    _wake.notify_all();
    _worker.join();
}

void TileBuilder::request(const geo::TileKey& key, double exaggeration) {
    {
        std::lock_guard lock(_mutex);
        if (!_pending.insert(key).second) return;
        _queue.emplace_back(key, exaggeration);
    }
    _wake.notify_one();
}

void TileBuilder::clearRequests() {
    std::lock_guard lock(_mutex);
    for (const auto& [key, exaggeration] : _queue) _pending.erase(key);
    _queue.clear();
}

std::vector<BuiltTile> TileBuilder::takeFinished() {
    std::lock_guard lock(_mutex);
    std::vector<BuiltTile> done = std::move(_finished);
    _finished.clear();
    for (const BuiltTile& t : done) _pending.erase(t.mesh.key);
    return done;
}

void TileBuilder::run() {
    for (;;) {
        std::pair<geo::TileKey, double> job;
        {
            std::unique_lock lock(_mutex);
            _wake.wait(lock, [&] { return _stop || !_queue.empty(); });
            if (_stop) return;
            job = _queue.front();
            _queue.pop_front();
        }
        BuiltTile built = buildTile(_terrain, job.first, _gridSize, _samplesPerCell, job.second);
        std::lock_guard lock(_mutex);
        _finished.push_back(std::move(built));
    }
}

} // namespace renderer
