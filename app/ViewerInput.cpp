#include "app/ViewerInput.h"

#include <GLFW/glfw3.h>
#include <algorithm>
#include <imgui.h>

namespace app {

namespace {

//! Keys the viewer moves the camera with while they are held.
constexpr int kHeldKeys[] = {GLFW_KEY_A,    GLFW_KEY_D,     GLFW_KEY_W,       GLFW_KEY_S,
                             GLFW_KEY_LEFT, GLFW_KEY_RIGHT, GLFW_KEY_PAGE_UP, GLFW_KEY_PAGE_DOWN};

ViewerInput* inputOf(GLFWwindow* w) {
    return static_cast<ViewerInput*>(glfwGetWindowUserPointer(w));
}

} // namespace

bool InputFrame::held(int key) const {
    return std::find(heldKeys.begin(), heldKeys.end(), key) != heldKeys.end();
}

ViewerInput::ViewerInput(GLFWwindow* window) : _window(window) {
    glfwSetWindowUserPointer(window, this);
    glfwSetScrollCallback(window, [](GLFWwindow* w, double, double dy) { inputOf(w)->_scroll += dy; });
    glfwSetKeyCallback(window, [](GLFWwindow* w, int key, int, int action, int mods) {
        // Only typing into a panel field holds the shortcuts back: a slider or button clicked last keeps ImGui's
        // keyboard focus (WantCaptureKeyboard) until the scene is clicked, which left P, digits and arrows dead.
        if (action != GLFW_PRESS || ImGui::GetIO().WantTextInput) return;
        inputOf(w)->push({.key = {key, mods}});
    });
    // X11 answers glfwGetCursorPos with where the pointer is now; the motion events say where it was when a
    // button changed.
    glfwSetCursorPosCallback(window, [](GLFWwindow* w, double x, double y) { inputOf(w)->_cursor = {x, y}; });
    glfwSetMouseButtonCallback(window, [](GLFWwindow* w, int button, int action, int) {
        ViewerInput& input = *inputOf(w);
        if (button > GLFW_MOUSE_BUTTON_MIDDLE || (action != GLFW_PRESS && action != GLFW_RELEASE)) return;
        input.push({.button = button, .down = action == GLFW_PRESS, .at = input._cursor, .seconds = glfwGetTime()});
    });
    glfwGetCursorPos(window, &_cursor.x, &_cursor.y);
    for (int b = 0; b < 3; ++b) _buttons[b] = glfwGetMouseButton(window, b) == GLFW_PRESS;
}

void ViewerInput::push(const Event& event) {
    if (_events.size() == kMaxEvents) _events.pop_front();
    _events.push_back(event);
}

void ViewerInput::unpollButton() {
    if (!_handedOut) return;
    _buttons[_handedOut->button] = !_handedOut->down;
    _events.push_front(*std::exchange(_handedOut, std::nullopt));
}

InputFrame ViewerInput::poll() {
    InputFrame in;
    _handedOut.reset();
    in.scroll = std::exchange(_scroll, 0.0);
    in.seconds = glfwGetTime();
    glfwGetCursorPos(_window, &in.mouse.x, &in.mouse.y);
    while (!_events.empty()) {
        const Event event = _events.front();
        if (event.button < 0) {
            in.keys.push_back(event.key);
            _events.pop_front();
            continue;
        }
        in.mouse = event.at;
        // A drag that ended between two frames: first a frame with the button still held where it was let go,
        // so that what is dragged gets there, then the release.
        if (!event.down && _buttons[event.button] && event.at != _reported) break;
        _events.pop_front();
        _buttons[event.button] = event.down;
        _handedOut = event;
        in.seconds = event.seconds;
        break; // what came after this change waits for the next frame
    }
    _reported = in.mouse;
    int fbw = 0, fbh = 0, ww = 0, wh = 0;
    glfwGetFramebufferSize(_window, &fbw, &fbh);
    glfwGetWindowSize(_window, &ww, &wh);
    in.pixelsPerPoint = {double(fbw) / std::max(ww, 1), double(fbh) / std::max(wh, 1)};
    std::copy(std::begin(_buttons), std::end(_buttons), std::begin(in.buttons));
    const auto down = [&](int key) { return glfwGetKey(_window, key) == GLFW_PRESS; };
    in.shift = down(GLFW_KEY_LEFT_SHIFT) || down(GLFW_KEY_RIGHT_SHIFT);
    in.control = down(GLFW_KEY_LEFT_CONTROL) || down(GLFW_KEY_RIGHT_CONTROL);
    for (int key : kHeldKeys)
        if (down(key)) in.heldKeys.push_back(key);
    return in;
}

} // namespace app
