#include "renderer/LineLayer.h"

#include "geo/Ellipsoid.h"
#include "renderer/GpuTypes.h"

#include <algorithm>
#include <cmath>

namespace renderer {

namespace {

constexpr size_t kPointsPerBatch = 2048;
constexpr float kFlatMetres = 15.0f; //!< terrain within this of a straight line adds no point

struct GroundPoint {
    glm::dvec3 ecef, up;
    float height;
};

//! One batch as the GPU reads it: two padding entries, then each point twice (one per side of
//! the ribbon) with a break entry between polylines, then two padding entries; and the indices of
//! the two triangles of every segment. Positions are relative to the batch origin (STYLE.md §3).
struct BatchBuilder {
    std::vector<std::vector<GroundPoint>> lines;
    size_t points = 0;

    void appendEntry(std::vector<LinePoint>& out, const GroundPoint* p, const glm::dvec3& origin) const {
        for (float side : {-1.0f, 1.0f}) {
            LinePoint v{};
            if (p) {
                const glm::dvec3 rel = p->ecef - origin;
                v = {{float(rel.x), float(rel.y), float(rel.z)}, {float(p->up.x), float(p->up.y), float(p->up.z)},
                     p->height, side};
            }
            out.push_back(v);
        }
    }
};

} // namespace

LineLayer::LineLayer(const Context& context, const geo::Terrain& terrain,
                     const std::vector<std::vector<glm::dvec2>>& lines, double maxStepDeg) {
    BatchBuilder batch;
    auto flush = [&] {
        if (batch.points == 0) return;
        Batch b;
        glm::dvec3 sum{0.0};
        for (const auto& line : batch.lines)
            for (const GroundPoint& p : line) {
                sum += p.ecef;
                b.maxHeight = std::max(b.maxHeight, p.height);
            }
        b.origin = sum / double(batch.points);
        for (const auto& line : batch.lines)
            for (const GroundPoint& p : line) b.radius = std::max(b.radius, glm::length(p.ecef - b.origin));
        std::vector<LinePoint> vertices;
        std::vector<uint32_t> indices;
        batch.appendEntry(vertices, nullptr, b.origin); // padding: "previous" of the first entry
        for (const auto& line : batch.lines) {
            batch.appendEntry(vertices, nullptr, b.origin); // break before each polyline
            for (size_t i = 0; i < line.size(); ++i) {
                // Entry k's two vertices are drawn as 2k, 2k+1 (its buffer slot is k+1, after the padding).
                const uint32_t k = static_cast<uint32_t>(vertices.size() / 2 - 1);
                batch.appendEntry(vertices, &line[i], b.origin);
                if (i + 1 < line.size()) {
                    indices.insert(indices.end(), {2 * k, 2 * k + 1, 2 * k + 2, 2 * k + 2, 2 * k + 1, 2 * k + 3});
                    ++_segments;
                }
            }
        }
        batch.appendEntry(vertices, nullptr, b.origin); // break after the last polyline
        batch.appendEntry(vertices, nullptr, b.origin); // padding: "next" of the break
        b.indexCount = static_cast<uint32_t>(indices.size());
        b.points = Buffer(context, BufferDomain::Device, VK_BUFFER_USAGE_VERTEX_BUFFER_BIT,
                          vertices.size() * sizeof(LinePoint), vertices.data());
        b.indices = Buffer(context, BufferDomain::Device, VK_BUFFER_USAGE_INDEX_BUFFER_BIT,
                           indices.size() * sizeof(uint32_t), indices.data());
        _batches.push_back(std::move(b));
        batch = BatchBuilder{};
    };
    for (const auto& line : lines) {
        if (line.size() < 2) continue;
        std::vector<GroundPoint> ground;
        auto add = [&](glm::dvec2 p) {
            ground.push_back({geo::toEcef({p.x, p.y, 0.0}), geo::upAt(p.x, p.y), terrain.heightAt(p.x, p.y)});
        };
        for (size_t i = 0; i + 1 < line.size(); ++i) {
            const glm::dvec2 a = line[i], b = line[i + 1];
            const int steps = std::max(1, static_cast<int>(std::ceil(glm::length(b - a) / maxStepDeg)));
            // Points only where the terrain bends away from the straight segment: flat land and
            // coasts need none, hills get one every `maxStepDeg`.
            for (int s = 0; s < steps; ++s) {
                const glm::dvec2 p = a + (b - a) * (double(s) / steps);
                if (s > 0 && !ground.empty()) {
                    const glm::dvec2 q = a + (b - a) * (double(s + 1) / steps);
                    const float expected = 0.5f * (ground.back().height + terrain.heightAt(q.x, q.y));
                    if (std::abs(terrain.heightAt(p.x, p.y) - expected) < kFlatMetres) continue;
                }
                add(p);
            }
            // Cut long lines so each batch stays small enough to cull.
            if (ground.size() >= kPointsPerBatch) {
                add(b);
                batch.points += ground.size();
                batch.lines.push_back(std::move(ground));
                flush();
                ground.clear();
            }
        }
        add(line.back());
        if (ground.size() < 2) continue;
        batch.points += ground.size();
        batch.lines.push_back(std::move(ground));
        if (batch.points >= kPointsPerBatch) flush();
    }
    flush();
}

size_t LineLayer::draw(VkCommandBuffer cmd, VkPipelineLayout layout, const View& view, double exaggeration,
                       const LineStyle& style) const {
    size_t drawn = 0;
    for (const Batch& b : _batches) {
        if (!view.sees(b.origin - view.eye, b.radius + std::max(b.maxHeight, 0.0f) * exaggeration + 100.0)) continue;
        const VkBuffer buffers[3] = {b.points.vk(), b.points.vk(), b.points.vk()};
        const VkDeviceSize offsets[3] = {0, 2 * sizeof(LinePoint), 4 * sizeof(LinePoint)};
        vkCmdBindVertexBuffers(cmd, 0, 3, buffers, offsets);
        vkCmdBindIndexBuffer(cmd, b.indices.vk(), 0, VK_INDEX_TYPE_UINT32);
        const LinePush push{glm::vec4(glm::vec3(b.origin - view.eye), 0.0f), style.color, style.casingColor,
                            glm::vec4(style.widthPx, style.casingWidthPx, 0.004f, 0.0f)};
        vkCmdPushConstants(cmd, layout, VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof(push), &push);
        vkCmdDrawIndexed(cmd, b.indexCount, 1, 0, 0, 0);
        drawn += b.indexCount / 6;
    }
    return drawn;
}

} // namespace renderer
