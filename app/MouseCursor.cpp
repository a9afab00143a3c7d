#include "app/MouseCursor.h"

#include <GLFW/glfw3.h>

namespace app {

MouseCursor::MouseCursor(GLFWwindow* window) : _window(window) {
    ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    // GLFW 3.3's standard shapes; the others fall back to the arrow.
    _cursors[ImGuiMouseCursor_TextInput] = glfwCreateStandardCursor(GLFW_IBEAM_CURSOR);
    _cursors[ImGuiMouseCursor_ResizeNS] = glfwCreateStandardCursor(GLFW_VRESIZE_CURSOR);
    _cursors[ImGuiMouseCursor_ResizeEW] = glfwCreateStandardCursor(GLFW_HRESIZE_CURSOR);
    _cursors[ImGuiMouseCursor_Hand] = glfwCreateStandardCursor(GLFW_HAND_CURSOR);
    unsigned char clear[4] = {0, 0, 0, 0};
    const GLFWimage blank{1, 1, clear};
    _blank = glfwCreateCursor(&blank, 0, 0);
}

MouseCursor::~MouseCursor() {
    glfwSetCursor(_window, nullptr);
    for (GLFWcursor* cursor : _cursors)
        if (cursor) glfwDestroyCursor(cursor);
    if (_blank) glfwDestroyCursor(_blank);
}

void MouseCursor::show(ImGuiMouseCursor shape) {
    if (shape == _shown) return;
    GLFWcursor* cursor = nullptr; // the arrow
    if (shape == ImGuiMouseCursor_None) cursor = _blank;
    else if (shape >= 0 && shape < ImGuiMouseCursor_COUNT) cursor = _cursors[shape];
    glfwSetCursor(_window, cursor);
    _shown = shape;
}

} // namespace app
