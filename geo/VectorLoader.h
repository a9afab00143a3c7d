#pragma once
// Reads border, coastline and country polygons from any vector file GDAL/OGR opens, as lon/lat.
#include "Result.h"

#include <filesystem>
#include <glm/glm.hpp>
#include <string>
#include <vector>

namespace geo {

using Ring = std::vector<glm::dvec2>; //!< lon/lat degrees; closed rings repeat the first point
struct Polygon {
    std::vector<Ring> rings; //!< outer ring first, then holes
};

struct Country {
    std::string iso3; //!< ISO 3166 alpha-3, e.g. "UKR"
    std::string name;
    std::vector<Polygon> polygons;
};

//! Lines to draw (borders, coastlines) and the country polygons they came from, all in EPSG:4326.
struct VectorLayer {
    std::string source;
    std::vector<std::vector<glm::dvec2>> lines; //!< every line and polygon ring as a polyline
    std::vector<Country> countries;             //!< polygon features with an ISO/name attribute
    const Country* find(const std::string& iso3) const;
};

//! Reads every feature of `layerName` (or of every layer when empty) from `path`, reprojecting to
//! EPSG:4326. Fails with the file and problem when the file is missing or unreadable, a layer has
//! no CRS or one PROJ does not know, the layer is missing, there are no features with geometry or
//! only points, or a feature (named with its layer) has a point that is not a finite lon/lat on the globe.
Result<VectorLayer> loadVectors(const std::filesystem::path& path, const std::string& layerName = {});

//! Burns the polygons into a mask of width x height cells over [west,east] x [south,north]
//! (row 0 north): 255 inside, 0 outside. Uses GDAL's rasterizer: a cell is inside when its centre is,
//! holes stay outside. Empty when the size or the bounds are invalid.
std::vector<unsigned char> rasterizeMask(const std::vector<Polygon>& polygons, double west, double south, double east,
                                         double north, int width, int height);

} // namespace geo
