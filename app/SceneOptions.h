#pragma once
// The command-line options every command shares (data files, camera, size, exaggeration) and the
// loading of those files into what the renderer draws.
#include "geo/Camera.h"
#include "geo/Terrain.h"
#include "geo/Scenario.h"
#include "geo/SceneData.h"
#include "renderer/SceneRenderer.h"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <string>

namespace app {

//! Everything loaded from disk for one scene. The terrain lives here; the renderer borrows it.
using LoadedScene = renderer::LoadedScene;

struct SceneOptions {
    std::string camera;  //!< "LON,LAT,RANGE_KM[,HEADING,TILT]"; empty: the home view
    std::string dem;     //!< empty: the regional asset; always over the Europe and globe bases
    std::string borders; //!< empty: assets/vector/borders.gpkg, layer countries
    std::string bordersLayer;
    std::string coastlines; //!< empty: the coastline layer of the default borders file
    std::string coastlinesLayer;
    std::string places;    //!< empty: assets/places.gpkg
    std::string font;      //!< empty: DejaVu Sans Bold from fonts-dejavu-core
    std::string scenarios; //!< scenario manifest; empty: assets/scenarios/scenarios.json
    std::string scenario;  //!< the scenario to show; empty: none (render, bench) or the first (viewer)
    std::string compare;   //!< "ID,ID": two scenarios side by side under one camera
    double exaggeration = 1.0;
    std::vector<std::string> hide;    //!< layers to leave out, by name (renderer::sceneLayers())
    bool noAttribution = false;       //!< leave out the data credits
    bool noTitle = false;             //!< leave out the title (--no-title, --no-caption)
    bool noLegend = false;            //!< leave out the legend
    std::string title;                //!< the title instead of the scenario's; empty: the scenario's
    std::string theme = "standard";   //!< "standard" or "high-contrast" (renderer::parseTheme)
    std::string palette = "standard"; //!< "standard" or "colour-blind" (renderer::parsePalette)
    std::string markers = "symbols";  //!< "symbols" (APP-6 / MIL-STD-2525) or "prisms"
    std::vector<std::string> imagery;    //!< rasters draped on the terrain, in drawing order
    std::vector<double> imageryOpacity; //!< the opacity of each --imagery, in the same order (default 1)
    double cacheMb = 512;               //!< terrain tiles kept in memory, MB (--cache-mb)
    std::string cacheDir;               //!< where tiles of remote sources are kept (--cache-dir); empty: none

    //! The layers --hide leaves out.
    std::set<std::string, std::less<>> hiddenLayers() const;
    //! What these options ask to see of `scene`: camera (its target on the terrain), exaggeration,
    //! layers, credits. Throws UsageError on a malformed --camera.
    renderer::SceneView view(const LoadedScene& scene) const;
    //! The files these options name (geo::loadSceneData).
    geo::SceneFiles files() const;
    //! Theme and palette; --theme and --palette were checked when parsed.
    renderer::SceneStyle style() const;
    //! The title of a frame showing `scenario`: --title, else scenarioTitle(); empty with --no-title.
    std::string titleFor(const geo::ScenarioInfo& scenario) const;
    //! Adds --camera, --dem, --borders, --borders-layer, --coastlines, --coastlines-layer, --places, --font,
    //! --exaggeration, --hide, --no-attribution, --title, --no-title, --no-legend, --theme, --palette, --cache-mb,
    //! --cache-dir.
    void addTo(CLI::App& command);
};

using geo::scenarioTitle;

//! The scenario set of --scenarios, or the default one (nothing when there is none); throws UsageError
//! with the first problem.
std::optional<geo::ScenarioSet> loadScenarioOption(const std::string& scenarios);
//! The index of scenario `id` in `set`; throws UsageError naming `option` and the ids there are.
size_t scenarioIndex(const geo::ScenarioSet& set, const std::string& option, const std::string& id);

//! Throws UsageError unless `megabytes` (--cache-mb) is at least 1 and at most the machine's memory (or 1e6).
void checkCacheMb(double megabytes);
//! Loads every file the options name; throws UsageError naming the file and problem.
std::unique_ptr<LoadedScene> loadScene(const SceneOptions& options);

//! The largest side of a window, a video frame or a single still.
constexpr uint32_t kMaxFrameSide = 8192;
//! The largest side of a still rendered in tiles (`render`): a 32K poster.
constexpr uint32_t kMaxPosterSide = 32768;

//! Parses "WxH" within 16..maxSide a side; throws UsageError otherwise.
VkExtent2D parseSize(const std::string& text, const std::string& option = "--size", uint32_t maxSide = kMaxFrameSide);
//! Parses --camera, or the home view when empty; throws UsageError.
geo::CameraPose parseCameraOption(const std::string& text);
//! A CLI11 check that the value is a finite number within lo..hi. CLI::Range lets "nan" through (every
//! comparison with NaN is false), and "inf" or "1e999" would reach the scene as infinities.
CLI::Validator finiteWithin(double lo, double hi);
//! The folder of the default data: $BULWARK_ASSETS, else the source tree's assets/ (found at build time).
std::filesystem::path assetsDir();

} // namespace app
