#include "geo/HeightGrid.h"
#include "geo/Terrain.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace {

constexpr float kNoData = std::numeric_limits<float>::quiet_NaN();

//! Grid with cells of `cell` degrees starting at (west, north); values row-major, north row first.
geo::HeightGrid makeGrid(double west, double north, double cell, int width, int height, std::vector<float> values) {
    geo::HeightGrid grid;
    grid.source = "test";
    grid.west = west;
    grid.north = north;
    grid.dLon = grid.dLat = cell;
    grid.width = width;
    grid.height = height;
    grid.metres = std::move(values);
    return grid;
}

// 3x2 cells of 1 degree over 30..33 E, 48..50 N; centres at lon 30.5, 31.5, 32.5 and lat 49.5, 48.5.
geo::HeightGrid smallGrid() {
    return makeGrid(30, 50, 1, 3, 2, {0, 10, 20, 100, 110, 120});
}

TEST(HeightGrid, ExtentFollowsCellsAndSize) {
    const geo::HeightGrid grid = smallGrid();
    EXPECT_DOUBLE_EQ(grid.east(), 33);
    EXPECT_DOUBLE_EQ(grid.south(), 48);
    EXPECT_FLOAT_EQ(grid.at(2, 1), 120);
}

TEST(HeightGrid, CellCentreReturnsItsValue) {
    const geo::HeightGrid grid = smallGrid();
    EXPECT_FLOAT_EQ(grid.sample(30.5, 49.5).value(), 0);
    EXPECT_FLOAT_EQ(grid.sample(31.5, 48.5).value(), 110);
}

TEST(HeightGrid, BilinearInTheMiddleOfFourCentres) {
    const geo::HeightGrid grid = smallGrid();
    EXPECT_FLOAT_EQ(grid.sample(31.0, 49.0).value(), (0 + 10 + 100 + 110) / 4.0f);
    // A quarter of the way east and three quarters south from centre (30.5, 49.5).
    const double expected = 0.75 * 0.25 * 0 + 0.25 * 0.25 * 10 + 0.75 * 0.75 * 100 + 0.25 * 0.75 * 110;
    EXPECT_NEAR(grid.sample(30.75, 48.75).value(), expected, 1e-4);
}

TEST(HeightGrid, WithinHalfACellOfTheEdgeHoldsTheEdgeValue) {
    const geo::HeightGrid grid = smallGrid();
    EXPECT_FLOAT_EQ(grid.sample(30.1, 49.9).value(), 0);
    EXPECT_FLOAT_EQ(grid.sample(33.0, 48.0).value(), 120);
}

TEST(HeightGrid, OutsideTheGridIsNothing) {
    const geo::HeightGrid grid = smallGrid();
    EXPECT_FALSE(grid.sample(29.9, 49));
    EXPECT_FALSE(grid.sample(33.1, 49));
    EXPECT_FALSE(grid.sample(31, 50.1));
    EXPECT_FALSE(grid.sample(31, 47.9));
    EXPECT_FALSE(grid.sample(std::nan(""), 49));
}

TEST(HeightGrid, NodataAmongTheFourSamplesIsNothing) {
    geo::HeightGrid grid = smallGrid();
    grid.metres[1] = kNoData; // (31.5, 49.5)
    EXPECT_FALSE(grid.sample(31.0, 49.0));
    EXPECT_FALSE(grid.sample(31.5, 49.5));
    EXPECT_FALSE(grid.sample(32.0, 49.2));
    // Away from the hole, and on the centre line of cells whose weight does not reach it.
    EXPECT_FLOAT_EQ(grid.sample(32.5, 48.5).value(), 120);
    EXPECT_FLOAT_EQ(grid.sample(30.5, 49.0).value(), 50);
}

TEST(HeightGrid, LongitudeWrapsBy360) {
    const geo::HeightGrid grid = smallGrid();
    EXPECT_FLOAT_EQ(grid.sample(31.0 - 360, 49.0).value(), grid.sample(31.0, 49.0).value());
    EXPECT_FLOAT_EQ(grid.sample(31.0 + 720, 49.0).value(), grid.sample(31.0, 49.0).value());
}

