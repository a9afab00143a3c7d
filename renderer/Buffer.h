#pragma once
// A VkBuffer with its own memory, asked for by intent (as Granite's BufferDomain).
#include "renderer/Context.h"

#include <cstddef>

namespace renderer {

enum class BufferDomain {
    Device,   //!< read by the GPU many times; filled once (staged when the memory is not mappable)
    Upload,   //!< written by the CPU every frame; persistently mapped
    Readback, //!< written by the GPU, read by the CPU
};

class Buffer {
public:
    Buffer() = default;
    //! Creates the buffer; with `data`, fills it (staging through a copy when Device memory is not mappable).
    Buffer(const Context& context, BufferDomain domain, VkBufferUsageFlags usage, size_t size,
           const void* data = nullptr);
    ~Buffer();
    Buffer(Buffer&& other) noexcept;
    Buffer& operator=(Buffer&& other) noexcept;
    Buffer(const Buffer&) = delete;
    Buffer& operator=(const Buffer&) = delete;

    VkBuffer vk() const { return _buffer; }
    size_t size() const { return _size; }
    void* mapped() const { return _mapped; } //!< null for unmappable Device buffers
    explicit operator bool() const { return _buffer != VK_NULL_HANDLE; }
    //! Makes GPU writes visible to the CPU on non-coherent memory (Readback).
    void invalidate() const;

private:
    void release();
    const Context* _context = nullptr;
    VkBuffer _buffer = VK_NULL_HANDLE;
    VkDeviceMemory _memory = VK_NULL_HANDLE;
    size_t _size = 0;
    VkDeviceSize _allocated = 0;
    void* _mapped = nullptr;
    bool _coherent = true;
};

} // namespace renderer
