#pragma once
// The ImGui panel: layer toggles, exaggeration, the GPU in use, frame time, camera readout.
#include "geo/Camera.h"
#include "geo/Scenario.h"
#include "renderer/SceneRenderer.h"
#include "renderer/SceneStyle.h"

#include <set>

#include <string>

namespace app {

struct PanelState {
    std::set<std::string, std::less<>> hidden; //!< layers left out, by name (renderer::sceneLayers())
    float exaggeration = 1.0f;
    std::string deviceName;
    std::string attribution;
    bool showAttribution = true;
    bool showTitle = true, showLegend = true;
    renderer::SceneStyle style;
    bool styleChanged = false; //!< set by the panel: theme or palette picked
    double frameMs = 0;
    geo::CameraPose pose;
    renderer::FrameStats stats;
    bool homeRequested = false;
    const geo::ScenarioSet* scenarios = nullptr; //!< null or empty: no scenario section
    int currentScenario = 0;
    int requestedScenario = -1;  //!< set by the panel when the user picks one
    int compareScenario = -1;    //!< compare mode: the scenario of the right half; -1: off
    std::string hovered;         //!< tooltip text of the feature under the cursor; empty: none
    std::string selected;        //!< the selected site's name (range rings drawn around it)
    bool clearSelection = false; //!< set by the panel
    std::string reloadError;     //!< the last scenario file edit that could not be loaded
    // Display and presenting.
    float uiScale = 1.0f;      //!< the user's factor on the monitor's scale (set by the panel)
    float uiScaleDraft = 0.0f; //!< the slider while it is dragged (applied on release)
    float displayScale = 1.0f; //!< what is drawn now: monitor scale x uiScale
    bool fullscreenRequested = false;
    bool presentable = false; //!< a tour is there to present
    bool presenting = false;
    bool presentRequested = false; //!< set by the panel: presenter mode on or off
    std::string presenterError;
};

//! "Personnel by lead nation" of scenario `index`: "UA 1200, PL 300", nations in order. Each sum saturates
//! instead of overflowing: a total beyond the 64-bit range reads "over 9223372036854775807" (or "under" the
//! lowest); empty when no feature of the scenario gives personnel.
std::string personnelByLead(const geo::ScenarioSet& set, size_t index);

void drawPanel(PanelState& state);

} // namespace app
