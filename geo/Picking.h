#pragma once
// Where a ray from the eye meets the terrain, with the same vertical exaggeration the renderer uses,
// so what is under the cursor is what the user sees there.
#include "geo/Ellipsoid.h"
#include "geo/HeightGrid.h"

#include <optional>

namespace geo {

std::optional<GeoPoint> pickTerrain(const Terrain& terrain, const glm::dvec3& eye, const glm::dvec3& dir,
                                    double exaggeration);

} // namespace geo
