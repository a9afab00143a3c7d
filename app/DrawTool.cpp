#include "app/DrawTool.h"

#include "app/EditMode.h"
#include "app/FeaturePicker.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

namespace app {

namespace {

constexpr double kClickPixels = 4;          //!< a press and release closer than this is a click, not a drag
constexpr double kDoubleClickSeconds = 0.5; //!< a second click this soon at the same place finishes a shape
constexpr double kHandlePoints = 9;         //!< how near (ImGui points) the cursor must be to take a handle

const ImU32 kDrawing = IM_COL32(255, 170, 0, 255);
const ImU32 kHandle = IM_COL32(255, 255, 255, 255);
const ImU32 kHandleEdge = IM_COL32(20, 20, 20, 255);

ImVec2 toPoints(const EditScene& scene, glm::dvec2 pixel) {
    const glm::dvec2 p = (pixel + scene.viewOrigin) / scene.pixelsPerPoint;
    return ImVec2(float(p.x), float(p.y));
}

std::optional<glm::dvec2> pixelOf(const EditScene& scene, glm::dvec2 lonLat) {
    return groundPixel(lonLat, scene.terrain, scene.view, scene.exaggeration);
}

//! The vertices of a line or ring without a ring's closing point.
std::vector<glm::dvec2> openVertices(const std::vector<glm::dvec2>& points, bool ring) {
    std::vector<glm::dvec2> open = points;
    if (ring && open.size() >= 2 && open.front() == open.back()) open.pop_back();
    return open;
}

void addHandles(std::vector<VertexHandle>& vertices, std::vector<VertexHandle>& middles,
                const std::vector<glm::dvec2>& points, bool ring, size_t polygon, size_t ringIndex) {
    const std::vector<glm::dvec2> open = openVertices(points, ring);
    for (size_t i = 0; i < open.size(); ++i) {
        vertices.push_back({{polygon, ringIndex, i}, open[i], false});
        const bool closing = i + 1 == open.size();
        if (closing && !ring) break;
        // A vertex inserted at i + 1 lies between vertex i and the next (a ring's last edge: its end).
        middles.push_back({{polygon, ringIndex, i + 1}, 0.5 * (open[i] + open[closing ? 0 : i + 1]), true});
    }
}

} // namespace

const std::vector<geo::FeatureKind>& kindsShaped(geo::FeatureKind kind) {
    using K = geo::FeatureKind;
    static const std::vector<K> markers{K::Hub, K::EquipmentSite, K::Force, K::Station};
    static const std::vector<K> lines{K::Corridor, K::ContactLine};
    static const std::vector<K> areas{K::MonitoringZone, K::AirZone, K::SeaZone, K::OccupiedArea};
    return geo::isMarker(kind) ? markers : geo::isArea(kind) ? areas : lines;
}

std::vector<VertexHandle> vertexHandles(const geo::ScenarioFeature& f) {
    std::vector<VertexHandle> vertices, middles;
    if (geo::isMarker(f.kind)) return {};
    if (!geo::isArea(f.kind)) {
        addHandles(vertices, middles, f.points, false, 0, 0);
    } else {
        for (size_t p = 0; p < f.polygons.size(); ++p)
            for (size_t r = 0; r < f.polygons[p].rings.size(); ++r)
                addHandles(vertices, middles, f.polygons[p].rings[r], true, p, r);
    }
    vertices.insert(vertices.end(), middles.begin(), middles.end());
    return vertices;
}

void DrawTool::start(geo::FeatureKind kind) {
    _kind = kind;
    _points.clear();
    _hint.clear();
}

void DrawTool::mouse(const InputFrame& in, bool press, bool release, glm::dvec2 cursor, bool overPanel,
                     const EditScene& scene, ViewerCommands& commands) {
    _hover = overPanel ? std::nullopt : scene.ground(cursor);
    if (press) {
        _pressed = !overPanel;
        _pressPixel = cursor;
    }
    if (!release || !std::exchange(_pressed, false) || glm::length(cursor - _pressPixel) >= kClickPixels) return;
    const bool second = in.seconds - _lastClickSeconds < kDoubleClickSeconds &&
                        glm::length(cursor - _lastClickPixel) < 2 * kClickPixels;
    _lastClickSeconds = second ? -1 : in.seconds; // a third click starts a new pair
    _lastClickPixel = cursor;
    if (second && !_points.empty()) {
        if (std::optional<ViewerCommand> shape = finish()) commands.push_back(std::move(*shape));
        return;
    }
    if (_hover) _points.push_back(*_hover);
}

std::optional<ViewerCommand> DrawTool::finish() {
    if (!_kind) return std::nullopt;
    const size_t needed = geo::isArea(*_kind) ? 3 : 2;
    if (_points.size() < needed) {
        _hint = "A " + std::string(geo::isArea(*_kind) ? "polygon" : "line") + " needs at least " +
                std::to_string(needed) + " vertices.";
        return std::nullopt;
    }
    command::AddShape shape{*_kind, std::move(_points)};
    cancel();
    return shape;
}

std::optional<ViewerCommand> DrawTool::key(const KeyPress& press) {
    if (!_kind) return std::nullopt;
    if (press.key == GLFW_KEY_ENTER || press.key == GLFW_KEY_KP_ENTER) return finish();
    if (press.key == GLFW_KEY_ESCAPE) cancel();
    if (press.key == GLFW_KEY_BACKSPACE && !_points.empty()) _points.pop_back();
    return std::nullopt;
}

bool DrawTool::pressHandle(const geo::ScenarioFeature& selected, glm::dvec2 cursor, bool control,
                           const EditScene& scene, ViewerCommands& commands) {
    const double reach = kHandlePoints * scene.pixelsPerPoint.x;
    std::optional<VertexHandle> nearest;
    double nearestPixels = reach;
    for (const VertexHandle& h : vertexHandles(selected)) {
        if (control && h.midpoint) continue;
        const std::optional<glm::dvec2> px = pixelOf(scene, h.lonLat);
        // Vertices come first: a midpoint wins only when strictly nearer.
        if (px && glm::length(*px - cursor) < nearestPixels) nearest = h, nearestPixels = glm::length(*px - cursor);
    }
    if (!nearest) return false;
    if (control) {
        command::EditVertex remove;
        remove.op = command::EditVertex::Op::Delete;
        remove.id = selected.id;
        remove.at = nearest->at;
        commands.push_back(std::move(remove));
        return true;
    }
    _dragId = selected.id;
    _dragged = nearest;
    _dragPressPixel = cursor;
    _dragMoved = false;
    _drag = ++_drags;
    return true;
}

void DrawTool::dragHandle(glm::dvec2 cursor, const EditScene& scene, ViewerCommands& commands) {
    if (!_dragged || (!_dragMoved && glm::length(cursor - _dragPressPixel) < kClickPixels)) return;
    const std::optional<glm::dvec2> ground = scene.ground(cursor);
    if (!ground) return;
    command::EditVertex edit;
    edit.id = _dragId;
    edit.at = _dragged->at;
    edit.lonLat = *ground;
    edit.drag = _drag;
    // The middle of an edge becomes a vertex when first moved; the rest of the drag moves it.
    edit.op = _dragged->midpoint ? command::EditVertex::Op::Insert : command::EditVertex::Op::Move;
    _dragged->midpoint = false;
    _dragMoved = true;
    commands.push_back(std::move(edit));
}

void DrawTool::releaseHandle(ViewerCommands& commands) {
    if (!_dragged) return;
    _dragged.reset();
    command::EditVertex end;
    end.id = _dragId;
    end.drag = _drag;
    end.dragEnded = true;
    commands.push_back(std::move(end));
}

void DrawTool::drawOverlay(const EditScene& scene, const geo::ScenarioFeature* selected) const {
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    const float em = ImGui::GetFontSize();
    if (selected)
        for (const VertexHandle& h : vertexHandles(*selected)) {
            const std::optional<glm::dvec2> px = pixelOf(scene, h.lonLat);
            if (!px) continue;
            const ImVec2 p = toPoints(scene, *px);
            if (h.midpoint) {
                draw->AddCircleFilled(p, 0.22f * em, kHandle);
                draw->AddCircle(p, 0.22f * em, kHandleEdge, 0, 1.0f);
            } else {
                const ImVec2 half(0.28f * em, 0.28f * em);
                draw->AddRectFilled(ImVec2(p.x - half.x, p.y - half.y), ImVec2(p.x + half.x, p.y + half.y), kHandle);
                draw->AddRect(ImVec2(p.x - half.x, p.y - half.y), ImVec2(p.x + half.x, p.y + half.y), kHandleEdge);
            }
        }
    if (!_kind) return;
    for (size_t i = 1; i < _points.size(); ++i) drawGroundLine(scene, _points[i - 1], _points[i], kDrawing, "");
    if (!_points.empty() && _hover) {
        drawGroundLine(scene, _points.back(), *_hover, kDrawing, "");
        if (geo::isArea(*_kind) && _points.size() >= 2)
            drawGroundLine(scene, *_hover, _points.front(), IM_COL32(255, 170, 0, 120), "");
    }
    for (const glm::dvec2& p : _points)
        if (const std::optional<glm::dvec2> px = pixelOf(scene, p))
            draw->AddCircleFilled(toPoints(scene, *px), 0.25f * em, kDrawing);
}

} // namespace app
