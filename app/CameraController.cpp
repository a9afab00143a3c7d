#include "app/CameraController.h"

#include "geo/Picking.h"
#include "renderer/View.h"

#include <algorithm>
#include <cmath>

namespace app {

namespace {
double wrap180(double deg) {
    return std::remainder(deg, 360.0);
}
} // namespace

CameraController::CameraController(const geo::Terrain& terrain, geo::CameraPose start)
    : _terrain(terrain), _pose(start), _goal(start) {}

std::optional<geo::GeoPoint> CameraController::pick(double px, double py) const {
    const renderer::View view = renderer::View::make(_pose, _width, _height);
    return geo::pickTerrain(_terrain, view.eye, view.rayThrough(px, py), _exaggeration);
}

void CameraController::beginPan(double px, double py) {
    _grab = pick(px, py);
}

void CameraController::pan(double px, double py) {
    if (!_grab) return;
    // Keep the grabbed ground point under the cursor: shift the target by how far the point now
    // under the cursor is from the one grabbed.
    const renderer::View view = renderer::View::make(_pose, _width, _height);
    const std::optional<double> t = geo::intersectEllipsoid(view.eye, view.rayThrough(px, py), _grab->height);
    if (!t) return;
    const geo::GeoPoint now = geo::toGeodetic(view.eye + view.rayThrough(px, py) * *t);
    _pose.lon = wrap180(_pose.lon - wrap180(now.lon - _grab->lon));
    _pose.lat = std::clamp(_pose.lat - (now.lat - _grab->lat), -89.0, 89.0);
    _pose = geo::clampPose(_pose);
    _goal.lon = _pose.lon;
    _goal.lat = _pose.lat;
}

void CameraController::zoomAt(double px, double py, double wheelSteps) {
    const double factor = std::pow(0.8, wheelSteps);
    const double newRange = std::clamp(_goal.range * factor, geo::kMinRange, geo::kMaxRange);
    const double applied = newRange / _goal.range;
    // Toward the point under the cursor: the target moves by the share of the range removed.
    if (const auto p = pick(px, py); p && wheelSteps > 0) {
        _goal.lon = wrap180(_goal.lon + wrap180(p->lon - _goal.lon) * (1.0 - applied));
        _goal.lat = std::clamp(_goal.lat + (p->lat - _goal.lat) * (1.0 - applied), -89.0, 89.0);
    }
    _goal.range = newRange;
}

void CameraController::turnAndTilt(double dx, double dy) {
    _goal.heading = _pose.heading = std::fmod(_pose.heading + dx * 0.25 + 360.0, 360.0);
    _goal.tilt = _pose.tilt = std::clamp(_pose.tilt + dy * 0.2, 0.0, geo::kMaxTilt);
}

void CameraController::zoom(double factor) {
    _goal.range = std::clamp(_goal.range * factor, geo::kMinRange, geo::kMaxRange);
}

void CameraController::move(double eastFraction, double northFraction) {
    const double metres = _goal.range;
    const double h = glm::radians(_goal.heading);
    const double east = eastFraction * std::cos(h) + northFraction * std::sin(h);
    const double north = northFraction * std::cos(h) - eastFraction * std::sin(h);
    _goal.lat = std::clamp(_goal.lat + north * metres / 111320.0, -89.0, 89.0);
    _goal.lon = wrap180(_goal.lon + east * metres / (111320.0 * std::max(std::cos(glm::radians(_goal.lat)), 0.05)));
}

void CameraController::home() {
    _goal = geo::CameraPose::home();
}

void CameraController::update(double seconds) {
    const double k = 1.0 - std::exp(-seconds * 8.0);
    // Range eases in log space, so each frame covers the same share of the way at any altitude.
    _pose.range = std::exp(std::log(_pose.range) + (std::log(_goal.range) - std::log(_pose.range)) * k);
    _pose.lon = wrap180(_pose.lon + wrap180(_goal.lon - _pose.lon) * k);
    _pose.lat += (_goal.lat - _pose.lat) * k;
    _pose.heading = std::fmod(_pose.heading + wrap180(_goal.heading - _pose.heading) * k + 360.0, 360.0);
    _pose.tilt += (_goal.tilt - _pose.tilt) * k;
    const geo::CameraPose grounded = geo::groundPose(_pose, _terrain, _exaggeration);
    if (grounded.range > _pose.range) _goal.range = std::max(_goal.range, grounded.range);
    _pose = grounded;
}

} // namespace app
