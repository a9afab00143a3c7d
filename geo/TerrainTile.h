#pragma once
// Terrain tiles of a geographic quadtree: two root tiles (west and east hemispheres), each split
// into four per level. A tile's mesh is a grid of vertices relative to the tile's own ECEF origin,
// so float vertices stay precise; a skirt around the edge hides cracks between levels.
#include "geo/TileKey.h"

#include <cstdint>
#include <glm/glm.hpp>
#include <memory>
#include <vector>

namespace geo {

//! One terrain vertex as the GPU reads it. The shader raises `position` along `up` by
//! max(height, 0) * exaggeration (the sea stays a flat surface) and lowers skirts by `skirt`.
struct TerrainVertex {
    float position[3]; //!< ellipsoid point (height 0) minus the tile origin, metres
    float up[3];       //!< ellipsoid normal
    float height;      //!< metres; below 0 is sea depth
    float skirt;       //!< metres to drop this vertex (0 except on skirts)
    float tileUv[2];   //!< 0..1 across the tile from its north-west corner, for its image
};
static_assert(sizeof(TerrainVertex) == 40, "TerrainVertex crosses to the GPU");

//! Heights on a size x size lattice that spans the tile edge to edge (sample k at
//! west + k * step), with one more sample all round so slopes at the edges match the neighbours.
struct TileHeights {
    int size = 0;
    double west = 0, north = 0, step = 0; //!< degrees
    std::vector<float> metres;            //!< (size + 2)^2, row-major, north-west border sample first
    float at(int i, int j) const { return metres[static_cast<size_t>(j + 1) * (size + 2) + (i + 1)]; }
};

struct TerrainTileMesh {
    TileKey key;
    glm::dvec3 origin;                   //!< ECEF centre of the tile at height 0
    std::vector<TerrainVertex> vertices; //!< grid (n x n, row-major, north first), then skirt
    std::shared_ptr<const TileHeights> heights; //!< the finer lattice the grid was taken from, for the tile's image
    float minHeight = 0, maxHeight = 0;
    double radius = 0; //!< bounding sphere radius around origin at height 0, metres
    //! Largest height difference, metres, between this mesh and the finer lattice: what refining
    //! would fix. Scales with vertical exaggeration.
    float heightError = 0;
    //! Largest gap, metres, between a flat cell and the curved ellipsoid (the sagitta).
    double curvatureError = 0;
};

//! Builds the n x n vertex grid of `key` from every k-th sample of `heights` (a lattice of (n - 1) * k + 1
//! samples a side over the tile, e.g. Terrain::tile's), keeping the lattice for the tile's image and measuring
//! against it what refining would add (none with k = 1). Vertex order matches tileIndices(n).
TerrainTileMesh buildTileMesh(std::shared_ptr<const TileHeights> heights, const TileKey& key, int n);
//! Triangle indices for any tile mesh of grid size n, grid and skirt (the same for every tile).
std::vector<std::uint32_t> tileIndices(int n);

} // namespace geo
