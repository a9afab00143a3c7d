// The loader's threads: every tile arrives once with what a single reader reads, the best priority first,
// cancelled tiles never arrive, and a source that breaks fails per tile with its file's name.
#include "geo/TileLoader.h"
#include "Fixtures.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace {

using geo::LoadedTile;
using geo::TileContent;
using geo::TileKey;
using geo::TileLoader;
using geo::TileRequest;
using geo::TileSource;
using geo::test::RasterSpec;
using geo::test::TempDir;

std::shared_ptr<const TileSource> writeSource(const std::filesystem::path& path) {
    const int side = 256;
    RasterSpec spec{side, side, {20.0, 4.0 / side, 0, 48.0, 0, -4.0 / side}};
    for (int j = 0; j < side; ++j)
        for (int i = 0; i < side; ++i) spec.values.push_back(float(10 * i - 3 * j + (i * j) % 7));
    geo::test::writeGeoTiff(path, spec);
    auto source = TileSource::open(path.string(), TileContent::Heights);
    if (!source) throw std::runtime_error(source.failure().message());
    return source.value();
}

//! The keys of `level` whose tiles overlap 20..24 E, 44..48 N.
std::vector<TileKey> keysOver(int level) {
    std::vector<TileKey> keys;
    const double size = 180.0 / std::ldexp(1.0, level);
    for (int x = int(200.0 / size); x <= int(204.0 / size); ++x)
        for (int y = int(42.0 / size); y <= int(46.0 / size); ++y) keys.push_back({level, x, y});
    return keys;
}

//! Everything the loader hands over until nothing is pending (10 s at most).
std::vector<LoadedTile> drain(TileLoader& loader) {
    std::vector<LoadedTile> all;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
        loader.waitForFinished(std::chrono::milliseconds(50));
        for (LoadedTile& t : loader.takeFinished()) all.push_back(std::move(t));
        if (loader.queued() == 0 && loader.loading() == 0) break;
    }
    for (LoadedTile& t : loader.takeFinished()) all.push_back(std::move(t));
    return all;
}

TEST(TileLoader, EveryTileArrivesOnceWithWhatOneReaderReads) {
    TempDir dir;
    auto source = writeSource(dir / "dem.tif");
    std::vector<TileRequest> requests;
    for (int level = 5; level <= 9; ++level)
        for (const TileKey& key : keysOver(level))
            requests.push_back({{0, key}, 33, geo::tilePriority(true, level, 0)});
    ASSERT_GT(requests.size(), 60u);
    TileLoader loader({source}, 4);
    loader.request(requests);
    std::vector<LoadedTile> loaded = drain(loader);
    ASSERT_EQ(loaded.size(), requests.size());
    geo::TileReader reader(source);
    for (const LoadedTile& tile : loaded) {
        ASSERT_FALSE(tile.failure) << tile.failure->message();
        ASSERT_TRUE(tile.data);
        const auto& heights = std::get<geo::TileHeights>(*tile.data);
        const auto expected = reader.heights(tile.tile.key, 33);
        ASSERT_TRUE(expected);
        ASSERT_EQ(heights.metres.size(), expected.value().metres.size());
        for (size_t k = 0; k < heights.metres.size(); ++k) {
            if (!std::isnan(expected.value().metres[k])) {
                ASSERT_EQ(heights.metres[k], expected.value().metres[k]);
            }
        }
    }
}

TEST(TileLoader, VisibleAndCoarseTilesLoadFirst) {
    TempDir dir;
    auto source = writeSource(dir / "dem.tif");
    std::vector<TileRequest> requests;
    for (int level = 9; level >= 4; --level)
        for (const TileKey& key : keysOver(level)) {
            const bool visible = (key.x + key.y) % 2 == 0;
            requests.push_back({{0, key}, 17, geo::tilePriority(visible, level, 0.5)});
        }
    TileLoader loader({source}, 1); // one worker: tiles finish in the order they start
    loader.request(requests);       // all at once, so the worker starts with the best
    std::vector<double> order;
    for (const LoadedTile& tile : drain(loader)) {
        const auto found =
            std::find_if(requests.begin(), requests.end(), [&](const TileRequest& r) { return r.tile == tile.tile; });
        order.push_back(found->priority);
    }
    ASSERT_EQ(order.size(), requests.size());
    EXPECT_TRUE(std::is_sorted(order.begin(), order.end()));
    EXPECT_LT(order.front(), 1e6) << "a visible tile first";
}

TEST(TileLoader, CancelledTilesNeverArrive) {
    TempDir dir;
    auto source = writeSource(dir / "dem.tif");
    std::vector<TileRequest> requests;
    for (const TileKey& key : keysOver(9)) requests.push_back({{0, key}, 129, geo::tilePriority(true, 9, 0)});
    const TileRequest last{{0, {12, 2300, 600}}, 129, geo::tilePriority(false, 12, 1)};
    requests.push_back(last);
    TileLoader loader({source}, 1);
    loader.request(requests);
    loader.cancel(last.tile);
    EXPECT_FALSE(loader.pending(last.tile));
    std::vector<LoadedTile> loaded = drain(loader);
    EXPECT_EQ(loaded.size(), requests.size() - 1);
    for (const LoadedTile& tile : loaded) EXPECT_FALSE(tile.tile == last.tile);

    loader.request(requests);
    loader.cancelAllQueued();
    EXPECT_LE(drain(loader).size(), 1u) << "at most the tile already being read";
}

TEST(TileLoader, ASourceThatBreaksFailsPerTileNamingItsFile) {
    TempDir dir;
    auto source = writeSource(dir / "dem.tif");
    std::filesystem::remove(dir / "dem.tif"); // gone after it was opened: each worker's own open fails
    TileLoader loader({source}, 2);
    loader.request({{0, keysOver(8).front()}, 17, 0});
    std::vector<LoadedTile> loaded = drain(loader);
    ASSERT_EQ(loaded.size(), 1u);
    EXPECT_FALSE(loaded[0].data);
    ASSERT_TRUE(loaded[0].failure);
    EXPECT_EQ(loaded[0].failure->message(), (dir / "dem.tif").string() + ": file not found");
}

} // namespace
