#include "app/RuleWarnings.h"

#include "geo/LineIndex.h"

#include <map>

namespace app {

std::vector<RuleWarning> ruleWarnings(const geo::ScenarioSet& set, const std::vector<geo::Polygon>& ukraine) {
    std::map<std::string, const geo::ScenarioFeature*> byId;
    std::vector<geo::LineIndex> contactLines;
    for (const geo::ScenarioFeature& f : set.features) {
        byId[f.id] = &f;
        if (f.kind == geo::FeatureKind::ContactLine && f.points.size() >= 2) contactLines.emplace_back(f.points);
    }
    std::vector<RuleWarning> warnings;
    for (const geo::Problem& problem : geo::checkPlanningRules(set, ukraine)) {
        RuleWarning w;
        w.featureId = problem.featureId;
        w.text = problem.field + ": " + problem.message;
        const auto found = byId.find(problem.featureId);
        if (found != byId.end()) {
            const geo::ScenarioFeature& f = *found->second;
            w.name = f.name;
            if (!f.points.empty())
                w.at = f.points.front();
            else if (!f.polygons.empty() && !f.polygons.front().rings.empty() &&
                     !f.polygons.front().rings.front().empty())
                w.at = f.polygons.front().rings.front().front();
            if (problem.field == "geometry" && w.at) // the distance rule: the nearest line of contact
                for (const geo::LineIndex& line : contactLines)
                    if (const auto near = line.nearest(*w.at);
                        near && (!w.contactPoint || near->distanceM / 1000.0 < w.distanceKm)) {
                        w.contactPoint = near->nearest;
                        w.distanceKm = near->distanceM / 1000.0;
                    }
        }
        warnings.push_back(std::move(w));
    }
    return warnings;
}

} // namespace app
