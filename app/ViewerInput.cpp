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
        inputOf(w)->_keys.push_back({key, mods});
    });
}

InputFrame ViewerInput::poll() {
    InputFrame in;
    in.keys = std::exchange(_keys, {});
    in.scroll = std::exchange(_scroll, 0.0);
    in.seconds = glfwGetTime();
    glfwGetCursorPos(_window, &in.mouse.x, &in.mouse.y);
    int fbw = 0, fbh = 0, ww = 0, wh = 0;
    glfwGetFramebufferSize(_window, &fbw, &fbh);
    glfwGetWindowSize(_window, &ww, &wh);
    in.pixelsPerPoint = {double(fbw) / std::max(ww, 1), double(fbh) / std::max(wh, 1)};
    const auto pressed = [&](int button) { return glfwGetMouseButton(_window, button) == GLFW_PRESS; };
    in.left = pressed(GLFW_MOUSE_BUTTON_LEFT);
    in.right = pressed(GLFW_MOUSE_BUTTON_RIGHT) || pressed(GLFW_MOUSE_BUTTON_MIDDLE);
    const auto down = [&](int key) { return glfwGetKey(_window, key) == GLFW_PRESS; };
    in.shift = down(GLFW_KEY_LEFT_SHIFT) || down(GLFW_KEY_RIGHT_SHIFT);
    in.control = down(GLFW_KEY_LEFT_CONTROL) || down(GLFW_KEY_RIGHT_CONTROL);
    for (int key : kHeldKeys)
        if (down(key)) in.heldKeys.push_back(key);
    return in;
}

} // namespace app
