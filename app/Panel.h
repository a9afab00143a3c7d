#pragma once
// The ImGui panel: layer toggles, exaggeration, the GPU in use, frame time, camera readout.
#include "geo/Camera.h"
#include "geo/Scenario.h"
#include "renderer/SceneRenderer.h"

#include <string>

namespace app {

struct PanelState {
    renderer::SceneLayers layers;
    float exaggeration = 1.0f;
    std::string deviceName;
    std::string attribution;
    bool showAttribution = true;
    double frameMs = 0;
    geo::CameraPose pose;
    renderer::FrameStats stats;
    bool homeRequested = false;
    const geo::ScenarioSet* scenarios = nullptr; //!< null or empty: no scenario section
    int currentScenario = 0;
    int requestedScenario = -1; //!< set by the panel when the user picks one
};

void drawPanel(PanelState& state);

} // namespace app
