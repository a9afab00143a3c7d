#pragma once
// Presenter mode in the viewer: a tour played step by step from a clicker. PageDown, Right, Space
// and Enter go forward; PageUp, Left and Backspace back; Home (or F5) and End to the first and last step;
// B or . blacks the screen and W whitens it, as slide software does (any step key brings the
// picture back). A small step counter sits in the corner. Between steps the presenter may grab
// the view and explore; the next step flies on from wherever the camera is.
#include "geo/Presentation.h"
#include "geo/Scenario.h"

#include <optional>
#include <string>

namespace app {

class Presenter {
public:
    //! Starts on the first step, shown at once.
    Presenter(geo::Tour tour, const geo::ScenarioSet& scenarios);

    enum class Blank { None, Black, White };

    //! A key press (GLFW key code); true when it is one of the presenter's keys, which the viewer
    //! then leaves alone. `camera` is the view now, where a flight starts.
    bool key(int key, const geo::CameraPose& camera, double now);
    //! The presenter grabbed the view (drag, wheel): a flight under way stops where it is.
    void interrupt() {
        _presentation.interrupt();
        _landing = false;
    }

    struct Shown {
        std::optional<geo::CameraPose> camera; //!< during a flight, and once on arrival; else the presenter's
        int scenario = -1;                     //!< on arrival, once: the index to switch to; else -1
        std::string caption;
    };
    Shown update(double now);

    //! The blank screen and the step counter, over everything (ImGui foreground), `scale` times
    //! their size at 1080p.
    void drawOverlay(float scale) const;
    Blank blank() const { return _blank; }
    const geo::Presentation& presentation() const { return _presentation; }

private:
    void announce() const;
    geo::Presentation _presentation;
    const geo::ScenarioSet& _scenarios;
    Blank _blank = Blank::None;
    bool _landing = true;       //!< the camera still has to be put at the step's view
    bool _switchPending = true; //!< the step's scenario still has to be switched to
};

} // namespace app
