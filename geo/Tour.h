#pragma once
// Fly-through tours: keyframes of the camera with durations, easing, holds, scenario switches and
// captions, read from a small JSON file; and the camera path through them, a pure function of time.
#include "geo/Camera.h"
#include "geo/Scenario.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace geo {

enum class Easing { Linear, EaseIn, EaseOut, EaseInOut };

struct Keyframe {
    CameraPose camera;
    double duration = 0; //!< seconds of flight from the previous keyframe (0 for the first)
    Easing easing = Easing::EaseInOut;
    double hold = 0;      //!< seconds to stay once there
    std::string scenario; //!< switch to it on arrival (empty: keep the one shown)
    std::string caption;  //!< shown from arrival until the next keyframe's
};

struct Tour {
    std::filesystem::path file;
    std::string title;
    std::filesystem::path scenarios; //!< manifest the scenario ids refer to (empty: none named)
    std::vector<Keyframe> keyframes;
};

//! Reads a tour; every problem gets the file, the keyframe number (from 1) and the field. Unknown
//! fields are problems too (a typo must not silently do nothing).
struct TourLoad {
    Tour tour;
    std::vector<Problem> problems;
};
TourLoad loadTour(const std::filesystem::path& file);
//! The longest tour loadTour accepts: a day, far beyond a briefing, and few enough frames to count in an int.
constexpr double kMaxTourSeconds = 24 * 3600.0;
//! Scenario ids the tour names that `set` lacks, as problems.
std::vector<Problem> checkTourScenarios(const Tour& tour, const ScenarioSet& set);
//! Writes the tour as JSON through an OutputFile: a full disk, a crash or Ctrl-C never costs the saved tour.
Result<bool> saveTour(const Tour& tour, const std::filesystem::path& file);

const char* easingName(Easing easing);

//! The camera through the keyframes: a Hermite spline in (lon, lat, log range, heading the short way
//! round, tilt) with tangents from the neighbours (Catmull-Rom over time), so velocity is continuous;
//! it stops (zero velocity) at keyframes that hold or that an easing slows into or out of.
class CameraPath {
public:
    explicit CameraPath(const Tour& tour);
    double duration() const { return _arrivals.empty() ? 0.0 : _arrivals.back() + _holds.back(); }
    //! The camera at `seconds` from the start (clamped to the tour).
    CameraPose at(double seconds) const;
    //! Index of the last keyframe reached at `seconds` (arrival time at or before it).
    size_t keyframeAt(double seconds) const;
    double arrival(size_t keyframe) const { return _arrivals.at(keyframe); }

private:
    struct Point {
        double lon, lat, logRange, heading, tilt;
    };
    std::vector<Point> _points;
    std::vector<Point> _tangents; //!< per second
    std::vector<double> _arrivals, _holds, _durations;
    std::vector<Easing> _easings;
};

//! The scenario shown at `seconds`: the index (in `set`) switched to most recently, the one before
//! it, and the progress of that switch (0..1 over `switchSeconds`). -1 where the tour names none yet.
struct TourScenario {
    int from = -1, to = -1;
    double progress = 1;
};
TourScenario scenarioAt(const Tour& tour, const CameraPath& path, const ScenarioSet& set, double seconds,
                        double switchSeconds = 0.6);
//! The caption shown at `seconds`: the last keyframe reached's, until the next keyframe's arrival.
std::string captionAt(const Tour& tour, const CameraPath& path, double seconds);

} // namespace geo
