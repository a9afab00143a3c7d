#include "app/EditMode.h"

#include "app/FeatureForm.h"
#include "app/FeaturePicker.h"
#include "app/MeasureTools.h"

#include <GLFW/glfw3.h>
#include <algorithm>
#include <charconv>
#include <imgui.h>
#include <imgui_stdlib.h>
#include <iostream>

namespace app {

namespace {

constexpr geo::FeatureKind kPalette[] = {geo::FeatureKind::Hub, geo::FeatureKind::EquipmentSite,
                                         geo::FeatureKind::Force, geo::FeatureKind::Station};
constexpr const char* kPaletteNames[] = {"Hub", "Equipment site", "Force", "Station"};
//! What the palette's Line and Polygon draw first; the form changes the kind among those of the same shape.
constexpr geo::FeatureKind kShapePalette[] = {geo::FeatureKind::Corridor, geo::FeatureKind::MonitoringZone};
constexpr const char* kShapePaletteNames[] = {"Line", "Polygon"};
constexpr geo::FeatureStatus kStatuses[] = {geo::FeatureStatus::Announced, geo::FeatureStatus::Reported,
                                            geo::FeatureStatus::Illustrative};
const ImVec4 kRefusedColour(1.0f, 0.4f, 0.3f, 1.0f);

bool contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

const geo::ScenarioFeature* featureWithId(const geo::ScenarioSet& set, const std::string& id) {
    for (const geo::ScenarioFeature& f : set.features)
        if (f.id == id) return &f;
    return nullptr;
}

std::string joined(const std::vector<std::string>& items) {
    std::string text;
    for (const std::string& item : items) text += (text.empty() ? "" : ", ") + item;
    return text;
}

//! "gb, fr pl" → {"GB", "FR", "PL"}.
std::vector<std::string> nationCodes(const std::string& text) {
    std::vector<std::string> codes;
    std::string code;
    for (const char c : text + ",") {
        if (c == ',' || c == ' ' || c == ';') {
            if (!code.empty()) codes.push_back(std::exchange(code, {}));
        } else {
            code += char(std::toupper(static_cast<unsigned char>(c)));
        }
    }
    return codes;
}

} // namespace

void EditMode::toggle() {
    _active = !_active;
    _placing.reset();
    _draw.cancel();
    _gesture = Gesture::None;
}

void EditMode::prune(const geo::ScenarioSet& set) {
    std::erase_if(_selection, [&](const std::string& id) { return !featureWithId(set, id); });
}

bool EditMode::mouse(const InputFrame& in, glm::dvec2 cursor, bool overPanel, const EditScene& scene,
                     ViewerCommands& commands) {
    const bool press = in.left() && !_wasLeft, release = !in.left() && _wasLeft;
    _wasLeft = in.left();
    if (!_active) {
        _gesture = Gesture::None;
        return false;
    }
    if (_draw.drawing()) { // clicks are vertices; drags pan the camera
        _draw.mouse(in, press, release, cursor, overPanel, scene, commands);
        return false;
    }
    if (press) {
        _pressPixel = _boxEnd = cursor;
        if (overPanel) {
            _gesture = Gesture::None;
            return false;
        }
        const geo::ScenarioFeature* marker =
            markerAt(scene.set, scene.scenario, scene.terrain, scene.view, scene.exaggeration, cursor);
        const geo::ScenarioFeature* shape = selectedShape(scene.set);
        if (_placing) {
            _gesture = Gesture::Place;
        } else if (shape && _draw.pressHandle(*shape, cursor, in.control, scene, commands)) {
            _gesture = Gesture::Vertex;
        } else if (in.shift) {
            _gesture = Gesture::Box;
        } else if (marker) {
            if (!contains(_selection, marker->id)) _selection = {marker->id};
            _gesture = Gesture::Drag;
            _drag = ++_drags;
            _dragMoved = false;
            _grabbed = marker->points.front();
            _origins.clear();
            for (const std::string& id : _selection)
                if (const geo::ScenarioFeature* f = featureWithId(scene.set, id); f && geo::isMarker(f->kind))
                    _origins[id] = f->points.front();
        } else {
            _gesture = Gesture::Click; // on the ground: the camera pans; a click without a drag clears the selection
            return false;
        }
        return true;
    }
    if (in.left()) {
        if (_gesture == Gesture::Box) _boxEnd = cursor;
        if (_gesture == Gesture::Vertex) _draw.dragHandle(cursor, scene, commands);
        if (_gesture == Gesture::Drag && (_dragMoved || glm::length(cursor - _pressPixel) >= 3.0)) {
            _dragMoved = true;
            // The grabbed site stands on the ground under the cursor; the others keep their offsets to it.
            if (const std::optional<glm::dvec2> ground = scene.ground(cursor)) {
                command::MoveSites move;
                move.drag = _drag;
                for (const auto& [id, origin] : _origins) move.to.emplace_back(id, origin + (*ground - _grabbed));
                commands.push_back(std::move(move));
            }
        }
        return _gesture != Gesture::None && _gesture != Gesture::Click;
    }
    if (!release) return false;
    const Gesture gesture = std::exchange(_gesture, Gesture::None);
    if (gesture == Gesture::Vertex) {
        _draw.releaseHandle(commands);
    } else if (gesture == Gesture::Drag) {
        command::MoveSites end;
        end.drag = _drag;
        end.dragEnded = true;
        commands.push_back(std::move(end));
    } else if (gesture == Gesture::Place) {
        if (const std::optional<glm::dvec2> ground = scene.ground(cursor))
            commands.push_back(command::AddSite{*_placing, *ground});
        _placing.reset();
    } else if (gesture == Gesture::Box) {
        const glm::dvec2 lo = glm::min(_pressPixel, _boxEnd), hi = glm::max(_pressPixel, _boxEnd);
        for (const geo::ScenarioFeature& f : scene.set.features) {
            if (!geo::isMarker(f.kind) || f.points.empty() || scene.scenario < 0 ||
                !f.inScenario(size_t(scene.scenario)) || contains(_selection, f.id))
                continue;
            const auto px = groundPixel(f.points.front(), scene.terrain, scene.view, scene.exaggeration);
            if (px && px->x >= lo.x && px->x <= hi.x && px->y >= lo.y && px->y <= hi.y) _selection.push_back(f.id);
        }
    } else if (gesture == Gesture::Click && glm::length(cursor - _pressPixel) < 4.0) {
        // A line or area clicked is selected (its vertices get handles); the bare ground clears the selection.
        const geo::ScenarioFeature* f =
            featureAt(scene.set, scene.scenario, scene.terrain, scene.view, scene.exaggeration, cursor);
        _selection.clear();
        if (f && !geo::isMarker(f->kind)) _selection = {f->id};
    }
    return gesture != Gesture::None && gesture != Gesture::Click;
}

std::optional<ViewerCommand> EditMode::key(const KeyPress& press) {
    if (!_active) return std::nullopt;
    if (_draw.drawing()) return _draw.key(press);
    if (press.key == GLFW_KEY_DELETE || press.key == GLFW_KEY_BACKSPACE) return command::DeleteFeatures{_selection};
    if (press.key == GLFW_KEY_D && (press.mods & GLFW_MOD_CONTROL)) return command::DuplicateFeatures{_selection};
    return std::nullopt;
}

void EditMode::draw(const EditScene& scene, const EditStatus& status, ViewerCommands& commands) {
    drawOverlay(scene);
    if (!_active) return;
    const float em = ImGui::GetFontSize();
    // Top left, under the scene's title, sized in ems like the panel; it grows with its content up to the
    // screen's height (then scrolls).
    ImGui::SetNextWindowPos(ImVec2(0.8f * em, 4.5f * em), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSizeConstraints(ImVec2(22 * em, 0), ImVec2(22 * em, ImGui::GetIO().DisplaySize.y - 6 * em));
    ImGui::Begin("Edit", nullptr, ImGuiWindowFlags_AlwaysAutoResize);
    const ImVec2 size = ImGui::GetWindowSize();
    if (ImGui::IsWindowAppearing()) {
        _windowReady = false;
    } else if (!_windowReady && size.x == _windowWidth && size.y == _windowHeight) {
        _windowReady = true;
        std::cout << "bulwark: edit window ready" << std::endl; // a click from now on reaches its buttons
    }
    _windowWidth = size.x, _windowHeight = size.y;
    ImGui::PushItemWidth(-5.5f * em); // room for the field names
    ImGui::TextWrapped("%s%s", status.file.c_str(), status.dirty ? " (unsaved)" : "");
    ImGui::BeginDisabled(!status.canUndo);
    if (ImGui::Button("Undo")) commands.push_back(command::Undo{});
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!status.canRedo);
    if (ImGui::Button("Redo")) commands.push_back(command::Redo{});
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Save (Ctrl+S)")) commands.push_back(command::Save{});
    if (!status.saved.empty()) ImGui::TextWrapped("%s", status.saved.c_str());
    ImGui::Separator();
    ImGui::TextUnformatted("Add a site:");
    for (size_t i = 0; i < std::size(kPalette); ++i) {
        if (i % 2) ImGui::SameLine();
        const bool armed = _placing == kPalette[i];
        if (armed) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::Button(kPaletteNames[i], ImVec2(10.5f * em, 0))) {
            _placing = armed ? std::nullopt : std::optional(kPalette[i]);
            _draw.cancel();
        }
        if (armed) ImGui::PopStyleColor();
    }
    if (_placing) ImGui::TextWrapped("Click on the terrain to place it.");
    ImGui::TextUnformatted("Draw:");
    for (size_t i = 0; i < std::size(kShapePalette); ++i) {
        ImGui::SameLine();
        const bool armed = _draw.kind() && geo::isArea(*_draw.kind()) == geo::isArea(kShapePalette[i]);
        if (armed) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::Button(kShapePaletteNames[i], ImVec2(7.5f * em, 0))) {
            _placing.reset();
            if (armed)
                _draw.cancel();
            else
                _draw.start(kShapePalette[i]);
        }
        if (armed) ImGui::PopStyleColor();
    }
    if (_draw.drawing()) {
        ImGui::TextWrapped("Click the vertices on the terrain (%zu so far); Enter or a double click finishes, Esc "
                           "cancels, Backspace takes the last back.",
                           _draw.points().size());
        if (!_draw.hint().empty()) ImGui::TextColored(kRefusedColour, "%s", _draw.hint().c_str());
        if (ImGui::SmallButton("Finish (Enter)"))
            if (std::optional<ViewerCommand> shape = _draw.finish()) commands.push_back(std::move(*shape));
        ImGui::SameLine();
        if (ImGui::SmallButton("Cancel (Esc)")) _draw.cancel();
    }
    ImGui::Separator();
    if (_selection.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("Click a site, line or area to select it; Shift-drag a box for several sites. Drag a "
                            "site to move it.");
        ImGui::PopTextWrapPos();
    } else {
        ImGui::Text("%zu selected", _selection.size());
        ImGui::SameLine();
        if (ImGui::SmallButton("Delete")) commands.push_back(command::DeleteFeatures{_selection});
        ImGui::SameLine();
        if (ImGui::SmallButton("Duplicate (Ctrl+D)")) commands.push_back(command::DuplicateFeatures{_selection});
        if (_selection.size() == 1) drawAttributes(scene.set, commands);
    }
    if (!status.refusal.empty()) ImGui::TextColored(kRefusedColour, "Refused: %s", status.refusal.c_str());
    if (!_formProblem.empty()) ImGui::TextColored(kRefusedColour, "%s", _formProblem.c_str());
    ImGui::Separator();
    const size_t broken = status.warnings ? status.warnings->size() : 0;
    if (broken == 0) {
        ImGui::TextUnformatted("Planning rules: all kept.");
    } else {
        ImGui::TextColored(kRefusedColour, "Planning rules broken: %zu (click to fly there)", broken);
        for (size_t i = 0; i < broken; ++i) {
            const RuleWarning& w = (*status.warnings)[i];
            const std::string label =
                (w.name.empty() ? w.featureId : w.name) + ": " + w.text + "##rule" + std::to_string(i);
            ImGui::PushTextWrapPos(0.0f);
            if (ImGui::Selectable(label.c_str(), false) && w.at) {
                commands.push_back(command::FlyTo{*w.at});
                _selection = {w.featureId};
            }
            ImGui::PopTextWrapPos();
        }
    }
    ImGui::PopItemWidth();
    ImGui::End();
}

