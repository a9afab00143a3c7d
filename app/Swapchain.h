#pragma once
// The window's swapchain and, for the ImGui panel, a classic render pass that draws over each
// swapchain image after the scene has been blitted into it.
#include "renderer/Context.h"

#include <vector>

namespace app {

class Swapchain {
public:
    Swapchain(const renderer::Context& context, VkSurfaceKHR surface, VkExtent2D wanted);
    ~Swapchain();
    Swapchain(const Swapchain&) = delete;
    Swapchain& operator=(const Swapchain&) = delete;

    //! Rebuilds for a new window size (waits for the GPU).
    void recreate(VkExtent2D wanted);

    VkSwapchainKHR vk() const { return _swapchain; }
    VkExtent2D extent() const { return _extent; }
    VkRenderPass overlayPass() const { return _overlayPass; }
    uint32_t imageCount() const { return static_cast<uint32_t>(_images.size()); }
    VkImage image(uint32_t i) const { return _images[i]; }
    VkFramebuffer framebuffer(uint32_t i) const { return _framebuffers[i]; }
    VkSemaphore renderFinished(uint32_t i) const { return _renderFinished[i]; }

private:
    void create(VkExtent2D wanted);
    void destroy();
    const renderer::Context& _context;
    VkSurfaceKHR _surface;
    VkSwapchainKHR _swapchain = VK_NULL_HANDLE;
    VkFormat _format = VK_FORMAT_B8G8R8A8_UNORM;
    VkExtent2D _extent{};
    VkRenderPass _overlayPass = VK_NULL_HANDLE;
    std::vector<VkImage> _images;
    std::vector<VkImageView> _views;
    std::vector<VkFramebuffer> _framebuffers;
    std::vector<VkSemaphore> _renderFinished; //!< one per image, as presentation may hold it
};

} // namespace app
