#pragma once
// The mouse and keyboard of the viewer's window, read once a frame into plain values: the viewer
// works on an InputFrame, not on GLFW.
#include <glm/vec2.hpp>
#include <utility>
#include <vector>

struct GLFWwindow;

namespace app {

struct KeyPress {
    int key = 0;  //!< GLFW key code
    int mods = 0; //!< GLFW modifier bits
};

struct InputFrame {
    std::vector<KeyPress> keys; //!< presses since the last frame, in order
    double scroll = 0;          //!< wheel steps since the last frame
    glm::dvec2 mouse{0};        //!< cursor in window coordinates (screen points)
    glm::dvec2 pixelsPerPoint{1};
    bool left = false;  //!< left button held
    bool right = false; //!< right or middle button held
    bool shift = false, control = false;
    double seconds = 0; //!< when it was read (glfwGetTime): double clicks are told by it
    //! Keys held now (the GLFW codes the viewer moves the camera with), for smooth movement.
    bool held(int key) const;
    std::vector<int> heldKeys;
};

class ViewerInput {
public:
    //! Installs the window's key and wheel callbacks; before ImGui's, which chain to them.
    explicit ViewerInput(GLFWwindow* window);
    ViewerInput(const ViewerInput&) = delete;
    ViewerInput& operator=(const ViewerInput&) = delete;

    //! What happened since the last call; call after glfwPollEvents().
    InputFrame poll();

private:
    GLFWwindow* _window;
    std::vector<KeyPress> _keys;
    double _scroll = 0;
};

} // namespace app
