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
}

} // namespace renderer
