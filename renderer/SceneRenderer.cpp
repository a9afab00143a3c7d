#include "renderer/SceneRenderer.h"

#include "geo/Ellipsoid.h"
#include "geo/Spatial.h"
#include "renderer/DisplayScale.h"
#include "renderer/GlyphAtlas.h"
#include "renderer/GpuTypes.h"
#include "renderer/LabelLayer.h"
#include "renderer/LineLayer.h"
#include "renderer/Overlay.h"
#include "renderer/Pipeline.h"
#include "renderer/ScenarioLayer.h"
#include "renderer/Shaders.h"
#include "renderer/TerrainLayer.h"
#include "renderer/View.h"
#include "renderer/VulkanError.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>

namespace renderer {

namespace {

constexpr VkFormat kColorFormat = VK_FORMAT_R8G8B8A8_UNORM;
constexpr VkFormat kDepthFormat = VK_FORMAT_D32_SFLOAT;
constexpr size_t kMaxLabelVertices = 48 * 1024;
constexpr int kMaskWidth = 2048, kMaskHeight = 1024;
constexpr VkShaderStageFlags kPushStages = VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT;

VkVertexInputAttributeDescription attribute(uint32_t location, uint32_t binding, VkFormat format, uint32_t offset) {
    return {location, binding, format, offset};
}

//! Bounding box of the polygons' outer rings, padded by a cell.
glm::dvec4 boundsOf(const std::vector<geo::Polygon>& polygons) {
    glm::dvec4 b{1e9, 1e9, -1e9, -1e9};
    for (const auto& p : polygons)
        for (const auto& ring : p.rings)
            for (const auto& q : ring)
                b = {std::min(b.x, q.x), std::min(b.y, q.y), std::max(b.z, q.x), std::max(b.w, q.y)};
    return b + glm::dvec4(-0.05, -0.05, 0.05, 0.05);
}

//! The classic hillshade sun: from the north-west, 45° above the horizon, at the camera target.
glm::dvec3 sunDirection(const geo::CameraPose& pose) {
    const glm::dmat3 enu = geo::enuFrame(pose.lon, pose.lat);
    return glm::normalize(enu[0] * -0.5 + enu[1] * 0.5 + enu[2] * 0.7071);
}

} // namespace

SceneRenderer::SceneRenderer(const Context& context, const SceneInputs& inputs, VkExtent2D size)
    : _context(context), _extent(size), _terrainSource(inputs.terrain), _places(inputs.places), _font(inputs.font),
      _attribution(inputs.attribution), _style(inputs.style), _nationNames(inputs.nationNames),
      _screenTexts(inputs.screenTexts) {
    if (!inputs.terrain) throw std::invalid_argument("SceneRenderer needs a terrain");
    VkDevice device = context.device();

    // Render pass: our own colour and depth; colour ends ready to be blitted or read back.
    VkAttachmentDescription attachments[2]{};
    attachments[0].format = kColorFormat;
    attachments[0].samples = VK_SAMPLE_COUNT_1_BIT;
    attachments[0].loadOp = VK_ATTACHMENT_LOAD_OP_CLEAR;
    attachments[0].storeOp = VK_ATTACHMENT_STORE_OP_STORE;
    attachments[0].stencilLoadOp = VK_ATTACHMENT_LOAD_OP_DONT_CARE;
    attachments[0].stencilStoreOp = VK_ATTACHMENT_STORE_OP_DONT_CARE;
    attachments[0].initialLayout = VK_IMAGE_LAYOUT_UNDEFINED;
    attachments[0].finalLayout = VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL;
    attachments[1] = attachments[0];
    attachments[1].format = kDepthFormat;
    attachments[1].storeOp = VK_ATTACHMENT_STORE_OP_DONT_CARE;
    attachments[1].finalLayout = VK_IMAGE_LAYOUT_DEPTH_STENCIL_ATTACHMENT_OPTIMAL;
    VkAttachmentReference colorRef{0, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL};
    VkAttachmentReference depthRef{1, VK_IMAGE_LAYOUT_DEPTH_STENCIL_ATTACHMENT_OPTIMAL};
    VkSubpassDescription subpass{};
    subpass.pipelineBindPoint = VK_PIPELINE_BIND_POINT_GRAPHICS;
    subpass.colorAttachmentCount = 1;
    subpass.pColorAttachments = &colorRef;
    subpass.pDepthStencilAttachment = &depthRef;
    VkSubpassDependency deps[2]{};
    deps[0].srcSubpass = VK_SUBPASS_EXTERNAL;
    deps[0].dstSubpass = 0;
    deps[0].srcStageMask = VK_PIPELINE_STAGE_TRANSFER_BIT | VK_PIPELINE_STAGE_LATE_FRAGMENT_TESTS_BIT;
    deps[0].srcAccessMask = VK_ACCESS_TRANSFER_READ_BIT | VK_ACCESS_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT;
    deps[0].dstStageMask = VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT | VK_PIPELINE_STAGE_EARLY_FRAGMENT_TESTS_BIT;
    deps[0].dstAccessMask = VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT | VK_ACCESS_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT;
    deps[1].srcSubpass = 0;
    deps[1].dstSubpass = VK_SUBPASS_EXTERNAL;
    deps[1].srcStageMask = VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT;
    deps[1].srcAccessMask = VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT;
    deps[1].dstStageMask = VK_PIPELINE_STAGE_TRANSFER_BIT;
    deps[1].dstAccessMask = VK_ACCESS_TRANSFER_READ_BIT;
    VkRenderPassCreateInfo rpci{VK_STRUCTURE_TYPE_RENDER_PASS_CREATE_INFO};
    rpci.attachmentCount = 2;
    rpci.pAttachments = attachments;
    rpci.subpassCount = 1;
    rpci.pSubpasses = &subpass;
    rpci.dependencyCount = 2;
    rpci.pDependencies = deps;
    VK_CHECK(vkCreateRenderPass(device, &rpci, nullptr, &_renderPass));
    createTargets();

    // One descriptor set layout for every pipeline: frame uniforms, terrain tile images, glyph atlas.
    VkDescriptorSetLayoutBinding bindings[3]{};
    bindings[0] = {binding::kFrameUniforms, VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, 1, kPushStages, nullptr};
    bindings[1] = {binding::kTileImages, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1, VK_SHADER_STAGE_FRAGMENT_BIT,
                   nullptr};
    bindings[2] = {binding::kGlyphAtlas, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1, VK_SHADER_STAGE_FRAGMENT_BIT,
                   nullptr};
    VkDescriptorSetLayoutCreateInfo dslci{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO};
    dslci.bindingCount = 3;
    dslci.pBindings = bindings;
    VK_CHECK(vkCreateDescriptorSetLayout(device, &dslci, nullptr, &_setLayout));
    VkDescriptorPoolSize poolSizes[2] = {{VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, 2 * kFrameSlots},
                                         {VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 4 * kFrameSlots}};
    VkDescriptorPoolCreateInfo dpci{VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO};
    dpci.maxSets = 2 * kFrameSlots;
    dpci.poolSizeCount = 2;
    dpci.pPoolSizes = poolSizes;
    VK_CHECK(vkCreateDescriptorPool(device, &dpci, nullptr, &_descriptorPool));

    // Layers: each uploads its data once here. Terrain tiles bake the highlight into their images.
    HighlightMask highlight;
    if (!inputs.highlight.empty()) {
        const glm::dvec4 b = boundsOf(inputs.highlight);
        highlight = {b.x,
                     b.y,
                     b.z,
                     b.w,
                     kMaskWidth,
                     kMaskHeight,
                     geo::rasterizeMask(inputs.highlight, b.x, b.y, b.z, b.w, kMaskWidth, kMaskHeight)};
    }
    _terrain = std::make_unique<TerrainLayer>(context, *inputs.terrain, std::move(highlight), kFrameSlots);
    _borders = std::make_unique<LineLayer>(context, *inputs.terrain, inputs.borders);
    _coastlines = std::make_unique<LineLayer>(context, *inputs.terrain, inputs.coastlines);
    _borders->setTheme(_style.theme);
    _coastlines->setTheme(_style.theme);
    _sampler = std::make_unique<Sampler>(context);
    buildScenarioLayers(inputs.scenarios);
    for (Slot& slot : _slots) {
        for (Buffer& uniforms : slot.uniforms)
            uniforms = Buffer(context, BufferDomain::Upload, VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT, sizeof(FrameUniforms));
        slot.labelVertices = Buffer(context, BufferDomain::Upload, VK_BUFFER_USAGE_VERTEX_BUFFER_BIT,
                                    kMaxLabelVertices * sizeof(LabelVertex));
        // Two descriptor sets per slot: one per half of the frame in compare mode.
        for (uint32_t half = 0; half < 2; ++half) {
            VkDescriptorSetAllocateInfo dsai{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO};
            dsai.descriptorPool = _descriptorPool;
            dsai.descriptorSetCount = 1;
            dsai.pSetLayouts = &_setLayout;
            VK_CHECK(vkAllocateDescriptorSets(device, &dsai, &slot.descriptors[half]));
            VkDescriptorBufferInfo ubo{slot.uniforms[half].vk(), 0, sizeof(FrameUniforms)};
            VkDescriptorImageInfo tilesInfo{_sampler->vk(), _terrain->images().view(),
                                            VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL};
            VkDescriptorImageInfo glyphInfo{_sampler->vk(), _glyphImage->view(),
                                            VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL};
            VkWriteDescriptorSet writes[3]{};
            for (auto& w : writes) {
                w.sType = VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET;
                w.dstSet = slot.descriptors[half];
                w.descriptorCount = 1;
            }
            writes[0].dstBinding = binding::kFrameUniforms;
            writes[0].descriptorType = VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER;
            writes[0].pBufferInfo = &ubo;
            writes[1].dstBinding = binding::kTileImages;
            writes[1].descriptorType = VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER;
            writes[1].pImageInfo = &tilesInfo;
            writes[2].dstBinding = binding::kGlyphAtlas;
            writes[2].descriptorType = VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER;
            writes[2].pImageInfo = &glyphInfo;
            vkUpdateDescriptorSets(device, 3, writes, 0, nullptr);
        }

        VkCommandBufferAllocateInfo cbai{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
        cbai.commandPool = context.commandPool();
        cbai.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
        cbai.commandBufferCount = 1;
        VK_CHECK(vkAllocateCommandBuffers(device, &cbai, &slot.offscreenCmd));
        VkFenceCreateInfo fci{VK_STRUCTURE_TYPE_FENCE_CREATE_INFO};
        fci.flags = VK_FENCE_CREATE_SIGNALED_BIT;
        VK_CHECK(vkCreateFence(device, &fci, nullptr, &slot.offscreenFence));
    }
    createPipelines();
}

SceneRenderer::~SceneRenderer() {
    VkDevice device = _context.device();
    vkDeviceWaitIdle(device);
    for (Slot& slot : _slots) {
        vkDestroyFence(device, slot.offscreenFence, nullptr);
        vkFreeCommandBuffers(device, _context.commandPool(), 1, &slot.offscreenCmd);
    }
    _terrainPipeline.reset();
    _terrainFilteredPipeline.reset();
    _skyPipeline.reset();
    _markerPipeline.reset();
    _areaPipeline.reset();
    _linePipeline.reset();
    _labelPipeline.reset();
    vkDestroyDescriptorPool(device, _descriptorPool, nullptr);
    vkDestroyDescriptorSetLayout(device, _setLayout, nullptr);
    vkDestroyFramebuffer(device, _framebuffer, nullptr);
    vkDestroyRenderPass(device, _renderPass, nullptr);
}

void SceneRenderer::buildScenarioLayers(const geo::ScenarioSet* scenarios) {
    _scenarioSource = scenarios;
    _scenarios = scenarios ? std::make_unique<ScenarioLayer>(_context, *_terrainSource, *scenarios, _style) : nullptr;
    // The atlas holds every glyph the names use, marker names included, and what the overlay draws.
    std::vector<char32_t> codepoints = LabelLayer::codepointsOf(_places, scenarios);
    for (char32_t c : Overlay::codepointsOf(scenarios, _nationNames)) codepoints.push_back(c);
    for (const std::string& text : _screenTexts)
        for (char32_t c : decodeUtf8(text)) codepoints.push_back(c);
    for (char32_t c : decodeUtf8(_attribution)) codepoints.push_back(c);
    _overlay.reset(); // it borrows the atlas
    _atlas = std::make_unique<GlyphAtlas>(_font, codepoints);
    _labels = std::make_unique<LabelLayer>(*_terrainSource, _places, scenarios, *_atlas);
    _labels->look = textLook(_style.theme);
    _overlay = std::make_unique<Overlay>(*_atlas, scenarios, _nationNames, _attribution, _style);
    _glyphImage = std::make_unique<Image>(_context, _atlas->width(), _atlas->height(), VK_FORMAT_R8_UNORM,
                                          VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT,
                                          VK_IMAGE_ASPECT_COLOR_BIT);
    _glyphImage->upload(_atlas->pixels().data(), _atlas->pixels().size());
    for (Slot& slot : _slots)
        for (VkDescriptorSet set : slot.descriptors) {
            if (!set) continue; // first build: the constructor writes them
            VkDescriptorImageInfo glyphInfo{_sampler->vk(), _glyphImage->view(),
                                            VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL};
            VkWriteDescriptorSet write{VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET};
            write.dstSet = set;
            write.dstBinding = binding::kGlyphAtlas;
            write.descriptorCount = 1;
            write.descriptorType = VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER;
            write.pImageInfo = &glyphInfo;
            vkUpdateDescriptorSets(_context.device(), 1, &write, 0, nullptr);
        }
}

void SceneRenderer::setScenarios(const geo::ScenarioSet* scenarios) {
    VK_CHECK(vkDeviceWaitIdle(_context.device())); // a rare event (a file saved): nothing may use the old layers
    buildScenarioLayers(scenarios);
}

void SceneRenderer::setStyle(SceneStyle style) {
    VK_CHECK(vkDeviceWaitIdle(_context.device()));
    _style = style;
    for (LineLayer* lines : {_borders.get(), _coastlines.get(), _rings.get()})
        if (lines) lines->setTheme(style.theme);
    buildScenarioLayers(_scenarioSource);
}

void SceneRenderer::setRangeRings(std::optional<glm::dvec2> centre) {
    VK_CHECK(vkDeviceWaitIdle(_context.device()));
    _rings.reset();
    if (!centre) return;
    std::vector<std::vector<glm::dvec2>> rings;
    for (double km : kRangeRingsKm) rings.push_back(geo::geodesicCircle(*centre, km * 1000.0));
    _rings = std::make_unique<LineLayer>(_context, *_terrainSource, rings);
    _rings->setTheme(_style.theme);
}

void SceneRenderer::createTargets() {
    VkDevice device = _context.device();
    if (_framebuffer) vkDestroyFramebuffer(device, _framebuffer, nullptr);
    _color = std::make_unique<Image>(_context, _extent.width, _extent.height, kColorFormat,
                                     VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT,
                                     VK_IMAGE_ASPECT_COLOR_BIT);
    _depth = std::make_unique<Image>(_context, _extent.width, _extent.height, kDepthFormat,
                                     VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT, VK_IMAGE_ASPECT_DEPTH_BIT);
    const VkImageView views[2] = {_color->view(), _depth->view()};
    VkFramebufferCreateInfo fci{VK_STRUCTURE_TYPE_FRAMEBUFFER_CREATE_INFO};
    fci.renderPass = _renderPass;
    fci.attachmentCount = 2;
    fci.pAttachments = views;
    fci.width = _extent.width;
    fci.height = _extent.height;
    fci.layers = 1;
    VK_CHECK(vkCreateFramebuffer(device, &fci, nullptr, &_framebuffer));
    _readback = Buffer();
}

void SceneRenderer::resize(VkExtent2D size) {
    if (size.width == _extent.width && size.height == _extent.height) return;
    VK_CHECK(vkDeviceWaitIdle(_context.device()));
    _extent = size;
    createTargets();
}

void SceneRenderer::createPipelines() {
    PipelineDesc terrain;
    terrain.vertexSpirv = shaders::terrainVert();
    terrain.fragmentSpirv = shaders::terrainFrag();
    terrain.bindings = {{0, sizeof(geo::TerrainVertex), VK_VERTEX_INPUT_RATE_VERTEX}};
    terrain.attributes = {attribute(0, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(geo::TerrainVertex, position)),
                          attribute(1, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(geo::TerrainVertex, up)),
                          attribute(2, 0, VK_FORMAT_R32_SFLOAT, offsetof(geo::TerrainVertex, height)),
                          attribute(3, 0, VK_FORMAT_R32_SFLOAT, offsetof(geo::TerrainVertex, skirt)),
                          attribute(4, 0, VK_FORMAT_R32G32_SFLOAT, offsetof(geo::TerrainVertex, tileUv))};
    terrain.pushConstantBytes = sizeof(TilePush);
    _terrainPipeline = std::make_unique<Pipeline>(_context, _renderPass, _setLayout, terrain);
    terrain.fragmentVariant = 1; // filtered, for tiles magnified past their data's detail
    _terrainFilteredPipeline = std::make_unique<Pipeline>(_context, _renderPass, _setLayout, terrain);

    PipelineDesc line;
    line.vertexSpirv = shaders::lineVert();
    line.fragmentSpirv = shaders::lineFrag();
    // Three views of the same buffer, one point apart: previous, this and next (line.vert).
    for (uint32_t b = 0; b < 3; ++b) {
        line.bindings.push_back({b, sizeof(LinePoint), VK_VERTEX_INPUT_RATE_VERTEX});
        line.attributes.push_back(attribute(b * 3 + 0, b, VK_FORMAT_R32G32B32_SFLOAT, offsetof(LinePoint, position)));
        line.attributes.push_back(attribute(b * 3 + 1, b, VK_FORMAT_R32G32B32_SFLOAT, offsetof(LinePoint, up)));
        line.attributes.push_back(attribute(b * 3 + 2, b, VK_FORMAT_R32G32_SFLOAT, offsetof(LinePoint, height)));
    }
    line.attributes.push_back(attribute(9, 1, VK_FORMAT_R32_UINT, offsetof(LinePoint, scenarios)));
    line.depthWrite = false;
    line.alphaBlend = true;
    line.pushConstantBytes = sizeof(LinePush);
    _linePipeline = std::make_unique<Pipeline>(_context, _renderPass, _setLayout, line);

    PipelineDesc sky;
    sky.vertexSpirv = shaders::skyVert();
    sky.fragmentSpirv = shaders::skyFrag();
    sky.depthWrite = false;
    _skyPipeline = std::make_unique<Pipeline>(_context, _renderPass, _setLayout, sky);

    PipelineDesc marker;
    marker.vertexSpirv = shaders::markerVert();
    marker.fragmentSpirv = shaders::markerFrag();
    marker.bindings = {{0, sizeof(MarkerCorner), VK_VERTEX_INPUT_RATE_VERTEX},
                       {1, sizeof(MarkerInstance), VK_VERTEX_INPUT_RATE_INSTANCE}};
    marker.attributes = {attribute(0, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(MarkerCorner, corner)),
                         attribute(1, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(MarkerCorner, normal)),
                         attribute(2, 1, VK_FORMAT_R32G32B32_SFLOAT, offsetof(MarkerInstance, position)),
                         attribute(3, 1, VK_FORMAT_R32G32B32_SFLOAT, offsetof(MarkerInstance, up)),
                         attribute(4, 1, VK_FORMAT_R32G32B32_SFLOAT, offsetof(MarkerInstance, size)),
                         attribute(5, 1, VK_FORMAT_R32G32B32A32_SFLOAT, offsetof(MarkerInstance, color)),
                         attribute(6, 1, VK_FORMAT_R32G32_UINT, offsetof(MarkerInstance, scenarios))};
    marker.alphaBlend = true; // markers fade in and out while scenarios switch
    marker.pushConstantBytes = sizeof(BatchPush);
    _markerPipeline = std::make_unique<Pipeline>(_context, _renderPass, _setLayout, marker);

    PipelineDesc area;
    area.vertexSpirv = shaders::areaVert();
    area.fragmentSpirv = shaders::areaFrag();
    area.bindings = {{0, sizeof(AreaVertex), VK_VERTEX_INPUT_RATE_VERTEX}};
    area.attributes = {attribute(0, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(AreaVertex, position)),
                       attribute(1, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(AreaVertex, up)),
                       attribute(2, 0, VK_FORMAT_R32_SFLOAT, offsetof(AreaVertex, height)),
                       attribute(3, 0, VK_FORMAT_R32G32B32A32_SFLOAT, offsetof(AreaVertex, color)),
                       attribute(4, 0, VK_FORMAT_R32G32_UINT, offsetof(AreaVertex, scenarios))};
    area.depthWrite = false;
    area.alphaBlend = true;
    area.pushConstantBytes = sizeof(BatchPush);
    _areaPipeline = std::make_unique<Pipeline>(_context, _renderPass, _setLayout, area);

    PipelineDesc label;
    label.vertexSpirv = shaders::labelVert();
    label.fragmentSpirv = shaders::labelFrag();
    label.bindings = {{0, sizeof(LabelVertex), VK_VERTEX_INPUT_RATE_VERTEX}};
    label.attributes = {attribute(0, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(LabelVertex, anchor)),
                        attribute(1, 0, VK_FORMAT_R32G32_SFLOAT, offsetof(LabelVertex, offset)),
                        attribute(2, 0, VK_FORMAT_R32G32_SFLOAT, offsetof(LabelVertex, uv)),
                        attribute(3, 0, VK_FORMAT_R32G32B32A32_SFLOAT, offsetof(LabelVertex, color)),
                        attribute(4, 0, VK_FORMAT_R32G32B32A32_SFLOAT, offsetof(LabelVertex, halo)),
                        attribute(5, 0, VK_FORMAT_R32_SFLOAT, offsetof(LabelVertex, screen))};
    label.depthTest = false;
    label.depthWrite = false;
    label.alphaBlend = true;
    _labelPipeline = std::make_unique<Pipeline>(_context, _renderPass, _setLayout, label);
}

FrameStats SceneRenderer::record(VkCommandBuffer cmd, uint32_t slotIndex, const SceneView& sv, TileLoading loading) {
    return recordTile(cmd, slotIndex, sv, loading, wholeFrame());
}

FrameStats SceneRenderer::recordTile(VkCommandBuffer cmd, uint32_t slotIndex, const SceneView& sv, TileLoading loading,
                                     const FrameTile& tile) {
    Slot& slot = _slots.at(slotIndex);
    FrameStats stats;
    // Every decision (terrain detail, label layout, sizes in pixels) is made for the whole frame, so
    // the tiles of a poster agree; each tile only crops what it draws (cropOf).
    const VkExtent2D frameSize = tile.frame;
    const float scale = resolveDisplayScale(sv.displayScale, frameSize.height);
    // Compare mode: the frame split in two, each half a scenario, under one camera. Terrain is
    // chosen once for the whole frame's view, which holds both halves'.
    const uint32_t halves = sv.compare ? 2 : 1;
    const uint32_t halfWidth = frameSize.width / halves;
    const View whole = View::make(sv.pose, frameSize.width, frameSize.height);
    std::array<View, 2> views;
    std::array<TileCrop, 2> crops;
    std::array<std::pair<uint32_t, uint32_t>, 2> labelRanges{};
    std::vector<LabelVertex> vertices;
    if (!sv.clearOnly && sv.layers.terrain) {
        const TerrainLayer::Selection s = _terrain->select(whole, sv.exaggeration, loading, slotIndex);
        _terrain->recordUploads(cmd, slotIndex);
        stats.tiles = s.tiles;
        stats.triangles = s.triangles;
        stats.complete = s.complete;
    }
    for (uint32_t half = 0; half < halves; ++half) {
        const ScenarioShown shown =
            half == 0 ? ScenarioShown{sv.scenarioFrom, sv.scenarioTo, sv.transition, sv.caption, sv.title}
                      : *sv.compare;
        const View& view = views[half] = View::make(sv.pose, halfWidth, frameSize.height);
        const TileCrop& crop = crops[half] =
            cropOf({{int32_t(half * halfWidth), 0}, {halfWidth, frameSize.height}}, tile);
        const glm::dmat4 viewProj = crop.clip * view.viewProj;
        FrameUniforms u{};
        u.viewProj = glm::mat4(viewProj);
        u.inverseViewProj = glm::mat4(glm::inverse(viewProj));
        u.lightDir = glm::vec4(glm::vec3(sunDirection(sv.pose)), 0.0f);
        // Pixel offsets (labels, line widths) are pixels of the viewport, which is the cropped part.
        u.params = glm::vec4(float(sv.exaggeration), float(crop.viewport.extent.width),
                             float(crop.viewport.extent.height), strokeScale(scale));
        const geo::GeoPoint eyeGeo = geo::toGeodetic(view.eye);
        u.eyeUp = glm::vec4(glm::vec3(geo::upAt(eyeGeo.lon, eyeGeo.lat)), float(eyeGeo.height));
        // Borders and coasts carry every bit: they stay whatever the scenarios are.
        constexpr uint32_t kAlwaysBit = 1u << 31;
        u.scenario = glm::uvec4(shown.from | kAlwaysBit, shown.to | kAlwaysBit, 0u, 0u);
        u.transition = glm::vec4(std::clamp(shown.transition, 0.0f, 1.0f), float(view.pixelsPerRadian), 0.0f, 0.0f);
        u.crop = glm::vec4(crop.inView, float(tile.origin.x), float(tile.origin.y));
        std::memcpy(slot.uniforms[half].mapped(), &u, sizeof(u));
        if (sv.clearOnly || !crop.visible) continue;

        const size_t first = vertices.size();
        const size_t budget = first + kMaxLabelVertices / halves;
        const LabelLayer::Scenarios labelled{sv.layers.scenarios ? shown.from : 0u, sv.layers.scenarios ? shown.to : 0u,
                                             shown.transition};
        if (sv.layers.labels) stats.labels += _labels->layout(view, sv.exaggeration, scale, labelled, budget, vertices);
        // Title and captions, legend, and the credits once (bottom right of the frame).
        const OverlayContent overlay{shown.title, shown.caption,
                                     sv.legend && sv.layers.scenarios && _scenarios ? shown.to : 0u,
                                     sv.attribution && half + 1 == halves};
        _overlay->append(overlay, {float(halfWidth), float(frameSize.height)}, scale, budget, vertices);
        labelRanges[half] = {uint32_t(first), uint32_t(vertices.size() - first)};
    }
    if (!vertices.empty())
        std::memcpy(slot.labelVertices.mapped(), vertices.data(), vertices.size() * sizeof(LabelVertex));

    VkClearValue clears[2]{};
    clears[0].color = {{0.015f, 0.02f, 0.045f, 1.0f}};
    clears[1].depthStencil = {0.0f, 0}; // reversed depth
    VkRenderPassBeginInfo rpbi{VK_STRUCTURE_TYPE_RENDER_PASS_BEGIN_INFO};
    rpbi.renderPass = _renderPass;
    rpbi.framebuffer = _framebuffer;
    rpbi.renderArea = {{0, 0}, tile.size};
    rpbi.clearValueCount = 2;
    rpbi.pClearValues = clears;
    vkCmdBeginRenderPass(cmd, &rpbi, VK_SUBPASS_CONTENTS_INLINE);
    for (uint32_t half = 0; half < halves && !sv.clearOnly; ++half) {
        const View& view = views[half];
        const VkRect2D scissor = crops[half].viewport;
        if (!crops[half].visible) continue;
        VkViewport viewport{float(scissor.offset.x), float(scissor.offset.y), 0.0f, 0.0f, 0.0f, 1.0f};
        viewport.width = float(scissor.extent.width);
        viewport.height = float(scissor.extent.height);
        vkCmdSetViewport(cmd, 0, 1, &viewport);
        vkCmdSetScissor(cmd, 0, 1, &scissor);
        auto bind = [&](const Pipeline& p) {
            vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, p.vk());
            vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, p.layout(), 0, 1, &slot.descriptors[half], 0,
                                    nullptr);
        };
        if (sv.layers.terrain) {
            bind(*_terrainPipeline);
            _terrain->draw(cmd, _terrainPipeline->layout(), _terrainPipeline->vk(), _terrainFilteredPipeline->vk(),
                           view.eye, sv.layers.highlight);
        }
        // The sky where no terrain was drawn (the depth test leaves it only those pixels), when
        // any corner of the view looks past the Earth.
        const auto missesEarth = [&](double px, double py) {
            return !geo::intersectEllipsoid(view.eye, view.rayThrough(px, py), 0.0);
        };
        const double w = view.width, h = view.height;
        if (missesEarth(0, 0) || missesEarth(w, 0) || missesEarth(0, h) || missesEarth(w, h)) {
            bind(*_skyPipeline);
            vkCmdDraw(cmd, 3, 1, 0, 0);
        }
        const bool scenarios = _scenarios && sv.layers.scenarios;
        if (scenarios) {
            bind(*_areaPipeline);
            _scenarios->drawAreas(cmd, _areaPipeline->layout(), view);
        }
        if (sv.layers.coastlines || sv.layers.borders || scenarios || _rings) bind(*_linePipeline);
        const float lineScale = strokeScale(scale);
        if (sv.layers.coastlines)
            stats.lineSegments += _coastlines->draw(cmd, _linePipeline->layout(), view, sv.exaggeration,
                                                    {{0.12f, 0.26f, 0.42f, 1.0f}, 1.5f * lineScale});
        if (sv.layers.borders)
            stats.lineSegments += _borders->draw(
                cmd, _linePipeline->layout(), view, sv.exaggeration,
                {{1.0f, 0.93f, 0.80f, 1.0f}, 2.5f * lineScale, {0.10f, 0.08f, 0.07f, 1.0f}, 5.5f * lineScale});
        if (_rings)
            _rings->draw(cmd, _linePipeline->layout(), view, sv.exaggeration,
                         {{1.0f, 1.0f, 1.0f, 0.9f}, 1.5f * lineScale, {0.05f, 0.05f, 0.08f, 0.9f}, 3.5f * lineScale});
        if (scenarios) {
            _scenarios->drawLines(cmd, _linePipeline->layout(), view, sv.exaggeration, lineScale);
            bind(*_markerPipeline);
            _scenarios->drawMarkers(cmd, _markerPipeline->layout(), view);
        }
        if (labelRanges[half].second > 0) {
            bind(*_labelPipeline);
            const VkBuffer vb = slot.labelVertices.vk();
            const VkDeviceSize offset = 0;
            vkCmdBindVertexBuffers(cmd, 0, 1, &vb, &offset);
            vkCmdDraw(cmd, labelRanges[half].second, 1, labelRanges[half].first, 0);
        }
    }
    const TileCrop rule = cropOf({{int32_t(halfWidth) - 1, 0}, {3, frameSize.height}}, tile);
    if (halves == 2 && !sv.clearOnly && rule.visible) { // a dark rule between the two halves
        VkClearAttachment clear{VK_IMAGE_ASPECT_COLOR_BIT, 0, {}};
        clear.clearValue.color = {{0.02f, 0.02f, 0.03f, 1.0f}};
        const VkClearRect rect{rule.viewport, 0, 1};
        vkCmdClearAttachments(cmd, 1, &clear, 1, &rect);
    }
    vkCmdEndRenderPass(cmd);
    return stats;
}

