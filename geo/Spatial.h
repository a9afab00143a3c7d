#pragma once
// Point-in-polygon and geodesic distance to a line, for the scenario rules.
#include "geo/LineIndex.h"
#include "geo/VectorLoader.h"

#include <array>
#include <glm/glm.hpp>
#include <memory>
#include <vector>

namespace geo {

//! Polygons made ready (GEOS prepared geometries, through OGR) for testing many points against them,
//! each in about log(vertices) time: the outline of Ukraine against every site of a scenario set.
class Region {
public:
    explicit Region(const std::vector<Polygon>& polygons);
    ~Region();
    Region(Region&&) noexcept;
    Region& operator=(Region&&) noexcept;

    //! True when the lon/lat point lies inside any of the polygons (holes and boundary excluded).
    bool contains(glm::dvec2 lonLat) const;

private:
    struct Prepared;
    std::vector<std::unique_ptr<Prepared>> _parts;
};

//! True when the lon/lat point lies inside any of the polygons (holes excluded). Uses OGR/GEOS; for
//! many points, make a Region once.
bool contains(const std::vector<Polygon>& polygons, glm::dvec2 lonLat);
//! The polygon's area in square degrees (outer rings less holes): for comparing sizes, not measuring.
double areaDegrees(const std::vector<Polygon>& polygons);
//! Whether the polygon is valid as OGR/GEOS sees it (closed, no self-intersection).
bool isValid(const Polygon& polygon);
//! Shortest geodesic distance in metres from a lon/lat point to a lon/lat polyline whose points are
//! joined by geodesics (WGS84, GeographicLib): nearestOnLine(lonLat, line).distanceM.
double distanceToLine(glm::dvec2 lonLat, const std::vector<glm::dvec2>& line);

//! A geodesic circle: the points `radiusMetres` from the centre in every direction (GeographicLib),
//! closed (the first point repeats at the end).
std::vector<glm::dvec2> geodesicCircle(glm::dvec2 centre, double radiusMetres, int segments = 180);

//! The geodesic from `from` to `to` (WGS84, GeographicLib) as lon/lat points at most `maxStepMetres` apart,
//! both ends included: a line to draw that follows the Earth's shortest path.
std::vector<glm::dvec2> geodesicPath(glm::dvec2 from, glm::dvec2 to, double maxStepMetres);

//! Triangles (lon/lat, three points each) covering the polygon: its boundary densified to
//! `maxEdgeDeg`, triangulated by GEOS (Delaunay, through OGR), keeping the triangles whose centroid
//! lies inside it (tested against the prepared polygon, whose edge index answers in about log n).
std::vector<std::array<glm::dvec2, 3>> triangulate(const Polygon& polygon, double maxEdgeDeg);
//! triangulate() of each polygon, in order, spread over the machine's cores: the areas of a scenario set.
std::vector<std::vector<std::array<glm::dvec2, 3>>> triangulateAll(const std::vector<const Polygon*>& polygons,
                                                                   double maxEdgeDeg);

} // namespace geo
