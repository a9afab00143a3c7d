#pragma once
// The pointer's shape in the viewer's window, as the panel asks for it (an arrow, a text bar, resize
// arrows, none while the cursor rests), set when it changes. Never through glfwSetInputMode(GLFW_CURSOR), as
// ImGui's GLFW backend does every frame: each call makes GLFW take the pointer's position as it is now for
// its own, after which the motion event to that position never reaches the viewer, and a button pressed
// there was taken to be pressed where the pointer had been before (ViewerInput). A hidden pointer is a
// blank cursor image.
#include <imgui.h>

struct GLFWwindow;
struct GLFWcursor;

namespace app {

class MouseCursor {
public:
    //! Takes the pointer's shape over from ImGui (ImGuiConfigFlags_NoMouseCursorChange); after the panel's
    //! context exists.
    explicit MouseCursor(GLFWwindow* window);
    ~MouseCursor();
    MouseCursor(const MouseCursor&) = delete;
    MouseCursor& operator=(const MouseCursor&) = delete;

    //! Shows `shape` (ImGui::GetMouseCursor() once the panel is drawn); nothing when it is shown already.
    void show(ImGuiMouseCursor shape);

private:
    GLFWwindow* _window;
    GLFWcursor* _cursors[ImGuiMouseCursor_COUNT] = {};
    GLFWcursor* _blank = nullptr;
    ImGuiMouseCursor _shown = ImGuiMouseCursor_Arrow; //!< GLFW's default cursor is the arrow
};

} // namespace app
