#include "renderer/Context.h"

#include "renderer/VulkanError.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <stdexcept>

namespace renderer {

namespace {

constexpr const char* kValidationLayer = "VK_LAYER_KHRONOS_validation";

bool hasLayer(const char* name) {
    uint32_t count = 0;
    vkEnumerateInstanceLayerProperties(&count, nullptr);
    std::vector<VkLayerProperties> layers(count);
    vkEnumerateInstanceLayerProperties(&count, layers.data());
    return std::any_of(layers.begin(), layers.end(),
                       [&](const auto& l) { return std::strcmp(l.layerName, name) == 0; });
}

//! Discrete beats integrated beats virtual beats CPU (lavapipe): use the real GPU when there is one.
int deviceRank(VkPhysicalDeviceType type) {
    switch (type) {
    case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU: return 4;
    case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU: return 3;
    case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU: return 2;
    case VK_PHYSICAL_DEVICE_TYPE_CPU: return 1;
    default: return 0;
    }
}

std::mutex gMessageMutex;

} // namespace

VkBool32 Context::onDebugMessage(VkDebugUtilsMessageSeverityFlagBitsEXT severity, VkDebugUtilsMessageTypeFlagsEXT type,
                                 const VkDebugUtilsMessengerCallbackDataEXT* data, void* user) {
    // Warnings fail as errors do: a warning today (a wrong layout, a missing barrier on another
    // driver) is tomorrow's corrupt frame on a briefing laptop. Each is shown at once, one line.
    auto* self = static_cast<Context*>(user);
    const bool error = severity & VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT;
    const bool performance = type & VK_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT;
    const char* kind = error ? "error" : performance ? "performance warning" : "warning";
    self->_validationErrors++;
    std::lock_guard lock(gMessageMutex);
    std::fprintf(stderr, "bulwark: validation %s: %s\n", kind, data->pMessage);
    if (self->_validationMessages.size() < 32)
        self->_validationMessages.emplace_back(std::string(kind) + ": " + data->pMessage);
    return VK_FALSE;
}

Context::Context(const ContextOptions& options) {
    VkApplicationInfo app{VK_STRUCTURE_TYPE_APPLICATION_INFO};
    app.pApplicationName = "Bulwark";
    app.apiVersion = VK_API_VERSION_1_1;

    std::vector<const char*> extensions = options.instanceExtensions;
    std::vector<const char*> layers;
    if (options.validation) {
        if (!hasLayer(kValidationLayer))
            throw std::runtime_error("validation requested but VK_LAYER_KHRONOS_validation is not installed "
                                     "(Debian package vulkan-validationlayers)");
        layers.push_back(kValidationLayer);
        extensions.push_back(VK_EXT_DEBUG_UTILS_EXTENSION_NAME);
    }
    VkDebugUtilsMessengerCreateInfoEXT messengerInfo{VK_STRUCTURE_TYPE_DEBUG_UTILS_MESSENGER_CREATE_INFO_EXT};
    messengerInfo.messageSeverity =
        VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT | VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT;
    messengerInfo.messageType = VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT |
                                VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT |
                                VK_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT;
    messengerInfo.pfnUserCallback = &Context::onDebugMessage;
    messengerInfo.pUserData = this;

    VkInstanceCreateInfo ici{VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO};
    ici.pApplicationInfo = &app;
    ici.enabledExtensionCount = static_cast<uint32_t>(extensions.size());
    ici.ppEnabledExtensionNames = extensions.data();
    ici.enabledLayerCount = static_cast<uint32_t>(layers.size());
    ici.ppEnabledLayerNames = layers.data();
    if (options.validation) ici.pNext = &messengerInfo;
    VK_CHECK(vkCreateInstance(&ici, nullptr, &_instance));

    if (options.validation) {
        auto create = reinterpret_cast<PFN_vkCreateDebugUtilsMessengerEXT>(
            vkGetInstanceProcAddr(_instance, "vkCreateDebugUtilsMessengerEXT"));
        VK_CHECK(create(_instance, &messengerInfo, nullptr, &_messenger));
    }

    uint32_t count = 0;
    VK_CHECK(vkEnumeratePhysicalDevices(_instance, &count, nullptr));
    if (count == 0) throw std::runtime_error("no Vulkan device found (install mesa-vulkan-drivers for lavapipe)");
    std::vector<VkPhysicalDevice> devices(count);
    VK_CHECK(vkEnumeratePhysicalDevices(_instance, &count, devices.data()));
    int bestRank = -1;
    for (VkPhysicalDevice d : devices) {
        VkPhysicalDeviceProperties p;
        vkGetPhysicalDeviceProperties(d, &p);
        if (deviceRank(p.deviceType) > bestRank) {
            bestRank = deviceRank(p.deviceType);
            _physical = d;
            _properties = p;
        }
    }
    vkGetPhysicalDeviceMemoryProperties(_physical, &_memory);

    uint32_t familyCount = 0;
    vkGetPhysicalDeviceQueueFamilyProperties(_physical, &familyCount, nullptr);
    std::vector<VkQueueFamilyProperties> families(familyCount);
    vkGetPhysicalDeviceQueueFamilyProperties(_physical, &familyCount, families.data());
    auto graphics = std::find_if(families.begin(), families.end(),
                                 [](const auto& f) { return f.queueFlags & VK_QUEUE_GRAPHICS_BIT; });
    if (graphics == families.end()) throw std::runtime_error(deviceName() + " has no graphics queue");
    _queueFamily = static_cast<uint32_t>(graphics - families.begin());

    const float priority = 1.0f;
    VkDeviceQueueCreateInfo qci{VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO};
    qci.queueFamilyIndex = _queueFamily;
    qci.queueCount = 1;
    qci.pQueuePriorities = &priority;
    std::vector<const char*> deviceExtensions;
    if (options.swapchain) deviceExtensions.push_back(VK_KHR_SWAPCHAIN_EXTENSION_NAME);
    VkPhysicalDeviceFeatures features{};
    VkDeviceCreateInfo dci{VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO};
    dci.queueCreateInfoCount = 1;
    dci.pQueueCreateInfos = &qci;
    dci.enabledExtensionCount = static_cast<uint32_t>(deviceExtensions.size());
    dci.ppEnabledExtensionNames = deviceExtensions.data();
    dci.pEnabledFeatures = &features;
    VK_CHECK(vkCreateDevice(_physical, &dci, nullptr, &_device));
    vkGetDeviceQueue(_device, _queueFamily, 0, &_queue);

    VkCommandPoolCreateInfo pci{VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO};
    pci.flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT;
    pci.queueFamilyIndex = _queueFamily;
    VK_CHECK(vkCreateCommandPool(_device, &pci, nullptr, &_commandPool));
}

Context::~Context() {
    if (_device) {
        vkDeviceWaitIdle(_device);
        vkDestroyCommandPool(_device, _commandPool, nullptr);
        vkDestroyDevice(_device, nullptr);
    }
    if (_messenger) {
        auto destroy = reinterpret_cast<PFN_vkDestroyDebugUtilsMessengerEXT>(
            vkGetInstanceProcAddr(_instance, "vkDestroyDebugUtilsMessengerEXT"));
        destroy(_instance, _messenger, nullptr);
    }
    if (_instance) vkDestroyInstance(_instance, nullptr);
}

std::string Context::deviceType() const {
    switch (_properties.deviceType) {
    case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU: return "discrete GPU";
    case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU: return "integrated GPU";
    case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU: return "virtual GPU";
    case VK_PHYSICAL_DEVICE_TYPE_CPU: return "CPU (software)";
    default: return "other";
    }
}

uint32_t Context::memoryType(uint32_t typeBits, VkMemoryPropertyFlags required, VkMemoryPropertyFlags preferred) const {
    for (VkMemoryPropertyFlags want : {required | preferred, required})
        for (uint32_t i = 0; i < _memory.memoryTypeCount; ++i)
            if ((typeBits & (1u << i)) && (_memory.memoryTypes[i].propertyFlags & want) == want) return i;
    throw std::runtime_error("no suitable Vulkan memory type on " + deviceName());
}

void Context::submitAndWait(const std::function<void(VkCommandBuffer)>& record) const {
    VkCommandBufferAllocateInfo ai{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
    ai.commandPool = _commandPool;
    ai.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
    ai.commandBufferCount = 1;
    VkCommandBuffer cmd;
    VK_CHECK(vkAllocateCommandBuffers(_device, &ai, &cmd));
    VkCommandBufferBeginInfo bi{VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
    bi.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
    VK_CHECK(vkBeginCommandBuffer(cmd, &bi));
    record(cmd);
    VK_CHECK(vkEndCommandBuffer(cmd));
    VkFenceCreateInfo fci{VK_STRUCTURE_TYPE_FENCE_CREATE_INFO};
    VkFence fence;
    VK_CHECK(vkCreateFence(_device, &fci, nullptr, &fence));
    VkSubmitInfo si{VK_STRUCTURE_TYPE_SUBMIT_INFO};
    si.commandBufferCount = 1;
    si.pCommandBuffers = &cmd;
    const VkResult submitted = vkQueueSubmit(_queue, 1, &si, fence);
    const VkResult waited =
        submitted == VK_SUCCESS ? vkWaitForFences(_device, 1, &fence, VK_TRUE, UINT64_MAX) : submitted;
    vkDestroyFence(_device, fence, nullptr);
    vkFreeCommandBuffers(_device, _commandPool, 1, &cmd);
    VK_CHECK(waited);
}

} // namespace renderer
