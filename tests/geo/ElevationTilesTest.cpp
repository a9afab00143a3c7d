// Terrain from tile sources: stacked finest first, heights answered from what is resident (coarser levels
// while finer ones load, never a wait), refinement as deep as the data wherever it lies, failures per tile.
#include "geo/ElevationTiles.h"
#include "Fixtures.h"

#include <gtest/gtest.h>

#include <cmath>
#include <thread>

namespace {

using geo::ElevationTiles;
using geo::TileContent;
using geo::TileKey;
using geo::TileSource;
using geo::test::RasterSpec;
using geo::test::TempDir;

std::shared_ptr<const TileSource> constantDem(const std::filesystem::path& path, double west, double north, double span,
                                              int side, float metres) {
    RasterSpec spec{side, side, {west, span / side, 0, north, 0, -span / side}};
    spec.values.assign(size_t(side) * side, metres);
    geo::test::writeGeoTiff(path, spec);
    auto source = TileSource::open(path.string(), TileContent::Heights);
    if (!source) throw std::runtime_error(source.failure().message());
    return source.value();
}

struct Sources {
    TempDir dir;
    // A 0.4 x 0.4 degree DEM of 3 arc-seconds (480 cells) at 700 m over a 10 x 10 degree base at 200 m.
    std::shared_ptr<const TileSource> small = constantDem(dir / "small.tif", 24.3, 45.7, 0.4, 480, 700);
    std::shared_ptr<const TileSource> base = constantDem(dir / "base.tif", 20, 50, 10, 100, 200);
};

TEST(ElevationTiles, StacksTheFinerSourceOverTheCoarserAndSeaLevelWhereNoneHasData) {
    Sources s;
    ElevationTiles terrain({s.small, s.base});
    const TileKey key{6, 72, 15}; // 22.5..25.3 E, 45..47.8 N: holds the small DEM, inside the base
    auto stacked = terrain.wait(key);
    ASSERT_TRUE(stacked) << stacked.failure().message();
    const geo::TileHeights& h = *stacked.value();
    auto at = [&](double lon, double lat) {
        return h.at(int(std::lround((lon - h.west) / h.step)), int(std::lround((h.north - lat) / h.step)));
    };
    EXPECT_FLOAT_EQ(at(24.5, 45.5), 700);
    EXPECT_FLOAT_EQ(at(23.0, 46.5), 200);
    auto sea = terrain.wait({6, 40, 15}); // 67.5..70.3 W: no source there
    ASSERT_TRUE(sea);
    EXPECT_FLOAT_EQ(sea.value()->at(10, 10), 0);
}

TEST(ElevationTiles, HeightsComeFromWhatIsResidentAndNeverWait) {
    Sources s;
    ElevationTiles terrain({s.small, s.base});
    EXPECT_EQ(terrain.heightAt(24.5, 45.5), 0) << "nothing resident yet: sea level, and no read";
    EXPECT_EQ(terrain.stats().queued + terrain.stats().loading, 0u) << "heightAt asks for nothing";
    ASSERT_TRUE(terrain.wait({2, 4, 0})); // 0..45 E, 45..90 N: samples 0.18 degrees apart
    EXPECT_NEAR(terrain.heightAt(21.0, 48.0), 200, 0.5);
    const float blurred = terrain.heightAt(24.72, 45.5); // just east of the small DEM: level 2 blurs its edge
    EXPECT_GT(blurred, 250);
    EXPECT_LT(blurred, 650);
    ASSERT_TRUE(terrain.wait({9, 582, 126})); // 24.61..24.96 E, 45.35..45.70 N
    EXPECT_NEAR(terrain.heightAt(24.72, 45.5), 200, 0.5) << "the finest resident level answers";
    EXPECT_NEAR(terrain.heightAt(24.65, 45.5), 700, 0.5);
    EXPECT_NEAR(terrain.heightAt(21.0, 48.0), 200, 0.5) << "elsewhere the coarser level still does";
    const auto stats = terrain.stats();
    EXPECT_EQ(stats.resident, 2u) << "two stacked tiles: the sources' own tiles are folded into them";
    EXPECT_LE(stats.cacheBytes, stats.cacheBudget);
}

TEST(ElevationTiles, RefinementGoesAsDeepAsTheDataWhereverItLiesInTheTile) {
    // The small DEM lies off the middle of every tile that holds it: refinement still reaches its resolution.
    Sources s;
    ElevationTiles terrain({s.small, s.base});
    EXPECT_EQ(s.small->finestLevel(256), 10);
    EXPECT_EQ(terrain.finestLevel({2, 4, 0}), 10);
    EXPECT_EQ(terrain.finestLevel({6, 72, 15}), 10);
    EXPECT_EQ(terrain.finestLevel({6, 71, 15}), s.base->finestLevel(256)) << "19.7..22.5 E: the base alone";
    EXPECT_EQ(terrain.finestLevel({6, 40, 15}), 0) << "no data: nothing to refine";
}

TEST(ElevationTiles, ASourceThatFailsFallsBackToTheCoarserOnesAndAStillFails) {
    Sources s;
    auto broken = constantDem(s.dir / "broken.tif", 24.3, 45.7, 0.4, 480, 900);
    std::filesystem::remove(s.dir / "broken.tif");
    ElevationTiles terrain({broken, s.base}, {.retryAfter = std::chrono::milliseconds(60000)});
    const TileKey key{9, 582, 126}; // holds part of the broken source
    auto still = terrain.wait(key);
    ASSERT_FALSE(still);
    EXPECT_EQ(still.failure().message(), (s.dir / "broken.tif").string() + ": file not found");
    // The viewer draws the base where the finer source failed, once the base's tile is in.
    std::shared_ptr<const geo::TileHeights> viewer;
    for (int frame = 0; frame < 500 && !viewer; ++frame) {
        terrain.update();
        viewer = terrain.tile(key, 0);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ASSERT_TRUE(viewer);
    EXPECT_FLOAT_EQ(viewer->at(50, 100), 200) << "24.68 E, 45.57 N: where the broken source would be";
}

} // namespace
