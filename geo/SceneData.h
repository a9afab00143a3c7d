#pragma once
// Every file one scene is made of, loaded into plain structs: the terrain (the asked-for DEM over
// the Europe and globe bases), borders and coastlines, places, scenarios, the label font and the
// credits. The CLI and the renderer tests load a scene the same way, through here.
#include "geo/Terrain.h"
#include "geo/PlaceLoader.h"
#include "geo/Result.h"
#include "geo/Scenario.h"
#include "geo/TileSource.h"
#include "geo/VectorLoader.h"

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace geo {

//! Which files: an empty name means the default under `assets`.
struct SceneFiles {
    std::filesystem::path assets; //!< the default data (assets/ of the source tree, or $BULWARK_ASSETS)
    std::string dem;              //!< empty: assets/dem/region.tif; always over the Europe and globe bases
    std::string borders;          //!< empty: the countries and borders of assets/vector/borders.gpkg
    std::string bordersLayer;
    std::string coastlines; //!< empty: the coastline layer of the default borders file
    std::string coastlinesLayer;
    std::string places;    //!< empty: assets/places.gpkg
    std::string font;      //!< empty: DejaVu Sans Bold from fonts-dejavu-core
    std::string scenarios; //!< empty: assets/scenarios/scenarios.json where it exists
    std::vector<std::string> imagery; //!< rasters draped on the terrain, in drawing order
    //! The whole-globe imagery shown from far away (GlobeImagery.h); none when empty or not installed.
    std::filesystem::path globeImagery;
    size_t cacheBytes = size_t(512) << 20; //!< tiles kept in memory (`--cache-mb`)
    std::string cacheDir;                  //!< empty: remote tiles are fetched on every visit (`--cache-dir`)
};

struct SceneData {
    Terrain terrain; //!< streamed; the tiles of a coarse level over each source are resident (Terrain::preload)
    ScenarioSet scenarios;
    bool hasScenarios = false; //!< a manifest was loaded (it may hold no feature)
    std::vector<std::vector<glm::dvec2>> borders, coastlines;
    std::vector<Polygon> highlight; //!< Ukraine's polygons, when the borders file has them
    std::vector<Place> places;
    std::vector<unsigned char> font; //!< TrueType bytes, not yet checked (renderer::checkFont)
    std::string attribution;         //!< the first line of assets/ATTRIBUTION.txt
    std::map<std::string, std::string> nationNames;
    std::vector<std::shared_ptr<const TileSource>> imagery; //!< SceneFiles::imagery, opened and checked
    std::shared_ptr<const TileSource> globeImagery;         //!< null when none
};

//! Loads every file; the first problem fails, naming the file.
Result<SceneData> loadSceneData(const SceneFiles& files);

//! The scenario set of `scenarios` (a manifest path), or with an empty name the default one under `assets`
//! (an empty set with no manifest when there is none); fails with the first problem and how many more.
Result<ScenarioSet> loadScenarioSet(const std::filesystem::path& assets, const std::string& scenarios);

} // namespace geo
