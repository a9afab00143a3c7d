#pragma once
// The viewer's edits on the scenarios it shows, carried out by the scenario document (geo/edit): one undo
// step per user action (a drag's moves together), refusals with their reason, the unsaved mark, saving
// into the same GeoJSON or GeoPackage, and the planning rules re-checked after every change. The viewer
// draws and picks from its own copy of the set, which this keeps equal to the document's.
#include "app/RuleWarnings.h"
#include "app/ViewerCommand.h"
#include "geo/Scenario.h"

#include <cstdint>
#include <memory>
#include <string>

namespace geo {
class ScenarioDocument;
struct RuleWarning;
}

namespace app {

class ScenarioEdits {
public:
    //! Opens the document of `shown` (its manifest), with the rules checked against `ukraine`; `shown`
    //! follows the document from then on. Without scenario files every edit is refused, saying why.
    ScenarioEdits(geo::ScenarioSet& shown, const std::vector<geo::Polygon>& ukraine);
    ~ScenarioEdits();

    //! Each applies one edit and returns nothing, or refuses it, changes nothing and says why.
    //! `scenario` is the index of the scenario shown: added sites join it and every later rung.
    std::string apply(const command::MoveSites& edit);
    std::string apply(const command::AddSite& edit, int scenario, std::string* addedId = nullptr);
    std::string apply(const command::DeleteFeatures& edit);
    std::string apply(const command::DuplicateFeatures& edit, std::vector<std::string>* addedIds = nullptr);
    std::string apply(const command::SetFeature& edit);
    //! A drawn line or polygon, added like a site from the palette (to the shown rung and every later one).
    std::string apply(const command::AddShape& edit, int scenario, std::string* addedId = nullptr);
    std::string apply(const command::EditVertex& edit);

    bool undo();
    bool redo();
    bool canUndo() const;
    bool canRedo() const;
    //! Changed since loaded or saved.
    bool dirty() const;
    //! Grows on every change of the set (edit, undo, redo, reload): the renderer and the rules follow it.
    std::uint64_t generation() const;
    //! Writes the features into their file (write-then-rename); nothing, or why it could not (then the
    //! file is untouched and the edits stay, unsaved).
    std::string save();
    //! The file was saved by another program and taken ("take theirs", or a reload with nothing unsaved):
    //! the document reads it again, without history.
    void reset();
    //! "Keep mine": the file another program saved is taken as known; the next save writes over it.
    void keepMine();

    //! The planning rules broken now, from the document's live rules.
    std::vector<RuleWarning> warnings() const;
    //! The same, as the scene's "warnings" layer draws them (the site, the geodesic to the line, its length).
    std::vector<geo::RuleWarning> sceneWarnings() const;
    const geo::ScenarioSet& set() const { return _set; }

private:
    void endDrag();
    //! Opens or closes the action of drag `drag` (MoveSites::drag); true when the command carries nothing more.
    bool followDrag(int drag, bool dragEnded);
    //! A new feature of `kind` with the defaults of the palette, in rung `scenario` and every later one.
    geo::EditableFeature newFeature(geo::FeatureKind kind, int scenario) const;
    std::string add(geo::EditableFeature added, std::string* addedId);
    void sync();
    std::string uniqueId(const std::string& base) const;

    geo::ScenarioSet& _set;
    std::unique_ptr<geo::ScenarioDocument> _doc;
    std::string _unavailable; //!< why there is no document
    int _drag = 0;            //!< the drag whose action is open
    std::uint64_t _synced = 0;
};

} // namespace app
