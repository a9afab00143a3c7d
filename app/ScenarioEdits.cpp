#include "app/ScenarioEdits.h"

#include "geo/edit/EditCommands.h"
#include "geo/edit/RuleWarnings.h"
#include "geo/edit/ScenarioDocument.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace app {

namespace {

std::string joined(const std::vector<std::string>& items) {
    std::string text;
    for (const std::string& item : items) text += (text.empty() ? "" : ", ") + item;
    return text;
}

} // namespace

ScenarioEdits::ScenarioEdits(geo::ScenarioSet& shown, const std::vector<geo::Polygon>& ukraine) : _set(shown) {
    if (shown.manifest.empty()) {
        _unavailable = "there are no scenario files to edit";
        return;
    }
    geo::Result<geo::ScenarioDocument> opened = geo::ScenarioDocument::open(shown.manifest);
    if (!opened) {
        _unavailable = opened.failure().message();
        return;
    }
    _doc = std::make_unique<geo::ScenarioDocument>(std::move(opened).value());
    _doc->enableRules(ukraine);
    _synced = _doc->revision(); // the viewer's set was read from the same file
}

ScenarioEdits::~ScenarioEdits() = default;

void ScenarioEdits::sync() {
    if (!_doc || _doc->revision() == _synced) return;
    _set.features = _doc->set().features;
    _synced = _doc->revision();
}

void ScenarioEdits::endDrag() {
    if (_drag != 0 && _doc) _doc->commitAction();
    _drag = 0;
}

bool ScenarioEdits::followDrag(int drag, bool dragEnded) {
    // The moves of one drag are one step: its first move opens the action, the drag's end closes it.
    if (drag != _drag) endDrag();
    if (dragEnded) {
        endDrag();
        return true;
    }
    if (drag != 0 && _drag == 0) {
        _doc->beginAction("Drag");
        _drag = drag;
    }
    return false;
}

std::string ScenarioEdits::uniqueId(const std::string& base) const {
    std::set<std::string> taken;
    for (const geo::ScenarioFeature& f : _set.features) taken.insert(f.id);
    for (int n = 1;; ++n)
        if (std::string id = base + "-" + std::to_string(n); !taken.count(id)) return id;
}

std::string ScenarioEdits::apply(const command::MoveSites& edit) {
    if (!_doc) return _unavailable;
    if (followDrag(edit.drag, edit.dragEnded)) return {};
    std::string refusal;
    for (const auto& [id, to] : edit.to) {
        const auto key = _doc->keyOf(id);
        if (!key)
            refusal = "no feature '" + id + "'";
        else if (auto why = _doc->apply(std::make_unique<geo::MoveSite>(*key, to)))
            refusal = *why;
        if (!refusal.empty()) break;
    }
    sync();
    return refusal;
}

geo::EditableFeature ScenarioEdits::newFeature(geo::FeatureKind kind, int scenario) const {
    geo::EditableFeature added;
    geo::ScenarioFeature& f = added.feature;
    f.kind = kind;
    f.id = uniqueId(std::string(geo::kindName(kind)) + "-new");
    std::string name = geo::kindName(kind);
    std::replace(name.begin(), name.end(), '_', ' ');
    name[0] = char(std::toupper(static_cast<unsigned char>(name[0])));
    f.name = "New " + name;
    f.nations = {"UA"};
    f.status = geo::FeatureStatus::Illustrative;
    f.source = "Illustrative placement, added in the Bulwark workbench";
    // The shown rung and every later one: each rung holds the one before.
    for (int i = std::max(scenario, 0); i < int(_set.scenarios.size()); ++i) {
        f.scenarioMask |= 1u << i;
        f.scenarios.push_back(_set.scenarios[size_t(i)].id);
    }
    return added;
}

std::string ScenarioEdits::add(geo::EditableFeature added, std::string* addedId) {
    const std::string id = added.feature.id;
    if (auto why = _doc->apply(std::make_unique<geo::AddFeature>(std::move(added)))) return *why;
    if (addedId) *addedId = id;
    sync();
    return {};
}

