#include "geo/TileCache.h"

#include <gtest/gtest.h>

namespace {

using geo::SourceTileKey;
using geo::TileCache;
using geo::TileData;

std::shared_ptr<const TileData> heights(int size) {
    geo::TileHeights h;
    h.size = size;
    h.metres.assign(size_t(size + 2) * (size + 2), 1.0f);
    return std::make_shared<const TileData>(std::move(h));
}

SourceTileKey key(int x) {
    return {0, {10, x, 3}};
}

TEST(TileCache, NeverHoldsMoreThanItsBudget) {
    const size_t one = geo::tileBytes(*heights(63));
    TileCache cache(one * 5 + one / 2);
    for (int x = 0; x < 40; ++x) {
        cache.put(key(x), heights(63));
        EXPECT_LE(cache.bytes(), cache.budget());
    }
    EXPECT_EQ(cache.count(), 5u);
    EXPECT_EQ(cache.bytes(), one * 5);
    EXPECT_EQ(cache.evictions(), 35u);
    cache.put(key(99), heights(255)); // larger than the whole budget: not kept, nothing evicted for it
    EXPECT_FALSE(cache.contains(key(99)));
    EXPECT_EQ(cache.count(), 5u);
}

TEST(TileCache, EvictsTheLeastRecentlyUsedAndKeepsWhatWasRevisited) {
    const size_t one = geo::tileBytes(*heights(15));
    TileCache cache(one * 3);
    cache.put(key(1), heights(15));
    cache.put(key(2), heights(15));
    cache.put(key(3), heights(15));
    ASSERT_TRUE(cache.find(key(1))); // revisited: now the most recent; 2 is the least
    cache.put(key(4), heights(15));
    EXPECT_TRUE(cache.contains(key(1)));
    EXPECT_FALSE(cache.contains(key(2)));
    EXPECT_TRUE(cache.contains(key(3)));
    EXPECT_TRUE(cache.contains(key(4)));
    cache.put(key(5), heights(15));
    EXPECT_FALSE(cache.contains(key(3)));
    EXPECT_TRUE(cache.find(key(1))) << "a hit after the revisit";
    EXPECT_EQ(cache.find(key(2)), nullptr);
}

TEST(TileCache, SourcesAreKeptApartAndATileOutlivesItsEviction) {
    const size_t one = geo::tileBytes(*heights(15));
    TileCache cache(one * 2);
    cache.put({0, {5, 1, 1}}, heights(15));
    cache.put({1, {5, 1, 1}}, heights(15));
    EXPECT_EQ(cache.count(), 2u);
    std::shared_ptr<const TileData> held = cache.find({0, {5, 1, 1}});
    cache.put({2, {5, 1, 1}}, heights(15));
    cache.put({3, {5, 1, 1}}, heights(15));
    EXPECT_FALSE(cache.contains({0, {5, 1, 1}}));
    ASSERT_TRUE(held);
    EXPECT_EQ(std::get<geo::TileHeights>(*held).size, 15) << "whoever holds a tile keeps it alive";
}

} // namespace
