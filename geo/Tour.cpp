#include "geo/Tour.h"

#include "geo/OutputFile.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

namespace geo {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kFormat = "bulwark-tour/1";
constexpr double kMaxSeconds = 3600.0;

const std::vector<std::pair<Easing, const char*>> kEasings = {{Easing::Linear, "linear"},
                                                              {Easing::EaseIn, "ease-in"},
                                                              {Easing::EaseOut, "ease-out"},
                                                              {Easing::EaseInOut, "ease-in-out"}};

double ease(Easing e, double s) {
    switch (e) {
    case Easing::Linear: return s;
    case Easing::EaseIn: return s * s;
    case Easing::EaseOut: return s * (2.0 - s);
    case Easing::EaseInOut: return s * s * (3.0 - 2.0 * s);
    }
    return s;
}
bool slowStart(Easing e) {
    return e == Easing::EaseIn || e == Easing::EaseInOut;
}
bool slowEnd(Easing e) {
    return e == Easing::EaseOut || e == Easing::EaseInOut;
}

double wrap180(double d) {
    return std::remainder(d, 360.0);
}

} // namespace

const char* easingName(Easing easing) {
    for (const auto& [e, name] : kEasings)
        if (e == easing) return name;
    return "?";
}

TourLoad loadTour(const fs::path& file) {
    TourLoad load;
    load.tour.file = file;
    auto report = [&](const std::string& where, const std::string& field, const std::string& message) {
        load.problems.push_back({file.string(), where, field, message});
    };
    if (!fs::exists(file)) {
        report("", "", "file not found");
        return load;
    }
    std::ifstream in(file);
    const json doc = json::parse(in, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        report("", "", "not a JSON object (is it a tour?)");
        return load;
    }
    for (const auto& [key, value] : doc.items())
        if (key != "format" && key != "title" && key != "scenarios" && key != "keyframes")
            report("", key, "unknown field");
    if (doc.value("format", "") != kFormat) report("", "format", std::string("must be \"") + kFormat + "\"");
    load.tour.title = doc.value("title", "");
    if (doc.contains("scenarios")) {
        if (doc["scenarios"].is_string())
            load.tour.scenarios = file.parent_path() / doc["scenarios"].get<std::string>();
        else
            report("", "scenarios", "must be the path of a scenario manifest");
    }
    if (!doc.contains("keyframes") || !doc["keyframes"].is_array() || doc["keyframes"].size() < 2) {
        report("", "keyframes", "needs a list of at least two keyframes");
        return load;
    }
    int number = 0;
    for (const json& k : doc["keyframes"]) {
        ++number;
        const std::string where = "keyframe " + std::to_string(number);
        if (!k.is_object()) {
            report(where, "", "must be an object");
            continue;
        }
        Keyframe key;
        for (const auto& [field, value] : k.items())
            if (field != "camera" && field != "duration" && field != "easing" && field != "hold" &&
                field != "scenario" && field != "caption")
                report(where, field, "unknown field");
        const auto number_in = [&](const json& obj, const char* field, double lo, double hi, double fallback,
                                   const std::string& prefix) -> double {
            if (!obj.contains(field)) return fallback;
            if (!obj[field].is_number()) {
                report(where, prefix + field, "must be a number");
                return fallback;
            }
            const double v = obj[field].get<double>();
            if (!std::isfinite(v) || v < lo || v > hi) {
                report(where, prefix + field, "must be within " + json(lo).dump() + ".." + json(hi).dump());
                return fallback;
            }
            return v;
        };
        if (!k.contains("camera") || !k["camera"].is_object()) {
            report(where, "camera", "missing: {lon, lat, range_km, heading, tilt}");
        } else {
            const json& c = k["camera"];
            for (const auto& [field, value] : c.items())
                if (field != "lon" && field != "lat" && field != "range_km" && field != "heading" && field != "tilt")
                    report(where, "camera." + field, "unknown field");
            for (const char* required : {"lon", "lat", "range_km"})
                if (!c.contains(required)) report(where, std::string("camera.") + required, "missing");
            key.camera.lon = number_in(c, "lon", -180, 360, 0, "camera.");
            key.camera.lat = number_in(c, "lat", -90, 90, 0, "camera.");
            key.camera.range = number_in(c, "range_km", kMinRange / 1000, kMaxRange / 1000, 1000, "camera.") * 1000;
            key.camera.heading = number_in(c, "heading", -360, 720, 0, "camera.");
            key.camera.tilt = number_in(c, "tilt", 0, kMaxTilt, 0, "camera.");
        }
        key.duration = number_in(k, "duration", 0, kMaxSeconds, number == 1 ? 0.0 : 5.0, "");
        if (number > 1 && key.duration <= 0 && k.contains("duration"))
            report(where, "duration", "a flight needs time: more than 0 seconds");
        key.hold = number_in(k, "hold", 0, kMaxSeconds, 0, "");
        if (k.contains("easing")) {
            const std::string name = k["easing"].is_string() ? k["easing"].get<std::string>() : "";
            const auto found =
                std::find_if(kEasings.begin(), kEasings.end(), [&](const auto& e) { return name == e.second; });
            if (found == kEasings.end())
                report(where, "easing", "unknown easing '" + name + "' (linear, ease-in, ease-out, ease-in-out)");
            else
                key.easing = found->first;
        }
        if (k.contains("scenario")) {
            if (k["scenario"].is_string())
                key.scenario = k["scenario"].get<std::string>();
            else
                report(where, "scenario", "must be a scenario id");
        }
        if (k.contains("caption")) {
            if (k["caption"].is_string())
                key.caption = k["caption"].get<std::string>();
            else
                report(where, "caption", "must be text");
        }
        load.tour.keyframes.push_back(std::move(key));
    }
    return load;
}