std::string ScenarioEdits::apply(const command::AddSite& edit, int scenario, std::string* addedId) {
    if (!_doc) return _unavailable;
    endDrag();
    geo::EditableFeature added = newFeature(edit.kind, scenario);
    added.feature.points = {edit.lonLat};
    return add(std::move(added), addedId);
}

std::string ScenarioEdits::apply(const command::AddShape& edit, int scenario, std::string* addedId) {
    if (!_doc) return _unavailable;
    endDrag();
    geo::EditableFeature added = newFeature(edit.kind, scenario);
    if (geo::isArea(edit.kind)) {
        geo::Ring ring = edit.points;
        if (!ring.empty() && ring.front() != ring.back()) ring.push_back(ring.front());
        added.feature.polygons = {geo::Polygon{{std::move(ring)}}};
    } else {
        added.feature.points = edit.points;
    }
    return add(std::move(added), addedId); // a polygon that crosses itself is refused here, with the reason
}

std::string ScenarioEdits::apply(const command::EditVertex& edit) {
    if (!_doc) return _unavailable;
    if (followDrag(edit.drag, edit.dragEnded)) return {};
    const auto key = _doc->keyOf(edit.id);
    if (!key) return "no feature '" + edit.id + "'";
    std::unique_ptr<geo::EditCommand> change;
    switch (edit.op) {
    case command::EditVertex::Op::Move: change = std::make_unique<geo::MoveVertex>(*key, edit.at, edit.lonLat); break;
    case command::EditVertex::Op::Insert:
        change = std::make_unique<geo::InsertVertex>(*key, edit.at, edit.lonLat);
        break;
    case command::EditVertex::Op::Delete: change = std::make_unique<geo::DeleteVertex>(*key, edit.at); break;
    }
    std::optional<std::string> why = _doc->apply(std::move(change));
    sync();
    return why.value_or(std::string());
}

std::string ScenarioEdits::apply(const command::DeleteFeatures& edit) {
    if (!_doc) return _unavailable;
    endDrag();
    if (edit.ids.empty()) return "nothing selected";
    _doc->beginAction("Delete");
    for (const std::string& id : edit.ids) {
        const auto key = _doc->keyOf(id);
        std::optional<std::string> why =
            key ? _doc->apply(std::make_unique<geo::DeleteFeature>(*key)) : std::optional("no feature '" + id + "'");
        if (why) {
            _doc->cancelAction();
            return *why;
        }
    }
    _doc->commitAction();
    sync();
    return {};
}

std::string ScenarioEdits::apply(const command::DuplicateFeatures& edit, std::vector<std::string>* addedIds) {
    if (!_doc) return _unavailable;
    endDrag();
    if (edit.ids.empty()) return "nothing selected";
    _doc->beginAction("Duplicate");
    std::vector<std::string> added;
    for (const std::string& id : edit.ids) {
        const auto key = _doc->keyOf(id);
        // A little to the north-east, so the copy is seen beside the original.
        auto copy = key ? std::make_unique<geo::DuplicateFeature>(*key, glm::dvec2(0.05, 0.05)) : nullptr;
        geo::DuplicateFeature* made = copy.get();
        std::optional<std::string> why = copy ? _doc->apply(std::move(copy)) : std::optional("no feature '" + id + "'");
        if (why) {
            _doc->cancelAction();
            sync();
            return *why;
        }
        if (const geo::EditableFeature* f = _doc->feature(made->key())) added.push_back(f->feature.id);
    }
    _doc->commitAction();
    sync();
    if (addedIds) *addedIds = added;
    return {};
}

