#pragma once
// Edit mode in the viewer (E, or the panel's button): click a site to select it, Shift-drag a box to
// select every site in it, drag a selected site over the terrain (it follows the ground under the
// cursor), place a new site from the palette, delete, duplicate, and edit a feature's attributes in the
// Edit window. It turns all of that into commands (ViewerCommand) and owns only the selection and the
// gesture under way; the viewer applies the commands to the scenarios, so each is one step of undo.
#include "app/DrawTool.h"
#include "app/RuleWarnings.h"
#include "app/ViewerCommand.h"
#include "app/ViewerInput.h"
#include "geo/Terrain.h"
#include "geo/Scenario.h"
#include "renderer/View.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace app {

//! What edit mode sees of the viewer this frame.
struct EditScene {
    const geo::ScenarioSet& set;
    const geo::Terrain& terrain;
    const renderer::View& view; //!< of the half of the window the mouse is in
    double exaggeration = 1;
    int scenario = 0;             //!< the scenario shown, which edits apply to
    glm::dvec2 viewOrigin{0};     //!< where the view's pixel (0, 0) is in the window's pixels
    glm::dvec2 pixelsPerPoint{1}; //!< window pixels per ImGui point
    //! The lon/lat on the terrain under a pixel, if any.
    std::function<std::optional<glm::dvec2>(glm::dvec2 pixel)> ground;
};

//! What the Edit window shows besides the selection.
struct EditStatus {
    bool dirty = false, canUndo = false, canRedo = false;
    std::string file;    //!< the features file edits are saved into
    std::string refusal; //!< the last edit refused, and why; empty: none
    std::string saved;   //!< the last save's outcome
    const std::vector<RuleWarning>* warnings = nullptr;
};

//! A line on the ground from `a` to `b` (lon/lat) over the scene, with `label` at its middle (ImGui's
//! foreground, in `colour` as IM_COL32).
void drawGroundLine(const EditScene& scene, glm::dvec2 a, glm::dvec2 b, unsigned colour, const std::string& label);

class EditMode {
public:
    bool active() const { return _active; }
    void toggle();

    //! The mouse in edit mode; `cursor` in the pixels of `scene.view`. True while edit mode owns the
    //! current press (a selection, a drag, a box, a placement): the camera must leave it alone.
    bool mouse(const InputFrame& in, glm::dvec2 cursor, bool overPanel, const EditScene& scene,
               ViewerCommands& commands);
    //! The command a key stands for in edit mode (Delete, Ctrl+D; while drawing Enter, Esc, Backspace), if any.
    std::optional<ViewerCommand> key(const KeyPress& press);
    //! A line or polygon is being drawn: its clicks are its vertices.
    bool drawing() const { return _active && _draw.drawing(); }

    //! The Edit window (palette, selection, attributes, rule warnings) and, over the scene, the selection,
    //! the box being drawn and the broken rules' lines to the line of contact.
    void draw(const EditScene& scene, const EditStatus& status, ViewerCommands& commands);

    const std::vector<std::string>& selection() const { return _selection; }
    void select(std::vector<std::string> ids) { _selection = std::move(ids); }
    //! Drops ids no longer in `set` (after undo, delete or reload).
    void prune(const geo::ScenarioSet& set);

private:
    void drawOverlay(const EditScene& scene) const;
    void drawAttributes(const geo::ScenarioSet& set, ViewerCommands& commands);
    //! The selected feature when it is one line or area (its vertices have handles).
    const geo::ScenarioFeature* selectedShape(const geo::ScenarioSet& set) const;
    bool _active = false;
    DrawTool _draw;
    std::vector<std::string> _selection;
    std::optional<geo::FeatureKind> _placing; //!< the palette's kind waiting for a click on the terrain
    // The press edit mode owns.
    enum class Gesture { None, Drag, Box, Place, Click, Vertex } _gesture = Gesture::None;
    glm::dvec2 _pressPixel{0}, _boxEnd{0};
    glm::dvec2 _grabbed{0};                     //!< lon/lat of the grabbed site at the press
    std::map<std::string, glm::dvec2> _origins; //!< the dragged sites' places at the press
    int _drag = 0;                              //!< the number of the drag under way (one undo step)
    bool _dragMoved = false;
    bool _wasLeft = false;
    int _drags = 0;
    // The Edit window is laid out once it keeps its size for a frame after appearing (ImGui hides a new window
    // for a frame and fits it to its content over two): then, and only then, its buttons take clicks.
    float _windowWidth = -1, _windowHeight = -1;
    bool _windowReady = false;
    // The attributes form: a draft of the selected feature, applied field by field.
    std::string _draftId;
    geo::ScenarioFeature _draft;
    std::string _nationsText, _personnelText, _floorText, _ceilingText;
    std::string _formProblem; //!< a field the form itself cannot read (personnel not a number)
};

} // namespace app
