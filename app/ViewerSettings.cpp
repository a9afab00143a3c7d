#include "app/ViewerSettings.h"
#include "geo/JsonFields.h"

#include "geo/OutputFile.h"

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <system_error>

namespace app {

std::filesystem::path viewerSettingsPath() {
    if (const char* file = std::getenv("BULWARK_CONFIG"); file && *file) return file;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
        return std::filesystem::path(xdg) / "bulwark" / "viewer.json";
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home && *home ? home : ".") / ".config" / "bulwark" / "viewer.json";
}

ViewerSettings loadViewerSettings(const std::filesystem::path& file, std::string* warning) {
    std::error_code missing;
    if (!std::filesystem::exists(std::filesystem::symlink_status(file, missing))) return {}; // the first run
    std::string problem;
    const auto read = geo::readJsonFile(file);
    if (!read) {
        problem = read.failure().what;
    } else {
        ViewerSettings settings;
        // The first problem is the warning; the window opens with the defaults.
        const geo::JsonFields doc(read.value(), [&](const std::string& field, const std::string& message) {
            if (problem.empty()) problem = (field.empty() ? "" : field + ": ") + message;
        });
        if (const auto scale = doc.number("ui_scale", kMinUiScale, kMaxUiScale)) settings.uiScale = float(*scale);
        if (const auto w = doc.object("window")) {
            WindowPlacement p;
            p.monitor = w->text("monitor").value_or("");
            for (const char* required : {"x", "y", "width", "height"})
                if (!w->has(required)) w->report(required, "missing");
            // Positions may be negative (a monitor left of the primary one), never beyond any screen.
            constexpr long long kFar = 1 << 20;
            p.x = int(w->integer("x", -kFar, kFar).value_or(0));
            p.y = int(w->integer("y", -kFar, kFar).value_or(0));
            p.width = int(w->integer("width", 16, 32768).value_or(p.width));
            p.height = int(w->integer("height", 16, 32768).value_or(p.height));
            p.fullscreen = w->flag("fullscreen").value_or(false);
            settings.window = p;
        }
        if (problem.empty()) return settings;
    }
    if (warning) *warning = file.string() + ": " + problem + "; using the default window";
    return ViewerSettings{};
}

bool saveViewerSettings(const ViewerSettings& settings, const std::filesystem::path& file, std::string* error) {
    nlohmann::json doc;
    doc["ui_scale"] = settings.uiScale;
    if (settings.window) {
        const WindowPlacement& p = *settings.window;
        doc["window"] = {{"monitor", p.monitor}, {"x", p.x},           {"y", p.y},
                         {"width", p.width},     {"height", p.height}, {"fullscreen", p.fullscreen}};
    }
    std::error_code ec; // a folder that cannot be made is reported by the write, naming the file
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
    try {
        geo::writeOutputFile(file, doc.dump(2) + "\n");
    } catch (const geo::OutputError& e) {
        if (error) *error = e.what();
        return false;
    }
    return true;
}

} // namespace app
