#include "app/ViewerSettings.h"

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
    ViewerSettings settings;
    std::ifstream in(file);
    if (!in) return settings;
    try {
        const nlohmann::json doc = nlohmann::json::parse(in);
        if (doc.contains("ui_scale")) {
            const float scale = doc.at("ui_scale").get<float>();
            if (!(scale >= kMinUiScale && scale <= kMaxUiScale))
                throw std::runtime_error("ui_scale " + std::to_string(scale) + " is outside 0.5..4");
            settings.uiScale = scale;
        }
        if (doc.contains("window")) {
            const nlohmann::json& w = doc.at("window");
            WindowPlacement p;
            p.monitor = w.value("monitor", std::string());
            p.x = w.at("x").get<int>();
            p.y = w.at("y").get<int>();
            p.width = w.at("width").get<int>();
            p.height = w.at("height").get<int>();
            p.fullscreen = w.value("fullscreen", false);
            if (p.width < 16 || p.height < 16 || p.width > 32768 || p.height > 32768)
                throw std::runtime_error("window size " + std::to_string(p.width) + "x" + std::to_string(p.height) +
                                         " is out of range");
            settings.window = p;
        }
    } catch (const std::exception& e) {
        if (warning) *warning = file.string() + ": " + e.what() + "; using the default window";
        return ViewerSettings{};
    }
    return settings;
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
