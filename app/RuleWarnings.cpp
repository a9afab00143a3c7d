#include "app/RuleWarnings.h"

#include <map>

namespace app {

std::vector<RuleWarning> ruleWarnings(const std::vector<geo::DocumentViolation>& violations,
                                      const geo::ScenarioSet& set) {
    std::map<std::string, const geo::ScenarioFeature*> byId;
    for (const geo::ScenarioFeature& f : set.features) byId[f.id] = &f;
    std::vector<RuleWarning> warnings;
    for (const geo::DocumentViolation& v : violations) {
        const geo::Problem& problem = v.violation.problem;
        RuleWarning w;
        w.featureId = problem.featureId;
        w.text = problem.field + ": " + problem.message;
        if (const auto found = byId.find(problem.featureId); found != byId.end()) {
            const geo::ScenarioFeature& f = *found->second;
            w.name = f.name;
            if (!f.points.empty())
                w.at = f.points.front();
            else if (!f.polygons.empty() && !f.polygons.front().rings.empty() &&
                     !f.polygons.front().rings.front().empty())
                w.at = f.polygons.front().rings.front().front();
        }
        warnings.push_back(std::move(w));
    }
    return warnings;
}

} // namespace app
