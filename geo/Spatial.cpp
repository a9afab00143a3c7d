#include "geo/Spatial.h"

#include "GdalSession.h"

#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/GeodesicLine.hpp>
#include <algorithm>
#include <cmath>
#include <limits>
#include <ogr_geometry.h>

namespace geo {

namespace {

OGRPolygon toOgr(const Polygon& polygon) {
    OGRPolygon ogr;
    for (const Ring& ring : polygon.rings) {
        OGRLinearRing r;
        for (const glm::dvec2& p : ring) r.addPoint(p.x, p.y);
        r.closeRings();
        ogr.addRing(&r);
    }
    return ogr;
}

} // namespace

bool contains(const std::vector<Polygon>& polygons, glm::dvec2 lonLat) {
    GdalSession session;
    const OGRPoint point(lonLat.x, lonLat.y);
    return std::any_of(polygons.begin(), polygons.end(),
                       [&](const Polygon& p) { return !p.rings.empty() && toOgr(p).Contains(&point); });
}

bool isValid(const Polygon& polygon) {
    GdalSession session;
    if (polygon.rings.empty()) return false;
    for (const Ring& ring : polygon.rings)
        if (ring.size() < 4) return false;
    return toOgr(polygon).IsValid();
}

double distanceToLine(glm::dvec2 p, const std::vector<glm::dvec2>& line) {
    const GeographicLib::Geodesic& wgs84 = GeographicLib::Geodesic::WGS84();
    double best = std::numeric_limits<double>::infinity();
    for (size_t i = 0; i + 1 < line.size(); ++i) {
        const GeographicLib::GeodesicLine segment = wgs84.InverseLine(line[i].y, line[i].x, line[i + 1].y, line[i + 1].x);
        const int steps = std::max(1, static_cast<int>(std::ceil(segment.Distance() / 100.0)));
        for (int s = 0; s <= steps; ++s) {
            double lat = 0, lon = 0, metres = 0;
            segment.Position(segment.Distance() * s / steps, lat, lon);
            wgs84.Inverse(p.y, p.x, lat, lon, metres);
            best = std::min(best, metres);
        }
    }
    if (line.size() == 1) wgs84.Inverse(p.y, p.x, line[0].y, line[0].x, best);
    return best;
}

} // namespace geo
