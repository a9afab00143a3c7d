#pragma once
// Stills larger than one render target (posters): rendered a tile at a time and handed over in bands
// of full-width rows, so memory stays bounded by one band and one tile whatever the poster's size.
// Every tile draws the whole frame's view cropped on the GPU (FrameTile.h): labels, terrain detail
// and pixel sizes are those of the whole poster, and the tiles meet without seams.
#include "renderer/SceneRenderer.h"

#include <cstdint>
#include <functional>

namespace renderer {

//! Receives `rowCount` tightly packed RGBA8 rows of the frame's full width, starting at `firstRow`.
using RowBand = std::function<void(const uint8_t* rows, uint32_t firstRow, uint32_t rowCount)>;

//! The largest tile side the device can render: `requested`, or the device's largest 2D image when smaller.
uint32_t deviceTileSize(const Context& context, uint32_t requested);

//! The render target a tiled still of `frame` needs: a tile, or the frame where it is smaller.
VkExtent2D tileTarget(VkExtent2D frame, uint32_t tileSize);

//! Renders `view` as a `frame`-sized image in tiles of at most `tileSize` (renderer's extent must
//! hold one) and passes each band of rows to `band`, top first. Returns the scene statistics of the
//! frame (terrain tiles and labels as the busiest image tile saw them; complete only if every one was).
FrameStats renderTiled(SceneRenderer& renderer, const SceneView& view, VkExtent2D frame, uint32_t tileSize,
                       const RowBand& band);

} // namespace renderer
