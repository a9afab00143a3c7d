#pragma once
// What an analyst measures on the map, on the WGS84 ellipsoid (GeographicLib): range and true bearing
// between two points, the length of a path, the area of a polygon, and the terrain along a path.
// Points are lon/lat degrees, as everywhere in geo/.
#include "geo/Terrain.h"

#include <glm/glm.hpp>
#include <vector>

namespace geo {

constexpr double kMetresPerNauticalMile = 1852.0;

struct RangeBearing {
    double metres = 0;     //!< geodesic
    double bearingDeg = 0; //!< true, clockwise from north, 0..360, at the start
    double arrivalDeg = 0; //!< the geodesic's heading where it arrives, 0..360 (it differs on long ranges)
    double km() const { return metres / 1000; }
    double nauticalMiles() const { return metres / kMetresPerNauticalMile; }
};
//! The shortest path on the ellipsoid from `from` to `to`. A point to itself: 0 m, bearing 0.
RangeBearing rangeAndBearing(glm::dvec2 from, glm::dvec2 to);

//! The sum of the geodesics between consecutive points, metres; 0 for fewer than two.
double pathLengthM(const std::vector<glm::dvec2>& path);

struct PolygonMeasure {
    double squareMetres = 0; //!< the area enclosed, whichever way the ring runs
    double perimeterM = 0;
    double squareKm() const { return squareMetres / 1e6; }
};
//! The area of the polygon whose edges are geodesics between the points (GeographicLib PolygonArea). The
//! ring may be closed (last point = first) or not; fewer than three distinct points enclose nothing.
PolygonMeasure polygonArea(const std::vector<glm::dvec2>& ring);

struct ProfileSample {
    double distanceM = 0; //!< along the path from its start
    double heightM = 0;   //!< the terrain (the DEM's value: below 0 over sea bottoms)
    glm::dvec2 lonLat{0};
};
struct TerrainProfile {
    std::vector<ProfileSample> samples; //!< from the start to the end, every vertex included
    size_t highest = 0;                 //!< index of the highest sample
    double lengthM = 0;
};
//! Heights along `path` (geodesic segments), about `count` samples evenly spaced plus every vertex: the
//! elevation-against-distance plot of the panel. An empty path gives no samples; one point gives one.
TerrainProfile terrainProfile(const Terrain& terrain, const std::vector<glm::dvec2>& path, int count = 256);

} // namespace geo
