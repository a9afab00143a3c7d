#pragma once
// The interactive window: GLFW, a swapchain the scene is blitted into, the ImGui panel over it,
// and the camera under mouse and keyboard.
#include "app/SceneOptions.h"
#include "app/ViewerWindow.h"
#include "geo/Tour.h"

#include <memory>
#include <optional>

namespace app {

struct ViewerOptions {
    WindowRequest window;
    float uiScale = 0; //!< --ui-scale; 0: the remembered setting
    geo::CameraPose start = geo::CameraPose::home();
    double exaggeration = 1.0;
    std::set<std::string, std::less<>> hidden; //!< layers left out (SceneView::hidden)
    bool attribution = true;
    bool showTitle = true, legend = true; //!< the in-scene title and legend (--no-title, --no-legend)
    std::string title;                    //!< --title; empty: the scenario's name, and that it is illustrative
    int startScenario = 0;                //!< index in the scenario manifest
    std::string tour;        //!< tour file to edit in the timeline (created on save if missing); empty: none
    int exitAfterFrames = 0; //!< > 0: close after this many frames (tests, smoke runs)
    std::optional<geo::Tour> presentation; //!< the tour presenter mode plays (P), when no --tour is edited
    std::string presentationProblem;       //!< why there is no tour to present, if so
    bool present = false;                  //!< start in presenter mode (`bulwark present`)
};

//! Opens the window and runs until it is closed; returns the exit code.
int runViewer(const LoadedScene& scene, const ViewerOptions& options);

} // namespace app
