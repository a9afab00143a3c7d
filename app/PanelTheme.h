#pragma once
// The look of the ImGui panel, matching the scene's theme: the viewer calls this at start and
// whenever the theme changes (an ImGui context must be current).
#include "renderer/SceneStyle.h"

namespace app {

//! Standard: ImGui's dark style. High contrast: black ground, white text, yellow accents and
//! visible borders, readable on a projector.
void applyPanelTheme(renderer::Theme theme);

} // namespace app