void EditMode::drawAttributes(const geo::ScenarioSet& set, ViewerCommands& commands) {
    const geo::ScenarioFeature* shown = featureWithId(set, _selection.front());
    if (!shown) return;
    // The draft follows the scenarios (undo, a refused edit, another selection) except while a field is typed in.
    if (_draftId != shown->id || !ImGui::IsAnyItemActive()) {
        _draftId = shown->id;
        _draft = *shown;
        _nationsText = joined(_draft.nations);
        _personnelText = _draft.personnel ? std::to_string(*_draft.personnel) : std::string();
        _floorText = metresText(_draft.floorM);
        _ceilingText = metresText(_draft.ceilingM);
    }
    bool commit = false;
    ImGui::InputText("Name", &_draft.name);
    commit |= ImGui::IsItemDeactivatedAfterEdit();
    if (ImGui::BeginCombo("Kind", geo::kindName(_draft.kind))) { // a point stays a point, a line a line
        for (geo::FeatureKind kind : kindsShaped(_draft.kind))
            if (ImGui::Selectable(geo::kindName(kind), kind == _draft.kind)) _draft.kind = kind, commit = true;
        ImGui::EndCombo();
    }
    ImGui::InputText("Nations", &_nationsText);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("ISO 3166-1 alpha-2 codes, lead nation first: GB, FR");
    if (ImGui::IsItemDeactivatedAfterEdit()) _draft.nations = nationCodes(_nationsText), commit = true;
    ImGui::InputText("Personnel", &_personnelText, ImGuiInputTextFlags_CharsDecimal);
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        std::int64_t value = 0;
        const char* end = _personnelText.data() + _personnelText.size();
        if (_personnelText.empty()) {
            _draft.personnel.reset(), commit = true;
        } else if (const auto [ptr, ec] = std::from_chars(_personnelText.data(), end, value);
                   ec == std::errc() && ptr == end) {
            _draft.personnel = value, commit = true;
        } else {
            _formProblem = "Refused: personnel '" + _personnelText + "' is not a whole number";
        }
    }
    if (ImGui::BeginCombo("Status", geo::statusName(_draft.status))) {
        for (geo::FeatureStatus status : kStatuses)
            if (ImGui::Selectable(geo::statusName(status), status == _draft.status))
                _draft.status = status, commit = true;
        ImGui::EndCombo();
    }
    ImGui::InputTextMultiline("Source", &_draft.source, ImVec2(0, 3.5f * ImGui::GetFontSize()));
    commit |= ImGui::IsItemDeactivatedAfterEdit();
    ImGui::InputText("SIDC", &_draft.sidc);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("The military symbol's code (20 digits, or 15 letters); empty: derived from kind and nation");
    commit |= ImGui::IsItemDeactivatedAfterEdit();
    commit |= drawMoreFields(_draft, _floorText, _ceilingText, _formProblem);
    ImGui::TextUnformatted("In scenarios:");
    for (size_t i = 0; i < set.scenarios.size(); ++i) {
        bool member = _draft.inScenario(i);
        if (ImGui::Checkbox((std::to_string(i + 1) + "  " + set.scenarios[i].name).c_str(), &member)) {
            _draft.scenarioMask ^= 1u << i;
            commit = true;
        }
    }
    if (commit) {
        _formProblem.clear();
        commands.push_back(command::SetFeature{_draftId, _draft});
    }
    if (geo::isMarker(shown->kind)) return;
    drawFeatureMeasure(*shown, commands);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("Drag a vertex (square) to move it, an edge's dot to add one; Ctrl+click a vertex deletes it.");
    ImGui::PopTextWrapPos();
}

