#include "app/SceneOptions.h"

#include "app/UsageError.h"
#include "geo/FrameSize.h"
#include "geo/Picking.h"
#include "geo/GlobeImagery.h"
#include "renderer/FontCheck.h"
#include "renderer/SceneLayers.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <sstream>
#include <unistd.h>

namespace app {

namespace fs = std::filesystem;

fs::path assetsDir() {
    if (const char* env = std::getenv("BULWARK_ASSETS"); env && *env) return env;
    return BULWARK_ASSETS_DIR; // set by app/CMakeLists.txt to the source tree's assets/
}

CLI::Validator finiteWithin(double lo, double hi) {
    std::ostringstream range;
    range << lo << ".." << hi;
    return CLI::Validator(
        [lo, hi, range = range.str()](std::string& text) -> std::string {
            double value = 0;
            const char* first = text.data();
            const char* last = first + text.size();
            const auto [end, error] = std::from_chars(first, last, value);
            if (first == last || error != std::errc() || end != last || !std::isfinite(value))
                return text + " is not a finite number (expected " + range + ")";
            if (value < lo || value > hi) return text + " is outside " + range;
            return {};
        },
        "NUMBER in " + range.str());
}

void SceneOptions::addTo(CLI::App& c) {
    c.add_option("--camera", camera,
                 "View LON,LAT,RANGE_KM[,HEADING_DEG[,TILT_DEG]]: target, distance to it, heading "
                 "from north, tilt from straight down [default: the home view]");
    c.add_option("--dem", dem,
                 "Elevation raster GDAL opens (GeoTIFF, .hgt, DTED, netCDF, VRT), any CRS, drawn over "
                 "the Europe and globe bases [default: assets/dem/region.tif]");
    c.add_option("--cache-mb", cacheMb,
                 "Memory for terrain tiles, MB: whatever the size of the DEM, no more stays resident [default: 512]");
    c.add_option("--cache-dir", cacheDir,
                 "Folder keeping the tiles of remote sources (/vsicurl/, /vsis3/...), so a second visit reads no "
                 "network [default: none]");
    c.add_option("--borders", borders,
                 "Border polygons or lines, any vector format GDAL opens "
                 "[default: assets/vector/borders.gpkg]");
    c.add_option("--borders-layer", bordersLayer, "Layer of --borders to read [default: every layer]");
    c.add_option("--coastlines", coastlines,
                 "Coastline lines, any vector format GDAL opens "
                 "[default: the coastline layer of assets/vector/borders.gpkg]");
    c.add_option("--coastlines-layer", coastlinesLayer, "Layer of --coastlines to read [default: every layer]");
    c.add_option("--places", places,
                 "Populated places (points with name and population) "
                 "[default: assets/places.gpkg]");
    c.add_option("--font", font, "TrueType font for labels [default: DejaVu Sans Bold]");
    c.add_option("--scenarios", scenarios,
                 "Scenario manifest (scenarios.json) [default: assets/scenarios/scenarios.json]");
    c.add_option("--scenario", scenario,
                 "The scenario to show, by id (bulwark validate lists them) "
                 "[default: none in stills, the first in the viewer]");
    c.add_option("--exaggeration", exaggeration, "Vertical exaggeration of terrain and everything on it (0-50)")
        ->check(finiteWithin(0.0, 50.0));
    std::vector<std::string> layerNames;
    for (const renderer::LayerEntry& layer : renderer::sceneLayers()) layerNames.emplace_back(layer.name);
    std::string names;
    for (const std::string& name : layerNames) names += (names.empty() ? "" : ", ") + name;
    c.add_option("--hide", hide, "Layers to leave out, comma-separated: " + names)
        ->delimiter(',')
        ->check(CLI::IsMember(layerNames));
    c.add_option("--imagery", imagery,
                  "Imagery draped on the terrain (RGB or RGBA raster GDAL opens, any CRS: GeoTIFF/COG, JPEG 2000, "
                  "MBTiles, GeoPackage, WMTS/TMS through GDAL); repeat it for more, drawn in the order given");
    c.add_option("--imagery-opacity", imageryOpacity,
                 "Opacity 0-1 of each --imagery, in the same order (repeat it; missing ones are 1)")
        ->check(finiteWithin(0.0, 1.0));
    c.add_flag("--no-attribution", noAttribution, "Leave out the data credits drawn in the bottom-right corner");
    c.add_option("--compare", compare, "Two scenarios side by side under one camera: ID,ID");
    c.add_option("--title", title,
                 "Title drawn at the top of the frame [default: the scenario's name and that it is illustrative "
                 "planning]");
    c.add_flag("--no-title,--no-caption", noTitle, "Leave out the title");
    c.add_flag("--no-legend", noLegend,
               "Leave out the legend (lead nations, kinds of feature, solid and hatched) drawn in the bottom-left "
               "corner");
    c.add_option("--theme", theme, "Look of the scene: standard, or high-contrast for large rooms and projectors")
        ->check(CLI::IsMember({"standard", "high-contrast"}))
        ->capture_default_str();
    c.add_option("--palette", palette, "Colours of nations and features: standard, or colour-blind (Okabe-Ito)")
        ->check(CLI::IsMember({"standard", "colour-blind"}))
        ->capture_default_str();
    c.add_option("--markers", markers,
                 "How hubs, sites, forces and stations are drawn: symbols (APP-6 / MIL-STD-2525 military symbols, "
                 "clustered from afar; lines and areas as the standard's tactical graphics: the line of contact, "
                 "named areas, air zones with MIN ALT / MAX ALT) or prisms (coloured by lead nation; plain lines)")
        ->check(CLI::IsMember({"symbols", "prisms"}))
        ->capture_default_str();
}

renderer::SceneStyle SceneOptions::style() const {
    const auto t = renderer::parseTheme(theme);
    const auto p = renderer::parsePalette(palette);
    if (!t) throw UsageError("--theme " + theme + ": expected standard or high-contrast");
    if (!p) throw UsageError("--palette " + palette + ": expected standard or colour-blind");
    return {*t, *p};
}

std::string SceneOptions::titleFor(const geo::ScenarioInfo& scenario) const {
    if (noTitle) return {};
    return title.empty() ? scenarioTitle(scenario) : title;
}

renderer::SceneView SceneOptions::view(const LoadedScene& scene) const {
    renderer::SceneView v;
    v.exaggeration = exaggeration;
    v.hidden = hiddenLayers();
    v.attribution = !noAttribution;
    v.legend = !noLegend;
    v.markers = markers == "prisms" ? renderer::MarkerStyle::Prisms : renderer::MarkerStyle::Symbols;
    if (!noTitle) v.title = title;
    v.pose = geo::groundPose(parseCameraOption(camera), scene.terrain, exaggeration);
    const auto find = [&](const std::string& option, const std::string& id) {
        const size_t index = scenarioIndex(scene.scenarios, option, id);
        return renderer::ScenarioShown{1u << index, 1u << index, 1.0f, {}, titleFor(scene.scenarios.scenarios[index])};
    };
    if (!scenario.empty()) {
        const renderer::ScenarioShown shown = find("--scenario", scenario);
        v.scenarioFrom = shown.from, v.scenarioTo = shown.to, v.title = shown.title;
    }
    if (!compare.empty()) {
        const size_t comma = compare.find(',');
        if (comma == std::string::npos || comma == 0 || comma + 1 == compare.size() ||
            compare.find(',', comma + 1) != std::string::npos)
            throw UsageError("--compare " + compare + ": expected two scenario ids, ID,ID");
        const renderer::ScenarioShown left = find("--compare", compare.substr(0, comma));
        v.scenarioFrom = left.from, v.scenarioTo = left.to, v.title = left.title;
        v.compare = find("--compare", compare.substr(comma + 1));
    }
    return v;
}

std::set<std::string, std::less<>> SceneOptions::hiddenLayers() const {
    return {hide.begin(), hide.end()};
}

namespace {

template <class T> T orFail(geo::Result<T> result) {
    if (!result) throw UsageError(result.failure().message());
    return std::move(result).value();
}

} // namespace

geo::SceneFiles SceneOptions::files() const {
    geo::SceneFiles files{assetsDir(), dem,       borders, bordersLayer,          coastlines, coastlinesLayer,
                          places,      font,      scenarios, imagery, geo::kBlueMarblePath};
    files.cacheBytes = size_t(cacheMb * (1 << 20));
    files.cacheDir = cacheDir;
    return files;
}

void checkCacheMb(double megabytes) {
    const double physicalMb =
        double(sysconf(_SC_PHYS_PAGES)) * double(sysconf(_SC_PAGE_SIZE)) / double(1 << 20); // this machine's memory
    const double most = std::min(1e6, physicalMb);
    if (!(megabytes >= 1 && megabytes <= most)) {
        char text[160];
        std::snprintf(text, sizeof text, "--cache-mb: %g: expected 1 to %.0f MB (%s)", megabytes, most,
                      most < 1e6 ? "the memory of this machine" : "a terabyte");
        throw UsageError(text);
    }
}

std::optional<geo::ScenarioSet> loadScenarioOption(const std::string& scenarios) {
    geo::ScenarioSet set = orFail(geo::loadScenarioSet(assetsDir(), scenarios));
    if (set.manifest.empty()) return std::nullopt;
    return set;
}

size_t scenarioIndex(const geo::ScenarioSet& set, const std::string& option, const std::string& id) {
    const auto index = set.indexOf(id);
    if (index) return *index;
    std::string known;
    for (const geo::ScenarioInfo& s : set.scenarios) known += (known.empty() ? "" : ", ") + s.id;
    throw UsageError(option + " " + id + ": no such scenario (" + (known.empty() ? std::string("none loaded") : known) +
                     ")");
}

std::unique_ptr<LoadedScene> loadScene(const SceneOptions& o) {
    parseCameraOption(o.camera); // a malformed camera fails before any file is read
    checkCacheMb(o.cacheMb);
    if (o.imageryOpacity.size() > o.imagery.size())
        throw UsageError("--imagery-opacity: " + std::to_string(o.imageryOpacity.size()) + " given for " +
                         std::to_string(o.imagery.size()) + " --imagery");
    auto scene = std::make_unique<LoadedScene>(orFail(geo::loadSceneData(o.files())), o.style());
    // stb_truetype trusts the font's offsets: it is checked before any glyph is baked.
    if (const std::string problem = renderer::checkFont(scene->inputs.font); !problem.empty())
        throw UsageError((o.font.empty() ? std::string("the default font") : o.font) + ": " + problem);
    if (!o.title.empty()) scene->inputs.screenTexts.push_back(o.title);
    for (size_t i = 0; i < o.imageryOpacity.size(); ++i) scene->inputs.imagery[i].opacity = float(o.imageryOpacity[i]);
    return scene;
}

VkExtent2D parseSize(const std::string& text, const std::string& option, uint32_t maxSide) {
    const geo::FrameSize size = orFail(geo::parseFrameSize(text, option, maxSide));
    return {size.width, size.height};
}

geo::CameraPose parseCameraOption(const std::string& text) {
    if (text.empty()) return geo::CameraPose::home();
    return orFail(geo::parseCamera(text));
}

} // namespace app
