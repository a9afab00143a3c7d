#include "app/ScenarioEdits.h"

#include "geo/Countries.h"
#include "geo/LonLat.h"
#include "geo/ScenarioGeoJson.h"
#include "geo/Sidc.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace app {

namespace {

bool blank(const std::string& text) {
    return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c); });
}

//! The ids of the scenarios whose bits `mask` holds, in the manifest's order.
std::vector<std::string> scenarioIds(const geo::ScenarioSet& set, std::uint32_t mask) {
    std::vector<std::string> ids;
    for (size_t i = 0; i < set.scenarios.size(); ++i)
        if ((mask >> i) & 1u) ids.push_back(set.scenarios[i].id);
    return ids;
}

} // namespace

std::string featureProblem(const geo::ScenarioFeature& f) {
    if (blank(f.name)) return "a feature needs a name";
    if (f.nations.empty()) return "a feature needs at least one nation";
    const auto& known = geo::countryNames();
    for (const std::string& code : f.nations)
        if (!known.empty() ? !known.count(code) : code.size() != 2)
            return "'" + code + "' is not an ISO 3166-1 alpha-2 code";
    if (f.personnel && *f.personnel < 0) return "personnel cannot be negative";
    if (blank(f.source)) return "a feature needs a source (say 'illustrative' and why)";
    if (f.floorM && f.ceilingM && *f.floorM > *f.ceilingM) return "the floor is above the ceiling";
    if (!f.sidc.empty())
        if (const auto sidc = geo::parseSidc(f.sidc); !sidc)
            return "SIDC '" + f.sidc + "': " + sidc.failure().message();
    for (const glm::dvec2& p : f.points)
        if (!geo::isLonLat(p.x, p.y)) return "the point " + geo::offTheGlobe(p.x, p.y);
    return {};
}

geo::ScenarioFeature* ScenarioEdits::find(const std::string& id) {
    const auto it = std::find_if(_set.features.begin(), _set.features.end(),
                                 [&](const geo::ScenarioFeature& f) { return f.id == id; });
    return it == _set.features.end() ? nullptr : &*it;
}

std::string ScenarioEdits::uniqueId(const std::string& base) const {
    std::set<std::string> taken;
    for (const geo::ScenarioFeature& f : _set.features) taken.insert(f.id);
    for (int n = 1;; ++n)
        if (std::string id = base + "-" + std::to_string(n); !taken.count(id)) return id;
}

void ScenarioEdits::push(int drag) {
    _undo.push_back({_set.features, _generation, drag});
    if (_undo.size() > kMaxSteps) _undo.pop_front();
    _redo.clear();
}

void ScenarioEdits::changed() {
    _generation = _next++;
}

std::string ScenarioEdits::apply(const command::MoveSites& edit) {
    for (const auto& [id, to] : edit.to) {
        const geo::ScenarioFeature* f = find(id);
        if (!f) return "no feature '" + id + "'";
        if (!geo::isMarker(f->kind)) return "'" + f->name + "' is not a site: move its vertices instead";
        if (!geo::isLonLat(to.x, to.y) || to.x > 180.0) return "the point " + geo::offTheGlobe(to.x, to.y);
    }
    // The moves of one drag are one step: the first saves the state before it, the rest follow it.
    if (edit.drag == 0 || _undo.empty() || _undo.back().drag != edit.drag || !_redo.empty()) push(edit.drag);
    for (const auto& [id, to] : edit.to) find(id)->points = {to};
    changed();
    return {};
}

