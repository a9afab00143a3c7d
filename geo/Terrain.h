#pragma once
// The terrain every part of Bulwark reads heights from: streamed tile by tile from ElevationTiles (the DEM
// asked for over the Europe and globe bases, out of core, at full resolution, whatever its size), or, for
// tests and `bulwark coverage`, held whole as in-memory height grids. Both answer per tile key (what the
// renderer builds meshes from) and per point (labels, lines, picking, markers).
//
//     Terrain terrain = Terrain::open({dem, europe, globe}, options).value();   // streamed
//     terrain.update();                                  // each frame: takes finished tiles, never waits
//     if (auto h = terrain.tile(key, priority)) ...      // null while it loads (draw the parent meanwhile)
//     auto h = terrain.wait(key);                        // stills, video: blocks until loaded, or fails
//     float metres = terrain.heightAt(lon, lat);         // the scene's heights (the preload); never waits
//     float ground = terrain.groundHeightAt(lon, lat);   // the finest resident (cursor, picking, profiles)
#include "geo/ElevationTiles.h"
#include "geo/HeightGrid.h"
#include "geo/Result.h"
#include "geo/TerrainTile.h"
#include "geo/TileFailures.h"
#include "geo/TileKey.h"

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

namespace geo {

class Terrain {
public:
    static constexpr int kSamples = ElevationTiles::kSamples; //!< a tile's lattice samples a side

    Terrain() = default; //!< no terrain: sea level everywhere
    //! Streams from `tiles`.
    explicit Terrain(std::shared_ptr<ElevationTiles> tiles) : _tiles(std::move(tiles)) {}
    //! Opens `paths` (finest first) as height sources and streams from them; fails naming the first bad file.
    static Result<Terrain> open(const std::vector<std::string>& paths, ElevationTiles::Options options);

    //! Adds a whole in-memory grid under the earlier ones (tests, `bulwark coverage`); not for a streamed terrain.
    void addLayer(HeightGrid grid);
    const std::vector<HeightGrid>& layers() const { return _layers; } //!< the in-memory grids
    bool empty() const { return _layers.empty() && !_tiles; }
    bool streamed() const { return _tiles != nullptr; }
    ElevationTiles* tiles() const { return _tiles.get(); } //!< null unless streamed

    //! The scene's height at the point: what labels, lines, markers, symbols and camera poses stand on. Streamed,
    //! from the tiles preload() pinned (never evicted), so a still is the same whatever else happens to be resident;
    //! before a preload, as groundHeightAt. 0 (sea level) where none has data. Never reads disk; any thread.
    float heightAt(double lon, double lat) const;
    //! Height at the point from the finest data resident now (streamed: falling back to coarser levels), for what
    //! reads the ground the viewer shows (the cursor readout, picking, profiles, coverage). Any thread.
    float groundHeightAt(double lon, double lat) const;
    //! Finest cell size in degrees among the sources with data at the point (for level-of-detail limits); the
    //! coarsest cell of all where none has, 0 without any.
    double finestCellAt(double lon, double lat) const;
    //! Finest cell size in degrees among the sources reaching into `extent`; the coarsest where none does.
    double finestCellIn(const GeoExtent& extent) const;
    //! The level from which a tile of kSamples samples a side is as fine as the finest data in it.
    int finestLevel(const TileKey& key) const;
    //! The file of the finest source, and whether it has data at the point (`coverage`'s site must lie on it).
    std::string firstSource() const;
    bool firstCovers(double lon, double lat) const;

    //! The stacked heights of `key` (kSamples a side, border included), or null while they load (streamed; what
    //! is missing is asked for at `priority`, tilePriority). In-memory grids answer at once. Frame thread only.
    std::shared_ptr<const TileHeights> tile(const TileKey& key, double priority) const;
    //! False while tile(key) stands in for missing data (a source failed: a server gone); in-memory grids are.
    bool complete(const TileKey& key) const { return !_tiles || _tiles->complete(key); }
    //! Blocks until `key` is loaded: its heights, or the failure of a source (naming its file and the tile).
    Result<std::shared_ptr<const TileHeights>> wait(const TileKey& key) const;
    //! Takes the tiles the workers finished (frame thread, once a frame); the failures since the last call.
    std::vector<Failure> update() const;
    //! Waits for the tiles of a coarse level over each source's extent (its own resolution, at most `maxTiles`
    //! tiles a source), so what is built once from heights at load (labels, lines, markers) has heights.
    std::optional<Failure> preload(int maxTiles = 32) const;

private:
    std::shared_ptr<ElevationTiles> _tiles;
    struct Pinned {
        std::vector<int> levels; //!< finest first
        std::unordered_map<TileKey, std::shared_ptr<const TileHeights>, TileKeyHash> tiles;
    };
    //! The preloaded tiles, shared by copies of this terrain; set once by preload(), before other threads read.
    std::shared_ptr<Pinned> _pinned = std::make_shared<Pinned>();
    std::vector<HeightGrid> _layers;
};

//! Heights of `terrain`'s in-memory grids sampled on a size x size lattice over `e` (TileHeights' layout).
TileHeights sampleGrids(const std::vector<HeightGrid>& grids, const GeoExtent& e, int size);

} // namespace geo
