#include "renderer/Image.h"

#include "renderer/Buffer.h"
#include "renderer/VulkanError.h"

#include <algorithm>
#include <utility>

namespace renderer {

Image::Image(const Context& context, uint32_t width, uint32_t height, VkFormat format, VkImageUsageFlags usage,
             VkImageAspectFlags aspect, uint32_t layers, uint32_t mipLevels)
    : _context(&context), _format(format), _width(width), _height(height), _layers(layers), _mipLevels(mipLevels) {
    VkImageCreateInfo ici{VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO};
    ici.imageType = VK_IMAGE_TYPE_2D;
    ici.format = format;
    ici.extent = {width, height, 1};
    ici.mipLevels = mipLevels;
    ici.arrayLayers = layers;
    ici.samples = VK_SAMPLE_COUNT_1_BIT;
    ici.tiling = VK_IMAGE_TILING_OPTIMAL;
    ici.usage = usage;
    ici.initialLayout = VK_IMAGE_LAYOUT_UNDEFINED;
    VK_CHECK(vkCreateImage(context.device(), &ici, nullptr, &_image));
    VkMemoryRequirements req;
    vkGetImageMemoryRequirements(context.device(), _image, &req);
    VkMemoryAllocateInfo mai{VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO};
    mai.allocationSize = req.size;
    mai.memoryTypeIndex = context.memoryType(req.memoryTypeBits, 0, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT);
    VK_CHECK(vkAllocateMemory(context.device(), &mai, nullptr, &_memory));
    _allocated = req.size;
    context.memoryInUse() += _allocated;
    VK_CHECK(vkBindImageMemory(context.device(), _image, _memory, 0));
    VkImageViewCreateInfo vci{VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO};
    vci.image = _image;
    vci.viewType = layers > 1 ? VK_IMAGE_VIEW_TYPE_2D_ARRAY : VK_IMAGE_VIEW_TYPE_2D;
    vci.format = format;
    vci.subresourceRange = {aspect, 0, mipLevels, 0, layers};
    VK_CHECK(vkCreateImageView(context.device(), &vci, nullptr, &_view));
}

void Image::upload(const void* pixels, size_t bytes) {
    Buffer staging;
    if (pixels) staging = Buffer(*_context, BufferDomain::Upload, VK_BUFFER_USAGE_TRANSFER_SRC_BIT, bytes, pixels);
    _context->submitAndWait([&](VkCommandBuffer cmd) {
        VkImageMemoryBarrier b{VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER};
        b.srcQueueFamilyIndex = b.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
        b.image = _image;
        b.subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, 0, _mipLevels, 0, _layers};
        b.oldLayout = VK_IMAGE_LAYOUT_UNDEFINED;
        b.newLayout = VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL;
        b.dstAccessMask = VK_ACCESS_TRANSFER_WRITE_BIT;
        vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_TOP_OF_PIPE_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT, 0, 0, nullptr, 0,
                             nullptr, 1, &b);
        if (pixels) {
            VkBufferImageCopy region{};
            region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, _layers};
            region.imageExtent = {_width, _height, 1};
            vkCmdCopyBufferToImage(cmd, staging.vk(), _image, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &region);
        }
        // The mip chain: each level blitted from the one above, which then turns to be read by shaders.
        int32_t w = int32_t(_width), h = int32_t(_height);
        for (uint32_t level = 1; level < _mipLevels; ++level) {
            b.subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, level - 1, 1, 0, _layers};
            b.oldLayout = VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL;
            b.newLayout = VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL;
            b.srcAccessMask = VK_ACCESS_TRANSFER_WRITE_BIT;
            b.dstAccessMask = VK_ACCESS_TRANSFER_READ_BIT;
            vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT, 0, 0, nullptr, 0,
                                 nullptr, 1, &b);
            VkImageBlit blit{};
            blit.srcSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, level - 1, 0, _layers};
            blit.srcOffsets[1] = {w, h, 1};
            w = std::max(w / 2, 1), h = std::max(h / 2, 1);
            blit.dstSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, level, 0, _layers};
            blit.dstOffsets[1] = {w, h, 1};
            vkCmdBlitImage(cmd, _image, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, _image,
                           VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &blit, VK_FILTER_LINEAR);
            b.oldLayout = VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL;
            b.newLayout = VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL;
            b.srcAccessMask = VK_ACCESS_TRANSFER_READ_BIT;
            b.dstAccessMask = VK_ACCESS_SHADER_READ_BIT;
            vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_FRAGMENT_SHADER_BIT, 0, 0,
                                 nullptr, 0, nullptr, 1, &b);
        }
        b.subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, _mipLevels - 1, 1, 0, _layers};
        b.oldLayout = VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL;
        b.newLayout = VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL;
        b.srcAccessMask = VK_ACCESS_TRANSFER_WRITE_BIT;
        b.dstAccessMask = VK_ACCESS_SHADER_READ_BIT;
        vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_FRAGMENT_SHADER_BIT, 0, 0, nullptr,
                             0, nullptr, 1, &b);
    });
}

