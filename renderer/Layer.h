#pragma once
// A scene is an ordered list of layers (STYLE.md §11). Each layer owns its pipelines, its
// descriptor sets (set 1 and up: its own images), its per-frame preparation (CPU work, uploads
// recorded before the render pass) and its drawing. The renderer owns what every layer shares:
// the render pass, the frame uniforms (descriptor set 0, FrameUniforms in GpuTypes.h and
// common.glsl, one per half of the frame) and the order. A new layer is a new file and one entry
// in sceneLayers() (SceneLayers.cpp); `--hide`, the panel's toggles and the tests read that list.
//
// Depth and blending: reversed depth (1 nearest, test GREATER_OR_EQUAL). Surface layers write
// depth; what is draped on the terrain (Drape), lines and screen text blend and leave depth alone,
// so their order within a stage is the list's order.
#include "renderer/Context.h"
#include "renderer/Declutter.h"
#include "renderer/Image.h"
#include "renderer/Pipeline.h"
#include "renderer/Scene.h"
#include "renderer/View.h"

#include <glm/glm.hpp>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace renderer {

class Layer;

//! Whether a frame waits for the tiles its view needs (stills, video) or draws what is there and
//! has the rest built in the background (the viewer).
enum class TileLoading { Wait, Background };

//! Where a layer's drawing lands in the frame. The renderer draws every layer's Surface part
//! (terrain, sky), then every Drape part (imagery, tints, areas on the ground), then Lines, then
//! Features (markers, symbols), then Screen (names, title, legend); list order within a stage.
enum class Stage { Surface, Drape, Lines, Features, Screen };
constexpr Stage kStages[] = {Stage::Surface, Stage::Drape, Stage::Lines, Stage::Features, Stage::Screen};

//! Pipelines that several layers draw with (lines, text), built once per renderer on first use.
class PipelineCache {
public:
    PipelineCache(const Context& context, VkRenderPass renderPass, VkDescriptorSetLayout frameSet)
        : _context(context), _renderPass(renderPass), _frameSet(frameSet) {}
    //! A pipeline for `desc`: set 0 is the frame's, desc.layerSet (if any) set 1.
    std::unique_ptr<Pipeline> make(const PipelineDesc& desc) const;
    //! The pipeline named `key`, made from `desc()` the first time it is asked for.
    const Pipeline& shared(const std::string& key, PipelineDesc (*desc)());

private:
    const Context& _context;
    VkRenderPass _renderPass;
    VkDescriptorSetLayout _frameSet;
    std::map<std::string, std::unique_ptr<Pipeline>> _shared;
};

//! What a layer is made with. `inputs` holds the current scenarios and style.
struct LayerSetup {
    const Context& context;
    PipelineCache& pipelines;
    uint32_t frameSlots;
    const SceneInputs& inputs;
    std::span<const std::unique_ptr<Layer>> earlier; //!< the layers before it in the list, built
    //! An earlier layer by name, or null (a drape finds the terrain it lies on).
    Layer* find(std::string_view name) const;
};

//! One view of the frame: the whole frame, or one half in compare mode.
struct HalfView {
    View view;
    ScenarioShown shown;
    bool visible = false; //!< part of it lies in the tile being rendered
    glm::vec2 size{0};    //!< pixels
    bool last = false;    //!< the rightmost (credits are drawn once)
};

//! One frame, as prepare() sees it: outside the render pass, so uploads may be recorded into `cmd`.
struct FrameContext {
    VkCommandBuffer cmd;
    uint32_t slot; //!< its previous frame has finished
    const SceneView& scene;
    const View& whole; //!< the whole frame's view (compare mode: both halves), for level of detail
    std::span<const HalfView> halves;
    TileLoading loading;
    float displayScale; //!< resolved (DisplayScale.h)
    FrameStats& stats;
    //! Per half: the boxes placed on screen so far (Declutter.h), which text and symbols keep clear of.
    std::span<Declutter> placed{};
};

//! One stage of one half, as draw() sees it: inside the render pass, viewport and scissor set.
struct DrawContext {
    VkCommandBuffer cmd;
    uint32_t slot;
    uint32_t halfIndex;
    Stage stage;
    const SceneView& scene;
    const HalfView& half;
    VkDescriptorSet frameSet;
    float displayScale;
    FrameStats& stats;
    const View& view() const { return half.view; }
    //! Binds `pipeline` with the frame's set 0, and `layerSet` as set 1 when given.
    void bind(const Pipeline& pipeline, VkDescriptorSet layerSet = VK_NULL_HANDLE) const;
};

class Layer {
public:
    virtual ~Layer() = default;
    //! The stable name `--hide`, the panel and SceneView::hidden use.
    virtual std::string_view name() const = 0;
    //! Once a frame while shown, before the render pass.
    virtual void prepare(const FrameContext&) {}
    //! Once per stage and half while shown; a layer draws in the stages it belongs to.
    virtual void draw(const DrawContext& frame) = 0;
    //! The scenarios or the style changed (`setup.inputs`); the GPU is idle.
    virtual void sceneChanged(const LayerSetup&) {}
    //! Whom what it drew in the frame just prepared is credited to (the overlay, later in the list, adds it to
    //! the credits line); empty: nobody.
    virtual std::string credit() const { return {}; }
};

//! A descriptor set layout of `bindings`, and a pool for `sets` sets of it (the frame's set 0, a
//! layer's set 1). The caller destroys both.
std::pair<VkDescriptorSetLayout, VkDescriptorPool>
createSetLayoutAndPool(VkDevice device, std::span<const VkDescriptorSetLayoutBinding> bindings, uint32_t sets);

//! A layer's images as its descriptor set 1: `bindings` combined image samplers, bindings 0, 1, ...
//! (`layout(set = 1, binding = 0) uniform sampler2D...`), fragment stage, linear clamp sampler;
//! `sets` such sets; `mipmapped`: sampled over their mip levels (Sampler).
class ImageSet {
public:
    explicit ImageSet(const Context& context, uint32_t sets = 1, uint32_t bindings = 1, bool mipmapped = false);
    ~ImageSet();
    ImageSet(const ImageSet&) = delete;
    ImageSet& operator=(const ImageSet&) = delete;
    VkDescriptorSetLayout layout() const { return _layout; }
    VkDescriptorSet set(uint32_t i = 0) const { return _sets.at(i); }
    //! Points binding `which` of set `i` at `image`, which must be in SHADER_READ_ONLY_OPTIMAL when drawn.
    void write(uint32_t i, const Image& image, uint32_t which = 0) const;

private:
    const Context& _context;
    Sampler _sampler;
    VkDescriptorSetLayout _layout = VK_NULL_HANDLE;
    VkDescriptorPool _pool = VK_NULL_HANDLE;
    std::vector<VkDescriptorSet> _sets;
};

} // namespace renderer
