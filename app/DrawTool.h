#pragma once
// Lines and polygons in edit mode: drawing a new one (the palette's Line or Polygon, a click on the terrain
// per vertex, Enter or a double click to finish, Esc to cancel, Backspace to take the last vertex back), and
// the vertices of the selected one as handles: drag a vertex to move it, drag the handle in the middle of an
// edge to add a vertex there, Ctrl+click a vertex to delete it. Everything it makes is a command
// (AddShape, EditVertex), so a drawn feature and each drag are one step of undo; it owns only the gesture.
#include "app/ViewerCommand.h"
#include "app/ViewerInput.h"

#include <optional>
#include <vector>

namespace app {

struct EditScene;

//! The kinds a drawn shape may take, in the order the form offers them: the same geometry as `kind`'s.
const std::vector<geo::FeatureKind>& kindsShaped(geo::FeatureKind kind);

//! A handle of a line or polygon: a vertex, or the middle of the edge that ends at `at.index` (insertion).
struct VertexHandle {
    geo::VertexRef at;
    glm::dvec2 lonLat{0};
    bool midpoint = false;
};
//! The handles of `f` (a line or an area; none for a marker): every vertex once (a ring's closing point
//! not), then the middle of every edge.
std::vector<VertexHandle> vertexHandles(const geo::ScenarioFeature& f);

class DrawTool {
public:
    //! Starts drawing a shape of `kind` (a line kind or an area kind); clicks on the ground add its vertices.
    void start(geo::FeatureKind kind);
    void cancel() {
        _kind.reset();
        _points.clear();
    }
    bool drawing() const { return _kind.has_value(); }
    std::optional<geo::FeatureKind> kind() const { return _kind; }
    const std::vector<glm::dvec2>& points() const { return _points; }

    //! The mouse while drawing: a click (press and release within a few pixels) on the ground adds a vertex, a
    //! second click at the same place within half a second finishes. A drag is left to the camera.
    void mouse(const InputFrame& in, bool press, bool release, glm::dvec2 cursor, bool overPanel,
               const EditScene& scene, ViewerCommands& commands);
    //! Enter finishes (the shape as one command), Esc cancels, Backspace takes the last vertex back.
    std::optional<ViewerCommand> key(const KeyPress& press);
    //! Ends the drawing: the shape, or nothing (then why, in hint()) when it has too few vertices.
    std::optional<ViewerCommand> finish();
    const std::string& hint() const { return _hint; }

    //! A press on a handle of `selected`: true when it takes the press (a vertex drag, or Ctrl: the vertex deleted).
    bool pressHandle(const geo::ScenarioFeature& selected, glm::dvec2 cursor, bool control, const EditScene& scene,
                     ViewerCommands& commands);
    //! The handle being dragged follows the ground under the cursor; release ends the drag's step.
    void dragHandle(glm::dvec2 cursor, const EditScene& scene, ViewerCommands& commands);
    void releaseHandle(ViewerCommands& commands);

    //! Over the scene: the shape being drawn (to the cursor), and the handles of `selected` if it is a line or area.
    void drawOverlay(const EditScene& scene, const geo::ScenarioFeature* selected) const;

private:
    std::optional<geo::FeatureKind> _kind;
    std::vector<glm::dvec2> _points;
    std::optional<glm::dvec2> _hover; //!< the ground under the cursor, for the edge being drawn
    glm::dvec2 _pressPixel{0}, _lastClickPixel{-100};
    bool _pressed = false;
    double _lastClickSeconds = -1;
    std::string _hint;
    // The handle being dragged.
    std::string _dragId;
    std::optional<VertexHandle> _dragged;
    glm::dvec2 _dragPressPixel{0};
    bool _dragMoved = false;
    int _drags = 0, _drag = 0;
};

} // namespace app