std::vector<Problem> checkTourScenarios(const Tour& tour, const ScenarioSet& set) {
    std::vector<Problem> problems;
    for (size_t i = 0; i < tour.keyframes.size(); ++i) {
        const std::string& id = tour.keyframes[i].scenario;
        if (!id.empty() && !set.indexOf(id))
            problems.push_back({tour.file.string(), "keyframe " + std::to_string(i + 1), "scenario",
                                "unknown scenario id '" + id + "'"});
    }
    return problems;
}

Result<bool> saveTour(const Tour& tour, const fs::path& file) {
    json doc;
    doc["format"] = kFormat;
    if (!tour.title.empty()) doc["title"] = tour.title;
    if (!tour.scenarios.empty())
        doc["scenarios"] = fs::relative(tour.scenarios, file.parent_path().empty() ? "." : file.parent_path()).string();
    doc["keyframes"] = json::array();
    for (const Keyframe& k : tour.keyframes) {
        json j;
        j["camera"] = {{"lon", k.camera.lon},
                       {"lat", k.camera.lat},
                       {"range_km", k.camera.range / 1000.0},
                       {"heading", k.camera.heading},
                       {"tilt", k.camera.tilt}};
        j["duration"] = k.duration;
        j["easing"] = easingName(k.easing);
        if (k.hold > 0) j["hold"] = k.hold;
        if (!k.scenario.empty()) j["scenario"] = k.scenario;
        if (!k.caption.empty()) j["caption"] = k.caption;
        doc["keyframes"].push_back(j);
    }
    try {
        writeOutputFile(file, doc.dump(2) + "\n");
    } catch (const OutputError& e) {
        return e.failure;
    }
    return true;
}

