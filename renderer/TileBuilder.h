#pragma once
// Builds terrain tiles (mesh, heights and shaded image) on a worker thread, so the viewer never
// waits for the CPU work of a tile it has not seen yet. Pure CPU: no Vulkan call happens here.
#include "geo/TerrainTile.h"
#include "renderer/TerrainShading.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_set>
#include <vector>

namespace renderer {

struct BuiltTile {
    geo::TerrainTileMesh mesh;
    std::vector<uint8_t> rgba; //!< the shaded image, mesh.heights.size^2 texels
    double shadedFor = 1;      //!< the exaggeration it was shaded for
};

//! Builds one tile now, on the calling thread.
BuiltTile buildTile(const geo::Terrain& terrain, const geo::TileKey& key, int gridSize, int samplesPerCell,
                    double exaggeration);

class TileBuilder {
public:
    TileBuilder(const geo::Terrain& terrain, int gridSize, int samplesPerCell);
    ~TileBuilder();
    TileBuilder(const TileBuilder&) = delete;
    TileBuilder& operator=(const TileBuilder&) = delete;

    //! Asks for a tile; asking again for one already asked for does nothing. Built in the order asked.
    void request(const geo::TileKey& key, double exaggeration);
    //! Drops requests not yet started (the view moved on); tiles being built still arrive.
    void clearRequests();
    //! Tiles finished since the last call.
    std::vector<BuiltTile> takeFinished();

private:
    void run();
    const geo::Terrain& _terrain;
    const int _gridSize, _samplesPerCell;
    std::mutex _mutex;
    std::condition_variable _wake;
    std::deque<std::pair<geo::TileKey, double>> _queue;
    std::unordered_set<geo::TileKey, geo::TileKeyHash> _pending; //!< queued or being built
    std::vector<BuiltTile> _finished;
    bool _stop = false;
    std::thread _worker; //!< last: starts once everything above exists
};

} // namespace renderer
