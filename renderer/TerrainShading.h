#pragma once
// The look of the terrain, baked per tile on the CPU into an image the GPU only samples: a
// hypsometric tint on land, hillshade from a north-west sun under the vertical exaggeration,
// water tinted by depth, and the highlight's coverage (Ukraine) in alpha.
#include "geo/TerrainTile.h"

#include <cstdint>
#include <vector>

namespace renderer {

//! A raster of 0/255 coverage over a lon/lat box (row 0 north), e.g. Ukraine burnt by geo::rasterizeMask.
struct HighlightMask {
    double west = 0, south = 0, east = 0, north = 0;
    int width = 0, height = 0;
    std::vector<unsigned char> pixels;
    //! Coverage at a point, 0..255, bilinear; 0 outside the box.
    float coverage(double lon, double lat) const;
};

//! Writes heights.size^2 RGBA8 texels into `rgba`: RGB the shaded colour, A the highlight on land.
void shadeTile(const geo::TileHeights& heights, double exaggeration, const HighlightMask& highlight, uint8_t* rgba);

} // namespace renderer
