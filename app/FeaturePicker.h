#pragma once
// Which scenario marker is under the cursor, for tooltips and selection in the viewer.
#include "geo/Terrain.h"
#include "geo/Scenario.h"
#include "renderer/View.h"

#include <optional>

namespace app {

//! Where a point on the (exaggerated) ground is drawn, in pixels; nothing when it is behind the eye or
//! beyond the horizon.
std::optional<glm::dvec2> groundPixel(glm::dvec2 lonLat, const geo::Terrain& terrain, const renderer::View& view,
                                      double exaggeration);

//! The marker shown in `scenarioIndex` nearest to `cursor` (pixels), if one is within reach: at
//! its foot or up its prism. Null otherwise.
const geo::ScenarioFeature* markerAt(const geo::ScenarioSet& set, int scenarioIndex, const geo::Terrain& terrain,
                                     const renderer::View& view, double exaggeration, glm::dvec2 cursor);

//! Any feature shown in `scenarioIndex` under the cursor: a marker first, then a line within a few
//! pixels, then the smallest area holding the ground point under the cursor. Null if none.
const geo::ScenarioFeature* featureAt(const geo::ScenarioSet& set, int scenarioIndex, const geo::Terrain& terrain,
                                      const renderer::View& view, double exaggeration, glm::dvec2 cursor);

//! What a tooltip says of a feature: name, kind, nations, personnel, status and source.
std::string describe(const geo::ScenarioFeature& feature, const geo::ScenarioSet& set);

} // namespace app
