#include "renderer/View.h"

#include <algorithm>
#include <cmath>
#include <glm/gtc/matrix_transform.hpp>

namespace renderer {

View View::make(const geo::CameraPose& pose, double width, double height, double fovyDeg) {
    const geo::CameraFrame frame = geo::cameraFrame(pose);
    View v;
    v.eye = frame.eye;
    v.width = width;
    v.height = height;
    v.fovy = glm::radians(fovyDeg);
    const double f = 1.0 / std::tan(v.fovy / 2.0);
    v.pixelsPerRadian = height * 0.5 * f;
    // Near plane from the eye's height above the ellipsoid: reversed depth keeps precision far away.
    const double altitude = std::max(geo::toGeodetic(frame.eye).height, 10.0);
    const double nearPlane = std::clamp(altitude * 0.02, 1.0, 5.0e4);
    glm::dmat4 proj(0.0);
    proj[0][0] = f / (width / height);
    proj[1][1] = -f; // Vulkan's y points down
    proj[2][3] = -1.0;
    proj[3][2] = nearPlane;
    const glm::dmat4 view = glm::lookAt(glm::dvec3(0.0), frame.forward, frame.up);
    v.viewProj = proj * view;
    v._inverseViewProj = glm::inverse(v.viewProj);
    const glm::dmat4 m = glm::transpose(v.viewProj); // rows of viewProj
    v.planes = {m[3] + m[0], m[3] - m[0], m[3] + m[1], m[3] - m[1], m[3] - m[2]};
    for (auto& p : v.planes) p /= glm::length(glm::dvec3(p));
    return v;
}

bool View::sees(const glm::dvec3& c, double radius) const {
    return std::all_of(planes.begin(), planes.end(),
                       [&](const glm::dvec4& p) { return glm::dot(glm::dvec3(p), c) + p.w >= -radius; });
}

bool View::project(const glm::dvec3& ecef, glm::dvec2& pixel) const {
    const glm::dvec4 clip = viewProj * glm::dvec4(ecef - eye, 1.0);
    if (clip.w <= 1e-9) return false;
    pixel = {(clip.x / clip.w * 0.5 + 0.5) * width, (clip.y / clip.w * 0.5 + 0.5) * height};
    return true;
}

glm::dvec3 View::rayThrough(double px, double py) const {
    const glm::dvec2 ndc{px / width * 2.0 - 1.0, py / height * 2.0 - 1.0};
    // Reversed depth: z = 1 is the near plane, z -> 0 is infinitely far.
    const glm::dvec4 nearPoint = _inverseViewProj * glm::dvec4(ndc, 1.0, 1.0);
    const glm::dvec4 farPoint = _inverseViewProj * glm::dvec4(ndc, 0.5, 1.0);
    return glm::normalize(glm::dvec3(farPoint) / farPoint.w - glm::dvec3(nearPoint) / nearPoint.w);
}

} // namespace renderer
