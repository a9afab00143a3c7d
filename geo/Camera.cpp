#include "geo/Camera.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <vector>

namespace geo {

CameraFrame cameraFrame(const CameraPose& pose) {
    const glm::dmat3 enu = enuFrame(pose.lon, pose.lat);
    const glm::dvec3 target = toEcef({pose.lon, pose.lat, pose.targetHeight});
    const double h = glm::radians(pose.heading), t = glm::radians(pose.tilt);
    // Horizontal direction the camera faces, then the eye sits back along it and up by the tilt.
    const glm::dvec3 facing = enu[1] * std::cos(h) + enu[0] * std::sin(h);
    const glm::dvec3 toEye = enu[2] * std::cos(t) - facing * std::sin(t);
    CameraFrame f;
    f.eye = target + toEye * pose.range;
    f.forward = -toEye;
    // Screen-up: the facing direction when looking straight down, tilting toward local up.
    f.up = glm::normalize(facing * std::cos(t) + enu[2] * std::sin(t));
    f.right = glm::normalize(glm::cross(f.forward, f.up));
    return f;
}

std::string formatCamera(const CameraPose& p) {
    char text[160];
    std::snprintf(text, sizeof text, "%.4f,%.4f,%.1f,%.1f,%.1f", p.lon, p.lat, p.range / 1000.0, p.heading, p.tilt);
    return text;
}

CameraPose clampPose(CameraPose p) {
    p.range = std::clamp(p.range, kMinRange, kMaxRange);
    p.tilt = std::clamp(p.tilt, 0.0, kMaxTilt);
    p.lat = std::clamp(p.lat, -89.0, 89.0);
    p.lon = std::remainder(p.lon, 360.0);
    p.heading = std::fmod(std::fmod(p.heading, 360.0) + 360.0, 360.0);
    return p;
}

Result<CameraPose> parseCamera(const std::string& text) {
    const Failure bad{"--camera " + text, "expected LON,LAT,RANGE_KM[,HEADING_DEG[,TILT_DEG]]"};
    // Every comma separates two numbers: "31,49,500," and "31,,49,500" are malformed, not shorter.
    std::vector<double> v;
    for (size_t start = 0;;) {
        const size_t comma = std::min(text.find(',', start), text.size());
        double number = 0;
        const char* first = text.data() + start;
        const char* last = text.data() + comma;
        const auto [end, error] = std::from_chars(first, last, number);
        if (first == last || error != std::errc() || end != last || !std::isfinite(number)) return bad;
        v.push_back(number);
        if (v.size() > 5) return bad;
        if (comma == text.size()) break;
        start = comma + 1;
    }
    if (v.size() < 3 || v.size() > 5) return bad;
    CameraPose p;
    p.lon = v[0];
    p.lat = v[1];
    p.range = v[2] * 1000.0;
    p.heading = v.size() > 3 ? v[3] : 0.0;
    p.tilt = v.size() > 4 ? v[4] : 0.0;
    if (p.lon < -180 || p.lon > 360) return Failure{bad.where, "longitude must be within -180..360 degrees"};
    if (p.lat < -90 || p.lat > 90) return Failure{bad.where, "latitude must be within -90..90 degrees"};
    if (p.range < kMinRange || p.range > kMaxRange) return Failure{bad.where, "range must be within 2..40000 km"};
    if (p.tilt < 0 || p.tilt > kMaxTilt) return Failure{bad.where, "tilt must be within 0..85 degrees"};
    return clampPose(p);
}

} // namespace geo
