#include "geo/Presentation.h"

#include "geo/Ellipsoid.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace geo {

namespace {

//! A flight between two views: eased out of the start and into the end. Between views far apart
//! it rises so both ends are in sight on the way, as the fly-to of a virtual globe does.
Tour flightBetween(const CameraPose& from, const Keyframe& to, double seconds) {
    Tour flight;
    Keyframe a;
    a.camera = from;
    Keyframe b;
    b.camera = to.camera;
    b.duration = seconds;
    b.easing = Easing::EaseInOut;
    const double distance = geodesicDistance(from.lon, from.lat, to.camera.lon, to.camera.lat);
    const double peak = 1.2 * distance;
    flight.keyframes.push_back(a);
    if (peak > std::max(from.range, to.camera.range)) {
        // A midpoint on the way, higher up; the Hermite path passes through it without stopping.
        Keyframe middle;
        middle.camera = to.camera;
        middle.camera.lon = from.lon + 0.5 * std::remainder(to.camera.lon - from.lon, 360.0);
        middle.camera.lat = 0.5 * (from.lat + to.camera.lat);
        middle.camera.range = std::sqrt(peak * std::max(from.range, to.camera.range));
        middle.camera.heading = from.heading + 0.5 * std::remainder(to.camera.heading - from.heading, 360.0);
        middle.camera.tilt = 0.5 * (from.tilt + to.camera.tilt);
        middle.duration = seconds / 2;
        middle.easing = Easing::Linear;
        b.duration = seconds / 2;
        b.easing = Easing::EaseOut;
        a.easing = Easing::EaseIn;
        flight.keyframes.back() = a;
        flight.keyframes.push_back(middle);
    }
    flight.keyframes.push_back(b);
    return flight;
}

} // namespace

Presentation::Presentation(Tour tour) : _tour(std::move(tour)) {
    if (_tour.keyframes.empty()) throw std::invalid_argument("a presentation needs at least one keyframe");
}

bool Presentation::goTo(size_t step, const CameraPose& from, double now) {
    if (step >= stepCount()) return false;
    _step = step;
    const Keyframe& to = _tour.keyframes[step];
    const double seconds = std::clamp(to.duration, kShortestFlight, kLongestFlight);
    _flight = Flight{CameraPath(flightBetween(from, to, seconds)), now};
    return true;
}

void Presentation::jumpTo(size_t step) {
    _step = std::min(step, stepCount() - 1);
    _flight.reset();
}

std::optional<CameraPose> Presentation::cameraAt(double now) const {
    if (!_flight || arrived(now)) return std::nullopt;
    return _flight->path.at(now - _flight->start);
}

double Presentation::flightSeconds() const {
    return _flight ? _flight->path.duration() : 0.0;
}

bool Presentation::arrived(double now) const {
    return !_flight || now - _flight->start >= _flight->path.duration();
}

std::string Presentation::scenario() const {
    for (size_t i = _step + 1; i-- > 0;)
        if (!_tour.keyframes[i].scenario.empty()) return _tour.keyframes[i].scenario;
    return {};
}

std::string Presentation::counter() const {
    return std::to_string(_step + 1) + " / " + std::to_string(stepCount());
}

} // namespace geo
