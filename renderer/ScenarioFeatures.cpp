#include "renderer/ScenarioFeatures.h"

#include "geo/Ellipsoid.h"
#include "geo/Spatial.h"
#include "renderer/GpuTypes.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace renderer {

namespace {

constexpr VkShaderStageFlags kPushStages = VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT;
constexpr double kAreaEdgeDeg = 0.1; //!< areas are densified to this so they follow the ground

//! Sides of each marker's prism, so the kind reads from its shape: hub, equipment site, force, station.
constexpr std::array<int, 4> kSides{6, 4, 3, 8};
constexpr std::array<double, 4> kRadiusMetres{7000, 4500, 9000, 5500};

int shapeOf(geo::FeatureKind kind) {
    switch (kind) {
    case geo::FeatureKind::Hub: return 0;
    case geo::FeatureKind::EquipmentSite: return 1;
    case geo::FeatureKind::Force: return 2;
    default: return 3;
    }
}

uint32_t statusCode(geo::FeatureStatus s) {
    return s == geo::FeatureStatus::Announced ? 0u : s == geo::FeatureStatus::Reported ? 1u : 2u;
}

glm::vec4 areaColor(const geo::ScenarioFeature& f, Palette palette) {
    if (f.kind == geo::FeatureKind::AirZone)
        return glm::vec4(glm::vec3(nationColor(f.lead(), palette)) * 0.6f + 0.4f, 0.20f);
    return kindColor(f.kind, palette);
}

//! A unit prism: `sides` walls with flat normals and a top cap, x and y in -1..1, z 0..1.
void appendPrism(int sides, std::vector<MarkerCorner>& corners, std::vector<uint32_t>& indices) {
    const double turn = 2.0 * 3.14159265358979323846 / sides;
    const double start = sides == 4 ? turn / 2 : 0.0; // squares stand square to north
    auto at = [&](int i) { return glm::vec2(std::sin(start + i * turn), std::cos(start + i * turn)); };
    for (int i = 0; i < sides; ++i) {
        const glm::vec2 a = at(i), b = at(i + 1), n = glm::normalize(a + b);
        const uint32_t base = static_cast<uint32_t>(corners.size());
        for (const auto& [p, z] : {std::pair{a, 0.0f}, {b, 0.0f}, {a, 1.0f}, {b, 1.0f}})
            corners.push_back({{p.x, p.y, z}, {n.x, n.y, 0.0f}});
        indices.insert(indices.end(), {base, base + 1, base + 2, base + 2, base + 1, base + 3});
    }
    const uint32_t centre = static_cast<uint32_t>(corners.size());
    corners.push_back({{0, 0, 1}, {0, 0, 1}});
    for (int i = 0; i < sides; ++i) {
        const glm::vec2 a = at(i);
        corners.push_back({{a.x, a.y, 1}, {0, 0, 1}});
    }
    for (int i = 0; i < sides; ++i)
        indices.insert(indices.end(), {centre, centre + 1 + uint32_t(i), centre + 1 + uint32_t((i + 1) % sides)});
}

AreaVertex areaVertex(const glm::dvec3& origin, glm::dvec2 lonLat, float height, glm::vec4 color,
                      const geo::ScenarioFeature& f) {
    const glm::dvec3 rel = geo::toEcef({lonLat.x, lonLat.y, 0.0}) - origin;
    const glm::dvec3 up = geo::upAt(lonLat.x, lonLat.y);
    return {{float(rel.x), float(rel.y), float(rel.z)},
            {float(up.x), float(up.y), float(up.z)},
            height,
            {color.r, color.g, color.b, color.a},
            f.scenarioMask,
            statusCode(f.status)};
}

} // namespace

