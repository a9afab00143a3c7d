#include "renderer/LineLayer.h"

#include "geo/Ellipsoid.h"
#include "renderer/GpuTypes.h"

#include <cmath>

namespace renderer {

namespace {

constexpr size_t kPointsPerBatch = 1 << 16;

//! Points of one batch relative to its origin, which keeps float vertices precise (STYLE.md §3).
struct BatchBuilder {
    std::vector<LinePoint> points;
    glm::dvec3 origin{0.0};
    bool hasOrigin = false;

    void add(const geo::Terrain& terrain, double lon, double lat) {
        const glm::dvec3 p = geo::toEcef({lon, lat, 0.0});
        if (!hasOrigin) {
            origin = p;
            hasOrigin = true;
        }
        const glm::dvec3 rel = p - origin;
        const glm::dvec3 up = geo::upAt(lon, lat);
        points.push_back({{float(rel.x), float(rel.y), float(rel.z)},
                          {float(up.x), float(up.y), float(up.z)},
                          terrain.heightAt(lon, lat),
                          1.0f});
    }
    void breakLine() { points.push_back(LinePoint{{0, 0, 0}, {0, 0, 1}, 0.0f, 0.0f}); }
};

} // namespace

LineLayer::LineLayer(const Context& context, const geo::Terrain& terrain,
                     const std::vector<std::vector<glm::dvec2>>& lines, double maxStepDeg) {
    BatchBuilder batch;
    auto flush = [&] {
        if (batch.points.size() < 2) return;
        Batch b;
        b.count = static_cast<uint32_t>(batch.points.size());
        b.origin = batch.origin;
        b.points = Buffer(context, BufferDomain::Device, VK_BUFFER_USAGE_VERTEX_BUFFER_BIT,
                          batch.points.size() * sizeof(LinePoint), batch.points.data());
        _batches.push_back(std::move(b));
        batch = BatchBuilder{};
    };
    for (const auto& line : lines) {
        if (line.size() < 2) continue;
        if (batch.points.size() > kPointsPerBatch) flush();
        for (size_t i = 0; i + 1 < line.size(); ++i) {
            const glm::dvec2 a = line[i], b = line[i + 1];
            const int steps = std::max(1, static_cast<int>(std::ceil(glm::length(b - a) / maxStepDeg)));
            for (int s = 0; s < steps; ++s) {
                const glm::dvec2 p = a + (b - a) * (double(s) / steps);
                batch.add(terrain, p.x, p.y);
            }
        }
        batch.add(terrain, line.back().x, line.back().y);
        batch.breakLine();
    }
    flush();
}

void LineLayer::draw(VkCommandBuffer cmd, VkPipelineLayout layout, const glm::dvec3& eye, const LineStyle& style) const {
    for (const Batch& b : _batches) {
        const VkBuffer buffers[2] = {b.points.vk(), b.points.vk()};
        const VkDeviceSize offsets[2] = {0, sizeof(LinePoint)};
        vkCmdBindVertexBuffers(cmd, 0, 2, buffers, offsets);
        LinePush push{glm::vec4(glm::vec3(b.origin - eye), 0.0f), style.color, glm::vec4(style.widthPx, 0.004f, 0, 0)};
        vkCmdPushConstants(cmd, layout, VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof(push), &push);
        vkCmdDraw(cmd, 6, b.count - 1, 0, 0);
    }
}

size_t LineLayer::segmentCount() const {
    size_t n = 0;
    for (const Batch& b : _batches) n += b.count - 1;
    return n;
}

} // namespace renderer
