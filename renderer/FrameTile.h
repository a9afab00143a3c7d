#pragma once
// A frame cut into tiles: posters larger than one render target (or than the device's largest
// image) are drawn a tile at a time. Every tile draws the whole frame's view, cropped on the GPU:
// the clip-space crop maps the tile's part of the view onto the tile's viewport.
#include <cstdint>
#include <glm/glm.hpp>
#include <vector>
#include <vulkan/vulkan.h>

namespace renderer {

//! One tile of a frame larger than the render target (a poster): the renderer draws the frame's
//! view and keeps only this rectangle, so every tile agrees on labels, terrain and line widths.
struct FrameTile {
    VkExtent2D frame{};  //!< the whole image, pixels
    VkOffset2D origin{}; //!< this tile's first pixel in it
    VkExtent2D size{};   //!< this tile's size; within the renderer's extent
};

//! The tiles of a `frame`, at most `tileSize` a side, row by row from the top left; the last column
//! and row are narrower when the frame is not a multiple of the tile size.
std::vector<FrameTile> tilesOf(VkExtent2D frame, uint32_t tileSize);

//! The part of a view's rectangle (`view`, in frame pixels) that `tile` holds.
struct TileCrop {
    bool visible = false; //!< false: the tile holds none of the view
    VkRect2D viewport{};  //!< where that part lies in the render target
    glm::vec2 inView{0};  //!< the viewport's first pixel in the view's own pixels
    glm::dmat4 clip{1.0}; //!< multiplies the view's viewProj: the part fills the viewport's clip space
};
TileCrop cropOf(VkRect2D view, const FrameTile& tile);

} // namespace renderer
