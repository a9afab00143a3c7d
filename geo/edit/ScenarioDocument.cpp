#include "geo/edit/ScenarioDocument.h"

#include "geo/InputPath.h"
#include "geo/OutputFile.h"
#include "geo/edit/ScenarioFile.h"

#include <algorithm>
#include <limits>
#include <set>

namespace geo {

namespace fs = std::filesystem;

//! One undo step: the commands of one user action, undone in reverse.
struct ScenarioDocument::Step {
    std::string label;
    std::vector<std::unique_ptr<EditCommand>> commands;

    std::vector<std::uint64_t> touched() const {
        std::vector<std::uint64_t> keys;
        for (const auto& c : commands)
            for (std::uint64_t k : c->touched()) keys.push_back(k);
        return keys;
    }
};

//! The live planning rules: what each feature breaks, re-checked for the features an edit touched.
struct ScenarioDocument::Rules {
    explicit Rules(const std::vector<Polygon>& ukraine) : rules(ukraine) {}
    PlanningRules rules;
    std::map<std::uint64_t, std::vector<RuleViolation>> byKey;
    std::set<std::uint64_t> contactLines; //!< keys of the lines of contact the distances were measured to
    std::vector<DocumentViolation> all;   //!< in feature order; rebuilt after each change
};

ScenarioDocument::ScenarioDocument() = default;
ScenarioDocument::ScenarioDocument(ScenarioDocument&&) noexcept = default;
ScenarioDocument& ScenarioDocument::operator=(ScenarioDocument&&) noexcept = default;
ScenarioDocument::~ScenarioDocument() = default;

Result<ScenarioDocument> ScenarioDocument::open(const fs::path& manifest) {
    ScenarioDocument doc;
    if (auto failed = doc.load(manifest)) return *failed;
    return doc;
}

std::optional<Failure> ScenarioDocument::load(const fs::path& manifest) {
    ScenarioLoad loaded = loadScenarios(manifest);
    if (loaded.set.features.empty()) {
        for (const Problem& p : loaded.problems)
            if (p.featureId.empty()) return Failure{p.file, p.field.empty() ? p.message : p.field + ": " + p.message};
        return Failure{manifest.string(), "has no features to edit"};
    }
    const fs::path file = loaded.set.featuresFile;
    auto bytes = readInputFile(file, std::numeric_limits<std::size_t>::max());
    if (!bytes) return bytes.failure();

    _manifest = manifest;
    _loadProblems = std::move(loaded.problems);
    _header = std::move(loaded.set);
    _features = FeatureList();
    _saved.clear();
    for (ScenarioFeature& f : _header.features) {
        EditableFeature e{_features.newKey(), std::move(f), std::nullopt};
        _saved[e.key] = e;
        _features.insert(_features.all().size(), std::move(e));
    }
    _header.features.clear();
    _fileBytes = std::move(bytes.value());
    _stamp = FileStamp::of(file, _fileBytes);
    _steps.clear();
    _index = 0;
    _cleanIndex = 0;
    _open.reset();
    if (_rules) _rules->contactLines.clear(), _rules->byKey.clear();
    std::vector<std::uint64_t> all;
    for (const EditableFeature& f : _features.all()) all.push_back(f.key);
    changed(all);
    return std::nullopt;
}

const ScenarioSet& ScenarioDocument::set() const {
    if (!_set) {
        _set = std::make_unique<ScenarioSet>(_header);
        for (const EditableFeature& f : _features.all()) _set->features.push_back(f.feature);
    }
    return *_set;
}

std::optional<std::uint64_t> ScenarioDocument::keyOf(const std::string& id) const {
    for (const EditableFeature& f : _features.all())
        if (f.feature.id == id) return f.key;
    return std::nullopt;
}

std::optional<std::string> ScenarioDocument::apply(std::unique_ptr<EditCommand> command) {
    if (!command) return "no edit";
    if (auto why = command->apply(_features)) return why;
    for (std::uint64_t key : command->toCheck()) {
        const EditableFeature* f = _features.get(key);
        if (!f) continue;
        std::optional<std::string> why = whyInvalid(f->feature);
        for (const EditableFeature& other : _features.all())
            if (!why && other.key != key && other.feature.id == f->feature.id)
                why = "the id '" + f->feature.id + "' is taken by another feature";
        if (why) {
            command->undo(_features);
            return why;
        }
    }
    const std::vector<std::uint64_t> touched = command->touched();
    if (_open) {
        if (_open->commands.empty() || !_open->commands.back()->absorb(*command))
            _open->commands.push_back(std::move(command));
    } else {
        auto step = std::make_unique<Step>();
        step->label = command->label();
        step->commands.push_back(std::move(command));
        pushStep(std::move(step));
    }
    changed(touched);
    return std::nullopt;
}

void ScenarioDocument::pushStep(std::unique_ptr<Step> step) {
    _steps.erase(_steps.begin() + std::ptrdiff_t(_index), _steps.end()); // a new edit clears the redo steps
    if (_cleanIndex && *_cleanIndex > _index) _cleanIndex.reset();
    _steps.push_back(std::move(step));
    ++_index;
    while (_steps.size() > _undoLimit) {
        _steps.erase(_steps.begin());
        --_index;
        if (_cleanIndex) _cleanIndex = *_cleanIndex == 0 ? std::nullopt : std::optional(*_cleanIndex - 1);
    }
}

void ScenarioDocument::beginAction(std::string label) {
    if (_open) commitAction();
    _open = std::make_unique<Step>();
    _open->label = std::move(label);
}

void ScenarioDocument::commitAction() {
    if (!_open) return;
    std::unique_ptr<Step> step = std::move(_open);
    if (!step->commands.empty()) pushStep(std::move(step));
    ++_revision; // modified() may have changed
}

void ScenarioDocument::cancelAction() {
    if (!_open) return;
    std::unique_ptr<Step> step = std::move(_open);
    for (auto c = step->commands.rbegin(); c != step->commands.rend(); ++c) (*c)->undo(_features);
    changed(step->touched());
}

void ScenarioDocument::undo() {
    commitAction();
    if (!canUndo()) return;
    const Step& step = *_steps[--_index];
    for (auto c = step.commands.rbegin(); c != step.commands.rend(); ++c) (*c)->undo(_features);
    changed(step.touched());
}

void ScenarioDocument::redo() {
    commitAction();
    if (!canRedo()) return;
    const Step& step = *_steps[_index++];
    for (const auto& c : step.commands) c->redo(_features);
    changed(step.touched());
}

std::string ScenarioDocument::undoLabel() const {
    return canUndo() ? _steps[_index - 1]->label : std::string();
}

std::string ScenarioDocument::redoLabel() const {
    return canRedo() ? _steps[_index]->label : std::string();
}

void ScenarioDocument::setUndoLimit(size_t steps) {
    _undoLimit = std::max<size_t>(steps, 200);
}

bool ScenarioDocument::modified() const {
    return _cleanIndex != _index || (_open && !_open->commands.empty());
}

std::optional<Failure> ScenarioDocument::save() {
    return saveAs(_header.featuresFile);
}

std::optional<Failure> ScenarioDocument::saveAs(const fs::path& target) {
    commitAction();
    if (target.extension() != _header.featuresFile.extension())
        return Failure{target.string(), "must keep the format of " + _header.featuresFile.filename().string()};
    auto rewritten = rewriteFeatures(_header.featuresFile, _fileBytes, _features.all(), _saved);
    if (!rewritten) return rewritten.failure();
    try {
        writeOutputFile(target, rewritten.value().bytes);
    } catch (const OutputError& e) {
        return e.failure;
    }
    _header.featuresFile = target;
    _fileBytes = std::move(rewritten.value().bytes);
    _stamp = FileStamp::of(target, _fileBytes);
    _saved.clear();
    for (const EditableFeature& f : _features.all()) {
        EditableFeature saved = f;
        saved.feature.fid = rewritten.value().fids.at(f.key);
        saved.copiedFrom.reset();
        _saved[f.key] = std::move(saved);
    }
    _cleanIndex = _index;
    ++_revision;
    return std::nullopt;
}

bool ScenarioDocument::changedOnDisk() const {
    return _stamp.differsFrom(_header.featuresFile);
}

void ScenarioDocument::keepMine() {
    const auto bytes = readInputFile(_header.featuresFile, std::numeric_limits<std::size_t>::max());
    _stamp = bytes ? FileStamp::of(_header.featuresFile, bytes.value()) : FileStamp{};
}

std::optional<Failure> ScenarioDocument::reload() {
    return load(_manifest);
}

void ScenarioDocument::enableRules(const std::vector<Polygon>& ukraine) {
    _rules = std::make_unique<Rules>(ukraine);
    std::vector<std::uint64_t> all;
    for (const EditableFeature& f : _features.all()) all.push_back(f.key);
    changed(all);
}

const std::vector<DocumentViolation>& ScenarioDocument::violations() const {
    static const std::vector<DocumentViolation> none;
    return _rules ? _rules->all : none;
}

void ScenarioDocument::changed(const std::vector<std::uint64_t>& touched) {
    ++_revision;
    _set.reset();
    if (!_rules) return;
    Rules& r = *_rules;
    // A line of contact moved, came or went: every site is measured again.
    bool contactChanged = r.contactLines.empty() && r.byKey.empty();
    for (std::uint64_t key : touched) {
        const EditableFeature* f = _features.get(key);
        if (r.contactLines.count(key) || (f && f->feature.kind == FeatureKind::ContactLine)) contactChanged = true;
    }
    std::vector<std::uint64_t> recheck = touched;
    if (contactChanged) {
        std::vector<ScenarioFeature> lines;
        r.contactLines.clear();
        for (const EditableFeature& f : _features.all())
            if (f.feature.kind == FeatureKind::ContactLine) {
                lines.push_back(f.feature);
                r.contactLines.insert(f.key);
            }
        r.rules.setContactLines(lines);
        r.byKey.clear();
        recheck.clear();
        for (const EditableFeature& f : _features.all()) recheck.push_back(f.key);
    }
    for (std::uint64_t key : recheck) {
        const EditableFeature* f = _features.get(key);
        if (!f) {
            r.byKey.erase(key);
            continue;
        }
        std::vector<RuleViolation> found = r.rules.check(_header, f->feature);
        if (found.empty())
            r.byKey.erase(key);
        else
            r.byKey[key] = std::move(found);
    }
    r.all.clear();
    for (const EditableFeature& f : _features.all())
        if (const auto v = r.byKey.find(f.key); v != r.byKey.end())
            for (const RuleViolation& violation : v->second) r.all.push_back({f.key, violation});
}

} // namespace geo
