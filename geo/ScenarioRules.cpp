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

void report(const ScenarioSet& set, const ScenarioFeature& f, const std::string& field, const std::string& message,
            std::vector<RuleViolation>& out) {
    out.push_back({Problem{set.featuresFile.string(), f.id, field, message}, std::nullopt, {}});
}

} // namespace

struct PlanningRules::State {
    explicit State(const std::vector<Polygon>& ukraine) : ukraine(ukraine) {}
    Region ukraine;                                         //!< made ready once: every site is tested against it
    std::vector<std::pair<std::string, LineIndex>> contact; //!< each line of contact by id, indexed once
};

PlanningRules::PlanningRules(const std::vector<Polygon>& ukraine) : _state(std::make_unique<State>(ukraine)) {}
PlanningRules::~PlanningRules() = default;
PlanningRules::PlanningRules(PlanningRules&&) noexcept = default;
PlanningRules& PlanningRules::operator=(PlanningRules&&) noexcept = default;

void PlanningRules::setContactLines(const std::vector<ScenarioFeature>& features) {
    _state->contact.clear();
    for (const ScenarioFeature& f : features)
        if (f.kind == FeatureKind::ContactLine && f.points.size() >= 2) _state->contact.emplace_back(f.id, f.points);
}

bool PlanningRules::insideUkraine(const ScenarioFeature& f) const {
    return isMarker(f.kind) && !f.points.empty() && _state->ukraine.contains(f.points.front());
}

// The source places British and French sites far from the contact zone.
void PlanningRules::checkDistance(const ScenarioSet& set, const ScenarioFeature& f,
                                  std::vector<RuleViolation>& out) const {
    const bool britishOrFrench = f.lead() == "GB" || f.lead() == "FR";
    const bool site =
        f.kind == FeatureKind::Hub || f.kind == FeatureKind::EquipmentSite || f.kind == FeatureKind::Force;
    if (!britishOrFrench || !site || !insideUkraine(f)) return;
    for (const auto& [lineId, index] : _state->contact)
        if (const auto near = index.nearestWithin(f.points.front(), kMinDistanceFromContactKm * 1000.0)) {
            report(set, f, "geometry",
                   std::to_string(int(std::round(near->distanceM / 1000.0))) + " km from the line of contact '" +
                       lineId + "'; British and French sites stay at least " +
                       std::to_string(int(kMinDistanceFromContactKm)) + " km from it",
                   out);
            out.back().contact = near;
            out.back().contactLineId = lineId;
        }
}

// No foreign troops inside Ukraine in the first two rungs.
void PlanningRules::checkLowerRungs(const ScenarioSet& set, const ScenarioFeature& f,
                                    std::vector<RuleViolation>& out) const {
    if (!foreign(f)) return;
    bool inside = false, tested = false;
    for (const char* id : {"support-only", "ceasefire-monitoring"}) {
        const auto index = set.indexOf(id);
        if (!index || !f.inScenario(*index)) continue;
        if (!tested) inside = insideUkraine(f), tested = true;
        if (inside) report(set, f, "scenarios", std::string("puts foreign troops inside Ukraine in '") + id + "'", out);
    }
}

// Each rung holds the one before, unless a feature says why not.
void PlanningRules::checkSuperset(const ScenarioSet& set, const ScenarioFeature& f,
                                  std::vector<RuleViolation>& out) const {
    for (size_t i = 0; i + 1 < set.scenarios.size(); ++i)
        if (f.inScenario(i) && !f.inScenario(i + 1) && f.whyNotLater.empty())
            report(set, f, "scenarios",
                   "in '" + set.scenarios[i].id + "' but not in '" + set.scenarios[i + 1].id +
                       "': add it there, or say why in why_not_later",
                   out);
}

void PlanningRules::checkSource(const ScenarioSet& set, const ScenarioFeature& f,
                                std::vector<RuleViolation>& out) const {
    if (f.status == FeatureStatus::Announced && f.source.rfind(kAnnouncedSourcePrefix, 0) != 0)
        report(set, f, "source",
               std::string("an announced feature cites the report: start the source with '") + kAnnouncedSourcePrefix +
                   ": ...'",
               out);
}

void PlanningRules::checkRequiredFields(const ScenarioSet& set, const ScenarioFeature& f,
                                        std::vector<RuleViolation>& out) const {
    if (f.nations.empty()) report(set, f, "nations", "missing: a list of ISO 3166-1 alpha-2 codes", out);
    if (f.source.empty()) report(set, f, "source", "missing: say where the feature comes from", out);
    if (f.scenarioMask == 0) report(set, f, "scenarios", "missing: the scenario ids it belongs to", out);
    if (f.kind == FeatureKind::AirZone && (!f.floorM || !f.ceilingM))
        report(set, f, f.floorM ? "ceiling_m" : "floor_m", "missing: an air zone needs floor_m and ceiling_m", out);
}

std::vector<RuleViolation> PlanningRules::check(const ScenarioSet& set, const ScenarioFeature& f) const {
    std::vector<RuleViolation> out;
    checkDistance(set, f, out);
    checkLowerRungs(set, f, out);
    checkSuperset(set, f, out);
    checkSource(set, f, out);
    checkRequiredFields(set, f, out);
    return out;
}

std::vector<Problem> checkPlanningRules(const ScenarioSet& set, const std::vector<Polygon>& ukraine) {
    PlanningRules rules(ukraine);
    rules.setContactLines(set.features);
    // Rule by rule, as `bulwark validate` has always listed them; the loader has reported missing fields.
    std::vector<RuleViolation> violations;
    for (const ScenarioFeature& f : set.features) rules.checkDistance(set, f, violations);
    for (const ScenarioFeature& f : set.features) rules.checkLowerRungs(set, f, violations);
    for (const ScenarioFeature& f : set.features) rules.checkSuperset(set, f, violations);
    for (const ScenarioFeature& f : set.features) rules.checkSource(set, f, violations);
    std::vector<Problem> problems;
    for (RuleViolation& v : violations) problems.push_back(std::move(v.problem));
    return problems;
}

} // namespace geo
