#include "app/FeaturePicker.h"

#include "geo/Ellipsoid.h"
#include "geo/Picking.h"
#include "geo/SharedRules.h"
#include "geo/Spatial.h"
#include "renderer/SymbolLayer.h"

#include <algorithm>
#include <cmath>

namespace app {

namespace {
constexpr double kReachPixels = 14.0; //!< around the marker's foot
constexpr double kPrismPixels = 40.0; //!< and up its prism
} // namespace

std::optional<glm::dvec2> groundPixel(glm::dvec2 p, const geo::Terrain& terrain, const renderer::View& view,
                                      double exaggeration) {
    const double height = geo::raisedHeight(terrain.heightAt(p.x, p.y), exaggeration);
    const glm::dvec3 foot = geo::toEcef({p.x, p.y, height});
    if (glm::dot(view.eye - foot, geo::upAt(p.x, p.y)) <= 0.0) return std::nullopt; // beyond the horizon
    glm::dvec2 px;
    if (!view.project(foot, px)) return std::nullopt;
    return px;
}

const geo::ScenarioFeature* markerAt(const geo::ScenarioSet& set, int scenarioIndex, const geo::Terrain& terrain,
                                     const renderer::View& view, double exaggeration, glm::dvec2 cursor) {
    const geo::ScenarioFeature* best = nullptr;
    double bestDistance = 1e9;
    for (const geo::ScenarioFeature& f : set.features) {
        if (!geo::isMarker(f.kind) || f.points.empty() || scenarioIndex < 0 || !f.inScenario(size_t(scenarioIndex)))
            continue;
        const std::optional<glm::dvec2> foot = groundPixel(f.points[0], terrain, view, exaggeration);
        if (!foot) continue;
        const glm::dvec2 px = *foot;
        // Up the prism (screen y grows downward) counts as on it.
        const double dx = cursor.x - px.x, up = px.y - cursor.y;
        const double dy = up > 0 && up < kPrismPixels ? 0.0 : cursor.y - px.y;
        const double d = std::hypot(dx, dy);
        if (d < kReachPixels && d < bestDistance) best = &f, bestDistance = d;
    }
    return best;
}

const geo::ScenarioFeature* featureAt(const geo::ScenarioSet& set, int scenarioIndex, const geo::Terrain& terrain,
                                      const renderer::View& view, double exaggeration, glm::dvec2 cursor) {
    if (const geo::ScenarioFeature* marker = markerAt(set, scenarioIndex, terrain, view, exaggeration, cursor))
        return marker;
    const auto ground = geo::pickTerrain(terrain, view.eye, view.rayThrough(cursor.x, cursor.y), exaggeration);
    if (!ground || scenarioIndex < 0) return nullptr;
    const glm::dvec2 lonLat{ground->lon, ground->lat};
    // A few pixels on the ground, in metres, at the distance of the point under the cursor.
    const double reach = 6.0 * glm::length(geo::toEcef(*ground) - view.eye) / view.pixelsPerRadian;
    const geo::ScenarioFeature* best = nullptr;
    double bestArea = 1e300;
    for (const geo::ScenarioFeature& f : set.features) {
        if (!f.inScenario(size_t(scenarioIndex))) continue;
        if ((f.kind == geo::FeatureKind::ContactLine || f.kind == geo::FeatureKind::Corridor) &&
            geo::distanceToLine(lonLat, f.points) < reach)
            return &f;
        if (geo::isArea(f.kind) && geo::contains(f.polygons, lonLat)) {
            const double area = geo::areaDegrees(f.polygons); // the smallest holding area is the most specific
            if (area < bestArea) best = &f, bestArea = area;
        }
    }
    return best;
}

std::string describe(const geo::ScenarioFeature& f, const geo::ScenarioSet& set) {
    std::string nations;
    for (const std::string& n : f.nations) nations += (nations.empty() ? "" : ", ") + n;
    std::string text = f.name + "\n" + geo::kindName(f.kind) + " - " + nations +
                       (f.nations.size() > 1 ? " (lead " + f.lead() + ")" : "");
    if (f.personnel) text += "\nPersonnel: " + std::to_string(*f.personnel);
    if (f.floorM && f.ceilingM)
        text += "\nFrom " + std::to_string(int(*f.floorM)) + " m to " + std::to_string(int(*f.ceilingM)) + " m";
    text += "\nStatus: " + std::string(geo::statusName(f.status)) + "\nSource: " + f.source;
    std::string in;
    for (size_t i = 0; i < set.scenarios.size(); ++i)
        if (f.inScenario(i)) in += (in.empty() ? "" : ", ") + set.scenarios[i].name;
    return text + "\nIn: " + in;
}

std::optional<geo::CameraPose> clusterFlight(const renderer::Declutter& placed, const geo::SymbolScene& symbols,
                                             glm::dvec2 cursor, const geo::CameraPose& pose,
                                             const renderer::View& view, float strokeScale) {
    const renderer::PlacedBox* box = placed.at(float(cursor.x), float(cursor.y), renderer::BoxKind::Cluster);
    if (!box || box->cluster < 0 || size_t(box->cluster) >= symbols.clusters.size()) return std::nullopt;
    const geo::ClusterItem& cluster = symbols.clusters[size_t(box->cluster)];
    const double range = geo::splitDistance(cluster, view.pixelsPerRadian,
                                            renderer::SymbolLayer::separationPixels(strokeScale));
    geo::CameraPose to = pose;
    to.lon = cluster.lonLat.x;
    to.lat = cluster.lonLat.y;
    to.range = std::min(range, pose.range); // nearer already: the cluster splits once it is in the middle
    return to;
}

} // namespace app
