#include "renderer/SceneRenderer.h"

#include "geo/Ellipsoid.h"
#include "geo/Spatial.h"
#include "geo/TileFailures.h"
#include "renderer/CoverageLayer.h"
#include "renderer/DisplayScale.h"
#include "renderer/GpuTypes.h"
#include "renderer/MapLinesLayer.h"
#include "renderer/SceneLayers.h"
#include "renderer/View.h"
#include "renderer/VulkanError.h"
#include "renderer/WarningLayer.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>
#include <tuple>

namespace renderer {

namespace {

constexpr VkFormat kColorFormat = VK_FORMAT_R8G8B8A8_UNORM;
constexpr VkFormat kDepthFormat = VK_FORMAT_D32_SFLOAT;
constexpr VkShaderStageFlags kPushStages = VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT;

//! The classic hillshade sun: from the north-west, 45° above the horizon, at the camera target.
glm::dvec3 sunDirection(const geo::CameraPose& pose) {
    const glm::dmat3 enu = geo::enuFrame(pose.lon, pose.lat);
    return glm::normalize(enu[0] * -0.5 + enu[1] * 0.5 + enu[2] * 0.7071);
}

} // namespace

SceneRenderer::SceneRenderer(const Context& context, const SceneInputs& inputs, VkExtent2D size)
    : _context(context), _extent(size), _inputs(inputs) {
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

    // Set 0, shared by every pipeline: the frame uniforms. Layers bring their own images as set 1.
    const VkDescriptorSetLayoutBinding frameUniforms{binding::kFrameUniforms, VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, 1,
                                                     kPushStages, nullptr};
    std::tie(_frameSetLayout, _descriptorPool) =
        createSetLayoutAndPool(device, std::span(&frameUniforms, 1), 2 * kFrameSlots);
    _pipelines = std::make_unique<PipelineCache>(context, _renderPass, _frameSetLayout);

    // The layers, in drawing order: each builds its pipelines and uploads its data once here.
    for (const LayerEntry& entry : sceneLayers())
        if (std::unique_ptr<Layer> layer = entry.make(setupFor(_layers.size()))) _layers.push_back(std::move(layer));
    _inputs.borders.clear();
    _inputs.coastlines.clear();
    _inputs.highlight.clear();

    for (Slot& slot : _slots) {
        for (uint32_t half = 0; half < 2; ++half) { // one set per half of the frame in compare mode
            slot.uniforms[half] =
                Buffer(context, BufferDomain::Upload, VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT, sizeof(FrameUniforms));
            VkDescriptorSetAllocateInfo dsai{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO};
            dsai.descriptorPool = _descriptorPool;
            dsai.descriptorSetCount = 1;
            dsai.pSetLayouts = &_frameSetLayout;
            VK_CHECK(vkAllocateDescriptorSets(device, &dsai, &slot.descriptors[half]));
            const VkDescriptorBufferInfo ubo{slot.uniforms[half].vk(), 0, sizeof(FrameUniforms)};
            VkWriteDescriptorSet write{VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET};
            write.dstSet = slot.descriptors[half];
            write.dstBinding = binding::kFrameUniforms;
            write.descriptorCount = 1;
            write.descriptorType = VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER;
            write.pBufferInfo = &ubo;
            vkUpdateDescriptorSets(device, 1, &write, 0, nullptr);
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
}

LayerSetup SceneRenderer::setupFor(size_t built) const {
    return {_context, *_pipelines, kFrameSlots, _inputs, std::span(_layers.data(), built)};
}

Layer* SceneRenderer::layer(std::string_view name) const {
    for (const auto& l : _layers)
        if (l->name() == name) return l.get();
    return nullptr;
}

SceneRenderer::~SceneRenderer() {
    VkDevice device = _context.device();
    vkDeviceWaitIdle(device);
    for (Slot& slot : _slots) {
        vkDestroyFence(device, slot.offscreenFence, nullptr);
        vkFreeCommandBuffers(device, _context.commandPool(), 1, &slot.offscreenCmd);
    }
    _layers.clear();
    _pipelines.reset();
    vkDestroyDescriptorPool(device, _descriptorPool, nullptr);
    vkDestroyDescriptorSetLayout(device, _frameSetLayout, nullptr);
    vkDestroyFramebuffer(device, _framebuffer, nullptr);
    vkDestroyRenderPass(device, _renderPass, nullptr);
}

void SceneRenderer::sceneChanged() {
    VK_CHECK(vkDeviceWaitIdle(_context.device())); // a rare event (a file saved): nothing may use the old data
    for (size_t i = 0; i < _layers.size(); ++i) _layers[i]->sceneChanged(setupFor(i));
}

void SceneRenderer::setScenarios(const geo::ScenarioSet* scenarios) {
    _inputs.scenarios = scenarios;
    sceneChanged();
}

void SceneRenderer::setStyle(SceneStyle style) {
    _inputs.style = style;
    sceneChanged();
}

void SceneRenderer::setRangeRings(std::optional<glm::dvec2> centre) {
    VK_CHECK(vkDeviceWaitIdle(_context.device()));
    auto* rings = dynamic_cast<MapLinesLayer*>(layer("rings"));
    if (!rings) return;
    std::vector<std::vector<glm::dvec2>> lines;
    if (centre)
        for (double km : kRangeRingsKm) lines.push_back(geo::geodesicCircle(*centre, km * 1000.0));
    rings->setLines(lines);
}

void SceneRenderer::setRuleWarnings(std::vector<geo::RuleWarning> warnings) {
    VK_CHECK(vkDeviceWaitIdle(_context.device()));
    if (auto* layer = dynamic_cast<WarningLayer*>(this->layer("warnings"))) layer->setWarnings(std::move(warnings));
}

void SceneRenderer::setCoverage(const geo::CoverageWorker::Answer* answer) {
    auto* coverage = dynamic_cast<CoverageLayer*>(layer("coverage"));
    if (!coverage || (answer ? coverage->shows(answer->request, answer->level) : coverage->empty())) return;
    VK_CHECK(vkDeviceWaitIdle(_context.device())); // the old mask may be in a frame in flight
    if (answer)
        coverage->setMask(answer->mask, answer->request, answer->level);
    else
        coverage->clear();
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
    std::array<HalfView, 2> halfViews;
    std::array<TileCrop, 2> crops;
    for (uint32_t half = 0; half < halves; ++half) {
        const ScenarioShown shown =
            half == 0 ? ScenarioShown{sv.scenarioFrom, sv.scenarioTo, sv.transition, sv.caption, sv.title}
                      : *sv.compare;
        const View view = View::make(sv.pose, halfWidth, frameSize.height);
        const TileCrop& crop = crops[half] =
            cropOf({{int32_t(half * halfWidth), 0}, {halfWidth, frameSize.height}}, tile);
        halfViews[half] = {view, shown, crop.visible, {float(halfWidth), float(frameSize.height)}, half + 1 == halves};
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
    }
    if (!sv.clearOnly) {
        for (Declutter& d : _placed) d.clear();
        const FrameContext frame{cmd,   slotIndex, sv,    whole, std::span(halfViews.data(), halves), loading,
                                 scale, stats,     std::span(_placed.data(), halves)};
        for (const auto& layer : _layers)
            if (sv.shows(layer->name())) layer->prepare(frame);
    }

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
        const VkRect2D scissor = crops[half].viewport;
        if (!crops[half].visible) continue;
        VkViewport viewport{float(scissor.offset.x), float(scissor.offset.y), 0.0f, 0.0f, 0.0f, 1.0f};
        viewport.width = float(scissor.extent.width);
        viewport.height = float(scissor.extent.height);
        vkCmdSetViewport(cmd, 0, 1, &viewport);
        vkCmdSetScissor(cmd, 0, 1, &scissor);
        for (const Stage stage : kStages)
            for (const auto& layer : _layers)
                if (sv.shows(layer->name()))
                    layer->draw({cmd, slotIndex, half, stage, sv, halfViews[half], slot.descriptors[half], scale, stats});
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
    // Every problem a waiting frame reports is a tile it needs and could not read (a corrupt file, a server gone).
    if (!s.problems.empty()) throw geo::TileReadError(geo::Failure{"", s.problems.front().second});
    if (stats) *stats = s;
    _readback.invalidate();
    const auto* src = static_cast<const uint8_t*>(_readback.mapped());
    return {src, src + size_t(tile.size.width) * tile.size.height * 4};
}

} // namespace renderer
