#pragma once
// The mouse and keyboard of the viewer's window, read once a frame into plain values: the viewer
// works on an InputFrame, not on GLFW. Mouse buttons are events, not states read at the frame: a click
// whose press and release fall between two frames (a slow frame, a quick hand) is still a click, and a
// press lands where it was made, not where the cursor has moved to since. The panel (ImGui) is given the
// same frame, so it and the scene never disagree about where a click was.
#include <glm/vec2.hpp>
#include <deque>
#include <optional>
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
    bool buttons[3] = {}; //!< left, right, middle held (GLFW's order)
    bool left() const { return buttons[0]; }                //!< left button held
    bool right() const { return buttons[1] || buttons[2]; } //!< right or middle button held
    bool shift = false, control = false;
    //! When it was read, or when its button change was made (glfwGetTime): double clicks are told by it.
    double seconds = 0;
    //! Keys held now (the GLFW codes the viewer moves the camera with), for smooth movement.
    bool held(int key) const;
    std::vector<int> heldKeys;
};

class ViewerInput {
public:
    //! Installs the window's key, wheel, button and cursor callbacks; before ImGui's, which chain to them.
    explicit ViewerInput(GLFWwindow* window);
    ViewerInput(const ViewerInput&) = delete;
    ViewerInput& operator=(const ViewerInput&) = delete;

    //! What happened since the last call; call after glfwPollEvents(). Events are handed out in the order
    //! they came, up to and including one mouse button change a frame, with the cursor where that change
    //! was made: a press and a release in one frame give a frame with the button held, then one with it up.
    //! A button let go away from where the last frame had the cursor is first held there, then let go.
    InputFrame poll();
    //! Takes back the button change the last poll() handed out, to be handed out again by the next: for a frame
    //! the viewer skips after its keys (the window went fullscreen), so that no click is lost with it.
    void unpollButton();

private:
    //! A key pressed, or a mouse button pressed or let go (where and when).
    struct Event {
        KeyPress key;
        int button = -1; //!< GLFW button; -1 for a key
        bool down = false;
        glm::dvec2 at{0};
        double seconds = 0;
    };
    //! Events kept at most (a frame stalled for seconds under a flurry of input drops the oldest).
    static constexpr size_t kMaxEvents = 256;
    void push(const Event& event);

    GLFWwindow* _window;
    std::deque<Event> _events;
    double _scroll = 0;
    glm::dvec2 _cursor{0}; //!< where the cursor is, as of the events handled so far
    bool _buttons[3] = {}; //!< as of the changes handed out
    glm::dvec2 _reported{0}; //!< the cursor in the last frame handed out
    std::optional<Event> _handedOut; //!< the button change the last poll() handed out
};

} // namespace app
