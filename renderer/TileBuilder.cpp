#include "renderer/TileBuilder.h"

namespace renderer {

BuiltTile buildTile(std::shared_ptr<const geo::TileHeights> heights, const geo::TileKey& key, int gridSize,
                    double exaggeration) {
    BuiltTile t{geo::buildTileMesh(std::move(heights), key, gridSize), {}, exaggeration};
    t.rgba.resize(size_t(t.mesh.heights->size) * t.mesh.heights->size * 4);
    shadeTile(*t.mesh.heights, exaggeration, t.rgba.data());
    return t;
}

TileBuilder::TileBuilder(int gridSize) : _gridSize(gridSize), _worker([this] { run(); }) {}

TileBuilder::~TileBuilder() {
    {
        std::lock_guard lock(_mutex);
        _stop = true;
    }
    _wake.notify_all();
    _worker.join();
}

void TileBuilder::request(const geo::TileKey& key, std::shared_ptr<const geo::TileHeights> heights,
                          double exaggeration) {
    {
        std::lock_guard lock(_mutex);
        if (!_pending.insert(key).second) return;
        _queue.push_back({key, std::move(heights), exaggeration});
    }
    _wake.notify_one();
}

void TileBuilder::clearRequests() {
    std::lock_guard lock(_mutex);
    for (const Job& job : _queue) _pending.erase(job.key);
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
        Job job;
        {
            std::unique_lock lock(_mutex);
            _wake.wait(lock, [&] { return _stop || !_queue.empty(); });
            if (_stop) return;
            job = std::move(_queue.front());
            _queue.pop_front();
        }
        BuiltTile built = buildTile(std::move(job.heights), job.key, _gridSize, job.exaggeration);
        std::lock_guard lock(_mutex);
        _finished.push_back(std::move(built));
    }
}

} // namespace renderer