const geo::ScenarioFeature* EditMode::selectedShape(const geo::ScenarioSet& set) const {
    if (_selection.size() != 1) return nullptr;
    const geo::ScenarioFeature* f = featureWithId(set, _selection.front());
    return f && !geo::isMarker(f->kind) ? f : nullptr;
}

void drawGroundLine(const EditScene& scene, glm::dvec2 a, glm::dvec2 b, unsigned colour, const std::string& label) {
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    const auto toPoints = [&](glm::dvec2 px) {
        const glm::dvec2 p = (px + scene.viewOrigin) / scene.pixelsPerPoint;
        return ImVec2(float(p.x), float(p.y));
    };
    const auto pixelOf = [&](glm::dvec2 lonLat) {
        const auto px = groundPixel(lonLat, scene.terrain, scene.view, scene.exaggeration);
        return px ? std::optional(toPoints(*px)) : std::nullopt;
    };
    std::optional<ImVec2> previous;
    constexpr int kSteps = 24; // short enough that lon/lat steps follow the geodesic closely
    for (int i = 0; i <= kSteps; ++i) {
        const std::optional<ImVec2> here = pixelOf(glm::mix(a, b, double(i) / kSteps));
        if (previous && here) draw->AddLine(*previous, *here, colour, 2.0f);
        previous = here;
    }
    if (const auto middle = pixelOf(glm::mix(a, b, 0.5)); middle && !label.empty())
        draw->AddText(ImVec2(middle->x + 4, middle->y - ImGui::GetFontSize()), colour, label.c_str());
}

