#include "geo/Picking.h"

#include "geo/SharedRules.h"

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
        const double h = raisedHeight(terrain.groundHeightAt(hit.lon, hit.lat), exaggeration);
        const std::optional<double> raised = intersectEllipsoid(eye, dir, h);
        if (!raised) break;
        hit = toGeodetic(eye + dir * *raised);
        hit.height = h;
    }
    return hit;
}

CameraPose groundPose(CameraPose pose, const Terrain& terrain, double exaggeration, double clearance) {
    auto ground = [&](double lon, double lat) { return raisedHeight(terrain.heightAt(lon, lat), exaggeration); };
    pose.targetHeight = ground(pose.lon, pose.lat);
    for (int i = 0; i < 24; ++i) {
        const GeoPoint eye = toGeodetic(cameraFrame(pose).eye);
        if (eye.height >= ground(eye.lon, eye.lat) + clearance || pose.range >= kMaxRange) break;
        pose.range = std::min(pose.range * 1.25, kMaxRange);
    }
    return pose;
}

} // namespace geo
