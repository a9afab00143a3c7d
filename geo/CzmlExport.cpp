// CZML for Cesium: a document packet, then one packet per feature with its geometry, style and description.
#include "geo/ScenarioExport.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace geo {

namespace {

using nlohmann::json;

json rgba(glm::vec4 c, float alpha) {
    const auto byte = [](float v) { return int(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f)); };
    return {{"rgba", {byte(c.r), byte(c.g), byte(c.b), byte(alpha)}}};
}

//! [lon, lat, height, lon, lat, height, ...]: Cesium's cartographicDegrees.
json degrees(const std::vector<glm::dvec2>& points, double height = 0) {
    json out = json::array();
    for (const glm::dvec2& p : points) out.insert(out.end(), {p.x, p.y, height});
    return out;
}

//! Cesium's polygon holds one outline and its holes; the first polygon of a feature goes in its own packet.
json polygonGraphics(const Polygon& polygon, const ScenarioFeature& f, glm::vec4 colour) {
    json graphics = {{"positions", {{"cartographicDegrees", degrees(polygon.rings.at(0))}}},
                     {"material", {{"solidColor", {{"color", rgba(colour, colour.a < 1 ? colour.a : 0.35f)}}}}},
                     {"outline", true},
                     {"outlineColor", rgba(colour, 1)}};
    if (polygon.rings.size() > 1) {
        json holes = json::array();
        for (size_t i = 1; i < polygon.rings.size(); ++i) holes.push_back(degrees(polygon.rings[i]));
        graphics["holes"] = {{"cartographicDegrees", holes}};
    }
    if (f.floorM && f.ceilingM) { // an air zone: a volume from its floor to its ceiling
        graphics["height"] = *f.floorM;
        graphics["extrudedHeight"] = *f.ceilingM;
    } else {
        graphics["heightReference"] = "CLAMP_TO_GROUND";
    }
    return graphics;
}

json packetOf(const ScenarioFeature& f, const ScenarioInfo& info, glm::vec4 colour) {
    json packet = {{"id", f.id}, {"name", f.name}, {"description", featureDescription(f, info)}};
    packet["properties"] = {{"kind", kindName(f.kind)}, {"nations", f.nations},     {"status", statusName(f.status)},
                            {"source", f.source},       {"scenarios", f.scenarios}, {"style", styleName(f)}};
    if (f.personnel) packet["properties"]["personnel"] = *f.personnel;
    if (isMarker(f.kind) && !f.points.empty()) {
        packet["position"] = {{"cartographicDegrees", {f.points[0].x, f.points[0].y, 0.0}}};
        packet["point"] = {{"color", rgba(colour, 1)},
                           {"pixelSize", 12},
                           {"outlineColor", rgba({1, 1, 1, 1}, 1)},
                           {"outlineWidth", 2},
                           {"heightReference", "CLAMP_TO_GROUND"}};
        packet["label"] = {{"text", f.name},
                           {"font", "13px sans-serif"},
                           {"fillColor", rgba({1, 1, 1, 1}, 1)},
                           {"pixelOffset", {{"cartesian2", {0, -18}}}},
                           {"heightReference", "CLAMP_TO_GROUND"}};
    } else if (!f.polygons.empty()) {
        packet["polygon"] = polygonGraphics(f.polygons[0], f, colour);
    } else {
        packet["polyline"] = {{"positions", {{"cartographicDegrees", degrees(f.points)}}},
                              {"material", {{"solidColor", {{"color", rgba(colour, 1)}}}}},
                              {"width", 3},
                              {"clampToGround", true}};
    }
    return packet;
}

} // namespace

std::string scenarioCzml(const ScenarioSet& set, size_t scenario, const FeatureColour& colour) {
    const ScenarioInfo& info = set.scenarios.at(scenario);
    json doc = json::array();
    doc.push_back({{"id", "document"},
                   {"name", info.name + " (illustrative planning, not fact)"},
                   {"version", "1.0"},
                   {"description", info.description}});
    for (const ScenarioFeature& f : set.features) {
        if (!f.inScenario(scenario)) continue;
        const glm::vec4 c = colour(f);
        doc.push_back(packetOf(f, info, c));
        // A feature of several polygons: the others follow as children of its packet (Cesium shows one
        // polygon a packet), so selecting the feature still names it once.
        for (size_t i = 1; i < f.polygons.size(); ++i)
            doc.push_back({{"id", f.id + "#" + std::to_string(i + 1)},
                           {"parent", f.id},
                           {"name", f.name},
                           {"polygon", polygonGraphics(f.polygons[i], f, c)}});
    }
    return doc.dump(1) + "\n";
}

} // namespace geo
