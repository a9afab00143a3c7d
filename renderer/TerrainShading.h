#pragma once
// The look of the terrain, baked per tile on the CPU into an image the GPU only samples: a
// hypsometric tint on land, hillshade from a north-west sun under the vertical exaggeration,
// water tinted by depth; and in alpha the hillshade alone (geo::hillshadeAlpha), 0 on water, which
// drapes (imagery, the highlight) read.
#include "geo/TerrainTile.h"

#include <cstdint>
#include <vector>

namespace renderer {

//! Writes heights.size^2 RGBA8 texels into `rgba`: RGB the shaded colour, A the hillshade on land.
void shadeTile(const geo::TileHeights& heights, double exaggeration, uint8_t* rgba);

} // namespace renderer
