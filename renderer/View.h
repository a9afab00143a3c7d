#pragma once
// The camera as the GPU needs it: a camera-relative view-projection (the eye at the origin, so
// float vertices never carry ECEF magnitudes), reversed depth with an infinite far plane, and the
// numbers level-of-detail and culling use.
#include "geo/Camera.h"

#include <array>
#include <glm/glm.hpp>

namespace renderer {

struct View {
    glm::dvec3 eye;
    glm::dmat4 viewProj;              //!< camera-relative: apply to (point - eye)
    std::array<glm::dvec4, 5> planes; //!< left, right, top, bottom, near, camera-relative
    double pixelsPerRadian = 1;       //!< viewport height / (2 tan(fovy / 2))
    double width = 1, height = 1;
    double fovy = 0;

    static View make(const geo::CameraPose& pose, double width, double height, double fovyDeg = 40.0);
    //! True when a sphere (centre relative to the eye) is at least partly inside the frustum.
    bool sees(const glm::dvec3& centreRelEye, double radius) const;
    //! Pixel position (x right, y down) of an ECEF point, or false when behind the eye.
    bool project(const glm::dvec3& ecef, glm::dvec2& pixel) const;
    //! The ray from the eye through a pixel, as a unit direction in ECEF.
    glm::dvec3 rayThrough(double px, double py) const;

private:
    glm::dmat4 _inverseViewProj;
};

} // namespace renderer
