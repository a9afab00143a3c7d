#pragma once
// Imagery files for the tests: small RGB(A) GeoTIFFs written texel by texel, and the same made unreadable
// past its header (a corrupt file whose tiles cannot be read).
#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>

namespace geo::test {

using Rgba = std::array<uint8_t, 4>;

//! A tiled (256), DEFLATE-compressed Byte GeoTIFF in EPSG:4326 with `bands` (3 or 4: RGB or RGBA) bands of
//! width x height texels; texel (x, y), x east and y south from the north-west corner, is rgba(x, y).
//! `overviews`: with internal overviews at 2, 4 and 8, so a far view reads none of the full-resolution blocks.
void writeImageGeoTiff(const std::filesystem::path& path, int width, int height,
                       const std::array<double, 6>& geoTransform, const std::function<Rgba(int x, int y)>& rgba,
                       int bands = 4, bool overviews = false);

//! Overwrites the start of every block of `path` (a tiled GeoTIFF) with garbage: it still opens, as its header
//! is whole, but no block can be decompressed.
void corruptBlocks(const std::filesystem::path& path);

} // namespace geo::test
