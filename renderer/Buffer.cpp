#include "renderer/Buffer.h"

#include "renderer/VulkanError.h"

#include <cstring>
#include <stdexcept>
#include <utility>

namespace renderer {

Buffer::Buffer(const Context& context, BufferDomain domain, VkBufferUsageFlags usage, size_t size, const void* data)
    : _context(&context), _size(size) {
    if (size == 0) throw std::invalid_argument("renderer::Buffer of size 0");
    if (domain == BufferDomain::Device) usage |= VK_BUFFER_USAGE_TRANSFER_DST_BIT;
    VkBufferCreateInfo bci{VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO};
    bci.size = size;
    bci.usage = usage;
    bci.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
    VK_CHECK(vkCreateBuffer(context.device(), &bci, nullptr, &_buffer));
    VkMemoryRequirements req;
    vkGetBufferMemoryRequirements(context.device(), _buffer, &req);

    VkMemoryPropertyFlags required = 0, preferred = 0;
    switch (domain) {
    case BufferDomain::Device: // host-visible device memory (UMA, ReBAR, lavapipe) saves a staging copy
        preferred = VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT | VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT |
                    VK_MEMORY_PROPERTY_HOST_COHERENT_BIT;
        break;
    case BufferDomain::Upload:
        required = VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT;
        preferred = VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT;
        break;
    case BufferDomain::Readback:
        required = VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT;
        preferred = VK_MEMORY_PROPERTY_HOST_CACHED_BIT;
        break;
    }
    VkMemoryAllocateInfo mai{VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO};
    mai.allocationSize = req.size;
    mai.memoryTypeIndex = context.memoryType(req.memoryTypeBits, required, preferred);
    VK_CHECK(vkAllocateMemory(context.device(), &mai, nullptr, &_memory));
    _allocated = req.size;
    context.memoryInUse() += _allocated;
    VK_CHECK(vkBindBufferMemory(context.device(), _buffer, _memory, 0));

    VkPhysicalDeviceMemoryProperties props;
    vkGetPhysicalDeviceMemoryProperties(context.physicalDevice(), &props);
    const VkMemoryPropertyFlags flags = props.memoryTypes[mai.memoryTypeIndex].propertyFlags;
    _coherent = flags & VK_MEMORY_PROPERTY_HOST_COHERENT_BIT;
    const bool mappable = (flags & VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT) && _coherent;
    if (mappable)
        VK_CHECK(vkMapMemory(context.device(), _memory, 0, VK_WHOLE_SIZE, 0, &_mapped));
    else if (flags & VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT && domain == BufferDomain::Readback)
        VK_CHECK(vkMapMemory(context.device(), _memory, 0, VK_WHOLE_SIZE, 0, &_mapped));

    if (data) {
        if (_mapped) {
            context.uploadedBytes() += size; // (a staging buffer counts its own)
            std::memcpy(_mapped, data, size);
        } else {
            Buffer staging(context, BufferDomain::Upload, VK_BUFFER_USAGE_TRANSFER_SRC_BIT, size, data);
            context.submitAndWait([&](VkCommandBuffer cmd) {
                VkBufferCopy region{0, 0, size};
                vkCmdCopyBuffer(cmd, staging.vk(), _buffer, 1, &region);
            });
        }
    }
}

void Buffer::invalidate() const {
    if (_coherent || !_memory) return;
    VkMappedMemoryRange range{VK_STRUCTURE_TYPE_MAPPED_MEMORY_RANGE};
    range.memory = _memory;
    range.size = VK_WHOLE_SIZE;
    VK_CHECK(vkInvalidateMappedMemoryRanges(_context->device(), 1, &range));
}

void Buffer::release() {
    if (!_context) return;
    if (_buffer) vkDestroyBuffer(_context->device(), _buffer, nullptr);
    if (_memory) {
        vkFreeMemory(_context->device(), _memory, nullptr);
        _context->memoryInUse() -= _allocated;
    }
    _buffer = VK_NULL_HANDLE;
    _memory = VK_NULL_HANDLE;
    _mapped = nullptr;
}

Buffer::~Buffer() {
    release();
}

Buffer::Buffer(Buffer&& o) noexcept {
    *this = std::move(o);
}

Buffer& Buffer::operator=(Buffer&& o) noexcept {
    if (this != &o) {
        release();
        _context = std::exchange(o._context, nullptr);
        _buffer = std::exchange(o._buffer, VK_NULL_HANDLE);
        _memory = std::exchange(o._memory, VK_NULL_HANDLE);
        _size = std::exchange(o._size, 0);
        _allocated = std::exchange(o._allocated, 0);
        _mapped = std::exchange(o._mapped, nullptr);
        _coherent = o._coherent;
    }
    return *this;
}

} // namespace renderer
