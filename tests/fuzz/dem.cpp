// Fuzz target: a DEM file (geo::loadDem), any raster format GDAL recognises in the bytes. Bad input
// must come back as a failure; a grid that loads must be whole and on the globe.
#include "FuzzCheck.h"
#include "FuzzFiles.h"

#include "geo/DemLoader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    geo::DemOptions options;
    options.maxSide = 256; // resampled small: the fuzzer is after the reading, not the warping of big grids
    const auto grid = geo::loadDem(fuzz::writeInput("dem.tif", data, size), options);
    if (!grid) return 0;
    const geo::HeightGrid& g = grid.value();
    fuzz::expect(g.width > 0 && g.height > 0 && g.metres.size() == size_t(g.width) * size_t(g.height),
                 "a grid whose heights do not fill it");
    fuzz::expect(std::isfinite(g.west) && std::isfinite(g.north) && g.dLon > 0 && g.dLat > 0,
                 "a grid without a finite extent");
    fuzz::expect(g.north <= 90 + 1e-6 && g.south() >= -90 - 1e-6, "a grid reaching past a pole");
    return 0;
}
