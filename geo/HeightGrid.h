#pragma once
// Terrain heights on a regular longitude/latitude grid (EPSG:4326), and a stack of such grids.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace geo {

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
    //! the point is outside the grid or any of the four samples is nodata.
    std::optional<float> sample(double lon, double lat) const;
};

//! Layers of height grids, finest first: a regional DEM over a coarse global one.
class Terrain {
public:
    void addLayer(HeightGrid grid); //!< later layers sit under earlier ones
    const std::vector<HeightGrid>& layers() const { return _layers; }
    bool empty() const { return _layers.empty(); }
    //! Height of the first layer with data at this point; 0 (sea level) where none has.
    float heightAt(double lon, double lat) const;
    //! Finest cell size in degrees among layers covering the point (for level-of-detail limits).
    double finestCellAt(double lon, double lat) const;

private:
    std::vector<HeightGrid> _layers;
};

} // namespace geo
