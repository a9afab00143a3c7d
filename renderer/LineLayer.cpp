#include "renderer/LineLayer.h"

#include "geo/Ellipsoid.h"
#include "geo/SharedRules.h"
#include "geo/Simplify.h"
#include "renderer/GpuTypes.h"
#include "renderer/SceneStyle.h"
#include "renderer/Shaders.h"

#include <algorithm>
#include <cmath>

namespace renderer {

namespace {

constexpr size_t kPointsPerBatch = 1024; //!< source points per batch: small enough to cull and to choose detail
constexpr float kFlatMetres = 15.0f;     //!< terrain within this of a straight line adds no point
constexpr double kMetresPerDegree = geo::kWgs84A * 3.14159265358979323846 / 180.0;

//! Position along a Z-order (Morton) curve of a lon/lat on a 0.05 degree grid: near keys, near places.
uint64_t zOrder(glm::dvec2 p) {
    const auto x = static_cast<uint32_t>(std::clamp((p.x + 180.0) / 0.05, 0.0, 65535.0));
    const auto y = static_cast<uint32_t>(std::clamp((p.y + 90.0) / 0.05, 0.0, 65535.0));
    uint64_t key = 0;
    for (int bit = 0; bit < 16; ++bit)
        key |= uint64_t((x >> bit) & 1) << (2 * bit) | uint64_t((y >> bit) & 1) << (2 * bit + 1);
    return key;
}

struct GroundPoint {
    glm::dvec3 ecef, up;
    float height;
};

//! The line as points on the terrain: its own vertices, plus points every `maxStepDeg` only where
//! the terrain bends away from the straight segment (flat land and coasts need none).
std::vector<GroundPoint> drape(const geo::Terrain& terrain, const std::vector<glm::dvec2>& line, double maxStepDeg) {
    std::vector<GroundPoint> ground;
    auto add = [&](glm::dvec2 p) {
        ground.push_back({geo::toEcef({p.x, p.y, 0.0}), geo::upAt(p.x, p.y), terrain.heightAt(p.x, p.y)});
    };
    for (size_t i = 0; i + 1 < line.size(); ++i) {
        const glm::dvec2 a = line[i], b = line[i + 1];
        const int steps = std::max(1, static_cast<int>(std::ceil(glm::length(b - a) / maxStepDeg)));
        for (int s = 0; s < steps; ++s) {
            const glm::dvec2 p = a + (b - a) * (double(s) / steps);
            if (s > 0) {
                const glm::dvec2 q = a + (b - a) * (double(s + 1) / steps);
                const float expected = 0.5f * (ground.back().height + terrain.heightAt(q.x, q.y));
                if (std::abs(terrain.heightAt(p.x, p.y) - expected) < kFlatMetres) continue;
            }
            add(p);
        }
    }
    add(line.back());
    return ground;
}

//! Appends a point's entry: the point twice, once per side of the ribbon (a null point: a break).
void appendEntry(std::vector<LinePoint>& out, const GroundPoint* p, const glm::dvec3& origin, uint32_t scenarios = 0) {
    for (float side : {-1.0f, 1.0f}) {
        LinePoint v{};
        if (p) {
            const glm::dvec3 rel = p->ecef - origin;
            v = {{float(rel.x), float(rel.y), float(rel.z)},
                 {float(p->up.x), float(p->up.y), float(p->up.z)},
                 p->height,
                 side,
                 scenarios};
        }
        out.push_back(v);
    }
}

//! One level of a batch as the GPU reads it: padding, then each polyline's entries after a break
//! entry, then a closing break and padding; and the two triangles of every segment. Positions are
//! relative to the batch origin (STYLE.md §3).
template <class Level>
Level uploadLevel(const Context& context, const std::vector<std::vector<GroundPoint>>& lines,
                  const std::vector<uint32_t>& masks, const glm::dvec3& origin) {
    std::vector<LinePoint> vertices;
    std::vector<uint32_t> indices;
    appendEntry(vertices, nullptr, origin); // padding: "previous" of the first entry
    for (size_t l = 0; l < lines.size(); ++l) {
        const auto& line = lines[l];
        appendEntry(vertices, nullptr, origin); // break before each polyline
        for (size_t i = 0; i < line.size(); ++i) {
            // Entry k's two vertices are drawn as 2k, 2k+1 (its buffer slot is k+1, after the padding).
            const uint32_t k = static_cast<uint32_t>(vertices.size() / 2 - 1);
            appendEntry(vertices, &line[i], origin, masks[l]);
            if (i + 1 < line.size()) {
                indices.insert(indices.end(), {2 * k, 2 * k + 1, 2 * k + 2, 2 * k + 2, 2 * k + 1, 2 * k + 3});
            }
        }
    }
    appendEntry(vertices, nullptr, origin); // break after the last polyline
    appendEntry(vertices, nullptr, origin); // padding: "next" of the break
    Level level;
    level.indexCount = static_cast<uint32_t>(indices.size());
    if (indices.empty()) return level; // nothing to draw at this level (all pieces too small)
    level.points = Buffer(context, BufferDomain::Device, VK_BUFFER_USAGE_VERTEX_BUFFER_BIT,
                          vertices.size() * sizeof(LinePoint), vertices.data());
    level.indices = Buffer(context, BufferDomain::Device, VK_BUFFER_USAGE_INDEX_BUFFER_BIT,
                           indices.size() * sizeof(uint32_t), indices.data());
    return level;
}

} // namespace

LineLayer::LineLayer(const Context& context, const geo::Terrain& terrain,
                     const std::vector<std::vector<glm::dvec2>>& lines, const std::vector<uint32_t>* scenarios,
                     double maxStepDeg) {
    struct Piece {
        uint64_t place; //!< Z-order key of its middle
        std::vector<glm::dvec2> points;
        uint32_t scenarios;
    };
    std::vector<Piece> pending;
    size_t pendingPoints = 0;
    auto flush = [&] {
        if (pending.empty()) return;
        std::vector<std::vector<GroundPoint>> fine, coarse;
        std::vector<uint32_t> fineMasks, coarseMasks;
        for (const Piece& piece : pending) {
            fine.push_back(drape(terrain, piece.points, maxStepDeg));
            fineMasks.push_back(piece.scenarios);
            glm::dvec2 lo = piece.points.front(), hi = piece.points.front();
            for (const glm::dvec2& p : piece.points) lo = glm::min(lo, p), hi = glm::max(hi, p);
            if (glm::length(hi - lo) >= 3 * kCoarseToleranceDeg) {
                coarse.push_back(drape(terrain, geo::simplifyLine(piece.points, kCoarseToleranceDeg), maxStepDeg * 4));
                coarseMasks.push_back(piece.scenarios);
            }
        }
        Batch b;
        glm::dvec3 sum{0.0};
        size_t count = 0;
        for (const auto& line : fine)
            for (const GroundPoint& p : line) {
                sum += p.ecef;
                ++count;
                b.maxHeight = std::max(b.maxHeight, p.height);
            }
        b.origin = sum / double(count);
        for (const auto* level : {&fine, &coarse})
            for (const auto& line : *level)
                for (const GroundPoint& p : line) b.radius = std::max(b.radius, glm::length(p.ecef - b.origin));
        b.fine = uploadLevel<Level>(context, fine, fineMasks, b.origin);
        b.coarse = uploadLevel<Level>(context, coarse, coarseMasks, b.origin);
        _batches.push_back(std::move(b));
        pending.clear();
        pendingPoints = 0;
    };
    // Long lines are cut into pieces (sharing their end points), and the pieces ordered along a
    // Z-order curve of their middles, so each batch is small and compact: culled and given its
    // level of detail as one.
    std::vector<Piece> pieces;
    for (size_t l = 0; l < lines.size(); ++l) {
        const auto& line = lines[l];
        for (size_t start = 0; start + 1 < line.size(); start += kPointsPerBatch - 1) {
            const size_t end = std::min(line.size(), start + kPointsPerBatch);
            std::vector<glm::dvec2> points(line.begin() + long(start), line.begin() + long(end));
            const uint64_t place = zOrder(points[points.size() / 2]);
            pieces.push_back({place, std::move(points), scenarios ? scenarios->at(l) : ~0u});
        }
    }
    std::stable_sort(pieces.begin(), pieces.end(), [](const Piece& a, const Piece& b) { return a.place < b.place; });
    for (Piece& piece : pieces) {
        pendingPoints += piece.points.size();
        pending.push_back(std::move(piece));
        if (pendingPoints >= kPointsPerBatch) flush();
    }
    flush();
}

PipelineDesc LineLayer::pipelineDesc() {
    PipelineDesc line;
    line.vertexSpirv = shaders::lineVert();
    line.fragmentSpirv = shaders::lineFrag();
    // Three views of the same buffer, one point apart: previous, this and next (line.vert).
    for (uint32_t b = 0; b < 3; ++b) {
        line.bindings.push_back({b, sizeof(LinePoint), VK_VERTEX_INPUT_RATE_VERTEX});
        line.attributes.push_back({b * 3 + 0, b, VK_FORMAT_R32G32B32_SFLOAT, offsetof(LinePoint, position)});
        line.attributes.push_back({b * 3 + 1, b, VK_FORMAT_R32G32B32_SFLOAT, offsetof(LinePoint, up)});
        line.attributes.push_back({b * 3 + 2, b, VK_FORMAT_R32G32_SFLOAT, offsetof(LinePoint, height)});
    }
    line.attributes.push_back({9, 1, VK_FORMAT_R32_UINT, offsetof(LinePoint, scenarios)});
    line.depthWrite = false;
    line.alphaBlend = true;
    line.pushConstantBytes = sizeof(LinePush);
    return line;
}

size_t LineLayer::draw(VkCommandBuffer cmd, VkPipelineLayout layout, const View& view, double exaggeration,
                       const LineStyle& given) const {
    const LineStyle style = themed(given, _theme);
    size_t drawn = 0;
    for (const Batch& b : _batches) {
        const double reach = b.radius + geo::raisedHeight(b.maxHeight, exaggeration) + 100.0;
        if (!view.sees(b.origin - view.eye, reach)) continue;
        // The simplified level where its error is under a pixel at the batch's nearest point.
        const double metresPerPixel = std::max(glm::length(b.origin - view.eye) - reach, 1.0) / view.pixelsPerRadian;
        const Level& level = kCoarseToleranceDeg * kMetresPerDegree < 1.5 * metresPerPixel ? b.coarse : b.fine;
        if (level.indexCount == 0) continue;
        const VkBuffer buffers[3] = {level.points.vk(), level.points.vk(), level.points.vk()};
        const VkDeviceSize offsets[3] = {0, 2 * sizeof(LinePoint), 4 * sizeof(LinePoint)};
        vkCmdBindVertexBuffers(cmd, 0, 3, buffers, offsets);
        vkCmdBindIndexBuffer(cmd, level.indices.vk(), 0, VK_INDEX_TYPE_UINT32);
        const LinePush push{glm::vec4(glm::vec3(b.origin - view.eye), 0.0f), style.color, style.casingColor,
                            glm::vec4(style.widthPx, style.casingWidthPx, 0.004f, 0.0f)};
        vkCmdPushConstants(cmd, layout, VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof(push),
                           &push);
        vkCmdDrawIndexed(cmd, level.indexCount, 1, 0, 0, 0);
        drawn += level.indexCount / 6;
    }
    return drawn;
}

} // namespace renderer
