#include "renderer/DeviceObjects.h"

#include "renderer/VulkanError.h"

namespace renderer {

namespace {

template <typename Handle, typename Info, typename Create>
Handle created(const Context& context, const Info& info, Create create) {
    Handle handle = VK_NULL_HANDLE;
    VK_CHECK(create(context.device(), &info, nullptr, &handle));
    return handle;
}

VkFenceCreateInfo fenceInfo(bool signaled) {
    VkFenceCreateInfo info{VK_STRUCTURE_TYPE_FENCE_CREATE_INFO};
    if (signaled) info.flags = VK_FENCE_CREATE_SIGNALED_BIT;
    return info;
}

} // namespace

Fence::Fence(const Context& context, bool signaled)
    : DeviceObject(context.device(), created<VkFence>(context, fenceInfo(signaled), vkCreateFence)) {}

void Fence::wait() const {
    const VkFence fence = vk();
    VK_CHECK(vkWaitForFences(device(), 1, &fence, VK_TRUE, UINT64_MAX));
}

void Fence::reset() const {
    const VkFence fence = vk();
    VK_CHECK(vkResetFences(device(), 1, &fence));
}

Semaphore::Semaphore(const Context& context)
    : DeviceObject(context.device(),
                   created<VkSemaphore>(context, VkSemaphoreCreateInfo{VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO},
                                        vkCreateSemaphore)) {}

RenderPass::RenderPass(const Context& context, const VkRenderPassCreateInfo& info)
    : DeviceObject(context.device(), created<VkRenderPass>(context, info, vkCreateRenderPass)) {}

Framebuffer::Framebuffer(const Context& context, const VkFramebufferCreateInfo& info)
    : DeviceObject(context.device(), created<VkFramebuffer>(context, info, vkCreateFramebuffer)) {}

ImageView::ImageView(const Context& context, const VkImageViewCreateInfo& info)
    : DeviceObject(context.device(), created<VkImageView>(context, info, vkCreateImageView)) {}

DescriptorPool::DescriptorPool(const Context& context, const VkDescriptorPoolCreateInfo& info)
    : DeviceObject(context.device(), created<VkDescriptorPool>(context, info, vkCreateDescriptorPool)) {}

CommandBuffer::CommandBuffer(const Context& context) : _context(&context) {
    VkCommandBufferAllocateInfo info{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
    info.commandPool = context.commandPool();
    info.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
    info.commandBufferCount = 1;
    VK_CHECK(vkAllocateCommandBuffers(context.device(), &info, &_cmd));
}

CommandBuffer::~CommandBuffer() {
    release();
}

CommandBuffer::CommandBuffer(CommandBuffer&& other) noexcept
    : _context(other._context), _cmd(std::exchange(other._cmd, VK_NULL_HANDLE)) {}

CommandBuffer& CommandBuffer::operator=(CommandBuffer&& other) noexcept {
    if (this != &other) {
        release();
        _context = other._context;
        _cmd = std::exchange(other._cmd, VK_NULL_HANDLE);
    }
    return *this;
}

void CommandBuffer::release() {
    if (_cmd != VK_NULL_HANDLE) vkFreeCommandBuffers(_context->device(), _context->commandPool(), 1, &_cmd);
    _cmd = VK_NULL_HANDLE;
}

void CommandBuffer::begin() const {
    VK_CHECK(vkResetCommandBuffer(_cmd, 0));
    VkCommandBufferBeginInfo info{VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
    info.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
    VK_CHECK(vkBeginCommandBuffer(_cmd, &info));
}

void CommandBuffer::end() const {
    VK_CHECK(vkEndCommandBuffer(_cmd));
}

} // namespace renderer
