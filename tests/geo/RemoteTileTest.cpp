// Tiles on a remote store: read over /vsicurl/ from an HTTP server on 127.0.0.1 that honours Range requests,
// kept in the disk cache so the second visit asks the server nothing, still answered from the disk while the
// server is gone (a missing tile failing at once with one line), and fetched again once it is back.
#include "Fixtures.h"
#include "RangeServer.h"
#include "geo/TileDiskCache.h"
#include "geo/TileLoader.h"

#include <cpl_vsi.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>

namespace {

using geo::LoadedTile;
using geo::TileContent;
using geo::TileDiskCache;
using geo::TileKey;
using geo::TileLoader;
using geo::TileRequest;
using geo::TileSource;
using geo::test::TempDir;

geo::TileHeights lattice(int size, float value) {
    geo::TileHeights h{size, 1, 2, 0.5, {}};
    h.metres.assign(size_t(size + 2) * (size + 2), value);
    return h;
}

TEST(TileDiskCache, StaysWithinItsBudgetEvictingTheLeastRecentlyUsed) {
    TempDir dir;
    const uint64_t one = 40 + 17 * 17 * 4; // header and samples of a 15-sample lattice
    auto opened = TileDiskCache::open(dir / "cache", one * 5);
    ASSERT_TRUE(opened) << opened.failure().message();
    TileDiskCache& disk = *opened.value();
    const std::string source = "/vsicurl/http://example/dem.tif";
    for (int x = 0; x < 5; ++x) disk.store(source, {9, x, 1}, 15, lattice(15, float(x)));
    EXPECT_EQ(disk.count(), 5u);
    ASSERT_TRUE(disk.load(source, {9, 0, 1}, 15, TileContent::Heights)); // revisited: now the most recent
    for (int x = 5; x < 9; ++x) {
        disk.store(source, {9, x, 1}, 15, lattice(15, float(x)));
        EXPECT_LE(disk.bytes(), disk.budget());
    }
    EXPECT_EQ(disk.count(), 5u);
    EXPECT_TRUE(disk.load(source, {9, 0, 1}, 15, TileContent::Heights)) << "kept: it was used since";
    EXPECT_FALSE(disk.load(source, {9, 1, 1}, 15, TileContent::Heights)) << "the least recently used goes first";
    EXPECT_FALSE(disk.load(source, {9, 0, 1}, 17, TileContent::Heights)) << "another size is another tile";
    EXPECT_FALSE(disk.load("/vsicurl/http://example/other.tif", {9, 0, 1}, 15, TileContent::Heights));
    size_t files = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir / "cache"))
        if (entry.is_regular_file()) {
            ++files;
            EXPECT_EQ(entry.path().extension(), ".tile") << "no temp file left: " << entry.path();
        }
    EXPECT_EQ(files, 5u);

    // A later run finds them; a damaged file counts as absent and goes.
    auto again = TileDiskCache::open(dir / "cache", one * 5);
    ASSERT_TRUE(again);
    EXPECT_EQ(again.value()->count(), 5u);
    auto tile = again.value()->load(source, {9, 8, 1}, 15, TileContent::Heights);
    ASSERT_TRUE(tile);
    EXPECT_EQ(std::get<geo::TileHeights>(*tile).metres, lattice(15, 8.0f).metres);
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir / "cache"))
        if (entry.path().filename().string().starts_with("9-7-1-")) std::filesystem::resize_file(entry.path(), 30);
    EXPECT_FALSE(again.value()->load(source, {9, 7, 1}, 15, TileContent::Heights));
    EXPECT_EQ(again.value()->count(), 4u);

    geo::test::writeText(dir / "file", "x");
    auto notFolder = TileDiskCache::open(dir / "file", one);
    ASSERT_FALSE(notFolder);
    EXPECT_EQ(notFolder.failure().where, (dir / "file").string());
}

void writeDem(const std::filesystem::path& path) {
    const int side = 512;
    geo::test::RasterSpec spec{side, side, {20.0, 4.0 / side, 0, 48.0, 0, -4.0 / side}};
    for (int j = 0; j < side; ++j)
        for (int i = 0; i < side; ++i) spec.values.push_back(float(3 * i - 2 * j + (i * j) % 11));
    geo::test::writeGeoTiff(path, spec);
}

std::vector<TileRequest> requestsAt(int level) {
    std::vector<TileRequest> requests;
    const double size = 180.0 / std::ldexp(1.0, level);
    for (int x = int(200.0 / size); x <= int(203.9 / size); ++x)
        for (int y = int(42.1 / size); y <= int(45.9 / size); ++y)
            requests.push_back({{0, {level, x, y}}, 33, geo::tilePriority(true, level, 0)});
    return requests;
}

std::vector<LoadedTile> drain(TileLoader& loader) {
    std::vector<LoadedTile> all;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline && (loader.queued() > 0 || loader.loading() > 0)) {
        loader.waitForFinished(std::chrono::milliseconds(50));
        for (LoadedTile& t : loader.takeFinished()) all.push_back(std::move(t));
    }
    for (LoadedTile& t : loader.takeFinished()) all.push_back(std::move(t));
    return all;
}

