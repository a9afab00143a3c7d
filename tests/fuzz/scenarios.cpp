// Fuzz target: a scenario manifest and its features file (geo::loadScenarios). The input is the
// manifest, a NUL byte, then the features; the manifest names "features.geojson" to reach them.
// Bad input must come back as problems, never as an exception or a crash.
#include "FuzzCheck.h"
#include "FuzzFiles.h"

#include "geo/Scenario.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto [manifest, features] = fuzz::splitAtNul(data, size);
    fuzz::writeInput("features.geojson", reinterpret_cast<const uint8_t*>(features.data()), features.size());
    const auto path =
        fuzz::writeInput("scenarios.json", reinterpret_cast<const uint8_t*>(manifest.data()), manifest.size());
    const geo::ScenarioLoad load = geo::loadScenarios(path);
    if (!load.problems.empty()) return 0;
    fuzz::expect(load.set.scenarios.size() <= geo::kMaxScenarios, "more scenarios than the mask holds");
    for (const geo::ScenarioFeature& f : load.set.features) {
        for (const glm::dvec2& p : f.points) fuzz::expectLonLat(p, "a feature point off the globe");
        for (const geo::Polygon& polygon : f.polygons)
            for (const geo::Ring& ring : polygon.rings)
                for (const glm::dvec2& p : ring) fuzz::expectLonLat(p, "a feature polygon off the globe");
        fuzz::expect(!f.personnel || *f.personnel >= 0, "negative personnel");
        fuzz::expect(!f.floorM || std::isfinite(*f.floorM), "an air-zone floor that is not finite");
        fuzz::expect(!f.ceilingM || std::isfinite(*f.ceilingM), "an air-zone ceiling that is not finite");
    }
    return 0;
}
