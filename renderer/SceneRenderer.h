#pragma once
// Draws the Bulwark scene (terrain, draped lines, the Ukraine highlight, place labels) into its own
// colour and depth images. A window blits the colour image to its swapchain; a still or a video
// frame reads it back. Neither depends on the window's size (STYLE.md §6).
#include "geo/CoverageWorker.h"
#include "renderer/Buffer.h"
#include "renderer/Context.h"
#include "renderer/FrameTile.h"
#include "renderer/Image.h"
#include "renderer/Layer.h"
#include "renderer/Scene.h"
#include "renderer/SceneStyle.h"

#include <array>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace renderer {

//! Draws the scene's layers (sceneLayers() in SceneLayers.h, in that order) into its own targets.
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
    SceneStyle style() const { return _inputs.style; }
    //! Geodesic range rings (kRangeRingsKm) around a site, drawn on the terrain; none without one.
    void setRangeRings(std::optional<glm::dvec2> centre);
    //! The planning rules an edit broke (geo::ruleWarnings(document)), drawn by the "warnings" layer.
    void setRuleWarnings(std::vector<geo::RuleWarning> warnings);
    static constexpr std::array<double, 3> kRangeRingsKm{100.0, 200.0, 300.0};
    //! A site's coverage draped on the terrain (the "coverage" layer), or none with null. Uploads (and waits
    //! for the GPU) only when the answer's request or level differs from the one shown: call it every frame.
    void setCoverage(const geo::CoverageWorker::Answer* answer);

    //! The layers built, in drawing order (a layer whose inputs have nothing is left out).
    const std::vector<std::unique_ptr<Layer>>& layers() const { return _layers; }
    //! The layer named `name`, or null.
    Layer* layer(std::string_view name) const;
    //! The boxes of symbols and names placed on half `half` of the last frame prepared (Declutter.h).
    const Declutter& placed(uint32_t half = 0) const { return _placed.at(half); }

private:
    struct Slot {
        std::array<Buffer, 2> uniforms; //!< one per half of the frame (compare mode)
        std::array<VkDescriptorSet, 2> descriptors{};
        VkCommandBuffer offscreenCmd = VK_NULL_HANDLE;
        VkFence offscreenFence = VK_NULL_HANDLE;
    };
    void createTargets();
    //! Every layer hears that the scenarios or the style changed; waits for the GPU first.
    void sceneChanged();
    LayerSetup setupFor(size_t built) const;
    FrameStats recordTile(VkCommandBuffer cmd, uint32_t slot, const SceneView& view, TileLoading loading,
                          const FrameTile& tile);
    FrameStats submitOffscreen(const SceneView& view, TileLoading loading, bool readback, const FrameTile& tile);
    FrameTile wholeFrame() const { return {_extent, {0, 0}, _extent}; }

    const Context& _context;
    VkExtent2D _extent;
    SceneInputs _inputs; //!< what layers are built from; borders, coastlines and the highlight dropped once built
    std::unique_ptr<Image> _color, _depth;
    VkRenderPass _renderPass = VK_NULL_HANDLE;
    VkFramebuffer _framebuffer = VK_NULL_HANDLE;
    VkDescriptorSetLayout _frameSetLayout = VK_NULL_HANDLE; //!< set 0: FrameUniforms
    VkDescriptorPool _descriptorPool = VK_NULL_HANDLE;
    std::unique_ptr<PipelineCache> _pipelines;
    std::vector<std::unique_ptr<Layer>> _layers; //!< after _pipelines, which they borrow from
    std::array<Slot, kFrameSlots> _slots;
    std::array<Declutter, 2> _placed; //!< per half
    Buffer _readback;
    uint32_t _offscreenSlot = 0;
};

} // namespace renderer