//! Every tile arrived with the heights a local read of the same file gives.
void expectLocalHeights(const std::vector<LoadedTile>& loaded, size_t count,
                        const std::shared_ptr<const TileSource>& local) {
    ASSERT_EQ(loaded.size(), count);
    geo::TileReader reader(local);
    for (const LoadedTile& tile : loaded) {
        ASSERT_TRUE(tile.data) << tile.failure->message();
        const auto expected = reader.heights(tile.tile.key, tile.size);
        ASSERT_TRUE(expected);
        const auto& got = std::get<geo::TileHeights>(*tile.data).metres;
        for (size_t k = 0; k < got.size(); ++k) {
            if (std::isnan(expected.value().metres[k])) {
                ASSERT_TRUE(std::isnan(got[k]));
            } else {
                ASSERT_EQ(got[k], expected.value().metres[k]);
            }
        }
    }
}

TEST(RemoteTiles, TheSecondVisitAsksTheServerNothing) {
    TempDir dir;
    std::filesystem::create_directories(dir / "www");
    writeDem(dir / "www" / "dem.tif");
    geo::test::RangeServer server(dir / "www", dir / "requests.log");
    auto remote = TileSource::open(server.url("dem.tif"), TileContent::Heights);
    ASSERT_TRUE(remote) << remote.failure().message();
    auto local = TileSource::open((dir / "www" / "dem.tif").string(), TileContent::Heights);
    ASSERT_TRUE(local);
    EXPECT_DOUBLE_EQ(remote.value()->extent().west, 20.0);
    auto disk = TileDiskCache::open(dir / "cache", 64u << 20);
    ASSERT_TRUE(disk);
    std::vector<TileRequest> requests = requestsAt(7);
    for (const TileRequest& r : requestsAt(8)) requests.push_back(r);
    {
        TileLoader first({remote.value()}, 2, disk.value());
        first.request(requests);
        expectLocalHeights(drain(first), requests.size(), local.value());
    }
    EXPECT_EQ(disk.value()->count(), requests.size());
    const int fetched = server.requests();
    EXPECT_GT(fetched, 0);
    TileLoader second({remote.value()}, 2, disk.value());
    second.request(requests);
    expectLocalHeights(drain(second), requests.size(), local.value());
    EXPECT_EQ(server.requests(), fetched) << "the second visit reads the disk cache only";
}

TEST(RemoteTiles, WhileTheServerIsGoneCachedTilesAnswerAndMissingOnesFailAtOnce) {
    TempDir dir;
    std::filesystem::create_directories(dir / "www");
    writeDem(dir / "www" / "dem.tif");
    geo::test::RangeServer server(dir / "www", dir / "requests.log");
    const std::string url = server.url("dem.tif");
    auto remote = TileSource::open(url, TileContent::Heights);
    ASSERT_TRUE(remote) << remote.failure().message();
    auto local = TileSource::open((dir / "www" / "dem.tif").string(), TileContent::Heights);
    auto disk = TileDiskCache::open(dir / "cache", 64u << 20);
    ASSERT_TRUE(local && disk);
    TileLoader loader({remote.value()}, 2, disk.value());
    std::vector<TileRequest> seen; // the north-west corner only: the GDAL handle reads no other strips
    for (const TileRequest& r : requestsAt(9))
        if (geo::tileExtent(r.tile.key).north > 47.5 && geo::tileExtent(r.tile.key).west < 20.8) seen.push_back(r);
    ASSERT_GE(seen.size(), 4u);
    loader.request(seen);
    expectLocalHeights(drain(loader), seen.size(), local.value());

    server.stop();
    VSICurlClearCache(); // nothing fetched before stays in memory: only the disk can answer now
    loader.request(seen);
    expectLocalHeights(drain(loader), seen.size(), local.value());

    const TileRequest unseen{{0, {10, 1157, 258}}, 33, 0}; // 23.38..23.55 E, 44.47..44.65 N: never fetched
    const auto before = std::chrono::steady_clock::now();
    loader.request(unseen);
    std::vector<LoadedTile> failed = drain(loader);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - before).count();
    ASSERT_EQ(failed.size(), 1u);
    EXPECT_FALSE(failed[0].data);
    ASSERT_TRUE(failed[0].failure);
    EXPECT_EQ(failed[0].failure->message(),
              url + ": cannot fetch tile 10/1157/258 (the server did not answer, or answered short)");
    EXPECT_EQ(failed[0].failure->message().find('\n'), std::string::npos);
    EXPECT_LT(seconds, 10.0) << "a refused connection fails at once";
    std::cout << "server gone: " << failed[0].failure->message() << " (" << seconds << " s)\n";

    auto unreachable = TileSource::open(url, TileContent::Heights); // opening it now fails, naming it
    ASSERT_FALSE(unreachable);
    EXPECT_EQ(unreachable.failure().message(),
              url + ": cannot be fetched (no answer from the server, or no such file there)");

    server.start();
    loader.request(unseen);
    expectLocalHeights(drain(loader), 1, local.value());
}

} // namespace
