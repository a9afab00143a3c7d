#pragma once
// The ImGui panel: layer toggles, exaggeration, the GPU in use, frame time, camera readout.
#include "geo/Camera.h"
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
};

void drawPanel(PanelState& state);

} // namespace app
