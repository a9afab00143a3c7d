// The nearest point of a line, against a brute-force reference that walks every geodesic in small steps;
// and the prepared polygons the rules test sites against.
#include "geo/LineIndex.h"
#include "LineReference.h"
#include "geo/Ellipsoid.h"
#include "geo/Spatial.h"

#include <cmath>
#include <gtest/gtest.h>
#include <random>

namespace geo {
namespace {

double metres(glm::dvec2 a, glm::dvec2 b) {
    return geodesicDistance(a.x, a.y, b.x, b.y);
}

//! A zigzag over eastern Ukraine: segments of 15 to 110 km, some sharp turns.
const std::vector<glm::dvec2> kZigzag{{36.90, 50.37}, {37.40, 49.80}, {37.55, 49.10}, {38.30, 48.90}, {37.80, 48.40},
                                      {37.60, 47.80}, {36.20, 47.50}, {35.10, 47.45}, {34.95, 47.30}, {33.60, 46.90}};

TEST(LineIndex, AgreesWithADenseBruteForceReference) {
    std::mt19937 random(12);
    std::uniform_real_distribution<double> lon(32.0, 40.0), lat(45.5, 51.5);
    const LineIndex index(kZigzag);
    for (int n = 0; n < 25; ++n) {
        const glm::dvec2 p{lon(random), lat(random)};
        const NearestOnLine reference = test::walkLine(p, kZigzag, 20.0);
        const auto near = index.nearest(p);
        ASSERT_TRUE(near);
        EXPECT_NEAR(near->distanceM, reference.distanceM, 10.0) << p.x << "," << p.y;
        // Exact: never farther than a point the reference found on the line, to a millimetre.
        EXPECT_LE(near->distanceM, reference.distanceM + 1e-3);
        EXPECT_NEAR(metres(p, near->nearest), near->distanceM, 1e-6);
        EXPECT_LT(metres(near->nearest, reference.nearest), 30.0) << p.x << "," << p.y;
        EXPECT_EQ(nearestOnLine(p, kZigzag).distanceM, near->distanceM);
    }
}

TEST(LineIndex, TheNearestPointLiesOnTheLine) {
    // On a vertex, mid-way along a segment, and past an end (the end is then nearest).
    const LineIndex index(kZigzag);
    EXPECT_NEAR(index.nearest(kZigzag[3])->distanceM, 0.0, 1e-6);
    const NearestOnLine onLine = test::walkLine(glm::dvec2{37.0, 47.6}, kZigzag, 5.0);
    const auto near = index.nearest(onLine.nearest);
    EXPECT_LT(near->distanceM, 0.01);
    const auto beyond = index.nearest({36.5, 51.2});
    EXPECT_EQ(beyond->segment, 0u);
    EXPECT_LT(metres(beyond->nearest, kZigzag.front()), 1e-6);
    // Every point of the answer is on the geodesic of its segment: the two parts add up to the whole.
    const auto middle = index.nearest({36.4, 48.3});
    const glm::dvec2 a = kZigzag[middle->segment], b = kZigzag[middle->segment + 1];
    EXPECT_NEAR(metres(a, middle->nearest) + metres(middle->nearest, b), metres(a, b), 1e-3);
}

TEST(LineIndex, NearestWithinSkipsFarLinesAndAgreesWithNearest) {
    const LineIndex index(kZigzag);
    const glm::dvec2 lviv{24.03, 49.84}, kramatorsk{37.56, 48.72};
    EXPECT_FALSE(index.nearestWithin(lviv, 150e3));
    const double toLviv = index.nearest(lviv)->distanceM;
    EXPECT_GT(toLviv, 600e3);
    EXPECT_TRUE(index.nearestWithin(lviv, toLviv + 1.0));
    const auto near = index.nearestWithin(kramatorsk, 150e3);
    ASSERT_TRUE(near);
    EXPECT_EQ(near->distanceM, index.nearest(kramatorsk)->distanceM);
}

TEST(LineIndex, OnePointEmptyAndFarLines) {
    const glm::dvec2 kyiv{30.523, 50.450}, kharkiv{36.231, 49.993};
    EXPECT_NEAR(LineIndex({kyiv}).nearest(kharkiv)->distanceM, geodesicDistance(30.523, 50.450, 36.231, 49.993), 1e-6);
    EXPECT_FALSE(LineIndex({}).nearest(kyiv));
    EXPECT_TRUE(std::isinf(distanceToLine(kyiv, {})));
    // A segment repeated (zero length) is its point.
    EXPECT_NEAR(distanceToLine(kharkiv, {kyiv, kyiv}), geodesicDistance(30.523, 50.450, 36.231, 49.993), 1e-6);
    // More than a quarter of the globe away the gnomonic projection fails: the search along the
    // geodesic answers instead.
    const std::vector<glm::dvec2> equator{{0.0, 0.0}, {20.0, 0.0}};
    const glm::dvec2 far{110.0, 30.0};
    EXPECT_NEAR(distanceToLine(far, equator), test::walkLine(far, equator, 20.0).distanceM, 1.0);
}

TEST(Region, PreparedPolygonsHoldTheirInsideOnly) {
    const Polygon withHole{{{{0, 0}, {4, 0}, {4, 4}, {0, 4}, {0, 0}}, {{1, 1}, {2, 1}, {2, 2}, {1, 2}, {1, 1}}}};
    const Polygon island{{{{10, 0}, {11, 0}, {11, 1}, {10, 0}}}};
    const Region region({withHole, island});
    EXPECT_TRUE(region.contains({3, 3}));
    EXPECT_FALSE(region.contains({1.5, 1.5})); // in the hole
    EXPECT_FALSE(region.contains({5, 5}));
    EXPECT_TRUE(region.contains({10.8, 0.3}));
    EXPECT_FALSE(region.contains({10.2, 0.8})); // the island's notch
    EXPECT_FALSE(Region({}).contains({0, 0}));
    EXPECT_EQ(contains({withHole, island}, {1.5, 1.5}), false);
}

} // namespace
} // namespace geo