CameraPath::CameraPath(const Tour& tour) {
    double t = 0;
    double heading = 0;
    for (size_t i = 0; i < tour.keyframes.size(); ++i) {
        const Keyframe& k = tour.keyframes[i];
        const CameraPose& c = k.camera;
        // Longitude and heading unwrapped so each step goes the short way round.
        const double lon = i == 0 ? c.lon : _points.back().lon + wrap180(c.lon - _points.back().lon);
        heading = i == 0 ? c.heading : heading + wrap180(c.heading - heading);
        _points.push_back({lon, c.lat, std::log(std::max(c.range, kMinRange)), heading, c.tilt});
        t += i == 0 ? 0.0 : k.duration;
        _arrivals.push_back(t);
        _holds.push_back(k.hold);
        _durations.push_back(i == 0 ? 0.0 : k.duration);
        _easings.push_back(k.easing);
        t += k.hold;
    }
    // Tangents (per second): Catmull-Rom over time where the camera flies through a keyframe;
    // zero where it stops (a hold, an end, or an easing that slows into or out of it).
    const size_t n = _points.size();
    _tangents.assign(n, Point{0, 0, 0, 0, 0});
    for (size_t i = 1; i + 1 < n; ++i) {
        const bool stops = _holds[i] > 0 || slowEnd(_easings[i]) || slowStart(_easings[i + 1]);
        const double span = _durations[i] + _durations[i + 1];
        if (stops || span <= 0) continue;
        const Point &a = _points[i - 1], &b = _points[i + 1];
        _tangents[i] = {(b.lon - a.lon) / span, (b.lat - a.lat) / span, (b.logRange - a.logRange) / span,
                        (b.heading - a.heading) / span, (b.tilt - a.tilt) / span};
    }
}

size_t CameraPath::keyframeAt(double seconds) const {
    size_t k = 0;
    while (k + 1 < _arrivals.size() && _arrivals[k + 1] <= seconds) ++k;
    return k;
}

CameraPose CameraPath::at(double seconds) const {
    CameraPose pose;
    if (_points.empty()) return pose;
    const size_t k = keyframeAt(std::clamp(seconds, 0.0, duration()));
    Point p = _points[k];
    const double leave = _arrivals[k] + _holds[k];
    if (k + 1 < _points.size() && seconds > leave) {
        // In flight from keyframe k to k+1: Hermite with the eased parameter.
        const double d = _durations[k + 1];
        const double s = ease(_easings[k + 1], std::clamp((seconds - leave) / d, 0.0, 1.0));
        const double s2 = s * s, s3 = s2 * s;
        const double h00 = 2 * s3 - 3 * s2 + 1, h10 = s3 - 2 * s2 + s, h01 = -2 * s3 + 3 * s2, h11 = s3 - s2;
        const Point &a = _points[k], &b = _points[k + 1], &ma = _tangents[k], &mb = _tangents[k + 1];
        auto mix = [&](double Point::*f) { return h00 * a.*f + h10 * d * ma.*f + h01 * b.*f + h11 * d * mb.*f; };
        p = {mix(&Point::lon), mix(&Point::lat), mix(&Point::logRange), mix(&Point::heading), mix(&Point::tilt)};
    }
    pose.lon = wrap180(p.lon);
    pose.lat = std::clamp(p.lat, -89.0, 89.0);
    pose.range = std::clamp(std::exp(p.logRange), kMinRange, kMaxRange);
    pose.heading = std::fmod(std::fmod(p.heading, 360.0) + 360.0, 360.0);
    pose.tilt = std::clamp(p.tilt, 0.0, kMaxTilt);
    return pose;
}

TourScenario scenarioAt(const Tour& tour, const CameraPath& path, const ScenarioSet& set, double seconds,
                        double switchSeconds) {
    TourScenario shown;
    double switchedAt = -1e9;
    for (size_t i = 0; i < tour.keyframes.size() && path.arrival(i) <= seconds; ++i) {
        const auto index = tour.keyframes[i].scenario.empty() ? std::nullopt : set.indexOf(tour.keyframes[i].scenario);
        if (!index || int(*index) == shown.to) continue;
        shown.from = shown.to < 0 ? int(*index) : shown.to;
        shown.to = int(*index);
        switchedAt = path.arrival(i);
    }
    shown.progress = shown.from == shown.to ? 1.0 : std::clamp((seconds - switchedAt) / switchSeconds, 0.0, 1.0);
    return shown;
}

std::string captionAt(const Tour& tour, const CameraPath& path, double seconds) {
    return tour.keyframes.empty() ? std::string() : tour.keyframes[path.keyframeAt(seconds)].caption;
}

} // namespace geo
