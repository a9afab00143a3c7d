#pragma once
// Keys of the geographic tile quadtree shared by terrain and imagery: two root tiles (west and east
// hemispheres, level 0), each split into four per level. A tile at level L spans 180 / 2^L degrees a side.
#include <algorithm>
#include <cmath>
#include <cstddef>

namespace geo {

struct TileKey {
    int level = 0;
    int x = 0; //!< 0 .. 2^(level+1)-1, west to east from 180°W
    int y = 0; //!< 0 .. 2^level-1, north to south from 90°N
    bool operator==(const TileKey&) const = default;
    TileKey child(int i) const { return {level + 1, x * 2 + (i & 1), y * 2 + (i >> 1)}; }
    TileKey parent() const { return {level - 1, x / 2, y / 2}; } //!< level 0 has none: check level > 0 first
};

struct TileKeyHash {
    size_t operator()(const TileKey& k) const {
        return (static_cast<size_t>(k.level) << 58) ^ (static_cast<size_t>(k.x) << 29) ^ static_cast<size_t>(k.y);
    }
};

//! Degrees of longitude and latitude, west < east, south < north.
struct GeoExtent {
    double west, south, east, north;
    bool intersects(const GeoExtent& o) const {
        return west < o.east && o.west < east && south < o.north && o.south < north;
    }
};

inline GeoExtent tileExtent(const TileKey& k) {
    const double size = 180.0 / std::ldexp(1.0, k.level);
    const double west = -180.0 + k.x * size, north = 90.0 - k.y * size;
    return {west, north - size, west + size, north};
}

//! The tile of `level` holding lon/lat (longitude -180..180, latitude -90..90; edges go to the last tile).
inline TileKey tileKeyAt(int level, double lon, double lat) {
    const double size = 180.0 / std::ldexp(1.0, level);
    const int columns = 2 << level, rows = 1 << level;
    return {level, std::clamp(int(std::floor((lon + 180.0) / size)), 0, columns - 1),
            std::clamp(int(std::floor((90.0 - lat) / size)), 0, rows - 1)};
}

} // namespace geo
