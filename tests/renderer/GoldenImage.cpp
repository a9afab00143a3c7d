#include "GoldenImage.h"

#include <cmath>
#include <cstdlib>
#include <stb/stb_image.h>
#include <stb/stb_image_write.h>

namespace test {

namespace {

Rgba readPng(const std::filesystem::path& path) {
    int w = 0, h = 0, n = 0;
    unsigned char* data = stbi_load(path.c_str(), &w, &h, &n, 4);
    Rgba image;
    if (!data) return image;
    image.width = uint32_t(w);
    image.height = uint32_t(h);
    image.pixels.assign(data, data + size_t(w) * h * 4);
    stbi_image_free(data);
    return image;
}

void writePng(const std::filesystem::path& path, const Rgba& image) {
    stbi_write_png(path.c_str(), int(image.width), int(image.height), 4, image.pixels.data(), int(image.width * 4));
}

} // namespace

double meanDifference(const Rgba& a, const Rgba& b) {
    if (a.pixels.size() != b.pixels.size() || a.pixels.empty()) return 255.0;
    double sum = 0;
    for (size_t i = 0; i < a.pixels.size(); ++i) sum += std::abs(int(a.pixels[i]) - int(b.pixels[i]));
    return sum / double(a.pixels.size());
}

Comparison compareWithGolden(const Rgba& image, const std::string& name, const std::filesystem::path& outDir,
                             double maxMeanError, double maxChangedFraction) {
    const std::filesystem::path gold = std::filesystem::path(BULWARK_GOLD_DIR) / (name + ".png");
    Comparison c;
    if (const char* update = std::getenv("BULWARK_UPDATE_GOLDEN"); update && std::string(update) == "1") {
        writePng(gold, image);
        c.passed = true;
        c.message = "golden rewritten: " + gold.string();
        return c;
    }
    const Rgba expected = readPng(gold);
    if (expected.width != image.width || expected.height != image.height) {
        c.message = gold.string() + " is missing or of another size (run with BULWARK_UPDATE_GOLDEN=1 to create it)";
        std::filesystem::create_directories(outDir);
        writePng(outDir / (name + ".actual.png"), image);
        return c;
    }
    return compareImages(image, expected, name, outDir, maxMeanError, maxChangedFraction);
}

Comparison compareImages(const Rgba& image, const Rgba& expected, const std::string& name,
                         const std::filesystem::path& outDir, double maxMeanError, double maxChangedFraction,
                         int pixelTolerance) {
    Comparison c;
    if (expected.width != image.width || expected.height != image.height || image.pixels.empty()) {
        c.message = name + ": the images differ in size";
        return c;
    }
    Rgba diff = image;
    size_t changed = 0;
    double sum = 0;
    for (size_t p = 0; p < image.pixels.size(); p += 4) {
        int worst = 0;
        for (int ch = 0; ch < 3; ++ch) {
            const int d = std::abs(int(image.pixels[p + ch]) - int(expected.pixels[p + ch]));
            worst = std::max(worst, d);
            sum += d;
        }
        if (worst > pixelTolerance) ++changed;
        // The diff image: differences in red over a dimmed copy of the expected image.
        const uint8_t grey = uint8_t((expected.pixels[p] + expected.pixels[p + 1] + expected.pixels[p + 2]) / 9);
        diff.pixels[p] = uint8_t(std::min(255, grey + worst * 4));
        diff.pixels[p + 1] = diff.pixels[p + 2] = grey;
        diff.pixels[p + 3] = 255;
    }
    const size_t count = image.pixels.size() / 4;
    c.meanError = sum / double(count * 3);
    c.changedFraction = double(changed) / double(count);
    c.passed = c.meanError <= maxMeanError && c.changedFraction <= maxChangedFraction;
    c.message = name + ": mean error " + std::to_string(c.meanError) + " (max " + std::to_string(maxMeanError) +
                "), changed pixels " + std::to_string(c.changedFraction * 100) + "% (max " +
                std::to_string(maxChangedFraction * 100) + "%)";
    if (!c.passed) {
        std::filesystem::create_directories(outDir);
        writePng(outDir / (name + ".actual.png"), image);
        writePng(outDir / (name + ".expected.png"), expected);
        writePng(outDir / (name + ".diff.png"), diff);
        c.message += "; wrote " + (outDir / (name + ".diff.png")).string();
    }
    return c;
}

} // namespace test