TEST(HeightGrid, GridInZeroTo360AnswersWesternLongitudes) {
    // Like ETOPO5: columns from 0 to 360 east, 90-degree cells, centres at 45, 135, 225, 315.
    const geo::HeightGrid grid = makeGrid(0, 90, 90, 4, 2, {1, 2, 3, 4, 5, 6, 7, 8});
    EXPECT_FLOAT_EQ(grid.sample(-45, 45).value(), 4);   // 315 E
    EXPECT_FLOAT_EQ(grid.sample(-135, -45).value(), 7); // 225 E
    EXPECT_FLOAT_EQ(grid.sample(-90, 45).value(), 3.5f);
}

TEST(HeightGrid, GlobalGridInterpolatesAcrossTheSeam) {
    const geo::HeightGrid grid = makeGrid(-180, 90, 90, 4, 2, {10, 0, 0, 30, 10, 0, 0, 30});
    // The seam at 180 lies halfway between the last column (135) and the first (-135 = 225).
    EXPECT_FLOAT_EQ(grid.sample(180, 45).value(), 20);
    EXPECT_FLOAT_EQ(grid.sample(-180, 45).value(), 20);
    EXPECT_FLOAT_EQ(grid.sample(-157.5, 45).value(), 15);
}

TEST(HeightGrid, EmptyGridIsNothing) {
    EXPECT_FALSE(geo::HeightGrid{}.sample(0, 0));
}

TEST(Terrain, FirstLayerWithDataWins) {
    geo::Terrain terrain;
    EXPECT_TRUE(terrain.empty());
    terrain.addLayer(makeGrid(30, 50, 0.5, 2, 2, {500, kNoData, 500, 500}));          // regional: 30..31 E, 49..50 N
    terrain.addLayer(makeGrid(-180, 90, 90, 4, 2, {10, 10, 10, 10, 20, 20, 20, 20})); // global
    EXPECT_FALSE(terrain.empty());
    ASSERT_EQ(terrain.layers().size(), 2u);
    EXPECT_FLOAT_EQ(terrain.heightAt(30.25, 49.25), 500);
    EXPECT_FLOAT_EQ(terrain.heightAt(30.75, 49.75), 10); // nodata in the regional layer
    EXPECT_FLOAT_EQ(terrain.heightAt(100, 45), 10);      // outside the regional layer
}

TEST(Terrain, SeaLevelWhereNoLayerHasData) {
    geo::Terrain terrain;
    EXPECT_FLOAT_EQ(terrain.heightAt(30, 50), 0);
    terrain.addLayer(makeGrid(30, 50, 1, 1, 1, {42}));
    EXPECT_FLOAT_EQ(terrain.heightAt(35, 50), 0);
}

TEST(Terrain, FinestCellAmongLayersWithData) {
    geo::Terrain terrain;
    EXPECT_DOUBLE_EQ(terrain.finestCellAt(0, 0), 0);
    terrain.addLayer(makeGrid(30, 50, 0.5, 2, 2, {1, kNoData, 1, 1}));
    terrain.addLayer(makeGrid(-180, 90, 90, 4, 2, std::vector<float>(8, 1)));
    EXPECT_DOUBLE_EQ(terrain.finestCellAt(30.25, 49.25), 0.5);
    EXPECT_DOUBLE_EQ(terrain.finestCellAt(30.75, 49.75), 90); // the regional layer has no data there
    EXPECT_DOUBLE_EQ(terrain.finestCellAt(100, 0), 90);
}

TEST(Terrain, FinestCellInATileCountsASmallDemAnywhereInIt) {
    // A 0.4-degree DEM of 3 arc-seconds lies in the south-east of a 2.8-degree tile, away from its middle:
    // the tile's detail is the DEM's, so refinement goes on (it stopped at the base's 1-degree cells before).
    geo::Terrain terrain;
    terrain.addLayer(makeGrid(24.3, 45.7, 1.0 / 1200, 480, 480, std::vector<float>(480 * 480, 700)));
    terrain.addLayer(makeGrid(-180, 90, 1, 360, 180, std::vector<float>(360 * 180, 100)));
    const geo::GeoExtent tile = geo::tileExtent({6, 72, 15}); // 22.5..25.3 E, 45..47.8 N
    EXPECT_DOUBLE_EQ(terrain.finestCellAt(0.5 * (tile.west + tile.east), 0.5 * (tile.south + tile.north)), 1);
    EXPECT_DOUBLE_EQ(terrain.finestCellIn(tile), 1.0 / 1200);
    EXPECT_DOUBLE_EQ(terrain.finestCellIn(geo::tileExtent({6, 71, 15})), 1) << "19.7..22.5 E: the base alone";
    EXPECT_DOUBLE_EQ(geo::Terrain().finestCellIn(tile), 0);
}

} // namespace