ScenarioFeatures::ScenarioFeatures(const Context& context, const geo::Terrain& terrain, const geo::ScenarioSet& set,
                             SceneStyle style)
    : _style(style) {
    // Markers: one prism mesh per shape, one instance per feature, grouped by shape.
    std::vector<MarkerCorner> corners;
    std::vector<uint32_t> indices;
    for (size_t s = 0; s < kSides.size(); ++s) {
        _shapes[s].firstIndex = static_cast<uint32_t>(indices.size());
        appendPrism(kSides[s], corners, indices);
        _shapes[s].indexCount = static_cast<uint32_t>(indices.size()) - _shapes[s].firstIndex;
    }
    _prismCorners = Buffer(context, BufferDomain::Device, VK_BUFFER_USAGE_VERTEX_BUFFER_BIT,
                           corners.size() * sizeof(MarkerCorner), corners.data());
    _prismIndices = Buffer(context, BufferDomain::Device, VK_BUFFER_USAGE_INDEX_BUFFER_BIT,
                           indices.size() * sizeof(uint32_t), indices.data());

    std::array<std::vector<const geo::ScenarioFeature*>, 4> byShape;
    glm::dvec3 sum{0.0};
    size_t markers = 0;
    for (const geo::ScenarioFeature& f : set.features)
        if (geo::isMarker(f.kind) && !f.points.empty()) {
            byShape[shapeOf(f.kind)].push_back(&f);
            sum += geo::toEcef({f.points[0].x, f.points[0].y, 0.0});
            ++markers;
        }
    _markerOrigin = markers ? sum / double(markers) : glm::dvec3(0.0);
    std::vector<MarkerInstance> instances;
    for (size_t s = 0; s < byShape.size(); ++s) {
        _shapes[s].firstInstance = static_cast<uint32_t>(instances.size());
        for (const geo::ScenarioFeature* f : byShape[s]) {
            const glm::dvec2 p = f->points[0];
            const glm::dvec3 rel = geo::toEcef({p.x, p.y, 0.0}) - _markerOrigin;
            const glm::dvec3 up = geo::upAt(p.x, p.y);
            // Sized by personnel (area grows with it), within reason either way.
            const double people = f->personnel ? double(*f->personnel) : 1000.0;
            const double radius = kRadiusMetres[s] * std::clamp(std::sqrt(people / 1000.0), 0.6, 2.5);
            const glm::vec4 c = nationColor(f->lead(), style.palette);
            instances.push_back({{float(rel.x), float(rel.y), float(rel.z)},
                                 {float(up.x), float(up.y), float(up.z)},
                                 {std::max(terrain.heightAt(p.x, p.y), 0.0f), float(radius), float(radius * 3.0)},
                                 {c.r, c.g, c.b, 1.0f},
                                 f->scenarioMask,
                                 statusCode(f->status)});
        }
        _shapes[s].instanceCount = static_cast<uint32_t>(instances.size()) - _shapes[s].firstInstance;
    }
    if (!instances.empty())
        _instances = Buffer(context, BufferDomain::Device, VK_BUFFER_USAGE_VERTEX_BUFFER_BIT,
                            instances.size() * sizeof(MarkerInstance), instances.data());

    // Areas: one batch per feature, relative to its own first point; all triangulated at once, on every core.
    std::vector<const geo::Polygon*> areaPolygons;
    for (const geo::ScenarioFeature& f : set.features)
        if (geo::isArea(f.kind))
            for (const geo::Polygon& polygon : f.polygons) areaPolygons.push_back(&polygon);
    const auto areaTriangles = geo::triangulateAll(areaPolygons, kAreaEdgeDeg);
    size_t nextPolygon = 0;
    for (const geo::ScenarioFeature& f : set.features) {
        if (!geo::isArea(f.kind) || f.polygons.empty()) continue;
        const glm::vec4 color = areaColor(f, style.palette);
        const glm::dvec2 first = f.polygons[0].rings.at(0).at(0);
        AreaBatch batch;
        batch.origin = geo::toEcef({first.x, first.y, 0.0});
        std::vector<AreaVertex> vertices;
        const bool air = f.kind == geo::FeatureKind::AirZone;
        const bool onLand = f.kind == geo::FeatureKind::MonitoringZone || f.kind == geo::FeatureKind::OccupiedArea;
        auto heightAt = [&](glm::dvec2 p, bool top) -> float {
            if (air) return float(top ? *f.ceilingM : *f.floorM);
            return onLand ? std::max(terrain.heightAt(p.x, p.y), 0.0f) : 0.0f;
        };
        for (const geo::Polygon& polygon : f.polygons) {
            const auto& triangles = areaTriangles[nextPolygon++];
            for (bool top : air ? std::vector<bool>{false, true} : std::vector<bool>{false})
                for (const auto& t : triangles)
                    for (const glm::dvec2& p : t)
                        vertices.push_back(areaVertex(batch.origin, p, heightAt(p, top), color, f));
            if (!air) continue;
            // Walls from floor to ceiling along every ring, a little more opaque than the caps.
            const glm::vec4 wall{color.r, color.g, color.b, color.a * 1.3f};
            for (const geo::Ring& ring : polygon.rings)
                for (size_t i = 0; i + 1 < ring.size(); ++i) {
                    const glm::dvec2 a = ring[i], b = ring[i + 1];
                    const int steps = std::max(1, int(std::ceil(glm::length(b - a) / kAreaEdgeDeg)));
                    for (int s = 0; s < steps; ++s) {
                        const glm::dvec2 p = a + (b - a) * (double(s) / steps),
                                         q = a + (b - a) * (double(s + 1) / steps);
                        const float lo = float(*f.floorM), hi = float(*f.ceilingM);
                        for (const auto& [pt, h] : {std::pair{p, lo}, {q, lo}, {p, hi}, {p, hi}, {q, lo}, {q, hi}})
                            vertices.push_back(areaVertex(batch.origin, pt, h, wall, f));
                    }
                }
        }
        if (vertices.empty()) continue;
        batch.count = static_cast<uint32_t>(vertices.size());
        batch.vertices = Buffer(context, BufferDomain::Device, VK_BUFFER_USAGE_VERTEX_BUFFER_BIT,
                                vertices.size() * sizeof(AreaVertex), vertices.data());
        _areas.push_back(std::move(batch));
    }

    // Lines: the line of contact and corridors, each with its feature's scenario mask.
    std::vector<std::vector<glm::dvec2>> contact, corridors;
    std::vector<uint32_t> contactMasks, corridorMasks;
    for (const geo::ScenarioFeature& f : set.features) {
        if (f.kind == geo::FeatureKind::ContactLine)
            contact.push_back(f.points), contactMasks.push_back(f.scenarioMask);
        if (f.kind == geo::FeatureKind::Corridor)
            corridors.push_back(f.points), corridorMasks.push_back(f.scenarioMask);
    }
    if (!contact.empty()) _contactLines = std::make_unique<LineLayer>(context, terrain, contact, &contactMasks);
    if (!corridors.empty()) _corridors = std::make_unique<LineLayer>(context, terrain, corridors, &corridorMasks);
    for (LineLayer* lines : {_contactLines.get(), _corridors.get()})
        if (lines) lines->setTheme(style.theme);
}

