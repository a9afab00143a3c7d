#pragma once
// Mouse and keyboard camera control as users of Google Earth and Cesium expect: drag to pan the
// ground under the cursor, wheel to zoom toward the cursor, right or middle drag to turn and tilt,
// H for home. Movements ease toward a goal pose so zooming from orbit to the ground is smooth.
#include "geo/Camera.h"
#include "geo/Terrain.h"

#include <optional>

namespace app {

class CameraController {
public:
    explicit CameraController(const geo::Terrain& terrain, geo::CameraPose start = geo::CameraPose::home());

    void beginPan(double px, double py);
    void pan(double px, double py);
    void endPan() { _grab.reset(); }
    void zoomAt(double px, double py, double wheelSteps);
    void turnAndTilt(double dxPixels, double dyPixels);
    void zoom(double factor);                             //!< about the screen centre
    void move(double eastFraction, double northFraction); //!< by a fraction of the range, e.g. arrow keys
    void home();
    //! Eases over to look at a point from the current range, heading and tilt.
    void flyTo(double lon, double lat) { _goal.lon = lon, _goal.lat = lat; }
    //! Eases over to `goal` (a clicked cluster's split view).
    void flyTo(const geo::CameraPose& goal) { _goal = goal; }

    //! Eases the shown pose toward the goal; call once a frame.
    void update(double seconds);

    const geo::CameraPose& pose() const { return _pose; }
    void setPose(const geo::CameraPose& pose) { _pose = _goal = pose; }
    void setViewport(double width, double height) { _width = width, _height = height; }
    void setExaggeration(double e) { _exaggeration = e; }
    //! The point on the terrain under a pixel of the shown pose, if any.
    std::optional<geo::GeoPoint> pick(double px, double py) const;

private:
    const geo::Terrain& _terrain;
    geo::CameraPose _pose, _goal;
    std::optional<geo::GeoPoint> _grab;
    double _width = 1, _height = 1, _exaggeration = 1;
};

} // namespace app
