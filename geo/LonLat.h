#pragma once
// The bounds every coordinate read from a file must keep after reprojection to lon/lat WGS84.
#include <cmath>
#include <cstdio>
#include <string>

namespace geo {

constexpr double kMinLon = -180.0, kMaxLon = 360.0; //!< degrees; 0..360 grids (ETOPO) are lon/lat too
constexpr double kMinLat = -90.0, kMaxLat = 90.0;

//! True when lon and lat are finite and within kMinLon..kMaxLon and kMinLat..kMaxLat degrees.
inline bool isLonLat(double lon, double lat) {
    return std::isfinite(lon) && std::isfinite(lat) && lon >= kMinLon && lon <= kMaxLon && lat >= kMinLat &&
           lat <= kMaxLat;
}

//! "(30, 91), not a finite lon/lat within -180..360 E, -90..90 N": what a failure says of a point off the globe.
inline std::string offTheGlobe(double lon, double lat) {
    char text[120];
    std::snprintf(text, sizeof text, "(%.6g, %.6g), not a finite lon/lat within -180..360 E, -90..90 N", lon, lat);
    return text;
}

} // namespace geo
