#include "app/Commands.h"
#include "app/ScenarioSwitch.h"
#include "app/UsageError.h"

#include <algorithm>
#include <chrono>
#include <functional>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

namespace app {

namespace {

struct Timing {
    double median = 0, p95 = 0;
};

//! Frame times of a render loop with frames in flight, as the viewer runs: each frame's time is
//! the interval between two submissions in the steady state.
Timing summarise(std::vector<double> ms) {
    if (ms.empty()) return {};
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double q) {
        return ms[std::min(ms.size() - 1, static_cast<size_t>(q * (ms.size() - 1) + 0.5))];
    };
    return {at(0.5), at(0.95)};
}

//! Frame times of a render loop with frames in flight, as the viewer runs: each frame's time is
//! the interval between two submissions in the steady state. `viewAt(i)` gives frame i's view;
//! `transitionFrames` collects the times of frames shown mid-switch separately.
Timing timeFrames(renderer::SceneRenderer& r, const std::function<renderer::SceneView(int)>& viewAt, int frames,
                  std::vector<double>* transitionFrames = nullptr) {
    std::vector<double> ms;
    ms.reserve(frames);
    for (int i = 0; i < 4; ++i) r.submitFrame(viewAt(0)); // reach the steady state
    auto last = std::chrono::steady_clock::now();
    for (int i = 0; i < frames; ++i) {
        const renderer::SceneView view = viewAt(i);
        r.submitFrame(view);
        const auto now = std::chrono::steady_clock::now();
        const double frameMs = std::chrono::duration<double, std::milli>(now - last).count();
        const bool switching = view.transition < 1.0f && view.scenarioFrom != view.scenarioTo;
        (switching && transitionFrames ? *transitionFrames : ms).push_back(frameMs);
        last = now;
    }
    r.waitIdle();
    return summarise(ms);
}

} // namespace

Command addBenchCommand(CLI::App& cli) {
    struct Options {
        SceneOptions scene;
        std::string size = "1920x1080";
        int frames = 120;
        int switchEvery = 0;
    };
    auto o = std::make_shared<Options>();
    CLI::App* c = cli.add_subcommand(
        "bench", "Time frames of the default scene against empty (clear-only) frames; prints one JSON object");
    c->add_option("--size", o->size, "Frame size WIDTHxHEIGHT")->capture_default_str();
    c->add_option("--frames", o->frames, "Frames to time for each case")
        ->check(CLI::Range(1, 100000))
        ->capture_default_str();
    c->add_option("--switch-every", o->switchEvery,
                  "Switch to the next scenario every K frames and report the bytes uploaded and frame times "
                  "during switches against steady frames")
        ->check(CLI::Range(2, 100000));
    o->scene.addTo(*c);
    return [o, c]() -> int {
        if (!c->parsed()) return -1;
        const VkExtent2D size = parseSize(o->size);
        const auto scene = loadScene(o->scene);
        const renderer::SceneView view = o->scene.view(*scene);
        renderer::Context context(contextOptionsFromEnvironment());
        renderer::SceneRenderer r(context, scene->inputs, size);
        renderer::FrameStats stats;
        r.renderStill(view, &stats); // builds every tile first
        renderer::SceneView empty = view;
        empty.clearOnly = true;
        const Timing emptyTiming = timeFrames(
            r, [&](int) { return empty; }, o->frames);
        const Timing sceneTiming = timeFrames(
            r, [&](int) { return view; }, o->frames);
        nlohmann::json j;
        j["device"] = context.deviceName();
        j["device_type"] = context.deviceType();
        j["size"] = o->size;
        j["frames"] = o->frames;
        j["scene_ms"] = {{"median", sceneTiming.median}, {"p95", sceneTiming.p95}};
        j["empty_ms"] = {{"median", emptyTiming.median}, {"p95", emptyTiming.p95}};
        j["scene_fps_median"] = 1000.0 / sceneTiming.median;
        j["scene_over_empty"] = sceneTiming.median / emptyTiming.median;
        j["triangles"] = stats.triangles;
        j["terrain_tiles"] = stats.tiles;
        j["labels"] = stats.labels;
        j["line_segments"] = stats.lineSegments;
        j["gpu_memory_bytes"] = context.memoryInUse().load();
        const size_t scenarios = scene->scenarios.scenarios.size();
        if (o->switchEvery > 0 && scenarios > 1) {
            // Switch to the next scenario every K frames, the switch running 0.6 s of frames at 30 frames/s.
            const int switchFrames = int(ScenarioSwitch::kSeconds * 30.0);
            const auto switchingView = [&](int i) {
                renderer::SceneView v = view;
                const int round = i / o->switchEvery, into = i % o->switchEvery;
                showSwitch(v, int(round % scenarios), int((round + 1) % scenarios), double(into) / switchFrames);
                return v;
            };
            const uint64_t before = context.uploadedBytes().load();
            std::vector<double> transition;
            const Timing steady = timeFrames(r, switchingView, o->frames, &transition);
            const Timing moving = summarise(transition);
            j["switching"] = {{"every_frames", o->switchEvery},
                              {"switches", o->frames / o->switchEvery},
                              {"bytes_uploaded", context.uploadedBytes().load() - before},
                              {"steady_ms", {{"median", steady.median}, {"p95", steady.p95}}},
                              {"transition_ms", {{"median", moving.median}, {"p95", moving.p95}}},
                              {"transition_frames", transition.size()}};
        }
        std::cout << j.dump(2) << std::endl;
        return finishWithValidation(context, 0);
    };
}

} // namespace app