void EditMode::drawOverlay(const EditScene& scene) const {
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    const float em = ImGui::GetFontSize();
    const auto toPoints = [&](glm::dvec2 px) {
        const glm::dvec2 p = (px + scene.viewOrigin) / scene.pixelsPerPoint;
        return ImVec2(float(p.x), float(p.y));
    };
    const auto pixelOf = [&](glm::dvec2 lonLat) {
        return groundPixel(lonLat, scene.terrain, scene.view, scene.exaggeration);
    };
    // Broken rules are drawn by the scene's "warnings" layer (the site, the geodesic to the line of contact and
    // its length), so stills and video show them too; the overlay marks only what is being edited.
    if (!_active) return;
    const ImU32 yellow = IM_COL32(255, 215, 0, 255);
    for (const std::string& id : _selection)
        if (const geo::ScenarioFeature* f = featureWithId(scene.set, id); f && !f->points.empty())
            if (const auto px = pixelOf(f->points.front())) draw->AddCircle(toPoints(*px), 0.7f * em, yellow, 0, 2.5f);
    if (_gesture == Gesture::Box) draw->AddRect(toPoints(_pressPixel), toPoints(_boxEnd), yellow, 0.0f, 0, 1.5f);
    _draw.drawOverlay(scene, selectedShape(scene.set));
}

} // namespace app
