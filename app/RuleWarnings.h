#pragma once
// The planning rules the scenario document finds broken, as the viewer shows them while editing: which
// feature breaks which rule and where it is (the scene's "warnings" layer draws them: geo/edit/RuleWarnings.h).
#include "geo/Scenario.h"
#include "geo/edit/ScenarioDocument.h"

#include <glm/vec2.hpp>
#include <optional>
#include <string>
#include <vector>

namespace app {

struct RuleWarning {
    std::string featureId, name;
    std::string text;                       //!< what is wrong, as `bulwark validate` words it
    std::optional<glm::dvec2> at;           //!< the feature's place (its first point), to fly to
};

//! The document's violations, with the place of each feature in `set` (the set they were found in).
std::vector<RuleWarning> ruleWarnings(const std::vector<geo::DocumentViolation>& violations,
                                      const geo::ScenarioSet& set);

} // namespace app