void ScenarioFeatures::drawAreas(VkCommandBuffer cmd, VkPipelineLayout layout, const View& view) const {
    for (const AreaBatch& a : _areas) {
        const VkBuffer vb = a.vertices.vk();
        const VkDeviceSize offset = 0;
        vkCmdBindVertexBuffers(cmd, 0, 1, &vb, &offset);
        const BatchPush push{glm::vec4(glm::vec3(a.origin - view.eye), 0.0f)};
        vkCmdPushConstants(cmd, layout, kPushStages, 0, sizeof(push), &push);
        vkCmdDraw(cmd, a.count, 1, 0, 0);
    }
}

void ScenarioFeatures::drawMarkers(VkCommandBuffer cmd, VkPipelineLayout layout, const View& view) const {
    if (!_instances) return;
    const VkBuffer buffers[2] = {_prismCorners.vk(), _instances.vk()};
    const VkDeviceSize offsets[2] = {0, 0};
    vkCmdBindVertexBuffers(cmd, 0, 2, buffers, offsets);
    vkCmdBindIndexBuffer(cmd, _prismIndices.vk(), 0, VK_INDEX_TYPE_UINT32);
    const BatchPush push{glm::vec4(glm::vec3(_markerOrigin - view.eye), 0.0f)};
    vkCmdPushConstants(cmd, layout, kPushStages, 0, sizeof(push), &push);
    for (const Shape& s : _shapes)
        if (s.instanceCount) vkCmdDrawIndexed(cmd, s.indexCount, s.instanceCount, s.firstIndex, 0, s.firstInstance);
}

void ScenarioFeatures::drawLines(VkCommandBuffer cmd, VkPipelineLayout layout, const View& view, double exaggeration,
                              float scale, bool contactLine) const {
    // Casings stay dark under any palette: they keep the line apart from the terrain.
    const auto style = [&](geo::FeatureKind kind, float width, glm::vec4 casing, float casingWidth) {
        return LineStyle{kindColor(kind, _style.palette), width * scale, casing, casingWidth * scale};
    };
    if (_corridors)
        _corridors->draw(cmd, layout, view, exaggeration,
                         style(geo::FeatureKind::Corridor, 3.0f, {0.02f, 0.15f, 0.30f, 1.0f}, 5.5f));
    if (_contactLines && contactLine)
        _contactLines->draw(cmd, layout, view, exaggeration,
                            style(geo::FeatureKind::ContactLine, 4.0f, {0.15f, 0.02f, 0.02f, 1.0f}, 7.0f));
}

} // namespace renderer