std::string ScenarioEdits::apply(const command::AddSite& edit, int scenario, std::string* addedId) {
    if (!geo::isMarker(edit.kind)) return std::string("a ") + geo::kindName(edit.kind) + " is drawn, not placed";
    if (!geo::isLonLat(edit.lonLat.x, edit.lonLat.y))
        return "the point " + geo::offTheGlobe(edit.lonLat.x, edit.lonLat.y);
    geo::ScenarioFeature f;
    f.kind = edit.kind;
    f.id = uniqueId(std::string(geo::kindName(edit.kind)) + "-new");
    std::string name = geo::kindName(edit.kind);
    std::replace(name.begin(), name.end(), '_', ' ');
    name[0] = char(std::toupper(static_cast<unsigned char>(name[0])));
    f.name = "New " + name;
    f.nations = {"UA"};
    f.status = geo::FeatureStatus::Illustrative;
    f.source = "Illustrative placement, added in the Bulwark workbench";
    f.points = {edit.lonLat};
    // The shown rung and every later one: each rung holds the one before.
    for (int i = std::max(scenario, 0); i < int(_set.scenarios.size()); ++i) f.scenarioMask |= 1u << i;
    f.scenarios = scenarioIds(_set, f.scenarioMask);
    push();
    if (addedId) *addedId = f.id;
    _set.features.push_back(std::move(f));
    changed();
    return {};
}

std::string ScenarioEdits::apply(const command::DeleteFeatures& edit) {
    for (const std::string& id : edit.ids)
        if (!find(id)) return "no feature '" + id + "'";
    if (edit.ids.empty()) return "nothing selected";
    push();
    std::erase_if(_set.features, [&](const geo::ScenarioFeature& f) {
        return std::find(edit.ids.begin(), edit.ids.end(), f.id) != edit.ids.end();
    });
    changed();
    return {};
}

std::string ScenarioEdits::apply(const command::DuplicateFeatures& edit, std::vector<std::string>* addedIds) {
    for (const std::string& id : edit.ids)
        if (!find(id)) return "no feature '" + id + "'";
    if (edit.ids.empty()) return "nothing selected";
    push();
    for (const std::string& id : edit.ids) {
        geo::ScenarioFeature copy = *find(id);
        copy.id = uniqueId(id + "-copy");
        copy.name += " (copy)";
        // A little to the north-east, so the copy is seen beside the original.
        for (glm::dvec2& p : copy.points) p += glm::dvec2(0.05, 0.05);
        for (geo::Polygon& polygon : copy.polygons)
            for (auto& ring : polygon.rings)
                for (glm::dvec2& p : ring) p += glm::dvec2(0.05, 0.05);
        if (addedIds) addedIds->push_back(copy.id);
        _set.features.push_back(std::move(copy));
    }
    changed();
    return {};
}

std::string ScenarioEdits::apply(const command::SetFeature& edit) {
    if (!find(edit.id)) return "no feature '" + edit.id + "'";
    geo::ScenarioFeature f = edit.feature;
    if (std::string problem = featureProblem(f); !problem.empty()) return problem;
    f.id = edit.id;
    f.scenarios = scenarioIds(_set, f.scenarioMask);
    push();
    *find(edit.id) = std::move(f);
    changed();
    return {};
}

bool ScenarioEdits::undo() {
    if (_undo.empty()) return false;
    Step step = std::move(_undo.back());
    _undo.pop_back();
    _redo.push_back({std::move(_set.features), _generation, 0});
    _set.features = std::move(step.features);
    _generation = step.generation;
    return true;
}

bool ScenarioEdits::redo() {
    if (_redo.empty()) return false;
    Step step = std::move(_redo.back());
    _redo.pop_back();
    _undo.push_back({std::move(_set.features), _generation, 0});
    _set.features = std::move(step.features);
    _generation = step.generation;
    return true;
}

void ScenarioEdits::reset() {
    _undo.clear();
    _redo.clear();
    changed();
    _saved = _set.features;
    _savedGeneration = _generation;
}

std::string ScenarioEdits::save() {
    const geo::Result<bool> saved = geo::saveScenarioFeatures(_set, _saved);
    if (!saved) return saved.failure().message();
    _saved = _set.features;
    _savedGeneration = _generation;
    return {};
}

} // namespace app
