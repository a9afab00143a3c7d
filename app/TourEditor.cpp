#include "app/TourEditor.h"

#include "app/UsageError.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <imgui.h>
#include <imgui_stdlib.h>
#include <unistd.h>

namespace app {

namespace fs = std::filesystem;

TourEditor::TourEditor(fs::path file, const geo::ScenarioSet& scenarios)
    : _file(std::move(file)), _scenarios(scenarios) {
    if (fs::exists(_file)) {
        geo::TourLoad load = geo::loadTour(_file);
        if (!load.problems.empty()) throw UsageError(load.problems.front().text());
        _tour = std::move(load.tour);
    } else {
        _tour.file = _file;
        _tour.title = "New tour";
        _tour.scenarios = scenarios.manifest;
        _status = "new tour: add keyframes from the view, then save";
    }
}

TourEditor::~TourEditor() {
    if (_recorder.joinable()) _recorder.join();
}

bool TourEditor::save() {
    _tour.file = _file;
    const auto saved = geo::saveTour(_tour, _file);
    if (!saved) {
        _status = saved.failure().message();
        return false;
    }
    _dirty = false;
    _status = "saved " + _file.string();
    return true;
}

TourEditor::CloseAnswer TourEditor::mayClose() {
    if (!_dirty || _closeAnswered) return CloseAnswer::Close;
    if (_closeCancelled) {
        _closeCancelled = false;
        return CloseAnswer::Stay;
    }
    _askClose = true;
    return CloseAnswer::Wait;
}

void TourEditor::record() {
    if (_recording || !save()) return;
    if (_recorder.joinable()) _recorder.join();
    _recording = true;
    const fs::path video = fs::path(_file).replace_extension(".mp4");
    // A process of its own: it renders offscreen with its own device, and the viewer stays smooth.
    char self[4096] = {};
    const ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    const std::string exe = n > 0 ? std::string(self, size_t(n)) : "bulwark";
    const std::string command = "'" + exe + "' record '" + _file.string() + "' --out '" + video.string() + "' 2>&1";
    _recorder = std::thread([this, command, video] {
        FILE* pipe = popen(command.c_str(), "r");
        std::array<char, 512> line{};
        while (pipe && fgets(line.data(), int(line.size()), pipe)) {
            std::lock_guard lock(_recordMutex);
            _recordProgress = line.data();
        }
        const int status = pipe ? pclose(pipe) : -1;
        std::lock_guard lock(_recordMutex);
        _recordProgress = status == 0 ? "recorded " + video.string() : "recording failed: " + _recordProgress;
        _recording = false;
    });
}

std::optional<TourEditor::Shown> TourEditor::update(double seconds) {
    const double dt = _lastSeconds < 0 ? 0.0 : seconds - _lastSeconds;
    _lastSeconds = seconds;
    if (_tour.keyframes.size() < 2 || (!_playing && !_scrubbing)) return std::nullopt;
    const geo::CameraPath path(_tour);
    if (_playing) {
        _time += dt;
        if (_time >= path.duration()) _time = path.duration(), _playing = false;
    }
    _scrubbing = false;
    return Shown{path.at(_time), geo::scenarioAt(_tour, path, _scenarios, _time), geo::captionAt(_tour, path, _time)};
}

void TourEditor::draw(const geo::CameraPose& current, int currentScenario) {
    // Left of the panel (which is 22 em wide at the top right), sized in ems like it.
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowPos(ImVec2(ImGui::GetIO().DisplaySize.x - 23.6f * em, 0.8f * em), ImGuiCond_FirstUseEver,
                            ImVec2(1.0f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(24 * em, 0), ImGuiCond_FirstUseEver);
    ImGui::Begin("Tour");
    ImGui::TextWrapped("%s%s", _file.filename().c_str(), _dirty ? " (unsaved)" : "");
    if (ImGui::InputText("Title", &_tour.title)) _dirty = true;
    auto& keys = _tour.keyframes;
    if (ImGui::Button("Add from view")) {
        geo::Keyframe k;
        k.camera = current;
        k.duration = keys.empty() ? 0.0 : 5.0;
        if (currentScenario >= 0 && size_t(currentScenario) < _scenarios.scenarios.size())
            k.scenario = _scenarios.scenarios[size_t(currentScenario)].id;
        const size_t at = _selected >= 0 ? size_t(_selected) + 1 : keys.size();
        keys.insert(keys.begin() + long(at), k);
        _selected = int(at);
        _dirty = true;
    }
    ImGui::SameLine();
    const bool has = _selected >= 0 && size_t(_selected) < keys.size();
    if (ImGui::Button("Up") && has && _selected > 0)
        std::swap(keys[size_t(_selected)], keys[size_t(_selected - 1)]), --_selected, _dirty = true;
    ImGui::SameLine();
    if (ImGui::Button("Down") && has && size_t(_selected) + 1 < keys.size())
        std::swap(keys[size_t(_selected)], keys[size_t(_selected + 1)]), ++_selected, _dirty = true;
    ImGui::SameLine();
    if (ImGui::Button("Delete") && has) keys.erase(keys.begin() + _selected), _selected = -1, _dirty = true;

    double arrival = 0;
    for (size_t i = 0; i < keys.size(); ++i) {
        arrival += i == 0 ? 0.0 : keys[i].duration;
        char label[160];
        std::snprintf(label, sizeof label, "%zu  %5.1f s  %.0f km  %s##key%zu", i + 1, arrival,
                      keys[i].camera.range / 1000, keys[i].caption.c_str(), i);
        if (ImGui::Selectable(label, int(i) == _selected)) _selected = int(i);
        arrival += keys[i].hold;
    }
    if (_selected >= 0 && size_t(_selected) < keys.size()) {
        geo::Keyframe& k = keys[size_t(_selected)];
        ImGui::Separator();
        float duration = float(k.duration), hold = float(k.hold);
        if (_selected > 0 && ImGui::DragFloat("Duration s", &duration, 0.1f, 0.1f, 600.0f))
            k.duration = duration, _dirty = true;
        if (ImGui::DragFloat("Hold s", &hold, 0.1f, 0.0f, 600.0f)) k.hold = hold, _dirty = true;
        const char* easings[] = {"linear", "ease-in", "ease-out", "ease-in-out"};
        int easing = int(k.easing);
        if (ImGui::Combo("Easing", &easing, easings, 4)) k.easing = geo::Easing(easing), _dirty = true;
        if (ImGui::BeginCombo("Scenario", k.scenario.empty() ? "(keep)" : k.scenario.c_str())) {
            if (ImGui::Selectable("(keep)", k.scenario.empty())) k.scenario.clear(), _dirty = true;
            for (const geo::ScenarioInfo& s : _scenarios.scenarios)
                if (ImGui::Selectable(s.name.c_str(), s.id == k.scenario)) k.scenario = s.id, _dirty = true;
            ImGui::EndCombo();
        }
        if (ImGui::InputText("Caption", &k.caption)) _dirty = true;
        if (ImGui::Button("Set to view")) k.camera = current, _dirty = true;
    }
    ImGui::Separator();
    if (keys.size() >= 2) {
        const double total = geo::CameraPath(_tour).duration();
        float t = float(std::min(_time, total));
        if (ImGui::SliderFloat("Time", &t, 0.0f, float(total), "%.1f s"))
            _time = t, _scrubbing = true, _playing = false;
        if (ImGui::Button(_playing ? "Pause" : "Play")) {
            if (!_playing && _time >= total) _time = 0;
            _playing = !_playing;
        }
        ImGui::SameLine();
    }
    if (ImGui::Button("Save")) save();
    ImGui::SameLine();
    ImGui::BeginDisabled(_recording || keys.size() < 2);
    if (ImGui::Button("Record video")) record();
    ImGui::EndDisabled();
    if (!_status.empty()) ImGui::TextWrapped("%s", _status.c_str());
    {
        std::lock_guard lock(_recordMutex);
        if (!_recordProgress.empty()) ImGui::TextWrapped("%s", _recordProgress.c_str());
    }
    ImGui::End();

    if (_askClose) ImGui::OpenPopup("Unsaved tour");
    if (ImGui::BeginPopupModal("Unsaved tour", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::Text("The tour has unsaved changes.");
        if (ImGui::Button("Save and close")) _closeAnswered = save(), _askClose = false, ImGui::CloseCurrentPopup();
        ImGui::SameLine();
        if (ImGui::Button("Discard")) _closeAnswered = true, _askClose = false, ImGui::CloseCurrentPopup();
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) _askClose = false, _closeCancelled = true, ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

} // namespace app
