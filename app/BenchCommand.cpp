#include "app/Commands.h"
#include "app/UsageError.h"

#include <algorithm>
#include <chrono>
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
Timing timeFrames(renderer::SceneRenderer& r, const renderer::SceneView& view, int frames) {
    std::vector<double> ms;
    ms.reserve(frames);
    for (int i = 0; i < 4; ++i) r.submitFrame(view); // reach the steady state
    auto last = std::chrono::steady_clock::now();
    for (int i = 0; i < frames; ++i) {
        r.submitFrame(view);
        const auto now = std::chrono::steady_clock::now();
        ms.push_back(std::chrono::duration<double, std::milli>(now - last).count());
        last = now;
    }
    r.waitIdle();
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double q) {
        return ms[std::min(ms.size() - 1, static_cast<size_t>(q * (ms.size() - 1) + 0.5))];
    };
    return {at(0.5), at(0.95)};
}

} // namespace

Command addBenchCommand(CLI::App& cli) {
    struct Options {
        SceneOptions scene;
        std::string size = "1920x1080";
        int frames = 120;
    };
    auto o = std::make_shared<Options>();
    CLI::App* c = cli.add_subcommand(
        "bench", "Time frames of the default scene against empty (clear-only) frames; prints one JSON object");
    c->add_option("--size", o->size, "Frame size WIDTHxHEIGHT")->capture_default_str();
    c->add_option("--frames", o->frames, "Frames to time for each case")
        ->check(CLI::Range(1, 100000))
        ->capture_default_str();
    o->scene.addTo(*c);
    return [o, c]() -> int {
        if (!c->parsed()) return -1;
        const VkExtent2D size = parseSize(o->size);
        parseCameraOption(o->scene.camera); // a malformed camera fails before any file is read
        const auto scene = loadScene(o->scene);
        const renderer::SceneView view = o->scene.view(*scene);
        renderer::Context context(contextOptionsFromEnvironment());
        renderer::SceneRenderer r(context, scene->inputs, size);
        renderer::FrameStats stats;
        r.renderStill(view, &stats); // builds every tile first
        renderer::SceneView empty = view;
        empty.clearOnly = true;
        const Timing emptyTiming = timeFrames(r, empty, o->frames);
        const Timing sceneTiming = timeFrames(r, view, o->frames);
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
        std::cout << j.dump(2) << std::endl;
        return finishWithValidation(context, 0);
    };
}

} // namespace app
