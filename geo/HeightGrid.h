#pragma once
// Terrain heights on a regular longitude/latitude grid (EPSG:4326), held whole (tests, `bulwark coverage`);
// the renderer streams them instead (Terrain.h).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace geo {

//! Heights a DEM may hold, in metres: the Challenger Deep is about -11000, Everest 8849. Anything
//! beyond (3e38 from a wrong nodata, a sensor's -32768 fill) is not terrain and reads as nodata.
constexpr double kMinHeightM = -12000.0, kMaxHeightM = 9000.0;

//! True when `metres` is a height the Earth's surface can have (finite, within kMinHeightM..kMaxHeightM).
inline bool isPlausibleHeight(double metres) {
    return metres >= kMinHeightM && metres <= kMaxHeightM; // false for NaN
}

//! Heights in metres on a regular lon/lat grid. Sample (i, j) is the centre of cell
//! [west + i*dLon, west + (i+1)*dLon] x [north - (j+1)*dLat, north - j*dLat]. NaN marks nodata.
struct HeightGrid {
    std::string source; //!< file it came from, for messages and attribution
    double west = 0, north = 0;
    double dLon = 0, dLat = 0; //!< cell size in degrees, both positive
    int width = 0, height = 0;
    std::vector<float> metres; //!< row-major, north row first

    double east() const { return west + width * dLon; }
    double south() const { return north - height * dLat; }
    float at(int i, int j) const { return metres[static_cast<size_t>(j) * width + i]; }
    //! Bilinear height at lon/lat (longitude wrapped by 360 to fit the grid), or nothing where
    //! the point is outside the grid or any of the four samples is nodata. Samples with zero
    //! weight do not count (a cell centre next to nodata has a height); within half a cell of the
    //! grid's edge the edge samples are held, except that a grid spanning 360 degrees wraps
    //! its last column onto its first.
    std::optional<float> sample(double lon, double lat) const;
};

} // namespace geo