FrameStats SceneRenderer::submitOffscreen(const SceneView& view, TileLoading loading, bool readback,
                                          const FrameTile& tile) {
    VkDevice device = _context.device();
    const uint32_t slotIndex = _offscreenSlot;
    _offscreenSlot = (_offscreenSlot + 1) % kFrameSlots;
    Slot& slot = _slots[slotIndex];
    VK_CHECK(vkWaitForFences(device, 1, &slot.offscreenFence, VK_TRUE, UINT64_MAX));
    VK_CHECK(vkResetFences(device, 1, &slot.offscreenFence));
    VK_CHECK(vkResetCommandBuffer(slot.offscreenCmd, 0));
    VkCommandBufferBeginInfo bi{VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
    bi.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
    VK_CHECK(vkBeginCommandBuffer(slot.offscreenCmd, &bi));
    const FrameStats stats = recordTile(slot.offscreenCmd, slotIndex, view, loading, tile);
    if (readback) {
        const size_t bytes = size_t(_extent.width) * _extent.height * 4;
        if (!_readback) _readback = Buffer(_context, BufferDomain::Readback, VK_BUFFER_USAGE_TRANSFER_DST_BIT, bytes);
        VkBufferImageCopy region{};
        region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
        region.imageExtent = {tile.size.width, tile.size.height, 1}; // tightly packed: a tile's rows
        vkCmdCopyImageToBuffer(slot.offscreenCmd, _color->vk(), VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, _readback.vk(), 1,
                               &region);
        VkBufferMemoryBarrier barrier{VK_STRUCTURE_TYPE_BUFFER_MEMORY_BARRIER};
        barrier.srcAccessMask = VK_ACCESS_TRANSFER_WRITE_BIT;
        barrier.dstAccessMask = VK_ACCESS_HOST_READ_BIT;
        barrier.srcQueueFamilyIndex = barrier.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
        barrier.buffer = _readback.vk();
        barrier.size = VK_WHOLE_SIZE;
        vkCmdPipelineBarrier(slot.offscreenCmd, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_HOST_BIT, 0, 0,
                             nullptr, 1, &barrier, 0, nullptr);
    }
    VK_CHECK(vkEndCommandBuffer(slot.offscreenCmd));
    VkSubmitInfo si{VK_STRUCTURE_TYPE_SUBMIT_INFO};
    si.commandBufferCount = 1;
    si.pCommandBuffers = &slot.offscreenCmd;
    VK_CHECK(vkQueueSubmit(_context.queue(), 1, &si, slot.offscreenFence));
    return stats;
}

FrameStats SceneRenderer::submitFrame(const SceneView& view) {
    return submitOffscreen(view, TileLoading::Background, false, wholeFrame());
}

void SceneRenderer::waitIdle() const {
    for (const Slot& slot : _slots)
        VK_CHECK(vkWaitForFences(_context.device(), 1, &slot.offscreenFence, VK_TRUE, UINT64_MAX));
}

std::vector<uint8_t> SceneRenderer::renderStill(const SceneView& view, FrameStats* stats) {
    return renderTile(view, wholeFrame(), stats);
}

std::vector<uint8_t> SceneRenderer::renderTile(const SceneView& view, const FrameTile& tile, FrameStats* stats) {
    if (tile.size.width == 0 || tile.size.height == 0 || tile.size.width > _extent.width ||
        tile.size.height > _extent.height)
        throw std::invalid_argument("renderTile: the tile is empty or larger than the render target");
    // A still waits for every terrain tile: one frame builds all it needs.
    const FrameStats s = submitOffscreen(view, TileLoading::Wait, true, tile);
    waitIdle();
    if (stats) *stats = s;
    _readback.invalidate();
    const auto* src = static_cast<const uint8_t*>(_readback.mapped());
    return {src, src + size_t(tile.size.width) * tile.size.height * 4};
}

} // namespace renderer
