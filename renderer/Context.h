#pragma once
// The Vulkan instance, the chosen physical device, the logical device and its one queue.
// Create one per process; everything else in renderer/ borrows it.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>
#include <vulkan/vulkan.h>

namespace renderer {

struct ContextOptions {
    bool validation = false;                     //!< enable VK_LAYER_KHRONOS_validation and count its errors and warnings
    std::vector<const char*> instanceExtensions; //!< e.g. what GLFW needs for a surface
    bool swapchain = false;                      //!< enable VK_KHR_swapchain on the device
};

class Context {
public:
    explicit Context(const ContextOptions& options);
    ~Context();
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;

    VkInstance instance() const { return _instance; }
    VkPhysicalDevice physicalDevice() const { return _physical; }
    VkDevice device() const { return _device; }
    VkQueue queue() const { return _queue; }
    uint32_t queueFamily() const { return _queueFamily; }
    VkCommandPool commandPool() const { return _commandPool; }
    const VkPhysicalDeviceProperties& properties() const { return _properties; }
    std::string deviceName() const { return _properties.deviceName; }
    std::string deviceType() const;

    //! Memory type for a buffer or image: `required` flags must all be present, `preferred` are tried first.
    uint32_t memoryType(uint32_t typeBits, VkMemoryPropertyFlags required, VkMemoryPropertyFlags preferred) const;

    //! Records commands into a one-time command buffer, submits it and waits.
    void submitAndWait(const std::function<void(VkCommandBuffer)>& record) const;

    //! Validation errors, warnings and performance warnings seen since start (0 without validation).
    //! Each is printed to stderr as it comes; tests and the commands (kExitValidation) fail on any.
    uint32_t validationErrors() const { return _validationErrors.load(); }
    const std::vector<std::string>& validationMessages() const { return _validationMessages; }

    //! Bytes of device memory this process holds (our allocations), for `bench`.
    std::atomic<uint64_t>& memoryInUse() const { return _memoryInUse; }
    //! Bytes of data copied to the GPU so far: buffers and images filled from the CPU (terrain,
    //! lines, scenario features, their staging copies). Per-frame streams (uniforms, label quads)
    //! are not uploads of data and are not counted. A scenario switch must add nothing here.
    std::atomic<uint64_t>& uploadedBytes() const { return _uploadedBytes; }

private:
    static VKAPI_ATTR VkBool32 VKAPI_CALL onDebugMessage(VkDebugUtilsMessageSeverityFlagBitsEXT severity,
                                                         VkDebugUtilsMessageTypeFlagsEXT type,
                                                         const VkDebugUtilsMessengerCallbackDataEXT* data, void* self);
    VkInstance _instance = VK_NULL_HANDLE;
    VkDebugUtilsMessengerEXT _messenger = VK_NULL_HANDLE;
    VkPhysicalDevice _physical = VK_NULL_HANDLE;
    VkPhysicalDeviceProperties _properties{};
    VkPhysicalDeviceMemoryProperties _memory{};
    VkDevice _device = VK_NULL_HANDLE;
    VkQueue _queue = VK_NULL_HANDLE;
    uint32_t _queueFamily = 0;
    VkCommandPool _commandPool = VK_NULL_HANDLE;
    std::atomic<uint32_t> _validationErrors{0};
    std::vector<std::string> _validationMessages;
    mutable std::atomic<uint64_t> _memoryInUse{0};
    mutable std::atomic<uint64_t> _uploadedBytes{0};
};

} // namespace renderer
