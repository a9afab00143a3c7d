#pragma once
// Edits on the scenarios the viewer shows, one undo step per user action (at least kMaxSteps kept).
// It stands in for the document model (branch `document`) until that lands: then this class becomes a
// thin adapter that forwards each edit to the document and reads back its set, its refusals and its
// undo stack, and the viewer above it does not change.
#include "app/ViewerCommand.h"
#include "geo/Scenario.h"

#include <cstdint>
#include <deque>
#include <string>

namespace app {

class ScenarioEdits {
public:
    static constexpr size_t kMaxSteps = 500;

    //! Edits `set` in place (the set the renderer draws).
    explicit ScenarioEdits(geo::ScenarioSet& set) : _set(set), _saved(set.features) {}

    //! Each applies one edit and returns nothing, or refuses it, changes nothing and says why.
    //! `scenario` is the index of the scenario shown: added sites join it and every later rung.
    std::string apply(const command::MoveSites& edit);
    std::string apply(const command::AddSite& edit, int scenario, std::string* addedId = nullptr);
    std::string apply(const command::DeleteFeatures& edit);
    std::string apply(const command::DuplicateFeatures& edit, std::vector<std::string>* addedIds = nullptr);
    std::string apply(const command::SetFeature& edit);

    bool undo();
    bool redo();
    bool canUndo() const { return !_undo.empty(); }
    bool canRedo() const { return !_redo.empty(); }
    //! Changed since loaded or saved.
    bool dirty() const { return _generation != _savedGeneration; }
    //! Grows on every change of the set (edit, undo, redo): the renderer and the rules follow it.
    std::uint64_t generation() const { return _generation; }
    //! Writes the features into their file (write-then-rename); nothing, or why it could not (then the
    //! file is untouched and the edits stay, unsaved).
    std::string save();
    //! The set was replaced from disk (reload, "take theirs"): no history, nothing unsaved.
    void reset();

    const geo::ScenarioSet& set() const { return _set; }

private:
    struct Step {
        std::vector<geo::ScenarioFeature> features; //!< before the step
        std::uint64_t generation = 0;
        int drag = 0;
    };
    void push(int drag = 0);
    void changed();
    geo::ScenarioFeature* find(const std::string& id);
    std::string uniqueId(const std::string& base) const;

    geo::ScenarioSet& _set;
    std::deque<Step> _undo, _redo;
    std::vector<geo::ScenarioFeature> _saved; //!< as the file holds them
    std::uint64_t _generation = 0, _savedGeneration = 0, _next = 1;
};

//! Why a feature as edited in the panel is not valid data, or nothing: a name, at least one nation
//! (ISO 3166-1 alpha-2), a source, personnel not negative, a floor under the ceiling, a SIDC that reads as one,
//! a place on the globe.
std::string featureProblem(const geo::ScenarioFeature& feature);

} // namespace app
