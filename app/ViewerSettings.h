#pragma once
// What the viewer remembers between runs: where its window was (monitor, position, size,
// fullscreen) and the user's display scale. Kept in $XDG_CONFIG_HOME/bulwark/viewer.json (or
// ~/.config/bulwark/viewer.json), written next to it and renamed over it.
#include <filesystem>
#include <optional>
#include <string>

namespace app {

struct WindowPlacement {
    std::string monitor; //!< the monitor's name, matched again on the next run
    int x = 0, y = 0, width = 1600, height = 900;
    bool fullscreen = false;
};

struct ViewerSettings {
    std::optional<WindowPlacement> window; //!< none before the first run
    float uiScale = 1.0f;                  //!< the user's own factor on top of the monitor's scale
};

//! $BULWARK_CONFIG if set (a file), else $XDG_CONFIG_HOME/bulwark/viewer.json, else ~/.config/bulwark/viewer.json.
std::filesystem::path viewerSettingsPath();

//! Reads the settings; a missing file gives the defaults. A damaged one gives the defaults too and
//! a one-line warning naming the file and the problem in `warning`: the window must still open.
ViewerSettings loadViewerSettings(const std::filesystem::path& file, std::string* warning = nullptr);
//! Writes next to `file` and renames over it; false and `error` when that fails.
bool saveViewerSettings(const ViewerSettings& settings, const std::filesystem::path& file, std::string* error);

constexpr float kMinUiScale = 0.5f, kMaxUiScale = 4.0f;

} // namespace app
