#pragma once
// The window's swapchain and, for the panel drawn over the scene, a classic render pass that draws
// over each swapchain image after the scene has been blitted into it. WindowTarget owns it.
#include "renderer/Context.h"
#include "renderer/DeviceObjects.h"

#include <vector>

namespace renderer {

class Swapchain {
public:
    Swapchain(const Context& context, VkSurfaceKHR surface, VkExtent2D wanted);
    Swapchain(const Swapchain&) = delete;
    Swapchain& operator=(const Swapchain&) = delete;

    //! Rebuilds for a new window size (waits for the GPU).
    void recreate(VkExtent2D wanted);

    VkSwapchainKHR vk() const { return _swapchain.vk(); }
    VkExtent2D extent() const { return _extent; }
    VkRenderPass overlayPass() const { return _overlayPass.vk(); }
    uint32_t imageCount() const { return static_cast<uint32_t>(_images.size()); }
    VkImage image(uint32_t i) const { return _images[i].image; }
    VkFramebuffer framebuffer(uint32_t i) const { return _images[i].framebuffer.vk(); }
    VkSemaphore renderFinished(uint32_t i) const { return _images[i].renderFinished.vk(); }

private:
    struct SwapImage {
        VkImage image = VK_NULL_HANDLE; //!< the swapchain's own
        ImageView view;
        Framebuffer framebuffer;
        Semaphore renderFinished; //!< one per image, as presentation may hold it
    };
    void create(VkExtent2D wanted);
    void destroy();
    const Context& _context;
    VkSurfaceKHR _surface;
    DeviceObject<VkSwapchainKHR, vkDestroySwapchainKHR> _swapchain;
    VkFormat _format = VK_FORMAT_B8G8R8A8_UNORM;
    VkExtent2D _extent{};
    RenderPass _overlayPass;
    std::vector<SwapImage> _images; //!< after the swapchain, so destroyed before it
};

} // namespace renderer