std::vector<uint8_t> Image::download(uint32_t level) const {
    const uint32_t w = std::max(_width >> level, 1u), h = std::max(_height >> level, 1u);
    Buffer readback(*_context, BufferDomain::Readback, VK_BUFFER_USAGE_TRANSFER_DST_BIT, size_t(w) * h * 4);
    _context->submitAndWait([&](VkCommandBuffer cmd) {
        VkImageMemoryBarrier b{VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER};
        b.srcQueueFamilyIndex = b.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
        b.image = _image;
        b.subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, level, 1, 0, 1};
        b.oldLayout = VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL;
        b.newLayout = VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL;
        b.srcAccessMask = VK_ACCESS_SHADER_READ_BIT;
        b.dstAccessMask = VK_ACCESS_TRANSFER_READ_BIT;
        vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_FRAGMENT_SHADER_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT, 0, 0, nullptr,
                             0, nullptr, 1, &b);
        VkBufferImageCopy region{};
        region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, level, 0, 1};
        region.imageExtent = {w, h, 1};
        vkCmdCopyImageToBuffer(cmd, _image, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, readback.vk(), 1, &region);
        std::swap(b.oldLayout, b.newLayout);
        std::swap(b.srcAccessMask, b.dstAccessMask);
        vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_FRAGMENT_SHADER_BIT, 0, 0, nullptr,
                             0, nullptr, 1, &b);
    });
    readback.invalidate();
    const auto* data = static_cast<const uint8_t*>(readback.mapped());
    return {data, data + size_t(w) * h * 4};
}

bool Image::canBlitLinear(const Context& context, VkFormat format) {
    VkFormatProperties props{};
    vkGetPhysicalDeviceFormatProperties(context.physicalDevice(), format, &props);
    const VkFormatFeatureFlags need = VK_FORMAT_FEATURE_BLIT_SRC_BIT | VK_FORMAT_FEATURE_BLIT_DST_BIT |
                                      VK_FORMAT_FEATURE_SAMPLED_IMAGE_FILTER_LINEAR_BIT;
    return (props.optimalTilingFeatures & need) == need;
}

void Image::release() {
    if (!_context) return;
    if (_view) vkDestroyImageView(_context->device(), _view, nullptr);
    if (_image) vkDestroyImage(_context->device(), _image, nullptr);
    if (_memory) {
        vkFreeMemory(_context->device(), _memory, nullptr);
        _context->memoryInUse() -= _allocated;
    }
    _view = VK_NULL_HANDLE;
    _image = VK_NULL_HANDLE;
    _memory = VK_NULL_HANDLE;
}

Image::~Image() {
    release();
}
Image::Image(Image&& o) noexcept {
    *this = std::move(o);
}
Image& Image::operator=(Image&& o) noexcept {
    if (this != &o) {
        release();
        _context = std::exchange(o._context, nullptr);
        _image = std::exchange(o._image, VK_NULL_HANDLE);
        _memory = std::exchange(o._memory, VK_NULL_HANDLE);
        _view = std::exchange(o._view, VK_NULL_HANDLE);
        _format = o._format;
        _allocated = std::exchange(o._allocated, 0);
        _width = o._width;
        _height = o._height;
        _layers = o._layers;
    }
    return *this;
}

Buffer recordLayerUploads(const Context& context, VkCommandBuffer cmd, const Image& image,
                          const std::vector<LayerUpload>& uploads, size_t bytesPerLayer) {
    std::vector<uint8_t> packed;
    packed.reserve(uploads.size() * bytesPerLayer);
    for (const LayerUpload& u : uploads) packed.insert(packed.end(), u.pixels.begin(), u.pixels.end());
    Buffer staging(context, BufferDomain::Upload, VK_BUFFER_USAGE_TRANSFER_SRC_BIT, packed.size(), packed.data());
    std::vector<VkImageMemoryBarrier> toWrite, toRead;
    std::vector<VkBufferImageCopy> copies;
    for (size_t i = 0; i < uploads.size(); ++i) {
        VkImageMemoryBarrier b{VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER};
        b.srcQueueFamilyIndex = b.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
        b.image = image.vk();
        b.subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, uploads[i].layer, 1};
        b.srcAccessMask = VK_ACCESS_SHADER_READ_BIT;
        b.dstAccessMask = VK_ACCESS_TRANSFER_WRITE_BIT;
        b.oldLayout = VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL;
        b.newLayout = VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL;
        toWrite.push_back(b);
        std::swap(b.srcAccessMask, b.dstAccessMask);
        std::swap(b.oldLayout, b.newLayout);
        toRead.push_back(b);
        VkBufferImageCopy region{};
        region.bufferOffset = i * bytesPerLayer;
        region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, uploads[i].layer, 1};
        region.imageExtent = {image.width(), image.height(), 1};
        copies.push_back(region);
    }
    vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_FRAGMENT_SHADER_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT, 0, 0, nullptr, 0,
                         nullptr, uint32_t(toWrite.size()), toWrite.data());
    vkCmdCopyBufferToImage(cmd, staging.vk(), image.vk(), VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, uint32_t(copies.size()),
                           copies.data());
    vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_FRAGMENT_SHADER_BIT, 0, 0, nullptr, 0,
                         nullptr, uint32_t(toRead.size()), toRead.data());
    return staging;
}

Sampler::Sampler(const Context& context, bool mipmapped) : _context(context) {
    VkSamplerCreateInfo sci{VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO};
    sci.magFilter = sci.minFilter = VK_FILTER_LINEAR;
    sci.mipmapMode = mipmapped ? VK_SAMPLER_MIPMAP_MODE_LINEAR : VK_SAMPLER_MIPMAP_MODE_NEAREST;
    sci.addressModeU = sci.addressModeV = sci.addressModeW = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE;
    sci.maxLod = mipmapped ? VK_LOD_CLAMP_NONE : 0.0f;
    sci.mipLodBias = mipmapped ? -0.5f : 0.0f;
    VK_CHECK(vkCreateSampler(context.device(), &sci, nullptr, &_sampler));
}

Sampler::~Sampler() {
    vkDestroySampler(_context.device(), _sampler, nullptr);
}

} // namespace renderer
