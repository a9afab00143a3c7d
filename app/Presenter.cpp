#include "app/Presenter.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <iostream>

namespace app {

Presenter::Presenter(geo::Tour tour, const geo::ScenarioSet& scenarios)
    : _presentation(std::move(tour)), _scenarios(scenarios) {
    announce();
}

bool Presenter::key(int key, const geo::CameraPose& camera, double now) {
    const bool forward = key == GLFW_KEY_PAGE_DOWN || key == GLFW_KEY_RIGHT || key == GLFW_KEY_SPACE ||
                         key == GLFW_KEY_ENTER || key == GLFW_KEY_KP_ENTER;
    const bool back = key == GLFW_KEY_PAGE_UP || key == GLFW_KEY_LEFT || key == GLFW_KEY_BACKSPACE;
    const bool jump = key == GLFW_KEY_HOME || key == GLFW_KEY_END || key == GLFW_KEY_F5;
    if (key == GLFW_KEY_B || key == GLFW_KEY_PERIOD || key == GLFW_KEY_W) {
        const Blank wanted = key == GLFW_KEY_W ? Blank::White : Blank::Black;
        _blank = _blank == wanted ? Blank::None : wanted;
        std::cout << "bulwark: screen "
                  << (_blank == Blank::None    ? "back"
                      : _blank == Blank::Black ? "black"
                                               : "white")
                  << std::endl;
        return true;
    }
    if (!forward && !back && !jump) return false;
    if (_blank != Blank::None) { // the first press brings the picture back, as in slide software
        _blank = Blank::None;
        std::cout << "bulwark: screen back" << std::endl;
        return true;
    }
    bool moved = false;
    if (forward) moved = _presentation.next(camera, now);
    if (back) moved = _presentation.previous(camera, now);
    if (key == GLFW_KEY_HOME || key == GLFW_KEY_F5) moved = _presentation.first(camera, now);
    if (key == GLFW_KEY_END) moved = _presentation.last(camera, now);
    if (moved) {
        _landing = _switchPending = true;
        announce();
    }
    return true;
}

Presenter::Shown Presenter::update(double now) {
    Shown shown;
    shown.caption = _presentation.caption();
    if (auto camera = _presentation.cameraAt(now)) {
        shown.camera = camera;
        return shown;
    }
    // Arrived: put the camera exactly at the step's view once (unless the presenter took over),
    // and switch to the step's scenario.
    if (_landing) shown.camera = _presentation.target();
    _landing = false;
    if (_switchPending)
        if (const auto index = _scenarios.indexOf(_presentation.scenario())) shown.scenario = int(*index);
    _switchPending = false;
    return shown;
}

void Presenter::drawOverlay(float scale) const {
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    if (_blank != Blank::None) {
        draw->AddRectFilled({0, 0}, size,
                            _blank == Blank::Black ? IM_COL32(0, 0, 0, 255) : IM_COL32(255, 255, 255, 255));
        return;
    }
    // Discreet: small, dim, bottom right, above the credits line (the legend is bottom left).
    const std::string counter = _presentation.counter();
    ImFont* font = ImGui::GetFont();
    const float px = 13.0f * scale;
    const ImVec2 text = font->CalcTextSizeA(px, FLT_MAX, 0.0f, counter.c_str());
    const ImVec2 at{size.x - text.x - 14.0f * scale, size.y - text.y - 30.0f * scale};
    draw->AddRectFilled({at.x - 5 * scale, at.y - 3 * scale}, {at.x + text.x + 5 * scale, at.y + text.y + 3 * scale},
                        IM_COL32(0, 0, 0, 110), 4.0f * scale);
    draw->AddText(font, px, at, IM_COL32(235, 235, 235, 190), counter.c_str());
}

void Presenter::announce() const {
    // On stdout too: a log of the briefing, and what the window tests read.
    std::cout << "bulwark: step " << _presentation.counter();
    if (!_presentation.caption().empty()) std::cout << ": " << _presentation.caption();
    std::cout << std::endl;
}

} // namespace app
