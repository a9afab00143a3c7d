#pragma once
// The interactive window: GLFW, a swapchain the scene is blitted into, the ImGui panel over it,
// and the camera under mouse and keyboard.
#include "app/SceneOptions.h"

#include <memory>

namespace app {

struct ViewerOptions {
    int width = 1600, height = 900;
    geo::CameraPose start = geo::CameraPose::home();
    double exaggeration = 1.0;
    renderer::SceneLayers layers;
    bool attribution = true;
    int startScenario = 0;   //!< index in the scenario manifest
    std::string tour;        //!< tour file to edit in the timeline (created on save if missing); empty: none
    int exitAfterFrames = 0; //!< > 0: close after this many frames (tests, smoke runs)
    bool fullscreen = false;
};

//! Opens the window and runs until it is closed; returns the exit code.
int runViewer(const LoadedScene& scene, const ViewerOptions& options);

} // namespace app
