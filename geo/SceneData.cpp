#include "geo/SceneData.h"

#include "geo/Countries.h"
#include "geo/GlobeImagery.h"
#include "geo/InputPath.h"

#include <fstream>
#include <unistd.h>

namespace geo {

namespace {

namespace fs = std::filesystem;

//! Far beyond any label font (DejaVu Sans Bold is 0.7 MB, Noto CJK 20 MB): refused rather than read whole.
constexpr size_t kMaxFontBytes = 64u << 20;

struct Stop {
    Failure failure;
};

template <class T> T orStop(Result<T> result) {
    if (!result) throw Stop{result.failure()};
    return std::move(result).value();
}

std::vector<unsigned char> readFont(const std::string& requested) {
    std::vector<fs::path> candidates;
    if (!requested.empty())
        candidates = {requested};
    else
        candidates = {"/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
                      "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                      "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"};
    for (const fs::path& p : candidates) {
        if (requested.empty() && checkInputPath(p)) continue; // try the next default
        const std::string bytes = orStop(readInputFile(p, kMaxFontBytes));
        return {bytes.begin(), bytes.end()};
    }
    throw Stop{{"DejaVu Sans Bold", "font not found (install fonts-dejavu-core)"}};
}

} // namespace

Result<SceneData> loadSceneData(const SceneFiles& f) try {
    SceneData scene;
    const fs::path& assets = f.assets;
    const fs::path regional = f.dem.empty() ? assets / "dem/region.tif" : fs::path(f.dem);
    // Finest first: the regional DEM (or the user's), Europe at 5', then the whole globe at 20', streamed.
    ElevationTiles::Options tiles;
    tiles.cacheBytes = f.cacheBytes;
    if (!f.cacheDir.empty()) {
        tiles.disk = orStop(TileDiskCache::open(f.cacheDir, uint64_t(4) << 30));
        if (::access(f.cacheDir.c_str(), W_OK | X_OK) != 0) throw Stop{{f.cacheDir, "cannot write in this folder"}};
    }
    scene.terrain = orStop(
        Terrain::open({regional.string(), (assets / "dem/europe.tif").string(), (assets / "dem/globe.tif").string()},
                      std::move(tiles)));
    // What is built once from heights (labels, lines, markers) needs some: a coarse level over each source.
    if (auto failed = scene.terrain.preload()) throw Stop{*failed};

    // The default file holds country polygons (for the Ukraine highlight) and the land borders
    // between them as lines; a user's file gives both from whatever it holds.
    const fs::path defaultVectors = assets / "vector/borders.gpkg";
    const bool defaultBorders = f.borders.empty();
    const VectorLayer borders = orStop(
        loadVectors(defaultBorders ? defaultVectors : fs::path(f.borders), defaultBorders ? "countries" : f.bordersLayer));
    if (const Country* ukraine = borders.find("UKR")) scene.highlight = ukraine->polygons;
    scene.borders = defaultBorders ? orStop(loadVectors(defaultVectors, "borders")).lines : borders.lines;

    const bool defaultCoast = f.coastlines.empty();
    scene.coastlines = orStop(loadVectors(defaultCoast ? defaultVectors : fs::path(f.coastlines),
                                          defaultCoast ? "coastline" : f.coastlinesLayer))
                           .lines;
    scene.places = orStop(loadPlaces(f.places.empty() ? assets / "places.gpkg" : fs::path(f.places)));
    scene.font = readFont(f.font);

    scene.scenarios = orStop(loadScenarioSet(assets, f.scenarios));
    scene.hasScenarios = !scene.scenarios.manifest.empty();
    for (const std::string& path : f.imagery) scene.imagery.push_back(orStop(TileSource::open(path, TileContent::Image)));
    // The default globe imagery is a nicety: without the package, the globe keeps its shaded relief.
    if (!f.globeImagery.empty() && std::filesystem::exists(f.globeImagery))
        scene.globeImagery = orStop(openGlobeImagery(f.globeImagery));
    scene.nationNames = countryNames();
    std::ifstream attribution(assets / "ATTRIBUTION.txt");
    std::getline(attribution, scene.attribution);
    return scene;
} catch (const Stop& stop) {
    return stop.failure;
}

Result<ScenarioSet> loadScenarioSet(const fs::path& assets, const std::string& scenarios) {
    // The default set when it is there, or the one asked for; any problem stops here.
    const fs::path manifest = scenarios.empty() ? assets / "scenarios/scenarios.json" : fs::path(scenarios);
    if (scenarios.empty() && !fs::exists(manifest)) return ScenarioSet{};
    ScenarioLoad load = loadScenarios(manifest);
    if (!load.problems.empty())
        return Failure{{},
                       load.problems.front().text() +
                           (load.problems.size() > 1
                                ? " (and " + std::to_string(load.problems.size() - 1) + " more: run bulwark validate)"
                                : "")};
    return std::move(load.set);
}

} // namespace geo
