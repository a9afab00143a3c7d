// Clustering of military symbols (pure, geo/): what each level draws covers every site once, items
// drawn together keep their spacing, counts and dominant nations add up, and scenarios share items.
#include "geo/SymbolClusters.h"

#include <cmath>
#include <gtest/gtest.h>
#include <map>
#include <random>

namespace geo {
namespace {

double metresApart(const glm::dvec2& a, const glm::dvec2& b) { // sinusoidal, as the clustering measures
    const double r = 6371008.8, la = glm::radians(a.y), lb = glm::radians(b.y);
    return std::hypot(r * (glm::radians(a.x) * std::cos(la) - glm::radians(b.x) * std::cos(lb)), r * (la - lb));
}

std::vector<SymbolSite> randomSites(size_t n, unsigned seed) {
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> lon(22, 40), lat(44, 52);
    std::vector<SymbolSite> sites;
    for (size_t i = 0; i < n; ++i)
        sites.push_back({{lon(random), lat(random)},
                         i % 3 == 0 ? 1u : 3u,
                         std::uint16_t(random() % 5),
                         std::uint8_t(random() % 2 ? 3 : 6)});
    return sites;
}

TEST(SymbolClusters, EachLevelDrawsEverySiteOnceWithItsSpacing) {
    const std::vector<SymbolSite> sites = randomSites(1500, 7);
    const std::vector<ClusterItem> items = buildClusters(sites, 2);
    for (std::uint32_t bit : {1u, 2u}) {
        size_t inScenario = 0;
        for (const SymbolSite& s : sites) inScenario += (s.scenarioMask & bit) != 0;
        for (int level = 0; level <= kClusterLevels; ++level) {
            std::vector<const ClusterItem*> drawn;
            size_t covered = 0;
            for (const ClusterItem& item : items)
                if ((item.scenarioMask & bit) && item.drawnAt(level)) {
                    drawn.push_back(&item);
                    covered += item.count;
                }
            ASSERT_EQ(covered, inScenario) << "level " << level << " bit " << bit;
            if (level == kClusterLevels) {
                EXPECT_EQ(drawn.size(), inScenario); // the closest view shows every site
                continue;
            }
            for (size_t i = 0; i < drawn.size(); ++i)
                for (size_t j = i + 1; j < drawn.size(); ++j)
                    ASSERT_GT(metresApart(drawn[i]->lonLat, drawn[j]->lonLat), clusterRadius(level))
                        << "level " << level;
        }
    }
}

TEST(SymbolClusters, CountAndDominantNationOfOneGroup) {
    // Four units within 3 km of Kyiv, two French, one British, one Polish; one unit 300 km away.
    std::vector<SymbolSite> sites{{{30.50, 50.45}, 1, 2, 3},
                                  {{30.52, 50.46}, 1, 1, 3},
                                  {{30.53, 50.44}, 1, 2, 3},
                                  {{30.49, 50.43}, 1, 4, 6},
                                  {{34.55, 50.45}, 1, 1, 3}};
    const std::vector<ClusterItem> items = buildClusters(sites, 1);
    // From afar (level 7: spacing 8 km) the four are one symbol; the fifth stands alone.
    std::vector<ClusterItem> level7;
    for (const ClusterItem& i : items)
        if (i.drawnAt(7)) level7.push_back(i);
    ASSERT_EQ(level7.size(), 2u);
    const ClusterItem& group = level7[0].count == 4 ? level7[0] : level7[1];
    EXPECT_EQ(group.count, 4u);
    EXPECT_EQ(group.site, -1);
    EXPECT_EQ(group.nation, 2);               // France leads two of the four
    EXPECT_EQ(group.identity, 3);             // friend
    EXPECT_EQ(group.lonLat, sites[0].lonLat); // it stands at its first site
    // Close up (level 12: 250 m) every unit is its own symbol.
    size_t lone = 0;
    for (const ClusterItem& i : items) lone += i.drawnAt(12) && i.site >= 0;
    EXPECT_EQ(lone, 5u);
    // Splitting as the view comes closer: the level never falls as the distance does.
    int previous = -1;
    for (double km : {5000.0, 2000.0, 800.0, 300.0, 100.0, 30.0, 10.0, 3.0, 1.0}) {
        const int level = clusterLevel(float(km * 1000), 1000.0f, 48.0f);
        EXPECT_GE(level, previous) << km;
        previous = level;
    }
    EXPECT_EQ(clusterLevel(1e9f, 1000.0f, 48.0f), 0);
    EXPECT_EQ(clusterLevel(10.0f, 1000.0f, 48.0f), kClusterLevels);
}

TEST(SymbolClusters, ScenariosDrawingAlikeShareItems) {
    std::vector<SymbolSite> sites{{{5.0, 45.0}, 3, 0, 3}, {{30.5, 50.4}, 3, 1, 3}, {{30.51, 50.41}, 2, 1, 3}};
    const std::vector<ClusterItem> items = buildClusters(sites, 2);
    // The site in France is alone at every level in both scenarios: one item, both bits.
    size_t france = 0;
    for (const ClusterItem& i : items)
        if (i.site == 0) {
            ++france;
            EXPECT_EQ(i.scenarioMask, 3u);
            EXPECT_EQ(i.minLevel, 0);
            EXPECT_EQ(i.maxLevel, kClusterLevels);
        }
    EXPECT_EQ(france, 1u);
    // The Kyiv site is alone only in scenario 0; in scenario 1 it joins its neighbour from afar.
    for (const ClusterItem& i : items) {
        if (i.site == 1 && i.minLevel == 0) {
            EXPECT_EQ(i.scenarioMask, 1u);
        }
    }
}

TEST(SymbolClusters, AtItsSplitDistanceAClusterShowsItsMembers) {
    // A click on a cluster flies to splitDistance(): there the view's level shows more than one item
    // where the cluster stood, together holding all its units.
    const std::vector<SymbolSite> sites = randomSites(800, 11);
    const std::vector<ClusterItem> items = buildClusters(sites, 2);
    const double pixelsPerRadian = 720.0 / (2.0 * std::tan(glm::radians(20.0))), separation = 48.0;
    size_t clusters = 0;
    for (const ClusterItem& c : items) {
        if (c.site >= 0) continue;
        ++clusters;
        const double d = splitDistance(c, pixelsPerRadian, separation);
        const int level = clusterLevel(float(d), float(pixelsPerRadian), float(separation));
        ASSERT_GT(level, c.maxLevel);
        // Nearer than where it splits, the same holds (the fly eases in from farther away).
        EXPECT_GT(clusterLevel(float(d * 0.5), float(pixelsPerRadian), float(separation)), c.maxLevel);
        size_t groups = 0;
        std::uint32_t units = 0;
        const std::uint32_t bit = c.scenarioMask & (~c.scenarioMask + 1); // its lowest scenario
        for (const ClusterItem& item : items)
            if ((item.scenarioMask & bit) && item.drawnAt(level) &&
                metresApart(item.lonLat, c.lonLat) <= clusterRadius(c.maxLevel)) {
                ++groups;
                units += item.count;
            }
        EXPECT_GT(groups, 1u) << "cluster of " << c.count << " at level " << c.maxLevel;
        EXPECT_GE(units, c.count);
    }
    EXPECT_GT(clusters, 20u);
}

} // namespace
} // namespace geo
