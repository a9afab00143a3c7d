#include "renderer/Scene.h"

namespace renderer {

LoadedScene::LoadedScene(geo::SceneData data, SceneStyle style) : geo::SceneData(std::move(data)) {
    inputs.terrain = &terrain;
    inputs.borders = std::move(borders);
    inputs.coastlines = std::move(coastlines);
    inputs.places = std::move(places);
    inputs.highlight = std::move(highlight);
    inputs.font = std::move(font);
    inputs.attribution = std::move(attribution);
    inputs.scenarios = hasScenarios ? &scenarios : nullptr;
    inputs.style = style;
    inputs.nationNames = std::move(nationNames);
    for (const auto& source : imagery) inputs.imagery.push_back({source});
    // The Blue Marble shows the globe from space; it is gone by the regional view (about 1,700 km up),
    // where the shaded relief reads better.
    if (globeImagery) inputs.globeImagery.push_back({globeImagery, 1.0f, 4.0e6, 8.0e6});
}

} // namespace renderer
