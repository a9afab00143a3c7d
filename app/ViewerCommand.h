#pragma once
// What the user asks the viewer for, from a key or the panel. The panel and the key map emit these;
// the viewer applies them in order once a frame, so each action has one place that carries it out
// (and, for edits, one place to make it undoable).
#include "geo/Scenario.h"
#include "geo/edit/EditCommands.h"
#include "renderer/SceneStyle.h"

#include <glm/vec2.hpp>
#include <string>

#include <variant>
#include <vector>

namespace app {

namespace command {
struct SelectScenario {
    int index = 0;
};
struct StepScenario {
    int delta = 0; //!< +1 next, -1 previous
};
struct Home {};
struct ToggleFullscreen {};
struct TogglePresenter {};
struct TogglePanel {};
struct ClearSelection {}; //!< the selected site and its range rings
struct SetStyle {
    renderer::SceneStyle style;
};
struct SetUiScale {
    float scale = 1.0f; //!< the user's factor on the monitor's scale
};
struct Quit {};
struct FlyTo {
    glm::dvec2 lonLat{0};
};

// Editing (edit mode). Each is one user action, so one step of undo.
struct ToggleEditMode {};
struct ToggleMeasure {}; //!< range and bearing between two clicks on the ground
struct MoveSites {
    std::vector<std::pair<std::string, glm::dvec2>> to; //!< feature id → new lon/lat
    int drag = 0;           //!< moves of one drag share a non-zero number: they make one undo step together
    bool dragEnded = false; //!< the drag's button let go: its step is complete (no moves with it)
};
struct AddSite {
    geo::FeatureKind kind = geo::FeatureKind::Hub;
    glm::dvec2 lonLat{0};
};
struct DeleteFeatures {
    std::vector<std::string> ids;
};
struct DuplicateFeatures {
    std::vector<std::string> ids;
};
//! Every attribute of one feature at once (the panel's form): the feature as it should be.
struct SetFeature {
    std::string id;
    geo::ScenarioFeature feature;
};
//! A line or polygon drawn in edit mode (DrawTool): its vertices as clicked, a polygon's ring not closed.
struct AddShape {
    geo::FeatureKind kind = geo::FeatureKind::Corridor;
    std::vector<glm::dvec2> points;
};
//! A vertex of a line or polygon moved (a drag: moves sharing `drag` make one undo step), inserted or deleted.
struct EditVertex {
    enum class Op { Move, Insert, Delete } op = Op::Move;
    std::string id;
    geo::VertexRef at;
    glm::dvec2 lonLat{0};
    int drag = 0;           //!< as MoveSites::drag
    bool dragEnded = false; //!< as MoveSites::dragEnded
};
struct Undo {};
struct Redo {};
struct Save {};
//! What the selected site sees, draped on the terrain (CoverageTool), on or off.
struct ToggleCoverage {};

// Measuring (MeasureTools): the tool in use takes the clicks on the ground.
enum class Tool { None, Range, Path, Area };
struct UseTool {
    Tool tool = Tool::None; //!< None: stop measuring
};
//! Measures a line (its length and terrain profile) or an area (its area): the feature selected in edit mode.
struct MeasureFeature {
    std::string id;
};
} // namespace command

using ViewerCommand =
    std::variant<command::SelectScenario, command::StepScenario, command::Home, command::ToggleFullscreen,
                 command::TogglePresenter, command::TogglePanel, command::ClearSelection, command::SetStyle,
                 command::SetUiScale, command::Quit, command::FlyTo, command::ToggleEditMode, command::ToggleMeasure,
                 command::MoveSites, command::AddSite, command::DeleteFeatures, command::DuplicateFeatures,
                 command::SetFeature, command::AddShape, command::EditVertex, command::Undo, command::Redo,
                 command::Save, command::ToggleCoverage, command::UseTool, command::MeasureFeature>;

//! The commands gathered over one frame.
using ViewerCommands = std::vector<ViewerCommand>;

} // namespace app
