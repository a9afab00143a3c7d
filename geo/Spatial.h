#pragma once
// Point-in-polygon and geodesic distance to a line, for the scenario rules.
#include "geo/VectorLoader.h"

#include <array>
#include <glm/glm.hpp>
#include <vector>

namespace geo {

//! True when the lon/lat point lies inside any of the polygons (holes excluded). Uses OGR/GEOS.
bool contains(const std::vector<Polygon>& polygons, glm::dvec2 lonLat);
//! The polygon's area in square degrees (outer rings less holes): for comparing sizes, not measuring.
double areaDegrees(const std::vector<Polygon>& polygons);
//! Whether the polygon is valid as OGR/GEOS sees it (closed, no self-intersection).
bool isValid(const Polygon& polygon);
//! Shortest geodesic distance in metres from a lon/lat point to a lon/lat polyline (GeographicLib),
//! the line followed along its geodesics to within about 100 m.
double distanceToLine(glm::dvec2 lonLat, const std::vector<glm::dvec2>& line);

//! A geodesic circle: the points `radiusMetres` from the centre in every direction (GeographicLib),
//! closed (the first point repeats at the end).
std::vector<glm::dvec2> geodesicCircle(glm::dvec2 centre, double radiusMetres, int segments = 180);

//! Triangles (lon/lat, three points each) covering the polygon: its boundary densified to
//! `maxEdgeDeg`, triangulated by GEOS (Delaunay, through OGR), keeping the triangles inside it.
std::vector<std::array<glm::dvec2, 3>> triangulate(const Polygon& polygon, double maxEdgeDeg);

} // namespace geo
