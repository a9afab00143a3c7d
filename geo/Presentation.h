#pragma once
// A tour played as a presenter's steps: each keyframe is a step. Going to a step flies the camera
// from wherever it is now (the presenter may have explored) to the step's view, shows its caption,
// and on arrival switches to its scenario. Navigation is what presentation clickers send: next,
// previous, first, last. A pure function of time, so it is tested without a window.
#include "geo/Camera.h"
#include "geo/Tour.h"

#include <optional>
#include <string>

namespace geo {

class Presentation {
public:
    //! Flights last the keyframe's own duration, kept within these bounds (seconds): a clicker
    //! step must neither jump nor keep the room waiting.
    static constexpr double kShortestFlight = 1.0, kLongestFlight = 4.0;

    //! `tour` must have at least one keyframe.
    explicit Presentation(Tour tour);

    size_t stepCount() const { return _tour.keyframes.size(); }
    //! The step shown or flown to (0-based).
    size_t step() const { return _step; }
    const Tour& tour() const { return _tour; }

    //! Each starts a flight at `now` (seconds) from `from`, the camera as it is; false when there is
    //! nowhere to go (next at the last step, previous at the first).
    bool next(const CameraPose& from, double now) { return goTo(_step + 1, from, now); }
    bool previous(const CameraPose& from, double now) { return _step > 0 && goTo(_step - 1, from, now); }
    bool first(const CameraPose& from, double now) { return goTo(0, from, now); }
    bool last(const CameraPose& from, double now) { return goTo(stepCount() - 1, from, now); }
    bool goTo(size_t step, const CameraPose& from, double now);
    //! Shows step `step` at once, without a flight (the first picture of a presentation).
    void jumpTo(size_t step);

    //! The camera during a flight; nothing once it has arrived (or was interrupted), when the
    //! camera is the presenter's to move.
    std::optional<CameraPose> cameraAt(double now) const;
    //! The presenter grabbed the view: the flight stops where it is. The step stays the same.
    void interrupt() { _flight.reset(); }
    //! Seconds the current flight takes (0 after jumpTo).
    double flightSeconds() const;

    //! Where the step's flight ends: its keyframe's view.
    const CameraPose& target() const { return _tour.keyframes[_step].camera; }
    //! The step's caption ("" when it has none).
    const std::string& caption() const { return _tour.keyframes[_step].caption; }
    //! The scenario the step shows: its own, or the last one an earlier step switched to; "" for none.
    std::string scenario() const;
    //! Whether the step's scenario is shown yet: it switches when the camera arrives.
    bool arrived(double now) const;
    //! "3 / 12": the step counter shown to the room.
    std::string counter() const;

private:
    Tour _tour;
    size_t _step = 0;
    struct Flight {
        CameraPath path;
        double start;
    };
    std::optional<Flight> _flight;
};

} // namespace geo
