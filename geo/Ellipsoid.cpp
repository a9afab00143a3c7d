#include "geo/Ellipsoid.h"

#include <GeographicLib/Geocentric.hpp>
#include <GeographicLib/Geodesic.hpp>
#include <cmath>

namespace geo {

glm::dvec3 toEcef(const GeoPoint& p) {
    glm::dvec3 r;
    GeographicLib::Geocentric::WGS84().Forward(p.lat, p.lon, p.height, r.x, r.y, r.z);
    return r;
}

GeoPoint toGeodetic(const glm::dvec3& ecef) {
    GeoPoint p;
    GeographicLib::Geocentric::WGS84().Reverse(ecef.x, ecef.y, ecef.z, p.lat, p.lon, p.height);
    return p;
}

glm::dvec3 upAt(double lonDeg, double latDeg) {
    const double lon = glm::radians(lonDeg), lat = glm::radians(latDeg);
    return {std::cos(lat) * std::cos(lon), std::cos(lat) * std::sin(lon), std::sin(lat)};
}

glm::dmat3 enuFrame(double lonDeg, double latDeg) {
    const double lon = glm::radians(lonDeg), lat = glm::radians(latDeg);
    const glm::dvec3 east{-std::sin(lon), std::cos(lon), 0.0};
    const glm::dvec3 north{-std::sin(lat) * std::cos(lon), -std::sin(lat) * std::sin(lon), std::cos(lat)};
    return {east, north, upAt(lonDeg, latDeg)};
}

std::optional<double> intersectEllipsoid(const glm::dvec3& origin, const glm::dvec3& dir, double height) {
    // Scale space so the raised ellipsoid becomes the unit sphere, then solve the quadratic.
    const glm::dvec3 inv{1.0 / (kWgs84A + height), 1.0 / (kWgs84A + height), 1.0 / (kWgs84B + height)};
    const glm::dvec3 o = origin * inv, d = dir * inv;
    const double a = glm::dot(d, d), b = 2.0 * glm::dot(o, d), c = glm::dot(o, o) - 1.0;
    const double disc = b * b - 4.0 * a * c;
    if (disc < 0.0) return std::nullopt;
    const double s = std::sqrt(disc);
    const double t0 = (-b - s) / (2.0 * a), t1 = (-b + s) / (2.0 * a);
    if (t0 >= 0.0) return t0;
    if (t1 >= 0.0) return t1;
    return std::nullopt;
}

double geodesicDistance(double lon1, double lat1, double lon2, double lat2) {
    double s12 = 0;
    GeographicLib::Geodesic::WGS84().Inverse(lat1, lon1, lat2, lon2, s12);
    return s12;
}

} // namespace geo
