#pragma once
// A "look-at" camera over the globe, as Google Earth and Cesium describe one: a target on the
// ground, a range to it, a heading and a tilt. Pure math in double precision; no GPU here.
#include "geo/Ellipsoid.h"
#include "geo/Result.h"

#include <glm/glm.hpp>
#include <string>

namespace geo {

struct CameraPose {
    double lon = 31.5, lat = 46.8; //!< target, degrees
    double targetHeight = 0;       //!< metres above the ellipsoid at the target
    double range = 1.9e6;          //!< metres from target to eye
    double heading = 0;            //!< degrees clockwise from north
    double tilt = 30;              //!< degrees from looking straight down (0) toward the horizon (90)

    //! Ukraine and its neighbours from the south-west of the Black Sea: the Carpathians, Crimea,
    //! the Sea of Azov and the line of the Dnipro in one view.
    static CameraPose home() { return {}; }
};

//! Where the eye is and where it looks, in ECEF metres.
struct CameraFrame {
    glm::dvec3 eye, forward, up, right;
};

CameraFrame cameraFrame(const CameraPose& pose);

//! Parses "LON,LAT,RANGE_KM,HEADING_DEG,TILT_DEG" (the last two optional); fails on anything
//! malformed or out of range (lat beyond ±90, range outside 2..40000 km, tilt outside 0..85).
Result<CameraPose> parseCamera(const std::string& text);

//! The pose as --camera takes it: "LON,LAT,RANGE_KM,HEADING_DEG,TILT_DEG".
std::string formatCamera(const CameraPose& pose);

//! Clamps range, tilt and latitude to what the viewer supports; wraps lon and heading.
CameraPose clampPose(CameraPose pose);

constexpr double kMinRange = 2000.0; //!< metres: about 5 km altitude at a useful tilt
constexpr double kMaxRange = 4.0e7;  //!< metres: the whole globe in view
constexpr double kMaxTilt = 85.0;

} // namespace geo
