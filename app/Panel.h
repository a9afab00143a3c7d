#pragma once
// The ImGui panel: layer toggles, exaggeration, the GPU in use, frame time, camera readout. It shows the
// viewer's state and edits only its own widgets' values; every action it offers is a command for the viewer.
#include "app/ViewerCommand.h"
#include "geo/Camera.h"
#include "geo/Scenario.h"
#include "renderer/SceneRenderer.h"
#include "renderer/SceneStyle.h"

#include <set>

#include <string>
#include <vector>

namespace app {

struct PanelState {
    std::set<std::string, std::less<>> hidden; //!< layers left out, by name (renderer::sceneLayers())
    std::vector<std::string> imageryNames;     //!< each --imagery, as given
    std::vector<float> imageryOpacity;         //!< set by the panel's sliders (SceneView::imageryOpacity)
    float exaggeration = 1.0f;
    std::string deviceName;
    std::string attribution;
    bool showAttribution = true;
    bool showTitle = true, showLegend = true;
    bool symbols = true; //!< markers as military symbols, else prisms
    renderer::SceneStyle style;
    double frameMs = 0;
    geo::CameraPose pose;
    renderer::FrameStats stats;
    const geo::ScenarioSet* scenarios = nullptr; //!< null or empty: no scenario section
    int currentScenario = 0;
    int compareScenario = -1; //!< compare mode: the scenario of the right half; -1: off
    std::string hovered;      //!< tooltip text of the feature under the cursor; empty: none
    std::string selected;     //!< the selected site's name (range rings drawn around it)
    std::string reloadError;  //!< the last scenario file edit that could not be loaded
    bool editing = false;     //!< edit mode is on
    bool unsaved = false;     //!< the scenarios have edits not saved yet
    size_t ruleWarnings = 0;
    std::string cursor; //!< the ground under the cursor: degrees, DMS, MGRS, height, line of contact
    bool measuring = false;
    std::string
        measure; //!< range and bearing between the two points clicked  //!< planning rules the scenarios break now
    // Display and presenting.
    float uiScale = 1.0f;      //!< the user's factor on the monitor's scale
    float uiScaleDraft = 0.0f; //!< the slider while it is dragged (applied on release)
    float displayScale = 1.0f; //!< what is drawn now: monitor scale x uiScale
    bool presentable = false;  //!< a tour is there to present
    bool presenting = false;
    std::string presenterError;
};

//! "Personnel by lead nation" of scenario `index`: "UA 1200, PL 300", nations in order. Each sum saturates
//! instead of overflowing: a total beyond the 64-bit range reads "over 9223372036854775807" (or "under" the
//! lowest); empty when no feature of the scenario gives personnel.
std::string personnelByLead(const geo::ScenarioSet& set, size_t index);

//! Draws the panel for `state`; what the user asked for is appended to `commands`.
void drawPanel(PanelState& state, ViewerCommands& commands);

} // namespace app
