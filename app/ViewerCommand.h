#pragma once
// What the user asks the viewer for, from a key or the panel. The panel and the key map emit these;
// the viewer applies them in order once a frame, so each action has one place that carries it out
// (and, for edits, one place to make it undoable).
#include "renderer/SceneStyle.h"

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
} // namespace command

using ViewerCommand = std::variant<command::SelectScenario, command::StepScenario, command::Home,
                                   command::ToggleFullscreen, command::TogglePresenter, command::TogglePanel,
                                   command::ClearSelection, command::SetStyle, command::SetUiScale, command::Quit>;

//! The commands gathered over one frame.
using ViewerCommands = std::vector<ViewerCommand>;

} // namespace app
