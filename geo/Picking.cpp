#include "geo/Picking.h"

#include <algorithm>

namespace geo {

std::optional<GeoPoint> pickTerrain(const Terrain& terrain, const glm::dvec3& eye, const glm::dvec3& dir,
                                    double exaggeration) {
    // Hit the ellipsoid, then repeatedly the ellipsoid raised to the (exaggerated) height found
    // there: converges in a few steps for terrain seen from above.
    std::optional<double> t = intersectEllipsoid(eye, dir, 0.0);
    if (!t) return std::nullopt;
    GeoPoint hit = toGeodetic(eye + dir * *t);
    for (int i = 0; i < 6; ++i) {
        const double h = std::max(terrain.heightAt(hit.lon, hit.lat), 0.0f) * exaggeration;
        const std::optional<double> raised = intersectEllipsoid(eye, dir, h);
        if (!raised) break;
        hit = toGeodetic(eye + dir * *raised);
        hit.height = h;
    }
    return hit;
}

} // namespace geo
