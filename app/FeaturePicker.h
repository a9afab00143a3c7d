#pragma once
// Which scenario marker is under the cursor, for tooltips and selection in the viewer.
#include "geo/Camera.h"
#include "geo/Terrain.h"
#include "geo/Scenario.h"
#include "geo/SymbolScene.h"
#include "renderer/Declutter.h"
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

//! Where a click on a military symbols' cluster flies: over the cluster, heading and tilt kept, at the range
//! where it splits into its members (geo::splitDistance). None when no cluster was drawn under `cursor`
//! (pixels of the view `placed` belongs to). `pose` is the camera
//! now, `view` its view, `strokeScale` the symbols' (renderer::strokeScale of the frame's display scale).
std::optional<geo::CameraPose> clusterFlight(const renderer::Declutter& placed, const geo::SymbolScene& symbols,
                                             glm::dvec2 cursor, const geo::CameraPose& pose,
                                             const renderer::View& view, float strokeScale);

} // namespace app
