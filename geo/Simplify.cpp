#include "geo/Simplify.h"

#include "GdalSession.h"

#include <memory>
#include <ogr_geometry.h>

namespace geo {

std::vector<glm::dvec2> simplifyLine(const std::vector<glm::dvec2>& line, double toleranceDeg) {
    if (line.size() < 3 || toleranceDeg <= 0) return line;
    GdalSession session; // GEOS errors become ours, never printed
    OGRLineString ogr;
    ogr.setNumPoints(static_cast<int>(line.size()), false);
    for (size_t i = 0; i < line.size(); ++i) ogr.setPoint(static_cast<int>(i), line[i].x, line[i].y);
    const std::unique_ptr<OGRGeometry> simple(ogr.Simplify(toleranceDeg));
    const auto* result = simple ? dynamic_cast<const OGRLineString*>(simple.get()) : nullptr;
    if (!result || result->getNumPoints() < 2) return {line.front(), line.back()};
    std::vector<glm::dvec2> out(static_cast<size_t>(result->getNumPoints()));
    for (int i = 0; i < result->getNumPoints(); ++i) out[size_t(i)] = {result->getX(i), result->getY(i)};
    return out;
}

} // namespace geo
