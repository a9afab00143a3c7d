#pragma once
// Draws the Bulwark scene (terrain, draped lines, the Ukraine highlight, place labels) into its own
// colour and depth images. A window blits the colour image to its swapchain; a still or a video
// frame reads it back. Neither depends on the window's size (STYLE.md §6).
#include "geo/Camera.h"
#include "geo/HeightGrid.h"
#include "geo/PlaceLoader.h"
#include "geo/Scenario.h"
#include "geo/TerrainTile.h"
#include "geo/VectorLoader.h"
#include "renderer/Buffer.h"
#include "renderer/Context.h"
#include "renderer/FrameTile.h"
#include "renderer/Image.h"
#include "renderer/SceneStyle.h"

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace renderer {

class TerrainLayer;
enum class TileLoading;
class LineLayer;
class LabelLayer;
class ScenarioLayer;
class GlyphAtlas;
class Overlay;
class Pipeline;

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
};

struct SceneLayers {
    bool terrain = true;
    bool borders = true;
    bool coastlines = true;
    bool labels = true;
    bool highlight = true;
    bool scenarios = true;
};

//! Which scenario a view shows (see SceneView): masks, the switch's progress, and a caption.
struct ScenarioShown {
    uint32_t from = 0, to = 0;
    float transition = 1.0f;
    std::vector<std::string> caption;
    std::string title;
};

struct SceneView {
    geo::CameraPose pose;
    double exaggeration = 1.0;
    SceneLayers layers;
    bool clearOnly = false;  //!< an empty frame (clear only), the baseline `bench` compares against
    bool attribution = true; //!< draw the data credits
    //! Scenario switching, done on the GPU: features whose scenario mask meets `scenarioTo` fade
    //! and grow in, those meeting only `scenarioFrom` fade out, as `transition` runs from 0 to 1.
    //! Borders and coasts carry every bit. 0 and 0: no scenario feature is shown.
    uint32_t scenarioFrom = 0, scenarioTo = 0;
    float transition = 1.0f;
    std::string title;                //!< drawn large at the top left of the frame; empty: none
    std::vector<std::string> caption; //!< smaller lines under the title (a tour's narration)
    bool legend = true;               //!< the legend of the scenario shown (nations, kinds, status), bottom left
    //! Compare mode: the right half of the frame shows this, under the same camera.
    std::optional<ScenarioShown> compare;
    //! Multiplies every size given in pixels: labels, halos, captions, credits, line widths, marker
    //! minimum size; 0: automatic from the frame's height (renderer/DisplayScale.h). The viewer sets
    //! it from the monitor's content scale; stills leave it 0.
    float displayScale = 0.0f;
};

struct FrameStats {
    uint32_t tiles = 0;
    uint64_t triangles = 0;
    size_t labels = 0;
    size_t lineSegments = 0; //!< border and coastline segments drawn
    bool complete = true;    //!< every tile the view needs was drawn at full detail
};

class SceneRenderer {
public:
    static constexpr uint32_t kFrameSlots = 2;

    SceneRenderer(const Context& context, const SceneInputs& inputs, VkExtent2D size);
    ~SceneRenderer();
    SceneRenderer(const SceneRenderer&) = delete;
    SceneRenderer& operator=(const SceneRenderer&) = delete;

    //! New render targets; waits for the GPU first.
    void resize(VkExtent2D size);
    VkExtent2D extent() const { return _extent; }
    const Image& colorImage() const { return *_color; }

    //! Records the scene for `view` into `cmd` using frame slot `slot`, whose previous frame the
    //! caller has waited for; missing terrain is built now or in the background (`loading`). The
    //! colour image ends in TRANSFER_SRC_OPTIMAL.
    FrameStats record(VkCommandBuffer cmd, uint32_t slot, const SceneView& view, TileLoading loading);

    //! Renders offscreen and waits until every tile the view needs is built and drawn; returns
    //! tightly packed RGBA8 rows, top row first.
    std::vector<uint8_t> renderStill(const SceneView& view, FrameStats* stats = nullptr);
    //! As renderStill(), for one tile of a larger frame: returns the tile's tightly packed rows.
    std::vector<uint8_t> renderTile(const SceneView& view, const FrameTile& tile, FrameStats* stats = nullptr);

    //! Submits one offscreen frame without waiting for it, as a render loop with kFrameSlots
    //! frames in flight does (`bench`); builds at most a few new tiles. waitIdle() drains it.
    FrameStats submitFrame(const SceneView& view);
    void waitIdle() const;

    //! Replaces the scenario features (a scenario file was edited); waits for the GPU first.
    void setScenarios(const geo::ScenarioSet* scenarios);
    //! A new theme or palette: rebuilds what bakes colours in (scenario layers, atlas, overlay);
    //! waits for the GPU first.
    void setStyle(SceneStyle style);
    SceneStyle style() const { return _style; }
    //! Geodesic range rings (kRangeRingsKm) around a site, drawn on the terrain; none without one.
    void setRangeRings(std::optional<glm::dvec2> centre);
    static constexpr std::array<double, 3> kRangeRingsKm{100.0, 200.0, 300.0};

private:
    struct Slot {
        std::array<Buffer, 2> uniforms; //!< one per half of the frame (compare mode)
        Buffer labelVertices;
        std::array<VkDescriptorSet, 2> descriptors{};
        VkCommandBuffer offscreenCmd = VK_NULL_HANDLE;
        VkFence offscreenFence = VK_NULL_HANDLE;
    };
    void createTargets();
    void buildScenarioLayers(const geo::ScenarioSet* scenarios);
    FrameStats recordTile(VkCommandBuffer cmd, uint32_t slot, const SceneView& view, TileLoading loading,
                          const FrameTile& tile);
    FrameStats submitOffscreen(const SceneView& view, TileLoading loading, bool readback, const FrameTile& tile);
    FrameTile wholeFrame() const { return {_extent, {0, 0}, _extent}; }
    void createPipelines();

    const Context& _context;
    VkExtent2D _extent;
    const geo::Terrain* _terrainSource;
    std::vector<geo::Place> _places;
    std::vector<unsigned char> _font;
    std::string _attribution;
    SceneStyle _style;
    std::map<std::string, std::string> _nationNames;
    std::vector<std::string> _screenTexts;
    const geo::ScenarioSet* _scenarioSource = nullptr;
    std::unique_ptr<Image> _color, _depth;
    VkRenderPass _renderPass = VK_NULL_HANDLE;
    VkFramebuffer _framebuffer = VK_NULL_HANDLE;
    VkDescriptorSetLayout _setLayout = VK_NULL_HANDLE;
    VkDescriptorPool _descriptorPool = VK_NULL_HANDLE;
    std::unique_ptr<Sampler> _sampler;
    std::unique_ptr<Image> _glyphImage;
    std::unique_ptr<Pipeline> _terrainPipeline, _terrainFilteredPipeline, _skyPipeline, _markerPipeline, _areaPipeline,
        _linePipeline, _labelPipeline;
    std::unique_ptr<TerrainLayer> _terrain;
    std::unique_ptr<LineLayer> _borders, _coastlines;
    std::unique_ptr<GlyphAtlas> _atlas;
    std::unique_ptr<LabelLayer> _labels;
    std::unique_ptr<ScenarioLayer> _scenarios;
    std::unique_ptr<Overlay> _overlay;
    std::unique_ptr<LineLayer> _rings;
    std::array<Slot, kFrameSlots> _slots;
    Buffer _readback;
    uint32_t _offscreenSlot = 0;
};

} // namespace renderer
