#include "app/FeaturePicker.h"

#include "geo/Ellipsoid.h"

#include <algorithm>

namespace app {

namespace {
constexpr double kReachPixels = 14.0; //!< around the marker's foot
constexpr double kPrismPixels = 40.0; //!< and up its prism
} // namespace

const geo::ScenarioFeature* markerAt(const geo::ScenarioSet& set, int scenarioIndex, const geo::Terrain& terrain,
                                     const renderer::View& view, double exaggeration, glm::dvec2 cursor) {
    const geo::ScenarioFeature* best = nullptr;
    double bestDistance = 1e9;
    for (const geo::ScenarioFeature& f : set.features) {
        if (!geo::isMarker(f.kind) || f.points.empty() || scenarioIndex < 0 || !f.inScenario(size_t(scenarioIndex)))
            continue;
        const glm::dvec2 p = f.points[0];
        const double height = std::max(terrain.heightAt(p.x, p.y), 0.0f) * exaggeration;
        const glm::dvec3 foot = geo::toEcef({p.x, p.y, height});
        if (glm::dot(view.eye - foot, geo::upAt(p.x, p.y)) <= 0.0) continue; // beyond the horizon
        glm::dvec2 px;
        if (!view.project(foot, px)) continue;
        // Up the prism (screen y grows downward) counts as on it.
        const double dx = cursor.x - px.x, up = px.y - cursor.y;
        const double dy = up > 0 && up < kPrismPixels ? 0.0 : cursor.y - px.y;
        const double d = std::hypot(dx, dy);
        if (d < kReachPixels && d < bestDistance) best = &f, bestDistance = d;
    }
    return best;
}

std::string describe(const geo::ScenarioFeature& f, const geo::ScenarioSet& set) {
    std::string nations;
    for (const std::string& n : f.nations) nations += (nations.empty() ? "" : ", ") + n;
    std::string text = f.name + "\n" + geo::kindName(f.kind) + " - " + nations +
                       (f.nations.size() > 1 ? " (lead " + f.lead() + ")" : "");
    if (f.personnel) text += "\nPersonnel: " + std::to_string(*f.personnel);
    text += "\nStatus: " + std::string(geo::statusName(f.status)) + "\nSource: " + f.source;
    std::string in;
    for (size_t i = 0; i < set.scenarios.size(); ++i)
        if (f.inScenario(i)) in += (in.empty() ? "" : ", ") + set.scenarios[i].name;
    return text + "\nIn: " + in;
}

} // namespace app
