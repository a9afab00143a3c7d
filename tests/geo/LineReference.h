#pragma once
// The tests' reference for the nearest point of a line: every geodesic walked in small steps (GeographicLib).
#include "geo/LineIndex.h"

#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/GeodesicLine.hpp>
#include <algorithm>
#include <cmath>
#include <vector>

namespace geo::test {

//! The nearest of the points `stepMetres` apart along each geodesic of `line`: never nearer than the truth,
//! and farther by at most stepMetres²/(8 × distance), or half a step for a point on the line.
inline NearestOnLine walkLine(glm::dvec2 p, const std::vector<glm::dvec2>& line, double stepMetres) {
    const GeographicLib::Geodesic& wgs84 = GeographicLib::Geodesic::WGS84();
    NearestOnLine best{1e300, {}, 0};
    for (size_t i = 0; i + 1 < line.size(); ++i) {
        const GeographicLib::GeodesicLine g = wgs84.InverseLine(line[i].y, line[i].x, line[i + 1].y, line[i + 1].x);
        const int steps = std::max(1, int(std::ceil(g.Distance() / stepMetres)));
        for (int s = 0; s <= steps; ++s) {
            glm::dvec2 q;
            double d = 0;
            g.Position(g.Distance() * s / steps, q.y, q.x);
            wgs84.Inverse(p.y, p.x, q.y, q.x, d);
            if (d < best.distanceM) best = {d, q, i};
        }
    }
    return best;
}

} // namespace geo::test
