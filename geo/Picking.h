#pragma once
// Where a ray from the eye meets the terrain, with the same vertical exaggeration the renderer uses,
// so what is under the cursor is what the user sees there.
#include "geo/Camera.h"
#include "geo/Ellipsoid.h"
#include "geo/Terrain.h"

#include <optional>

namespace geo {

std::optional<GeoPoint> pickTerrain(const Terrain& terrain, const glm::dvec3& eye, const glm::dvec3& dir,
                                    double exaggeration);

//! The pose with its target standing on the (exaggerated) terrain and its eye at least
//! `clearance` metres above the terrain under it, moved back along its line of sight if needed:
//! the camera never goes under the ground.
CameraPose groundPose(CameraPose pose, const Terrain& terrain, double exaggeration, double clearance = 150.0);

} // namespace geo
