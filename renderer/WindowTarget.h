#pragma once
// The window's side of the frame loop (STYLE.md §11), as Granite's begin_frame/end_frame: it owns the
// surface, the swapchain and the frame slots (command buffer, fence, image-available semaphore), each
// with one owner. A frame is
//
//     if (target.resize(framebufferSize)) { ...resize what draws at the window's size... }
//     if (auto frame = target.beginFrame()) {
//         scene.record(frame->cmd, frame->slot, ...);              // into its own colour image
//         target.endFrame(*frame, scene.colorImage(), drawOverlay); // blit, overlay, submit, present
//     }
//
// beginFrame() waits for the slot's previous frame, so whatever that frame used may be reused or freed.
#include "renderer/Context.h"
#include "renderer/DeviceObjects.h"
#include "renderer/Swapchain.h"

#include <array>
#include <functional>
#include <optional>

namespace renderer {

class Image;

//! A VkSurfaceKHR, destroyed with its instance's vkDestroySurfaceKHR.
class Surface {
public:
    Surface(VkInstance instance, VkSurfaceKHR surface) : _instance(instance), _surface(surface) {}
    ~Surface() { vkDestroySurfaceKHR(_instance, _surface, nullptr); }
    Surface(const Surface&) = delete;
    Surface& operator=(const Surface&) = delete;
    VkSurfaceKHR vk() const { return _surface; }

private:
    VkInstance _instance;
    VkSurfaceKHR _surface;
};

class WindowTarget {
public:
    static constexpr uint32_t kFrameSlots = 2; //!< frames in flight

    //! Takes ownership of `surface` (made by the windowing library for `context.instance()`).
    WindowTarget(const Context& context, VkSurfaceKHR surface, VkExtent2D size);
    //! Waits for the GPU, so nothing it still uses is destroyed under it.
    ~WindowTarget();
    WindowTarget(const WindowTarget&) = delete;
    WindowTarget& operator=(const WindowTarget&) = delete;

    //! Rebuilds the swapchain when the window's framebuffer is no longer `size` or the last frame found
    //! it out of date; true when it did (waits for the GPU).
    bool resize(VkExtent2D size);

    struct Frame {
        VkCommandBuffer cmd = VK_NULL_HANDLE; //!< recording, for this frame only
        uint32_t slot = 0;                    //!< 0..kFrameSlots-1: per-frame resources to use
        uint32_t image = 0;                   //!< the swapchain image drawn into
    };
    //! Waits for the next slot's previous frame and acquires a swapchain image; nothing when the
    //! swapchain is out of date (the next resize() rebuilds it: skip this frame).
    std::optional<Frame> beginFrame();
    //! Blits `scene` (TRANSFER_SRC_OPTIMAL, at the window's size) into the frame's image, records
    //! `overlay` in the overlay pass over it, submits and presents.
    void endFrame(const Frame& frame, const Image& scene, const std::function<void(VkCommandBuffer)>& overlay);

    VkExtent2D extent() const { return _swapchain.extent(); }
    VkRenderPass overlayPass() const { return _swapchain.overlayPass(); }
    uint32_t imageCount() const { return _swapchain.imageCount(); }

private:
    struct FrameSlot {
        CommandBuffer cmd;
        Fence fence;
        Semaphore imageAvailable;
    };
    const Context& _context;
    Surface _surface;
    Swapchain _swapchain;
    std::array<FrameSlot, kFrameSlots> _slots;
    uint32_t _next = 0;  //!< the slot the next frame uses
    bool _stale = false; //!< acquire or present said the swapchain no longer fits the surface
};

} // namespace renderer
