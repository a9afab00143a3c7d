#pragma once
// Which scenario is shown, and the switch between two: features of the new one grow and fade in,
// those only in the old one shrink and fade out, over about 0.6 s. Only these few numbers change
// on a switch; the renderer does the rest on the GPU from them.
#include "renderer/SceneRenderer.h"

namespace app {

//! Shows a switch from scenario `from` to `to` (indices) at `progress` 0..1 on `view`, eased in
//! and out: the one place the viewer, tours, `record` and `bench` turn a switch into uniforms.
void showSwitch(renderer::SceneView& view, int from, int to, double progress);

class ScenarioSwitch {
public:
    static constexpr double kSeconds = 0.6;

    explicit ScenarioSwitch(int count, int start = 0) : _count(count), _from(start), _to(start) {}

    //! Starts a switch to `index` at time `now` (seconds); out-of-range indices are ignored.
    void select(int index, double now);
    void step(int delta, double now) { select(_to + delta, now); } //!< next (+1) or previous (-1), no wrap
    int current() const { return _to; }
    int count() const { return _count; }
    bool switching(double now) const { return now - _start < kSeconds; }
    //! Sets the scenario masks and the eased progress of the switch on `view`.
    void apply(renderer::SceneView& view, double now) const;

private:
    int _count;
    int _from, _to;
    double _start = -1e9;
};

} // namespace app
