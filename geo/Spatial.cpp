#include "geo/Spatial.h"

#include "GdalSession.h"

#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/GeodesicLine.hpp>
#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
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

double areaDegrees(const std::vector<Polygon>& polygons) {
    double area = 0;
    for (const Polygon& p : polygons)
        for (size_t r = 0; r < p.rings.size(); ++r) {
            double ring = 0; // shoelace
            for (size_t i = 0; i + 1 < p.rings[r].size(); ++i)
                ring += p.rings[r][i].x * p.rings[r][i + 1].y - p.rings[r][i + 1].x * p.rings[r][i].y;
            area += (r == 0 ? 1.0 : -1.0) * std::abs(ring) / 2.0;
        }
    return area;
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
        const GeographicLib::GeodesicLine segment =
            wgs84.InverseLine(line[i].y, line[i].x, line[i + 1].y, line[i + 1].x);
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

std::vector<glm::dvec2> geodesicCircle(glm::dvec2 centre, double radiusMetres, int segments) {
    const GeographicLib::Geodesic& wgs84 = GeographicLib::Geodesic::WGS84();
    std::vector<glm::dvec2> out;
    for (int i = 0; i <= segments; ++i) {
        double lat = 0, lon = 0;
        wgs84.Direct(centre.y, centre.x, 360.0 * (i % segments) / segments, radiusMetres, lat, lon);
        out.push_back({lon, lat});
    }
    return out;
}

std::vector<std::array<glm::dvec2, 3>> triangulate(const Polygon& polygon, double maxEdgeDeg) {
    GdalSession session;
    std::vector<std::array<glm::dvec2, 3>> out;
    if (polygon.rings.empty()) return out;
    OGRPolygon ogr = toOgr(polygon);
    ogr.segmentize(maxEdgeDeg);
    const std::unique_ptr<OGRGeometry> triangles(ogr.DelaunayTriangulation(0.0, FALSE));
    const auto* collection = triangles ? dynamic_cast<const OGRGeometryCollection*>(triangles.get()) : nullptr;
    if (!collection) return out;
    for (const OGRGeometry* g : *collection) {
        const auto* tri = dynamic_cast<const OGRPolygon*>(g);
        if (!tri || !tri->getExteriorRing() || tri->getExteriorRing()->getNumPoints() < 4) continue;
        const OGRLinearRing* r = tri->getExteriorRing();
        const std::array<glm::dvec2, 3> t{glm::dvec2{r->getX(0), r->getY(0)}, glm::dvec2{r->getX(1), r->getY(1)},
                                          glm::dvec2{r->getX(2), r->getY(2)}};
        // Delaunay covers the convex hull: keep what lies inside the polygon.
        const glm::dvec2 centroid = (t[0] + t[1] + t[2]) / 3.0;
        const OGRPoint c(centroid.x, centroid.y);
        if (ogr.Contains(&c)) out.push_back(t);
    }
    return out;
}

} // namespace geo
