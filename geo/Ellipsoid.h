#pragma once
// WGS84 ellipsoid: geodetic <-> earth-centred earth-fixed (ECEF) coordinates, in double precision.
#include <glm/glm.hpp>
#include <optional>

namespace geo {

constexpr double kWgs84A = 6378137.0;               //!< semi-major axis, metres
constexpr double kWgs84F = 1.0 / 298.257223563;     //!< flattening
constexpr double kWgs84B = kWgs84A * (1 - kWgs84F); //!< semi-minor axis, metres

struct GeoPoint {
    double lon = 0;    //!< degrees east
    double lat = 0;    //!< degrees north
    double height = 0; //!< metres above the ellipsoid
};

glm::dvec3 toEcef(const GeoPoint& p);
GeoPoint toGeodetic(const glm::dvec3& ecef);
//! Unit normal of the ellipsoid (the local "up") at a longitude and latitude in degrees.
glm::dvec3 upAt(double lonDeg, double latDeg);
//! Local east-north-up frame as columns (east, north, up).
glm::dmat3 enuFrame(double lonDeg, double latDeg);
//! Distance along the ray to the ellipsoid raised by `height` metres, or nothing if it misses.
std::optional<double> intersectEllipsoid(const glm::dvec3& origin, const glm::dvec3& dir, double height = 0.0);
//! Geodesic distance in metres between two lon/lat points (GeographicLib).
double geodesicDistance(double lon1, double lat1, double lon2, double lat2);

} // namespace geo
