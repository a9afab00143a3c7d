#include "geo/Tour.h"

#include "geo/JsonFields.h"
#include "geo/OutputFile.h"

#include <algorithm>
#include <cmath>
#include <fstream>
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
    const auto read = readJsonFile(file);
    if (!read) {
        report("", "", read.failure().what);
        return load;
    }
    const json& doc = read.value();
    if (!doc.is_object()) {
        report("", "", "not a JSON object (is it a tour?)");
        return load;
    }
    const JsonFields fields(doc,
                            [&](const std::string& field, const std::string& message) { report("", field, message); });
    fields.refuseUnknown({"format", "title", "scenarios", "keyframes"});
    // A field present with the wrong type has been reported by the reader already.
    const auto format = fields.text("format");
    if (format.value_or("") != kFormat && (format || !fields.has("format")))
        report("", "format", std::string("must be \"") + kFormat + "\"");
    load.tour.title = fields.text("title").value_or("");
    if (fields.has("scenarios")) {
        const auto scenarios = fields.text("scenarios");
        if (scenarios && !scenarios->empty())
            load.tour.scenarios = file.parent_path() / *scenarios;
        else if (scenarios)
            report("", "scenarios", "must be the path of a scenario manifest");
    }
    const json* keyframes = fields.array("keyframes");
    if (!keyframes || keyframes->size() < 2) {
        if (!fields.has("keyframes") || keyframes) report("", "keyframes", "needs a list of at least two keyframes");
        return load;
    }
    int number = 0;
    for (const json& k : *keyframes) {
        ++number;
        const std::string where = "keyframe " + std::to_string(number);
        const JsonFields key(
            k, [&](const std::string& field, const std::string& message) { report(where, field, message); });
        if (!key.isObject()) continue;
        Keyframe keyframe;
        key.refuseUnknown({"camera", "duration", "easing", "hold", "scenario", "caption"});
        if (const auto camera = key.object("camera")) {
            camera->refuseUnknown({"lon", "lat", "range_km", "heading", "tilt"});
            for (const char* required : {"lon", "lat", "range_km"})
                if (!camera->has(required)) report(where, std::string("camera.") + required, "missing");
            CameraPose& c = keyframe.camera;
            c.lon = camera->number("lon", -180, 360).value_or(0);
            c.lat = camera->number("lat", -90, 90).value_or(0);
            c.range = camera->number("range_km", kMinRange / 1000, kMaxRange / 1000).value_or(1000) * 1000;
            c.heading = camera->number("heading", -360, 720).value_or(0);
            c.tilt = camera->number("tilt", 0, kMaxTilt).value_or(0);
        } else if (!key.has("camera")) {
            report(where, "camera", "missing: {lon, lat, range_km, heading, tilt}");
        }
        keyframe.duration = key.number("duration", 0, kMaxSeconds).value_or(number == 1 ? 0.0 : 5.0);
        if (number > 1 && keyframe.duration <= 0 && key.has("duration"))
            report(where, "duration", "a flight needs time: more than 0 seconds");
        keyframe.hold = key.number("hold", 0, kMaxSeconds).value_or(0);
        if (key.has("easing")) {
            const std::string name = key.text("easing").value_or("");
            const auto found =
                std::find_if(kEasings.begin(), kEasings.end(), [&](const auto& e) { return name == e.second; });
            if (found != kEasings.end())
                keyframe.easing = found->first;
            else if (k.at("easing").is_string())
                report(where, "easing", "unknown easing '" + name + "' (linear, ease-in, ease-out, ease-in-out)");
        }
        keyframe.scenario = key.text("scenario").value_or("");
        keyframe.caption = key.text("caption").value_or("");
        load.tour.keyframes.push_back(std::move(keyframe));
    }
    if (const double seconds = CameraPath(load.tour).duration(); load.problems.empty() && seconds > kMaxTourSeconds)
        report("", "keyframes",
               "the tour lasts " + formatNumber(seconds / 3600) + " hours; a tour may last " +
                   formatNumber(kMaxTourSeconds / 3600) + " at most");
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
