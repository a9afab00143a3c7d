#include "renderer/WindowTarget.h"

#include "renderer/Image.h"
#include "renderer/VulkanError.h"

namespace renderer {

WindowTarget::WindowTarget(const Context& context, VkSurfaceKHR surface, VkExtent2D size)
    : _context(context), _surface(context.instance(), surface), _swapchain(context, surface, size) {
    // Signalled, so the first wait on each slot returns at once.
    for (FrameSlot& slot : _slots) slot = {CommandBuffer(context), Fence(context, true), Semaphore(context)};
}

WindowTarget::~WindowTarget() {
    vkDeviceWaitIdle(_context.device());
}

bool WindowTarget::resize(VkExtent2D size) {
    const VkExtent2D now = _swapchain.extent();
    if (!_stale && now.width == size.width && now.height == size.height) return false;
    _swapchain.recreate(size);
    _stale = false;
    return true;
}

std::optional<WindowTarget::Frame> WindowTarget::beginFrame() {
    FrameSlot& slot = _slots[_next];
    slot.fence.wait();
    uint32_t image = 0;
    const VkResult acquired = vkAcquireNextImageKHR(_context.device(), _swapchain.vk(), UINT64_MAX,
                                                    slot.imageAvailable.vk(), VK_NULL_HANDLE, &image);
    if (acquired == VK_ERROR_OUT_OF_DATE_KHR) {
        _stale = true;
        return std::nullopt;
    }
    if (acquired != VK_SUBOPTIMAL_KHR) VK_CHECK(acquired);
    slot.fence.reset();
    slot.cmd.begin();
    return Frame{slot.cmd.vk(), _next, image};
}

void WindowTarget::endFrame(const Frame& frame, const Image& scene,
                            const std::function<void(VkCommandBuffer)>& overlay) {
    const VkCommandBuffer cmd = frame.cmd;
    // Blit the scene into the swapchain image, then draw the overlay over it.
    VkImageMemoryBarrier toDst{VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER};
    toDst.srcQueueFamilyIndex = toDst.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    toDst.image = _swapchain.image(frame.image);
    toDst.subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1};
    toDst.oldLayout = VK_IMAGE_LAYOUT_UNDEFINED;
    toDst.newLayout = VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL;
    toDst.dstAccessMask = VK_ACCESS_TRANSFER_WRITE_BIT;
    vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT, 0, 0, nullptr, 0, nullptr,
                         1, &toDst);
    VkImageBlit blit{};
    blit.srcSubresource = blit.dstSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
    blit.srcOffsets[1] = blit.dstOffsets[1] = {int32_t(scene.width()), int32_t(scene.height()), 1};
    vkCmdBlitImage(cmd, scene.vk(), VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, _swapchain.image(frame.image),
                   VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &blit, VK_FILTER_NEAREST);
    VkRenderPassBeginInfo rp{VK_STRUCTURE_TYPE_RENDER_PASS_BEGIN_INFO};
    rp.renderPass = _swapchain.overlayPass();
    rp.framebuffer = _swapchain.framebuffer(frame.image);
    rp.renderArea = {{0, 0}, _swapchain.extent()};
    vkCmdBeginRenderPass(cmd, &rp, VK_SUBPASS_CONTENTS_INLINE);
    overlay(cmd);
    vkCmdEndRenderPass(cmd);
    const FrameSlot& slot = _slots[frame.slot];
    slot.cmd.end();

    const VkPipelineStageFlags waitStage = VK_PIPELINE_STAGE_TRANSFER_BIT;
    const VkSemaphore imageAvailable = slot.imageAvailable.vk();
    const VkSemaphore finished = _swapchain.renderFinished(frame.image);
    VkSubmitInfo si{VK_STRUCTURE_TYPE_SUBMIT_INFO};
    si.waitSemaphoreCount = 1;
    si.pWaitSemaphores = &imageAvailable;
    si.pWaitDstStageMask = &waitStage;
    si.commandBufferCount = 1;
    si.pCommandBuffers = &cmd;
    si.signalSemaphoreCount = 1;
    si.pSignalSemaphores = &finished;
    VK_CHECK(vkQueueSubmit(_context.queue(), 1, &si, slot.fence.vk()));
    VkPresentInfoKHR pi{VK_STRUCTURE_TYPE_PRESENT_INFO_KHR};
    pi.waitSemaphoreCount = 1;
    pi.pWaitSemaphores = &finished;
    pi.swapchainCount = 1;
    const VkSwapchainKHR swapchain = _swapchain.vk();
    pi.pSwapchains = &swapchain;
    pi.pImageIndices = &frame.image;
    const VkResult presented = vkQueuePresentKHR(_context.queue(), &pi);
    if (presented == VK_ERROR_OUT_OF_DATE_KHR || presented == VK_SUBOPTIMAL_KHR)
        _stale = true;
    else
        VK_CHECK(presented);
    _next = (_next + 1) % kFrameSlots;
}

} // namespace renderer
