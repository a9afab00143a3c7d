#pragma once
// VK_CHECK: turns a failed Vulkan call into an exception that names the call, the result, file and line.
#include <stdexcept>
#include <string>
#include <vulkan/vulkan.h>

namespace renderer {

class VulkanError : public std::runtime_error {
public:
    VulkanError(const std::string& what, VkResult result) : std::runtime_error(what), result(result) {}
    VkResult result;
};

const char* resultName(VkResult result);
[[noreturn]] void throwVulkanError(const char* call, VkResult result, const char* file, int line);

} // namespace renderer

#define VK_CHECK(call)                                                                                                 \
    do {                                                                                                               \
        const VkResult vkCheckResult_ = (call);                                                                        \
        if (vkCheckResult_ != VK_SUCCESS) ::renderer::throwVulkanError(#call, vkCheckResult_, __FILE__, __LINE__);     \
    } while (0)
