#pragma once
// Builds terrain tiles (mesh and shaded image) from their heights on a worker thread, so the viewer never
// waits for the CPU work of a tile it has not seen yet. Pure CPU: no Vulkan call happens here; the heights
// come from geo::Terrain on the frame thread (loaded in the background by its own workers).
#include "geo/TerrainTile.h"
#include "renderer/TerrainShading.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_set>
#include <vector>

namespace renderer {

struct BuiltTile {
    geo::TerrainTileMesh mesh;
    std::vector<uint8_t> rgba; //!< the shaded image, mesh.heights->size^2 texels
    double shadedFor = 1;      //!< the exaggeration it was shaded for
};

//! Builds one tile now, on the calling thread, from its heights (a lattice of (gridSize - 1) * k + 1 a side).
BuiltTile buildTile(std::shared_ptr<const geo::TileHeights> heights, const geo::TileKey& key, int gridSize,
                    double exaggeration);

class TileBuilder {
public:
    explicit TileBuilder(int gridSize);
    ~TileBuilder();
    TileBuilder(const TileBuilder&) = delete;
    TileBuilder& operator=(const TileBuilder&) = delete;

    //! Asks for a tile; asking again for one already asked for does nothing. Built in the order asked.
    void request(const geo::TileKey& key, std::shared_ptr<const geo::TileHeights> heights, double exaggeration);
    //! Drops requests not yet started (the view moved on); tiles being built still arrive.
    void clearRequests();
    //! Tiles finished since the last call.
    std::vector<BuiltTile> takeFinished();

private:
    void run();
    struct Job {
        geo::TileKey key;
        std::shared_ptr<const geo::TileHeights> heights;
        double exaggeration;
    };
    const int _gridSize;
    std::mutex _mutex;
    std::condition_variable _wake;
    std::deque<Job> _queue;
    std::unordered_set<geo::TileKey, geo::TileKeyHash> _pending; //!< queued or being built
    std::vector<BuiltTile> _finished;
    bool _stop = false;
    std::thread _worker; //!< last: starts once everything above exists
};

} // namespace renderer
