#pragma once
// Terrain on the globe: a quadtree of tiles chosen each frame by screen-space error, built from the
// geo::Terrain heights on first use, cached on the GPU, and evicted least-recently-used.
#include "geo/TerrainTile.h"
#include "renderer/Buffer.h"
#include "renderer/View.h"

#include <cstdint>
#include <functional>
#include <unordered_map>
#include <vector>

namespace renderer {

//! How much of a tile the highlight (Ukraine) covers, decided once when the tile is built.
enum class Coverage : uint8_t { Outside, Inside, Edge };
using CoverageOf = std::function<Coverage(const geo::GeoExtent&)>;

class TerrainLayer {
public:
    TerrainLayer(const Context& context, const geo::Terrain& terrain, CoverageOf coverage, int gridSize = 33);

    struct Selection {
        uint32_t tiles = 0;
        uint64_t triangles = 0;
        bool complete = true; //!< false while tiles this view needs are still to be built
    };

    //! Chooses the tiles for `view` and builds at most `buildBudget` missing ones (-1: all).
    //! Tiles evicted go to `graveyard`, to be freed once the GPU is done with the frame.
    Selection select(const View& view, double exaggeration, int buildBudget, std::vector<Buffer>& graveyard);
    //! Draws the last selection: tiles across the highlight's edge with `edgePipeline` (per-pixel
    //! mask), the rest with `flatPipeline`. Both share `layout`; the descriptor set is bound.
    void draw(VkCommandBuffer cmd, VkPipelineLayout layout, VkPipeline flatPipeline, VkPipeline edgePipeline,
              const glm::dvec3& eye, bool highlight) const;

    double pixelTolerance = 2.0; //!< screen-space error, pixels, above which a tile is refined
    size_t maxCachedTiles = 1200;

private:
    struct Tile {
        Buffer vertices;
        glm::dvec3 origin;
        glm::dvec3 centre; //!< ECEF centre of the bounding sphere at mean height
        double radius;     //!< at exaggeration 1
        float minHeight, maxHeight;
        float heightError;     //!< metres at exaggeration 1 (geo::TerrainTileMesh)
        double curvatureError; //!< metres
        Coverage coverage;
        uint64_t lastUsed = 0;
    };
    Tile* acquire(const geo::TileKey& key);
    void visit(const geo::TileKey& key, Tile& tile, const View& view, double exaggeration);
    bool sees(const Tile& tile, const View& view, double exaggeration) const;
    void evict(std::vector<Buffer>& graveyard);

    const Context& _context;
    const geo::Terrain& _terrain;
    CoverageOf _coverage;
    int _gridSize;
    Buffer _indices;
    uint32_t _indexCount = 0;
    std::unordered_map<geo::TileKey, Tile, geo::TileKeyHash> _tiles;
    std::vector<const Tile*> _drawList;
    uint64_t _frame = 0;
    int _budget = 0;
    bool _complete = true;
};

} // namespace renderer
