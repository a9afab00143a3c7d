// Measuring on the map, against values GeographicLib documents and against geometry known exactly.
#include "geo/Measure.h"
#include "geo/CursorReadout.h"
#include "geo/Ellipsoid.h"

#include <GeographicLib/Geodesic.hpp>
#include <gtest/gtest.h>

namespace geo {
namespace {

TEST(Measure, RangeAndBearingJfkToHeathrow) {
    // GeographicLib's own example (example-Geodesic.cpp): JFK (40.6 N, 73.8 W) to LHR (51.6 N, 0.5 W), 5551.76 km.
    const RangeBearing r = rangeAndBearing({-73.8, 40.6}, {-0.5, 51.6});
    EXPECT_NEAR(r.km(), 5551.76, 0.01);
    EXPECT_NEAR(r.nauticalMiles(), 5551.76 / 1.852, 0.01);
    EXPECT_GT(r.bearingDeg, 45); // north-east out of New York, turning east on the way
    EXPECT_LT(r.bearingDeg, 60);
    EXPECT_GT(r.arrivalDeg, 100);
    // Back again: the same range, leaving opposite to how the way out arrived.
    const RangeBearing back = rangeAndBearing({-0.5, 51.6}, {-73.8, 40.6});
    EXPECT_NEAR(back.metres, r.metres, 1e-3);
    EXPECT_NEAR(back.bearingDeg, std::fmod(r.arrivalDeg + 180, 360), 1e-9);
}

TEST(Measure, BearingsAreTrueAndCompassWise) {
    EXPECT_NEAR(rangeAndBearing({30, 48}, {30, 49}).bearingDeg, 0, 1e-9); // along a meridian
    EXPECT_NEAR(rangeAndBearing({30, 49}, {30, 48}).bearingDeg, 180, 1e-9);
    EXPECT_NEAR(rangeAndBearing({0, 0}, {10, 0}).bearingDeg, 90, 1e-9); // along the equator
    EXPECT_NEAR(rangeAndBearing({0, 0}, {-10, 0}).bearingDeg, 270, 1e-9);
    // One degree of the equator is a/1 radian's 360th: 111.319 km.
    EXPECT_NEAR(rangeAndBearing({0, 0}, {1, 0}).metres, kWgs84A * M_PI / 180, 1e-6);
    EXPECT_EQ(rangeAndBearing({30, 48}, {30, 48}).metres, 0);
}

TEST(Measure, PathLengthIsTheSumOfItsGeodesics) {
    const std::vector<glm::dvec2> path{{0, 0}, {1, 0}, {2, 0}, {2, 1}};
    EXPECT_NEAR(pathLengthM(path), 2 * kWgs84A * M_PI / 180 + rangeAndBearing({2, 0}, {2, 1}).metres, 1e-6);
    EXPECT_EQ(pathLengthM({{5, 5}}), 0);
}

TEST(Measure, AnOctantOfTheEllipsoidIsAnEighthOfItsArea) {
    // Two meridians and the equator are geodesics: the triangle (0,0), (90 E, 0), the North Pole is an octant.
    const double octant = GeographicLib::Geodesic::WGS84().EllipsoidArea() / 8; // 63,758,202.7 km^2
    for (const auto& ring : {std::vector<glm::dvec2>{{0, 0}, {90, 0}, {0, 90}},
                             std::vector<glm::dvec2>{{0, 90}, {90, 0}, {0, 0}, {0, 90}}}) { // reversed and closed
        const PolygonMeasure m = polygonArea(ring);
        EXPECT_NEAR(m.squareMetres / octant, 1.0, 1e-9);
        EXPECT_NEAR(m.perimeterM, kWgs84A * M_PI / 2 + 2 * 10001965.729, 0.01); // a quarter equator, two quadrants
    }
    EXPECT_NEAR(polygonArea({{0, 0}, {1, 0}, {1, 1}, {0, 1}}).squareKm(), 12308.8,
                1.0); // 1 degree square at the equator
    EXPECT_EQ(polygonArea({{0, 0}, {1, 1}}).squareMetres, 0);
}

TEST(Measure, TerrainProfileFindsTheRidge) {
    HeightGrid grid;
    grid.west = 29, grid.north = 49, grid.dLon = grid.dLat = 0.01, grid.width = 200, grid.height = 200;
    grid.metres.assign(size_t(grid.width) * grid.height, 100.0f);
    for (int j = 0; j < grid.height; ++j) grid.metres[size_t(j) * grid.width + 150] = 2000.0f; // 30.505 E
    Terrain terrain;
    terrain.addLayer(grid);
    const std::vector<glm::dvec2> path{{29.5, 48}, {30, 48}, {30.8, 48}};
    const TerrainProfile p = terrainProfile(terrain, path, 200);
    ASSERT_GE(p.samples.size(), 200u);
    EXPECT_NEAR(p.lengthM, pathLengthM(path), 1e-6);
    EXPECT_EQ(p.samples.front().distanceM, 0);
    EXPECT_NEAR(p.samples.back().distanceM, p.lengthM, 1e-6);
    EXPECT_EQ(p.samples.back().lonLat, path.back());
    for (size_t i = 1; i < p.samples.size(); ++i) ASSERT_GT(p.samples[i].distanceM, p.samples[i - 1].distanceM);
    EXPECT_NEAR(p.samples[p.highest].lonLat.x, 30.505, 0.01);
    EXPECT_GT(p.samples[p.highest].heightM, 1000);
    EXPECT_NEAR(p.samples[0].heightM, 100, 1e-3);
    EXPECT_TRUE(terrainProfile(terrain, {}).samples.empty());
}

TEST(CursorReadout, DegreesMinutesSecondsAndDecimal) {
    EXPECT_EQ(formatDecimalDegrees({24.71, 48.92}), "48.92000\u00b0 N, 24.71000\u00b0 E");
    EXPECT_EQ(formatDms({24.71, 48.92}), "48\u00b055'12.0\" N, 24\u00b042'36.0\" E");
    EXPECT_EQ(formatDms({-73.8, -40.6}), "40\u00b036'00.0\" S, 73\u00b048'00.0\" W");
    EXPECT_EQ(formatDms({0.99999999, 0}), "0\u00b000'00.0\" N, 1\u00b000'00.0\" E"); // 59.99996" carries over
}

TEST(CursorReadout, MgrsAsGeoConvertGivesIt) {
    // GeoConvert's manual: 38SMB4488 is centred on 33.33424 N, 44.40363 E (UTM 38n 444500 3688500).
    EXPECT_EQ(formatMgrs({44.40363, 33.33424}, 2), "38S MB 44 88");
    const std::string metre = formatMgrs({44.40363, 33.33424});
    ASSERT_EQ(metre.size(), std::string("38S MB 44500 88500").size()) << metre;
    EXPECT_EQ(metre.substr(0, 7), "38S MB ");
    EXPECT_NEAR(std::stod(metre.substr(7, 5)), 44500, 2) << metre;
    EXPECT_NEAR(std::stod(metre.substr(13, 5)), 88500, 2) << metre;
    EXPECT_EQ(formatMgrs({0, 89.99}).substr(0, 2), "Z "); // UPS north, east of Greenwich
    EXPECT_EQ(formatMgrs({0, 95}), "");
}

TEST(CursorReadout, GroundAndTheLineOfContact) {
    HeightGrid grid;
    grid.west = 29, grid.north = 49, grid.dLon = grid.dLat = 0.5, grid.width = 4, grid.height = 4;
    grid.metres.assign(16, 250.0f);
    Terrain terrain;
    terrain.addLayer(grid);
    const LineIndex contact({{31, 47}, {31, 49}});
    const CursorReadout r = cursorReadout({30, 48}, terrain, &contact);
    EXPECT_EQ(r.groundM, 250);
    ASSERT_TRUE(r.contactM);
    EXPECT_NEAR(*r.contactM, rangeAndBearing({30, 48}, {31, 48}).metres, 300); // nearest: just off 48 N
    EXPECT_NEAR(r.contactAt->x, 31, 1e-6);
    EXPECT_NE(r.text().find("Line of contact 74."), std::string::npos) << r.text();
    EXPECT_NE(r.text().find("Ground 250 m"), std::string::npos);
    EXPECT_NE(r.text().find("MGRS 36U"), std::string::npos) << r.text();
    EXPECT_FALSE(cursorReadout({30, 48}, terrain, nullptr).contactM);
}

} // namespace
} // namespace geo
