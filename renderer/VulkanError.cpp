#include "renderer/VulkanError.h"

#include <filesystem>

namespace renderer {

const char* resultName(VkResult r) {
    switch (r) {
#define BULWARK_RESULT(x)                                                                                              \
    case x: return #x;
        BULWARK_RESULT(VK_SUCCESS)
        BULWARK_RESULT(VK_NOT_READY)
        BULWARK_RESULT(VK_TIMEOUT)
        BULWARK_RESULT(VK_INCOMPLETE)
        BULWARK_RESULT(VK_SUBOPTIMAL_KHR)
        BULWARK_RESULT(VK_ERROR_OUT_OF_HOST_MEMORY)
        BULWARK_RESULT(VK_ERROR_OUT_OF_DEVICE_MEMORY)
        BULWARK_RESULT(VK_ERROR_INITIALIZATION_FAILED)
        BULWARK_RESULT(VK_ERROR_DEVICE_LOST)
        BULWARK_RESULT(VK_ERROR_MEMORY_MAP_FAILED)
        BULWARK_RESULT(VK_ERROR_LAYER_NOT_PRESENT)
        BULWARK_RESULT(VK_ERROR_EXTENSION_NOT_PRESENT)
        BULWARK_RESULT(VK_ERROR_FEATURE_NOT_PRESENT)
        BULWARK_RESULT(VK_ERROR_INCOMPATIBLE_DRIVER)
        BULWARK_RESULT(VK_ERROR_TOO_MANY_OBJECTS)
        BULWARK_RESULT(VK_ERROR_FORMAT_NOT_SUPPORTED)
        BULWARK_RESULT(VK_ERROR_SURFACE_LOST_KHR)
        BULWARK_RESULT(VK_ERROR_OUT_OF_DATE_KHR)
        BULWARK_RESULT(VK_ERROR_NATIVE_WINDOW_IN_USE_KHR)
#undef BULWARK_RESULT
    default: return "VkResult(unknown)";
    }
}

void throwVulkanError(const char* call, VkResult result, const char* file, int line) {
    throw VulkanError(std::string(call) + " failed with " + resultName(result) + " at " +
                          std::filesystem::path(file).filename().string() + ":" + std::to_string(line),
                      result);
}

} // namespace renderer
