#include "app/ScenarioSwitch.h"

#include <algorithm>

namespace app {

void ScenarioSwitch::select(int index, double now) {
    if (index < 0 || index >= _count || index == _to) return;
    _from = _to;
    _to = index;
    _start = now;
}

void showSwitch(renderer::SceneView& view, int from, int to, double progress) {
    const double t = std::clamp(progress, 0.0, 1.0);
    view.scenarioFrom = 1u << from;
    view.scenarioTo = 1u << to;
    view.transition = float(t * t * (3.0 - 2.0 * t)); // smoothstep: eases in and out
}

void ScenarioSwitch::apply(renderer::SceneView& view, double now) const {
    if (_count > 0) showSwitch(view, _from, _to, (now - _start) / kSeconds);
}

} // namespace app
