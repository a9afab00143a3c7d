#pragma once
// A scenario set open for editing, without any window: its features, an undo stack of commands, the
// unsaved-changes mark, the planning rules re-checked after every edit, and saving back into the same
// GeoJSON or GeoPackage so that QGIS users and Bulwark users can share one file.
//
//     auto opened = ScenarioDocument::open("assets/scenarios/scenarios.json");
//     ScenarioDocument& doc = opened.value();
//     doc.enableRules(ukraineOutline);
//     doc.beginAction("Drag hub-gb-zhytomyr");          // a drag: many moves, one undo step
//     for (glm::dvec2 p : cursorPath) doc.apply(std::make_unique<MoveSite>(key, p));
//     doc.commitAction();
//     for (const DocumentViolation& v : doc.violations()) ...   // warnings to draw and list
//     doc.undo();
//     if (auto failed = doc.save()) show(failed->message());    // edits stay in memory
#include "geo/Result.h"
#include "geo/Scenario.h"
#include "geo/edit/EditCommands.h"
#include "geo/edit/FileStamp.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace geo {

//! A rule an edited feature breaks, with the key of the feature so the viewer can select it.
struct DocumentViolation {
    std::uint64_t key = 0;
    RuleViolation violation;
};

class ScenarioDocument {
public:
    //! Loads the manifest and its features file. Fails when the features file cannot be read at all;
    //! problems the loader found in single features are kept in loadProblems() (the analyst may be
    //! here to fix them).
    static Result<ScenarioDocument> open(const std::filesystem::path& manifest);
    ScenarioDocument(ScenarioDocument&&) noexcept;
    ScenarioDocument& operator=(ScenarioDocument&&) noexcept;
    ~ScenarioDocument();

    //! The set as it stands after the edits: what the renderer draws. Rebuilt lazily: the reference is
    //! valid until the next change (compare revision()).
    const ScenarioSet& set() const;
    //! The manifest's scenarios, in ladder order (edits do not change them).
    const std::vector<ScenarioInfo>& scenarios() const { return _header.scenarios; }
    const std::vector<EditableFeature>& features() const { return _features.all(); }
    const EditableFeature* feature(std::uint64_t key) const { return _features.get(key); }
    //! The key of the feature with this id, if there is one.
    std::optional<std::uint64_t> keyOf(const std::string& id) const;
    const std::vector<Problem>& loadProblems() const { return _loadProblems; }
    //! Grows by one with every change (edit, undo, redo, reload): the viewer rebuilds what it drew when it moves.
    std::uint64_t revision() const { return _revision; }

    //! Applies `command` as one undo step (or as part of the open action), clearing the redo steps. Returns
    //! the reason when the edit would make invalid data (whyInvalid) or cannot be made; nothing changes then.
    std::optional<std::string> apply(std::unique_ptr<EditCommand> command);

    //! A continuous action (a drag, a vertex being placed): every apply() until commitAction() joins one
    //! undo step, and consecutive changes of one feature are merged so 100 positions cost one before and after.
    void beginAction(std::string label);
    void commitAction(); //!< ends the action; an action that changed nothing leaves no step
    void cancelAction(); //!< undoes what the open action did and drops it (Esc during a drag)
    bool actionOpen() const { return _open != nullptr; }

    bool canUndo() const { return _index > 0; }
    bool canRedo() const { return _index < _steps.size(); }
    void undo();
    void redo();
    std::string undoLabel() const; //!< "Move hub-gb-zhytomyr"; "" when there is nothing to undo
    std::string redoLabel() const;
    size_t undoCount() const { return _index; }
    //! The most steps kept (at least 200); the oldest are dropped beyond it.
    void setUndoLimit(size_t steps);

    //! True when the features differ from the file as last loaded or saved (the undo position is not the saved one).
    bool modified() const;

    //! Writes the features back into the file they came from (write-then-rename): features not edited
    //! and every property Bulwark does not know are copied from the file as loaded, field for field;
    //! edited features change only in their edited fields. On failure (read-only folder, full disk) the
    //! old file is untouched, the edits stay, and the reason comes back.
    [[nodiscard]] std::optional<Failure> save();
    //! As save(), into another file of the same format (the document then edits that file).
    [[nodiscard]] std::optional<Failure> saveAs(const std::filesystem::path& featuresFile);

    //! True when the features file on disk is no longer what was loaded or saved (another program wrote it),
    //! so the viewer can ask "keep mine, or take theirs".
    bool changedOnDisk() const;
    //! "Keep mine": the file on disk is taken as known; the next save overwrites it.
    void keepMine();
    //! "Take theirs": loads the file again, dropping the edits and the undo steps.
    [[nodiscard]] std::optional<Failure> reload();

    //! Turns on the live planning rules (checkPlanningRules, plus required fields), checked now and then
    //! after every change, only for the features it touched (all sites when a line of contact moves).
    void enableRules(const std::vector<Polygon>& ukraine);
    //! Every rule broken now, in feature order.
    const std::vector<DocumentViolation>& violations() const;

private:
    ScenarioDocument();
    struct Step;
    struct Rules;
    std::optional<Failure> load(const std::filesystem::path& manifest);
    void changed(const std::vector<std::uint64_t>& touched);
    void pushStep(std::unique_ptr<Step> step);

    std::filesystem::path _manifest;
    ScenarioSet _header; //!< manifest, features file and scenarios of the loaded set (its features are in _features)
    FeatureList _features;
    std::vector<Problem> _loadProblems;

    std::vector<std::unique_ptr<Step>> _steps;
    size_t _index = 0;                     //!< steps [0, _index) are done
    std::optional<size_t> _cleanIndex = 0; //!< where the file matches; nothing when that step was dropped
    size_t _undoLimit = 1000;
    std::unique_ptr<Step> _open; //!< the action being made

    //! The file as loaded or last saved: its bytes (the source of untouched features and unknown
    //! properties on save), its stamp, and each of its features as Bulwark read it, by key.
    std::string _fileBytes;
    FileStamp _stamp;
    std::map<std::uint64_t, EditableFeature> _saved;

    std::uint64_t _revision = 0;
    mutable std::unique_ptr<ScenarioSet> _set; //!< rebuilt lazily from _header and _features
    std::unique_ptr<Rules> _rules;
};

} // namespace geo
