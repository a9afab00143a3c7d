// The streamed terrain every reader shares: heights from resident tiles after a preload at the data's own
// resolution, a still's wait naming the file that failed, and heights read on another thread while the frame
// thread loads and evicts (CoverageWorker's case; scripts/tsan-geo runs these under ThreadSanitizer).
#include "geo/Terrain.h"
#include "Fixtures.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <filesystem>
#include <thread>

namespace {

using geo::TileKey;
using geo::test::RasterSpec;
using geo::test::TempDir;

//! A DEM over `west`..`west + span`, `north - span`..`north` whose height is `metres` plus a slope east.
void writeDem(const std::filesystem::path& path, double west, double north, double span, int side, float metres) {
    RasterSpec spec{side, side, {west, span / side, 0, north, 0, -span / side}};
    for (int j = 0; j < side; ++j)
        for (int i = 0; i < side; ++i) spec.values.push_back(metres + float(i));
    geo::test::writeGeoTiff(path, spec);
}

TileKey keyAt(int level, double lon, double lat) {
    const double size = 180.0 / std::ldexp(1.0, level);
    return {level, int((lon + 180) / size), int((90 - lat) / size)};
}

geo::Terrain openTerrain(const TempDir& dir, size_t cacheBytes = size_t(64) << 20) {
    writeDem(dir / "small.tif", 24.0, 46.0, 0.5, 600, 700); // 3 arc-seconds
    writeDem(dir / "base.tif", 20, 50, 10, 100, 200);
    auto terrain = geo::Terrain::open({(dir / "small.tif").string(), (dir / "base.tif").string()},
                                      {.cacheBytes = cacheBytes, .threads = 2});
    if (!terrain) throw std::runtime_error(terrain.failure().message());
    return std::move(terrain).value();
}

TEST(Terrain, StreamedHeightsAreResidentAfterThePreloadAndMatchTheFile) {
    TempDir dir;
    const geo::Terrain terrain = openTerrain(dir);
    EXPECT_TRUE(terrain.streamed());
    EXPECT_EQ(terrain.heightAt(24.25, 45.75), 0) << "nothing read before the preload";
    ASSERT_FALSE(terrain.preload());
    // Cell (i, j) of small.tif holds 700 + i; its centre is at 24 + (i + 0.5) / 1200.
    EXPECT_NEAR(terrain.heightAt(24.0 + 300.5 / 1200, 45.75), 1000, 8) << "a level near the data's own";
    EXPECT_NEAR(terrain.heightAt(21.0 + 0.05, 48.0), 210, 2) << "the base where the small DEM is not";
    EXPECT_NEAR(terrain.finestCellAt(24.25, 45.75), 1.0 / 1200, 1e-9);
    EXPECT_EQ(terrain.firstSource(), (dir / "small.tif").string());
    EXPECT_TRUE(terrain.firstCovers(24.25, 45.75));
    EXPECT_FALSE(terrain.firstCovers(21, 48));
    // A still at full resolution: the data's own level is exact to the lattice's bilinear.
    const int finest = terrain.finestLevel({6, 72, 15});
    EXPECT_EQ(finest, 10);
    const double lon = 24.0 + 123.5 / 1200, lat = 45.7;
    const float scene = terrain.heightAt(lon, lat);
    ASSERT_TRUE(terrain.wait(keyAt(finest, lon, lat)));
    EXPECT_NEAR(terrain.groundHeightAt(lon, lat), 823, 0.6) << "the ground: the finest resident";
    // What the scene stands on stays the preload's, whatever else became resident: two stills made one after the
    // other in one process (a poster's tiles, a video's frames) put labels, lines and symbols at the same heights.
    EXPECT_EQ(terrain.heightAt(lon, lat), scene);
}

TEST(Terrain, AStillFailsNamingTheFileAndTheTile) {
    TempDir dir;
    const geo::Terrain terrain = openTerrain(dir);
    // The file is truncated after it was opened: the next read fails, and says where.
    std::filesystem::resize_file(dir / "small.tif", 600);
    auto heights = terrain.wait(keyAt(8, 24.2, 45.8));
    ASSERT_FALSE(heights);
    EXPECT_NE(heights.failure().message().find("small.tif"), std::string::npos) << heights.failure().message();
}

TEST(Terrain, HeightsAreReadSafelyOnAnotherThreadWhileTilesLoadAndEvict) {
    TempDir dir;
    const geo::Terrain terrain = openTerrain(dir, size_t(3) << 20); // about ten tiles: evictions all along
    std::atomic<bool> stop{false};
    std::atomic<long> reads{0};
    std::thread reader([&] { // as CoverageWorker does, while the viewer's frame loads tiles
        double sum = 0;
        while (!stop) {
            for (int k = 0; k < 200; ++k) sum += terrain.heightAt(24.0 + 0.0025 * k, 45.6 + 0.001 * k);
            ++reads;
        }
        EXPECT_TRUE(std::isfinite(sum));
    });
    for (int level = 4; level <= 10; ++level) {
        const TileKey key = keyAt(level, 24.2, 45.8);
        for (int tries = 0; !terrain.tile(key, 0) && tries < 2000; ++tries) {
            terrain.update();
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        for (int x = -1; x <= 1; ++x) terrain.tile({level, key.x + x, key.y}, 1); // more to load and evict
    }
    while (reads < 20) std::this_thread::yield();
    stop = true;
    reader.join();
    EXPECT_LE(terrain.tiles()->stats().cacheBytes, terrain.tiles()->stats().cacheBudget);
    EXPECT_NEAR(terrain.heightAt(24.0 + 240.5 / 1200, 45.8), 940, 8) << "the finest resident level answers";
}

} // namespace
