#include "renderer/TerrainShading.h"

#include "geo/Ellipsoid.h"
#include "geo/SharedRules.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <glm/glm.hpp>

namespace renderer {

namespace {

constexpr double kMetresPerDegree = geo::kWgs84A * 3.14159265358979323846 / 180.0;

//! Hypsometric tint for land, metres -> linear 0..1 colour.
glm::vec3 landTint(float h) {
    static constexpr std::array<float, 7> stops{0, 150, 400, 800, 1500, 2500, 4000};
    static const std::array<glm::vec3, 7> colors{glm::vec3(0.36f, 0.55f, 0.33f), glm::vec3(0.52f, 0.66f, 0.38f),
                                                 glm::vec3(0.76f, 0.74f, 0.48f), glm::vec3(0.72f, 0.58f, 0.40f),
                                                 glm::vec3(0.60f, 0.46f, 0.36f), glm::vec3(0.72f, 0.68f, 0.66f),
                                                 glm::vec3(0.96f, 0.96f, 0.97f)};
    for (size_t i = 0; i + 1 < stops.size(); ++i)
        if (h < stops[i + 1]) return glm::mix(colors[i], colors[i + 1], (h - stops[i]) / (stops[i + 1] - stops[i]));
    return colors.back();
}

//! Water from shallow shelf to deep basin.
glm::vec3 waterTint(float depth) {
    const float t = std::clamp(std::log(1.0f + depth / 25.0f) / std::log(1.0f + 4000.0f / 25.0f), 0.0f, 1.0f);
    return glm::mix(glm::vec3(0.42f, 0.66f, 0.78f), glm::vec3(0.07f, 0.20f, 0.40f), t);
}

uint8_t toByte(float v) {
    return static_cast<uint8_t>(std::clamp(v, 0.0f, 1.0f) * 255.0f + 0.5f);
}

} // namespace

void shadeTile(const geo::TileHeights& h, double exaggeration, uint8_t* rgba) {
    // Sun from the north-west, 45 degrees up, in each texel's east-north-up frame (the classic hillshade).
    const glm::vec3 sun = glm::normalize(glm::vec3(-0.5f, 0.5f, 0.7071f));
    const float k = static_cast<float>(exaggeration);
    const double metresNorth = std::max(kMetresPerDegree * h.step, 1e-3);
    for (int j = 0; j < h.size; ++j) {
        const double lat = h.north - j * h.step;
        const double metresEast = std::max(metresNorth * std::cos(glm::radians(lat)), 1.0);
        for (int i = 0; i < h.size; ++i) {
            uint8_t* out = rgba + (size_t(j) * h.size + i) * 4;
            const float height = h.at(i, j);
            if (height <= 0.0f) {
                const glm::vec3 c = waterTint(-height) * (0.55f + 0.45f * sun.z);
                out[0] = toByte(c.r), out[1] = toByte(c.g), out[2] = toByte(c.b), out[3] = 0;
                continue;
            }
            auto land = [&](int a, int b) { return std::max(h.at(a, b), 0.0f); };
            const float dzdx = float((land(i + 1, j) - land(i - 1, j)) / (2.0 * metresEast));
            const float dzdy = float((land(i, j - 1) - land(i, j + 1)) / (2.0 * metresNorth));
            const glm::vec3 n = glm::normalize(glm::vec3(-k * dzdx, -k * dzdy, 1.0f));
            const float diffuse = std::max(glm::dot(n, sun), 0.0f);
            const float sky = 0.5f + 0.5f * n.z;
            const float shade = 0.35f * sky + 0.75f * diffuse;
            const glm::vec3 c = landTint(height) * shade;
            out[0] = toByte(c.r), out[1] = toByte(c.g), out[2] = toByte(c.b);
            out[3] = toByte(float(geo::hillshadeAlpha(shade)));
        }
    }
}

} // namespace renderer
