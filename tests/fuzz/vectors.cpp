// Fuzz target: vector files as borders (geo::loadVectors) and as places (geo::loadPlaces), any
// format GDAL recognises in the bytes (the seeds are GeoJSON). Bad input must come back as a
// failure; what loads must lie on the globe.
#include "FuzzCheck.h"
#include "FuzzFiles.h"

#include "geo/PlaceLoader.h"
#include "geo/VectorLoader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto path = fuzz::writeInput("vectors.geojson", data, size);
    if (const auto layer = geo::loadVectors(path)) {
        for (const auto& line : layer.value().lines)
            for (const glm::dvec2& p : line) fuzz::expectLonLat(p, "a border point off the globe");
    }
    if (const auto places = geo::loadPlaces(path)) {
        for (const geo::Place& place : places.value()) {
            fuzz::expectLonLat({place.lon, place.lat}, "a place off the globe");
            fuzz::expect(place.population >= 0, "a negative population");
        }
    }
    return 0;
}
