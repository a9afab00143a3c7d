#include "renderer/Scene.h"

namespace renderer {

ImageryInput globeImageryInput(std::shared_ptr<const geo::TileSource> blueMarble) {
    // It shows the globe from space; it is gone by the regional view (about 1,700 km up), where the shaded
    // relief reads better.
    return {std::move(blueMarble), 1.0f, 4.0e6, 8.0e6, "Imagery: NASA Blue Marble"};
}

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
    if (globeImagery) inputs.globeImagery.push_back(globeImageryInput(globeImagery));
}

} // namespace renderer
