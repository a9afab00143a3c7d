#pragma once
// What a scene is made of (SceneInputs) and what one frame of it shows (SceneView): the plain
// structs the renderer and its layers read. Layers are named; a view hides layers by name.
#include "geo/Camera.h"
#include "geo/Terrain.h"
#include "geo/PlaceLoader.h"
#include "geo/Scenario.h"
#include "geo/edit/RuleWarnings.h"
#include "geo/SceneData.h"
#include "geo/VectorLoader.h"
#include "renderer/SceneStyle.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace renderer {

//! An imagery source draped on the terrain.
struct ImageryInput {
    std::shared_ptr<const geo::TileSource> source;
    float opacity = 1.0f;
    //! Shown only from far away: transparent below `fadeFrom` metres of eye altitude, opaque from
    //! `fadeTo` up; both 0: at every altitude.
    double fadeFrom = 0, fadeTo = 0;
    //! Added to the frame's credits line while it shows ("Imagery: NASA Blue Marble"); empty: nothing.
    std::string credit;
};

//! The Blue Marble (geo/GlobeImagery.h) as the "globe-imagery" layer draws it: faded in from 4,000 km up, opaque
//! from 8,000 km, credited on the frame while it shows.
ImageryInput globeImageryInput(std::shared_ptr<const geo::TileSource> blueMarble);

//! What the scene is made of. The renderer copies what it needs; `terrain` must outlive it.
struct SceneInputs {
    const geo::Terrain* terrain = nullptr;
    std::vector<std::vector<glm::dvec2>> borders;
    std::vector<std::vector<glm::dvec2>> coastlines;
    std::vector<geo::Place> places;
    std::vector<geo::Polygon> highlight;            //!< filled with a tint on the terrain (Ukraine)
    std::vector<unsigned char> font;                //!< TrueType bytes for labels
    std::string attribution;                        //!< data credits, drawn small in a corner of every frame
    const geo::ScenarioSet* scenarios = nullptr;    //!< every feature of every scenario; must outlive the renderer
    SceneStyle style;                               //!< theme and palette; setStyle() changes them later
    std::map<std::string, std::string> nationNames; //!< ISO alpha-2 code → name, for the legend
    std::vector<std::string> screenTexts; //!< text frames will show on screen (a custom title): its glyphs are baked
    std::vector<geo::RuleWarning> warnings; //!< planning rules broken (geo/edit/RuleWarnings.h): the "warnings" layer
    std::vector<ImageryInput> imagery;    //!< the "imagery" layer: --imagery, in drawing order
    std::vector<ImageryInput> globeImagery; //!< the "globe-imagery" layer: the Blue Marble, faded in from far away
};

//! A scene loaded from its files (geo::loadSceneData) with the inputs the renderer reads: the terrain
//! and scenarios stay here (the inputs point to them, so it stays where it is made), the rest moves
//! into `inputs`.
struct LoadedScene : geo::SceneData {
    explicit LoadedScene(geo::SceneData data, SceneStyle style = {});
    LoadedScene(const LoadedScene&) = delete;
    LoadedScene& operator=(const LoadedScene&) = delete;
    SceneInputs inputs;
};

//! Which scenario a view shows (see SceneView): masks, the switch's progress, and a caption.
struct ScenarioShown {
    uint32_t from = 0, to = 0;
    float transition = 1.0f;
    std::vector<std::string> caption;
    std::string title;
};

//! How scenario markers (hubs, sites, forces, stations) are drawn: as military symbols (the "symbols"
//! layer) or as the coloured prisms of the "scenarios" layer.
enum class MarkerStyle { Symbols, Prisms };

struct SceneView {
    geo::CameraPose pose;
    double exaggeration = 1.0;
    //! Names of the layers left out (sceneLayers() in renderer/SceneLayers.h lists them all).
    std::set<std::string, std::less<>> hidden;
    bool shows(std::string_view layer) const { return !hidden.contains(layer); }
    bool clearOnly = false;  //!< an empty frame (clear only), the baseline `bench` compares against
    bool attribution = true; //!< draw the data credits
    //! Scenario switching, done on the GPU: features whose scenario mask meets `scenarioTo` fade
    //! and grow in, those meeting only `scenarioFrom` fade out, as `transition` runs from 0 to 1.
    //! Borders and coasts carry every bit. 0 and 0: no scenario feature is shown.
    uint32_t scenarioFrom = 0, scenarioTo = 0;
    float transition = 1.0f;
    std::string title;                //!< drawn large at the top left of the frame; empty: none
    std::vector<std::string> caption; //!< smaller lines under the title (a tour's narration)
    MarkerStyle markers = MarkerStyle::Symbols;
    bool legend = true;               //!< the legend of the scenario shown (nations, kinds, status), bottom left
    //! Compare mode: the right half of the frame shows this, under the same camera.
    std::optional<ScenarioShown> compare;
    //! Multiplies every size given in pixels: labels, halos, captions, credits, line widths, marker
    //! minimum size; 0: automatic from the frame's height (renderer/DisplayScale.h). The viewer sets
    //! it from the monitor's content scale; stills leave it 0.
    float displayScale = 0.0f;
    //! The opacity of each SceneInputs::imagery source (the panel's sliders); missing: as given there.
    std::vector<float> imageryOpacity;
};

//! Where the streamed terrain stands (the panel's line): tiles resident and loading, the memory cache against
//! its budget, and the last tile a source failed to give (empty while none has).
struct TerrainStreaming {
    size_t resident = 0, loading = 0;
    size_t cacheBytes = 0, cacheBudget = 0;
    std::string lastError;
};

struct FrameStats {
    uint32_t tiles = 0;
    uint64_t triangles = 0;
    size_t labels = 0;
    size_t lineSegments = 0; //!< segments of map lines drawn (borders, coastlines, range rings)
    bool complete = true;    //!< every tile the view needs was drawn at full detail
    TerrainStreaming streaming;
    uint32_t tilesResident = 0; //!< tiles held on the GPU by the layers that stream them (terrain, imagery)
    uint32_t tilesLoading = 0;  //!< tiles the view asked for that are not there yet
    //! Layer name and one line, for what a layer cannot show now (a tile that cannot be read): the viewer's panel
    //! shows it. In a frame that waits for its tiles (TileLoading::Wait) only tiles it needs and could not read:
    //! the still fails with the first (geo::TileReadError).
    std::vector<std::pair<std::string, std::string>> problems;
};

} // namespace renderer