std::string ScenarioEdits::apply(const command::SetFeature& edit) {
    if (!_doc) return _unavailable;
    endDrag();
    const auto key = _doc->keyOf(edit.id);
    if (!key) return "no feature '" + edit.id + "'";
    const geo::ScenarioFeature now = _doc->feature(*key)->feature;
    const geo::ScenarioFeature& want = edit.feature;
    // Every field the form changed, as one step: all of them or none.
    std::vector<std::unique_ptr<geo::EditCommand>> changes;
    const auto text = [&](geo::Attribute a, const std::string& before, const std::string& after) {
        if (before != after) changes.push_back(std::make_unique<geo::SetAttribute>(*key, a, after));
    };
    text(geo::Attribute::Name, now.name, want.name);
    text(geo::Attribute::Kind, geo::kindName(now.kind), geo::kindName(want.kind));
    text(geo::Attribute::Nations, joined(now.nations), joined(want.nations));
    text(geo::Attribute::Status, geo::statusName(now.status), geo::statusName(want.status));
    text(geo::Attribute::Source, now.source, want.source);
    text(geo::Attribute::WhyNotLater, now.whyNotLater, want.whyNotLater);
    text(geo::Attribute::Sidc, now.sidc, want.sidc);
    text(geo::Attribute::UniqueDesignation, now.amplifiers.uniqueDesignation, want.amplifiers.uniqueDesignation);
    text(geo::Attribute::HigherFormation, now.amplifiers.higherFormation, want.amplifiers.higherFormation);
    text(geo::Attribute::StaffComments, now.amplifiers.staffComments, want.amplifiers.staffComments);
    text(geo::Attribute::AdditionalInformation, now.amplifiers.additionalInformation,
         want.amplifiers.additionalInformation);
    const auto number = [&](geo::Attribute a, std::optional<double> before, std::optional<double> after) {
        if (before != after) changes.push_back(std::make_unique<geo::SetAttribute>(*key, a, after));
    };
    const auto asNumber = [](std::optional<std::int64_t> n) { return n ? std::optional(double(*n)) : std::nullopt; };
    number(geo::Attribute::Personnel, asNumber(now.personnel), asNumber(want.personnel));
    // An air zone raised above its old ceiling takes the new ceiling first, so that no step between has the
    // floor above the ceiling.
    const bool ceilingFirst = want.floorM && now.ceilingM && *want.floorM >= *now.ceilingM;
    if (ceilingFirst) number(geo::Attribute::CeilingM, now.ceilingM, want.ceilingM);
    number(geo::Attribute::FloorM, now.floorM, want.floorM);
    if (!ceilingFirst) number(geo::Attribute::CeilingM, now.ceilingM, want.ceilingM);
    for (size_t i = 0; i < _doc->scenarios().size(); ++i)
        if (now.inScenario(i) != want.inScenario(i))
            changes.push_back(std::make_unique<geo::SetMembership>(*key, _doc->scenarios(), i, want.inScenario(i)));
    if (changes.empty()) return {};
    _doc->beginAction("Edit " + edit.id);
    for (auto& change : changes)
        if (auto why = _doc->apply(std::move(change))) {
            _doc->cancelAction();
            sync();
            return *why;
        }
    _doc->commitAction();
    sync();
    return {};
}

bool ScenarioEdits::undo() {
    endDrag();
    if (!canUndo()) return false;
    _doc->undo();
    sync();
    return true;
}

bool ScenarioEdits::redo() {
    endDrag();
    if (!canRedo()) return false;
    _doc->redo();
    sync();
    return true;
}

bool ScenarioEdits::canUndo() const {
    return _doc && _doc->canUndo();
}
bool ScenarioEdits::canRedo() const {
    return _doc && _doc->canRedo();
}
bool ScenarioEdits::dirty() const {
    return _doc && _doc->modified();
}
std::uint64_t ScenarioEdits::generation() const {
    return _doc ? _doc->revision() : 0;
}

std::string ScenarioEdits::save() {
    if (!_doc) return _unavailable;
    endDrag();
    if (const std::optional<geo::Failure> failed = _doc->save()) return failed->message();
    sync();
    return {};
}

void ScenarioEdits::reset() {
    if (!_doc) return;
    _drag = 0;
    if (_doc->actionOpen()) _doc->cancelAction();
    if (const std::optional<geo::Failure> failed = _doc->reload()) _unavailable = failed->message(), _doc.reset();
    _synced = 0;
    sync();
}

void ScenarioEdits::keepMine() {
    if (_doc) _doc->keepMine();
}

std::vector<RuleWarning> ScenarioEdits::warnings() const {
    if (!_doc) return {};
    return ruleWarnings(_doc->violations(), _set);
}

std::vector<geo::RuleWarning> ScenarioEdits::sceneWarnings() const {
    if (!_doc) return {};
    return geo::ruleWarnings(*_doc);
}

} // namespace app
