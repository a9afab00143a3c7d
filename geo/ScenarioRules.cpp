#include "geo/Scenario.h"
#include "geo/Spatial.h"

#include <cmath>

namespace geo {

namespace {

bool foreign(const ScenarioFeature& f) {
    for (const std::string& nation : f.nations)
        if (nation != "UA") return true;
    return false;
}

} // namespace

std::vector<Problem> checkPlanningRules(const ScenarioSet& set, const std::vector<Polygon>& ukraine) {
    std::vector<Problem> problems;
    const std::string file = set.featuresFile.string();
    auto report = [&](const ScenarioFeature& f, const std::string& field, const std::string& message) {
        problems.push_back({file, f.id, field, message});
    };
    // Both made ready once: every site is tested against the outline and measured to every line.
    const Region ukraineRegion(ukraine);
    const auto insideUkraine = [&](const ScenarioFeature& f) {
        return !f.points.empty() && ukraineRegion.contains(f.points.front());
    };
    std::vector<std::pair<const ScenarioFeature*, LineIndex>> contactLines;
    for (const ScenarioFeature& f : set.features)
        if (f.kind == FeatureKind::ContactLine && f.points.size() >= 2) contactLines.emplace_back(&f, f.points);

    // The source places British and French sites far from the contact zone.
    for (const ScenarioFeature& f : set.features) {
        const bool britishOrFrench = f.lead() == "GB" || f.lead() == "FR";
        const bool site =
            f.kind == FeatureKind::Hub || f.kind == FeatureKind::EquipmentSite || f.kind == FeatureKind::Force;
        if (!britishOrFrench || !site || !insideUkraine(f)) continue;
        for (const auto& [line, index] : contactLines)
            if (const auto near = index.nearestWithin(f.points.front(), kMinDistanceFromContactKm * 1000.0))
                report(f, "geometry",
                       std::to_string(int(std::round(near->distanceM / 1000.0))) + " km from the line of contact '" +
                           line->id + "'; British and French sites stay at least " +
                           std::to_string(int(kMinDistanceFromContactKm)) + " km from it");
    }

    // No foreign troops inside Ukraine in the first two rungs.
    for (const char* id : {"support-only", "ceasefire-monitoring"}) {
        const auto index = set.indexOf(id);
        if (!index) continue;
        for (const ScenarioFeature& f : set.features)
            if (f.inScenario(*index) && isMarker(f.kind) && foreign(f) && insideUkraine(f))
                report(f, "scenarios", std::string("puts foreign troops inside Ukraine in '") + id + "'");
    }

    // Each rung holds the one before, unless a feature says why not.
    for (size_t i = 0; i + 1 < set.scenarios.size(); ++i)
        for (const ScenarioFeature& f : set.features)
            if (f.inScenario(i) && !f.inScenario(i + 1) && f.whyNotLater.empty())
                report(f, "scenarios",
                       "in '" + set.scenarios[i].id + "' but not in '" + set.scenarios[i + 1].id +
                           "': add it there, or say why in why_not_later");

    for (const ScenarioFeature& f : set.features)
        if (f.status == FeatureStatus::Announced && f.source.rfind(kAnnouncedSourcePrefix, 0) != 0)
            report(f, "source",
                   std::string("an announced feature cites the report: start the source with '") +
                       kAnnouncedSourcePrefix + ": ...'");
    return problems;
}

} // namespace geo
