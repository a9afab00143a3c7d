#pragma once
// Dear ImGui on Vulkan for the viewer: its context, the GLFW and Vulkan backends, and the panel's
// font and sizes at a display scale. A new scale bakes the font again at that size (a sharp
// TrueType font, not a bitmap blown up) and scales every padding and rounding with it.
#include "app/ViewerInput.h"
#include "renderer/Context.h"
#include "renderer/DeviceObjects.h"
#include "renderer/SceneStyle.h"

#include <vector>

struct GLFWwindow;

namespace app {

class PanelRenderer {
public:
    //! `font`: TrueType bytes, kept alive by the caller; `overlayPass`: where the panel is drawn.
    PanelRenderer(const renderer::Context& context, GLFWwindow* window, VkRenderPass overlayPass, uint32_t imageCount,
                  const std::vector<unsigned char>& font);
    ~PanelRenderer();
    PanelRenderer(const PanelRenderer&) = delete;
    PanelRenderer& operator=(const PanelRenderer&) = delete;

    //! Bakes the font and sizes for `scale` (1 at 1080p) when it differs from the current one;
    //! waits for the GPU first.
    void setScale(float scale);
    float scale() const { return _scale; }
    void setImageCount(uint32_t count);
    //! Colours and borders of the panel for the scene's theme.
    void setTheme(renderer::Theme theme);

    //! Starts the panel's frame with the mouse of `in` (where its button change was made), not the pointer's
    //! position now.
    void newFrame(const InputFrame& in);
    //! Records the panel drawn since newFrame() into `cmd`, inside the overlay render pass.
    void render(VkCommandBuffer cmd);

private:
    void initVulkan();
    const renderer::Context& _context;
    VkRenderPass _overlayPass;
    uint32_t _imageCount;
    const std::vector<unsigned char>& _font;
    renderer::DescriptorPool _pool;
    void restyle();
    float _scale = 0;
    renderer::Theme _theme = renderer::Theme::Standard;
};

} // namespace app
