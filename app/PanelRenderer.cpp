#include "app/PanelRenderer.h"

#include "app/PanelTheme.h"
#include "renderer/VulkanError.h"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_vulkan.h>
#include <cfloat>
#include <cmath>
#include <imgui.h>

namespace app {

namespace {

//! What the panel's font covers: Latin with Polish and Romanian letters, Cyrillic, punctuation,
//! arrows and the geometric shapes of the legend.
constexpr ImWchar kPanelGlyphs[] = {0x0020, 0x017F, 0x0218, 0x021B, 0x0400, 0x04FF, 0x2000,
                                    0x206F, 0x2190, 0x21FF, 0x25A0, 0x25FF, 0};
constexpr float kPanelFontPixels = 15.0f; //!< at scale 1

void checkImGuiResult(VkResult r) {
    if (r != VK_SUCCESS) renderer::throwVulkanError("ImGui Vulkan backend", r, __FILE__, __LINE__);
}

} // namespace

PanelRenderer::PanelRenderer(const renderer::Context& context, GLFWwindow* window, VkRenderPass overlayPass,
                             uint32_t imageCount, const std::vector<unsigned char>& font)
    : _context(context), _overlayPass(overlayPass), _imageCount(imageCount), _font(font) {
    VkDescriptorPoolSize poolSize{VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 16};
    VkDescriptorPoolCreateInfo dpci{VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO};
    dpci.flags = VK_DESCRIPTOR_POOL_CREATE_FREE_DESCRIPTOR_SET_BIT;
    dpci.maxSets = 16;
    dpci.poolSizeCount = 1;
    dpci.pPoolSizes = &poolSize;
    _pool = renderer::DescriptorPool(context, dpci);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplGlfw_InitForVulkan(window, true);
    setScale(1.0f);
}

PanelRenderer::~PanelRenderer() {
    vkDeviceWaitIdle(_context.device());
    ImGui_ImplVulkan_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
}

void PanelRenderer::initVulkan() {
    ImGui_ImplVulkan_InitInfo ii{};
    ii.Instance = _context.instance();
    ii.PhysicalDevice = _context.physicalDevice();
    ii.Device = _context.device();
    ii.QueueFamily = _context.queueFamily();
    ii.Queue = _context.queue();
    ii.DescriptorPool = _pool.vk();
    ii.MinImageCount = 2;
    ii.ImageCount = _imageCount;
    ii.MSAASamples = VK_SAMPLE_COUNT_1_BIT;
    ii.CheckVkResultFn = checkImGuiResult;
    ImGui_ImplVulkan_Init(&ii, _overlayPass);
    _context.submitAndWait([](VkCommandBuffer cmd) { ImGui_ImplVulkan_CreateFontsTexture(cmd); });
    ImGui_ImplVulkan_DestroyFontUploadObjects();
}

void PanelRenderer::setScale(float scale) {
    if (std::abs(scale - _scale) < 0.01f) return;
    // The 1.86 backend cannot replace its font image in place: its device objects are made again.
    VK_CHECK(vkDeviceWaitIdle(_context.device()));
    if (_scale > 0) ImGui_ImplVulkan_Shutdown();
    VK_CHECK(vkResetDescriptorPool(_context.device(), _pool.vk(), 0));
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    if (!_font.empty()) {
        ImFontConfig config;
        config.FontDataOwnedByAtlas = false; // the bytes belong to the scene
        io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(_font.data()), int(_font.size()),
                                       std::round(kPanelFontPixels * scale), &config, kPanelGlyphs);
    } else {
        ImFontConfig config;
        config.SizePixels = std::round(13.0f * scale);
        io.Fonts->AddFontDefault(&config);
    }
    _scale = scale;
    restyle();
    initVulkan();
}

void PanelRenderer::setTheme(renderer::Theme theme) {
    _theme = theme;
    restyle();
}

void PanelRenderer::restyle() {
    ImGui::GetStyle() = ImGuiStyle();
    applyPanelTheme(_theme);
    ImGui::GetStyle().ScaleAllSizes(_scale);
}

void PanelRenderer::setImageCount(uint32_t count) {
    _imageCount = count;
    ImGui_ImplVulkan_SetMinImageCount(2);
}

void PanelRenderer::newFrame(const InputFrame& in) {
    ImGui_ImplVulkan_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    // The backend reads the buttons and the pointer as they are now; the viewer's frame holds them as they were
    // at the button change it hands out (a click between two frames is a press, then a release, in place).
    ImGuiIO& io = ImGui::GetIO();
    for (int b = 0; b < 3; ++b) io.MouseDown[b] = in.buttons[b];
    if (io.MousePos.x != -FLT_MAX) io.MousePos = ImVec2(float(in.mouse.x), float(in.mouse.y)); // not when unfocused
    ImGui::NewFrame();
}

void PanelRenderer::render(VkCommandBuffer cmd) {
    ImGui_ImplVulkan_RenderDrawData(ImGui::GetDrawData(), cmd);
}

} // namespace app
