#pragma once
// One owner per Vulkan object (STYLE.md §4): small move-only wrappers whose constructor creates the
// object or throws, whose vk() gives the handle and whose destructor destroys it. Whatever the GPU may
// still be using must be waited for (a frame slot's fence, or the device) before the owner goes.
#include "renderer/Context.h"

#include <utility>

namespace renderer {

//! A device-level handle destroyed by `Destroy(device, handle, nullptr)`.
template <typename Handle, auto Destroy> class DeviceObject {
public:
    DeviceObject() = default;
    DeviceObject(VkDevice device, Handle handle) : _device(device), _handle(handle) {}
    ~DeviceObject() { destroy(); }
    DeviceObject(DeviceObject&& other) noexcept
        : _device(other._device), _handle(std::exchange(other._handle, Handle(VK_NULL_HANDLE))) {}
    DeviceObject& operator=(DeviceObject&& other) noexcept {
        if (this != &other) {
            destroy();
            _device = other._device;
            _handle = std::exchange(other._handle, Handle(VK_NULL_HANDLE));
        }
        return *this;
    }
    DeviceObject(const DeviceObject&) = delete;
    DeviceObject& operator=(const DeviceObject&) = delete;

    Handle vk() const { return _handle; }
    VkDevice device() const { return _device; }
    explicit operator bool() const { return _handle != VK_NULL_HANDLE; }
    void destroy() {
        if (_handle != VK_NULL_HANDLE) Destroy(_device, _handle, nullptr);
        _handle = VK_NULL_HANDLE;
    }

private:
    VkDevice _device = VK_NULL_HANDLE;
    Handle _handle = VK_NULL_HANDLE;
};

class Fence : public DeviceObject<VkFence, vkDestroyFence> {
public:
    Fence() = default;
    //! `signaled`: the first wait() returns at once, as a frame slot's first frame needs.
    Fence(const Context& context, bool signaled);
    void wait() const;
    void reset() const; //!< unsignaled again, before the submission that signals it
};

class Semaphore : public DeviceObject<VkSemaphore, vkDestroySemaphore> {
public:
    Semaphore() = default;
    explicit Semaphore(const Context& context);
};

class RenderPass : public DeviceObject<VkRenderPass, vkDestroyRenderPass> {
public:
    RenderPass() = default;
    RenderPass(const Context& context, const VkRenderPassCreateInfo& info);
};

class Framebuffer : public DeviceObject<VkFramebuffer, vkDestroyFramebuffer> {
public:
    Framebuffer() = default;
    Framebuffer(const Context& context, const VkFramebufferCreateInfo& info);
};

class ImageView : public DeviceObject<VkImageView, vkDestroyImageView> {
public:
    ImageView() = default;
    ImageView(const Context& context, const VkImageViewCreateInfo& info);
};

class DescriptorPool : public DeviceObject<VkDescriptorPool, vkDestroyDescriptorPool> {
public:
    DescriptorPool() = default;
    DescriptorPool(const Context& context, const VkDescriptorPoolCreateInfo& info);
};

//! A primary command buffer from the context's pool, given back to it on destruction.
class CommandBuffer {
public:
    CommandBuffer() = default;
    explicit CommandBuffer(const Context& context);
    ~CommandBuffer();
    CommandBuffer(CommandBuffer&& other) noexcept;
    CommandBuffer& operator=(CommandBuffer&& other) noexcept;
    CommandBuffer(const CommandBuffer&) = delete;
    CommandBuffer& operator=(const CommandBuffer&) = delete;

    VkCommandBuffer vk() const { return _cmd; }
    //! Resets it and begins recording for one submission.
    void begin() const;
    void end() const;

private:
    void release();
    const Context* _context = nullptr;
    VkCommandBuffer _cmd = VK_NULL_HANDLE;
};

} // namespace renderer
