#pragma once
// Fewer points for the same line, for drawing it from far away.
#include <glm/glm.hpp>
#include <vector>

namespace geo {

//! Douglas-Peucker simplification (GEOS, through OGR) of a lon/lat polyline: no point of the
//! original is farther than `toleranceDeg` from the result. The ends are kept.
std::vector<glm::dvec2> simplifyLine(const std::vector<glm::dvec2>& line, double toleranceDeg);

} // namespace geo
