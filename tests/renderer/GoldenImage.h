#pragma once
// Compares a rendered image with a golden PNG under a tolerance, writing a diff image on failure
// (as KhronosGroup/Vulkan-Samples' system tests do). BULWARK_UPDATE_GOLDEN=1 rewrites the goldens.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace test {

struct Rgba {
    uint32_t width = 0, height = 0;
    std::vector<uint8_t> pixels;
};

struct Comparison {
    bool passed = false;
    double meanError = 0;       //!< mean absolute difference per channel, 0..255
    double changedFraction = 0; //!< share of pixels differing by more than the tolerance in any channel
    std::string message;
};

//! Compares `image` with tests/gold/<name>.png. On failure writes <name>.actual.png and
//! <name>.diff.png into `outDir`, and says where.
Comparison compareWithGolden(const Rgba& image, const std::string& name, const std::filesystem::path& outDir,
                             double maxMeanError = 2.0, double maxChangedFraction = 0.01);

//! Compares `image` with `expected` (another render of the same scene): a pixel has changed when a
//! channel differs by more than `pixelTolerance`. On failure writes <name>.actual.png,
//! <name>.expected.png and <name>.diff.png into `outDir`, and says where.
Comparison compareImages(const Rgba& image, const Rgba& expected, const std::string& name,
                         const std::filesystem::path& outDir, double maxMeanError, double maxChangedFraction,
                         int pixelTolerance = 24);

//! Mean absolute difference per channel between two images of one size.
double meanDifference(const Rgba& a, const Rgba& b);

} // namespace test
