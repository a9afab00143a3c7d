#pragma once
// A 2D VkImage with its memory and a view: render targets, the highlight mask, the glyph atlas.
#include "renderer/Buffer.h"
#include "renderer/Context.h"

#include <vector>

#include <cstdint>

namespace renderer {

class Image {
public:
    Image() = default;
    //! `mipLevels` > 1: upload() fills the levels below the first by linear blits (the format must
    //! support them: canBlitLinear()).
    Image(const Context& context, uint32_t width, uint32_t height, VkFormat format, VkImageUsageFlags usage,
          VkImageAspectFlags aspect, uint32_t layers = 1, uint32_t mipLevels = 1);
    ~Image();
    Image(Image&& other) noexcept;
    Image& operator=(Image&& other) noexcept;
    Image(const Image&) = delete;
    Image& operator=(const Image&) = delete;

    VkImage vk() const { return _image; }
    VkImageView view() const { return _view; }
    VkFormat format() const { return _format; }
    uint32_t width() const { return _width; }
    uint32_t height() const { return _height; }
    uint32_t layers() const { return _layers; }
    uint32_t mipLevels() const { return _mipLevels; }

    //! Uploads tightly packed pixels (every layer) and leaves the image ready for sampling in
    //! fragment shaders; null pixels just make it ready. Its other mip levels are made from them on the
    //! GPU: each a linear blit halving the one above.
    void upload(const void* pixels, size_t bytes);
    //! Reads mip level `level` of a colour image (layer 0, 4 bytes a pixel) back, tightly packed; for tests.
    std::vector<uint8_t> download(uint32_t level = 0) const;

    //! True when images of `format` (optimal tiling) can be blitted from and to with linear filtering,
    //! as mip levels are made.
    static bool canBlitLinear(const Context& context, VkFormat format);

private:
    void release();
    const Context* _context = nullptr;
    VkImage _image = VK_NULL_HANDLE;
    VkDeviceMemory _memory = VK_NULL_HANDLE;
    VkImageView _view = VK_NULL_HANDLE;
    VkFormat _format = VK_FORMAT_UNDEFINED;
    VkDeviceSize _allocated = 0;
    uint32_t _width = 0, _height = 0, _layers = 1, _mipLevels = 1;
};

//! Pixels for one whole layer of an image array.
struct LayerUpload {
    uint32_t layer;
    std::vector<uint8_t> pixels; //!< tightly packed, the layer's size
};

//! Records the copy of `uploads` into their layers of `image` (an array sampled by fragment shaders,
//! outside any render pass), each layer going from sampled to written and back; the first barrier
//! also waits for earlier frames that may still read a layer being reused. Returns the staging
//! buffer: keep it until the commands have run.
Buffer recordLayerUploads(const Context& context, VkCommandBuffer cmd, const Image& image,
                          const std::vector<LayerUpload>& uploads, size_t bytesPerLayer);

//! A sampler with linear filtering and clamp-to-edge addressing, owned. `mipmapped`: trilinear over every
//! mip level, biased half a level toward the sharper (symbols drawn at 3/4 of their raster stay crisp).
class Sampler {
public:
    explicit Sampler(const Context& context, bool mipmapped = false);
    ~Sampler();
    Sampler(const Sampler&) = delete;
    Sampler& operator=(const Sampler&) = delete;
    VkSampler vk() const { return _sampler; }

private:
    const Context& _context;
    VkSampler _sampler = VK_NULL_HANDLE;
};

} // namespace renderer
