// Terrain tiles: extents, mesh layout, skirts, error estimates, and the shared index buffer.
#include "geo/TerrainTile.h"
#include "geo/Ellipsoid.h"
#include "geo/Terrain.h"

#include <cmath>
#include <gtest/gtest.h>
#include <set>

namespace geo {
namespace {

//! Flat ground at 100 m with a round hill 2 km high, about a degree wide, at 25.05E 46.95N.
Terrain flatTerrainWithHill() {
    HeightGrid g;
    g.west = 20;
    g.north = 52;
    g.dLon = g.dLat = 0.1;
    g.width = 100;
    g.height = 100;
    for (int j = 0; j < g.height; ++j)
        for (int i = 0; i < g.width; ++i) {
            const double lon = g.west + (i + 0.5) * g.dLon, lat = g.north - (j + 0.5) * g.dLat;
            const double d2 = (lon - 25.05) * (lon - 25.05) + (lat - 46.95) * (lat - 46.95);
            g.metres.push_back(float(100.0 + 2000.0 * std::exp(-d2 / 0.25)));
        }
    Terrain t;
    t.addLayer(g);
    return t;
}

//! The mesh of `key`, n vertices a side, from `terrain`'s grids sampled k times finer.
TerrainTileMesh meshOf(const Terrain& terrain, const TileKey& key, int n, int k = 1) {
    return buildTileMesh(std::make_shared<const TileHeights>(sampleGrids(terrain.layers(), tileExtent(key), (n - 1) * k + 1)),
                         key, n);
}

TEST(TileExtent, RootsSplitTheGlobeIntoHemispheres) {
    const GeoExtent west = tileExtent({0, 0, 0}), east = tileExtent({0, 1, 0});
    EXPECT_DOUBLE_EQ(west.west, -180);
    EXPECT_DOUBLE_EQ(west.east, 0);
    EXPECT_DOUBLE_EQ(east.east, 180);
    EXPECT_DOUBLE_EQ(west.north, 90);
    EXPECT_DOUBLE_EQ(west.south, -90);
}

TEST(TileExtent, ChildrenTileTheirParent) {
    const TileKey parent{5, 37, 9};
    const GeoExtent p = tileExtent(parent);
    double area = 0;
    for (int i = 0; i < 4; ++i) {
        const GeoExtent c = tileExtent(parent.child(i));
        EXPECT_GE(c.west, p.west);
        EXPECT_LE(c.east, p.east);
        EXPECT_GE(c.south, p.south);
        EXPECT_LE(c.north, p.north);
        area += (c.east - c.west) * (c.north - c.south);
    }
    EXPECT_DOUBLE_EQ(area, (p.east - p.west) * (p.north - p.south));
}

TEST(TerrainTileMesh, GridThenSkirtWithHeightsFromTheTerrain) {
    const Terrain t = flatTerrainWithHill();
    const int n = 9;
    TileKey over{};
    for (int x = 0; x < 256; ++x)
        for (int y = 0; y < 128; ++y) {
            const GeoExtent e = tileExtent({7, x, y});
            if (e.west <= 25.05 && e.east > 25.05 && e.south <= 46.95 && e.north > 46.95) over = {7, x, y};
        }
    const TerrainTileMesh mesh = meshOf(t, over, n);
    ASSERT_EQ(mesh.vertices.size(), size_t(n * n + 4 * (n - 1)));
    for (int k = 0; k < n * n; ++k) EXPECT_EQ(mesh.vertices[k].skirt, 0.0f);
    for (size_t k = n * n; k < mesh.vertices.size(); ++k) EXPECT_GT(mesh.vertices[k].skirt, 0.0f);
    EXPECT_NEAR(mesh.minHeight, 100.0f, 1.0f);
    EXPECT_GT(mesh.maxHeight, 1000.0f);
    // Vertices are relative to the origin: adding it back lands on the ellipsoid where the grid is.
    const TerrainVertex& v = mesh.vertices[n + 1]; // second row, second column
    const glm::dvec3 back = mesh.origin + glm::dvec3(v.position[0], v.position[1], v.position[2]);
    const GeoPoint p = toGeodetic(back);
    const GeoExtent e = tileExtent(over);
    EXPECT_NEAR(p.lon, e.west + (e.east - e.west) / (n - 1), 1e-5);
    EXPECT_NEAR(p.lat, e.north - (e.north - e.south) / (n - 1), 1e-5);
    EXPECT_NEAR(p.height, 0.0, 0.05);
    EXPECT_FLOAT_EQ(v.tileUv[0], 1.0f / (n - 1));
    EXPECT_FLOAT_EQ(v.tileUv[1], 1.0f / (n - 1));
}

TEST(TerrainTileMesh, FinerLatticeFeedsTheGridAndTheImage) {
    const Terrain t = flatTerrainWithHill();
    const TerrainTileMesh mesh = meshOf(t, {6, 2 * 64 + 14, 32 - 17}, 5, 4);
    EXPECT_EQ(mesh.heights->size, 17);                       // (5 - 1) * 4 + 1
    EXPECT_EQ(mesh.heights->metres.size(), size_t(19 * 19)); // with a border all round
    // Every 4th lattice sample is a vertex height.
    EXPECT_FLOAT_EQ(mesh.vertices[1].height, mesh.heights->at(4, 0));
    EXPECT_FLOAT_EQ(mesh.vertices[5 * 2 + 3].height, mesh.heights->at(12, 8));
}

TEST(TerrainTileMesh, HeightErrorSeesDetailBetweenVertices) {
    const Terrain t = flatTerrainWithHill();
    // A coarse tile over the peak misses it between its vertices: its error says so.
    TileKey coarse{};
    for (int x = 0; x < 64; ++x)
        for (int y = 0; y < 32; ++y) {
            const GeoExtent e = tileExtent({5, x, y});
            if (e.west <= 25.05 && e.east > 25.05 && e.south <= 46.95 && e.north > 46.95) coarse = {5, x, y};
        }
    const TerrainTileMesh mesh = meshOf(t, coarse, 5, 8);
    EXPECT_GT(mesh.heightError, 100.0f);
    // Flat ground far from the peak has none.
    const TerrainTileMesh flat = meshOf(t, {9, 2 * 256 + 50, 2 * 64 - 30}, 5, 8);
    EXPECT_LT(flat.heightError, 1.0f);
}

TEST(TerrainTileMesh, CurvatureErrorShrinksFourfoldPerLevel) {
    const Terrain t;
    const double e4 = meshOf(t, {4, 20, 5}, 9).curvatureError;
    const double e5 = meshOf(t, {5, 40, 10}, 9).curvatureError;
    EXPECT_GT(e4, 0.0);
    EXPECT_NEAR(e4 / e5, 4.0, 0.6);
}

TEST(TileIndices, EveryTriangleIsValidAndSkirtsHangUnderTheEdge) {
    const int n = 5;
    const std::vector<uint32_t> idx = tileIndices(n);
    ASSERT_EQ(idx.size() % 3, 0u);
    EXPECT_EQ(idx.size(), size_t((n - 1) * (n - 1) * 6 + 4 * (n - 1) * 6));
    std::set<uint32_t> used(idx.begin(), idx.end());
    EXPECT_EQ(used.size(), size_t(n * n + 4 * (n - 1))); // every vertex, grid and skirt, is used
    EXPECT_LT(*used.rbegin(), uint32_t(n * n + 4 * (n - 1)));
}

} // namespace
} // namespace geo
