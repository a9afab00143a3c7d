#pragma once
// The tour timeline in the viewer: add a keyframe from the current view, reorder, delete, set
// duration, easing, hold, scenario and caption, scrub, play and pause, save (write-then-rename),
// and record the tour to video in the background. Unsaved changes are never lost on close without
// asking.
#include "geo/Camera.h"
#include "geo/Scenario.h"
#include "geo/Tour.h"

#include <atomic>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace app {

class TourEditor {
public:
    //! Opens `file` when it exists (throws UsageError on a broken one), else starts a new tour there.
    TourEditor(std::filesystem::path file, const geo::ScenarioSet& scenarios);
    ~TourEditor();

    //! Draws the timeline window. `current` is the viewer's camera now, for "Add from view".
    void draw(const geo::CameraPose& current, int currentScenario);
    //! While playing or scrubbing: the camera and scenario the tour shows now; nothing otherwise.
    struct Shown {
        geo::CameraPose camera;
        geo::TourScenario scenario;
        std::string caption;
    };
    std::optional<Shown> update(double seconds);

    bool dirty() const { return _dirty; }
    const geo::Tour& tour() const { return _tour; }
    //! Before the window closes: Close when nothing is unsaved or the user answered; Wait while the
    //! question is open; Stay when the user cancelled the close.
    enum class CloseAnswer { Close, Wait, Stay };
    CloseAnswer mayClose();
    bool save();

private:
    void record();
    std::filesystem::path _file;
    const geo::ScenarioSet& _scenarios;
    geo::Tour _tour;
    bool _dirty = false;
    int _selected = -1;
    bool _playing = false, _scrubbing = false;
    double _time = 0, _lastSeconds = -1;
    bool _askClose = false, _closeAnswered = false, _closeCancelled = false;
    std::string _status;
    std::thread _recorder;
    std::mutex _recordMutex;
    std::string _recordProgress;
    std::atomic<bool> _recording{false};
};

} // namespace app
