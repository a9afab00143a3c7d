#include "geo/Spatial.h"

#include "GdalSession.h"

#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/GeodesicLine.hpp>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <memory>
#include <mutex>
#include <ogr_api.h>
#include <ogr_geometry.h>
#include <thread>

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

//! A polygon and its GEOS prepared form: a spatial index over its edges, built once.
class PreparedPolygon {
public:
    explicit PreparedPolygon(OGRPolygon polygon) : _polygon(std::move(polygon)) {
        _polygon.getEnvelope(&_envelope);
        if (OGRHasPreparedGeometrySupport())
            _prepared.reset(OGRCreatePreparedGeometry(OGRGeometry::ToHandle(&_polygon)));
    }
    bool contains(glm::dvec2 lonLat) const {
        if (lonLat.x < _envelope.MinX || lonLat.x > _envelope.MaxX || lonLat.y < _envelope.MinY ||
            lonLat.y > _envelope.MaxY)
            return false;
        OGRPoint point(lonLat.x, lonLat.y);
        if (!_prepared) return _polygon.Contains(&point); // a GDAL built without GEOS's prepared geometries
        return OGRPreparedGeometryContains(_prepared.get(), OGRGeometry::ToHandle(&point));
    }

private:
    OGRPolygon _polygon;
    OGREnvelope _envelope;
    OGRPreparedGeometryUniquePtr _prepared;
};

} // namespace

struct Region::Prepared : PreparedPolygon {
    using PreparedPolygon::PreparedPolygon;
};

Region::Region(const std::vector<Polygon>& polygons) {
    GdalSession session;
    for (const Polygon& p : polygons)
        if (!p.rings.empty()) _parts.push_back(std::make_unique<Prepared>(toOgr(p)));
}
Region::~Region() = default;
Region::Region(Region&&) noexcept = default;
Region& Region::operator=(Region&&) noexcept = default;

bool Region::contains(glm::dvec2 lonLat) const {
    GdalSession session;
    return std::any_of(_parts.begin(), _parts.end(), [&](const auto& part) { return part->contains(lonLat); });
}

bool contains(const std::vector<Polygon>& polygons, glm::dvec2 lonLat) {
    return Region(polygons).contains(lonLat);
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

double distanceToLine(glm::dvec2 lonLat, const std::vector<glm::dvec2>& line) {
    return nearestOnLine(lonLat, line).distanceM;
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

std::vector<glm::dvec2> geodesicPath(glm::dvec2 from, glm::dvec2 to, double maxStepMetres) {
    const GeographicLib::GeodesicLine line = GeographicLib::Geodesic::WGS84().InverseLine(from.y, from.x, to.y, to.x);
    const double length = line.Distance();
    const int steps = std::max(1, int(std::ceil(length / std::max(maxStepMetres, 1.0) - 1e-9))); // halves: 2, not 3
    std::vector<glm::dvec2> out{from};
    for (int i = 1; i < steps; ++i) {
        double lat = 0, lon = 0;
        line.Position(length * i / steps, lat, lon);
        out.push_back({lon, lat});
    }
    out.push_back(to);
    return out;
}

std::vector<std::array<glm::dvec2, 3>> triangulate(const Polygon& polygon, double maxEdgeDeg) {
    GdalSession session;
    std::vector<std::array<glm::dvec2, 3>> out;
    if (polygon.rings.empty()) return out;
    OGRPolygon ogr = toOgr(polygon);
    ogr.segmentize(maxEdgeDeg);
    const std::unique_ptr<OGRGeometry> triangles(ogr.DelaunayTriangulation(0.0, FALSE));
    const PreparedPolygon inside(ogr);
    const auto* collection = triangles ? dynamic_cast<const OGRGeometryCollection*>(triangles.get()) : nullptr;
    if (!collection) return out;
    for (const OGRGeometry* g : *collection) {
        const auto* tri = dynamic_cast<const OGRPolygon*>(g);
        if (!tri || !tri->getExteriorRing() || tri->getExteriorRing()->getNumPoints() < 4) continue;
        const OGRLinearRing* r = tri->getExteriorRing();
        const std::array<glm::dvec2, 3> t{glm::dvec2{r->getX(0), r->getY(0)}, glm::dvec2{r->getX(1), r->getY(1)},
                                          glm::dvec2{r->getX(2), r->getY(2)}};
        // Delaunay covers the convex hull: keep what lies inside the polygon.
        if (inside.contains((t[0] + t[1] + t[2]) / 3.0)) out.push_back(t);
    }
    return out;
}

std::vector<std::vector<std::array<glm::dvec2, 3>>> triangulateAll(const std::vector<const Polygon*>& polygons,
                                                                   double maxEdgeDeg) {
    // Each polygon is independent, and OGR gives every GEOS call its own context.
    std::vector<std::vector<std::array<glm::dvec2, 3>>> out(polygons.size());
    std::atomic<size_t> next{0};
    std::exception_ptr failure;
    std::mutex failureLock;
    const auto work = [&] {
        try {
            for (size_t i; (i = next++) < polygons.size();) out[i] = triangulate(*polygons[i], maxEdgeDeg);
        } catch (...) {
            const std::lock_guard lock(failureLock);
            failure = std::current_exception();
            next = polygons.size();
        }
    };
    const size_t threads = std::min<size_t>(std::max(1u, std::thread::hardware_concurrency()), polygons.size());
    {
        std::vector<std::jthread> helpers;
        for (size_t t = 1; t < threads; ++t) helpers.emplace_back(work);
        work();
    }
    if (failure) std::rethrow_exception(failure);
    return out;
}

} // namespace geo
