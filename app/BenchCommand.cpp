#include "app/Commands.h"
#include "app/ScenarioSwitch.h"
#include "app/UsageError.h"
#include "geo/Picking.h"
#include "geo/Scenario.h"
#include "geo/Sidc.h"
#include "geo/SymbolAtlas.h"
#include "geo/SymbolLibrary.h"
#include "geo/SyntheticSites.h"
#include "geo/Tour.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace app {

namespace {

struct Timing {
    double median = 0, p95 = 0, p99 = 0, max = 0;
};

//! Median, 95th and 99th percentiles and the longest of frame times; nothing when no frame was timed, so
//! that no figure is printed that was not measured.
std::optional<Timing> summarise(std::vector<double> ms) {
    if (ms.empty()) return std::nullopt;
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double q) {
        return ms[std::min(ms.size() - 1, static_cast<size_t>(q * (ms.size() - 1) + 0.5))];
    };
    return Timing{at(0.5), at(0.95), at(0.99), ms.back()};
}

//! {"median": .., "p95": ..}, or null with `why` beside it in "<key>_missing" when nothing was measured.
void putTiming(nlohmann::json& j, const std::string& key, const std::optional<Timing>& t, const std::string& why) {
    if (t) {
        j[key] = {{"median", t->median}, {"p95", t->p95}};
    } else {
        j[key] = nullptr;
        j[key + "_missing"] = why;
    }
}

//! Frames a scenario switch lasts in the bench: ScenarioSwitch::kSeconds at 30 frames/s.
constexpr int kSwitchFrames = 18;
static_assert(kSwitchFrames == int(ScenarioSwitch::kSeconds * 30.0 + 0.5));

//! Frame times of a render loop with frames in flight, as the viewer runs: each frame's time is
//! the interval between two submissions in the steady state. `viewAt(i)` gives frame i's view;
//! `transitionFrames` collects the times of frames shown mid-switch separately.
std::optional<Timing> timeFrames(renderer::SceneRenderer& r, const std::function<renderer::SceneView(int)>& viewAt,
                                 int frames, std::vector<double>* transitionFrames = nullptr) {
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

//! A folder under the system's temp directory, removed with what is in it.
struct ScratchDir {
    std::filesystem::path path;
    explicit ScratchDir(const std::string& name)
        : path(std::filesystem::temp_directory_path() / (name + "-" + std::to_string(getpid()))) {
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~ScratchDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

double msSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

//! The flight of `bench --flight`: from `start` down to 5 km over the same target, tilted toward the horizon
//! as a user looks when close, eased in and out as the viewer's tours are (geo::CameraPath).
geo::CameraPath flightFrom(const geo::CameraPose& start, double seconds) {
    geo::Tour tour;
    geo::Keyframe from, to;
    from.camera = start;
    to.camera = start;
    to.camera.range = 5000.0;
    to.camera.tilt = 60.0;
    to.duration = seconds;
    tour.keyframes = {from, to};
    return geo::CameraPath(tour);
}

//! Streams tiles as the viewer does (TileLoading::Background) while the camera flies `path` over `frames`
//! frames at 60 frames a second of flight, starting from a renderer that has drawn one frame.
nlohmann::json timeFlight(renderer::SceneRenderer& r, const LoadedScene& scene, renderer::SceneView view,
                          const geo::CameraPath& path, int frames) {
    renderer::FrameStats last;
    const auto viewAt = [&](int i) {
        view.pose = geo::groundPose(path.at(std::min(i, frames - 1) / 60.0), scene.terrain, view.exaggeration);
        return view;
    };
    std::vector<double> ms;
    auto previous = std::chrono::steady_clock::now();
    for (int i = 0; i < frames; ++i) {
        last = r.submitFrame(viewAt(i));
        const auto now = std::chrono::steady_clock::now();
        ms.push_back(std::chrono::duration<double, std::milli>(now - previous).count());
        previous = now;
    }
    r.waitIdle();
    const Timing t = *summarise(ms);
    nlohmann::json j = {{"frames", frames},
                        {"from", geo::formatCamera(path.at(0))},
                        {"to", geo::formatCamera(path.at(path.duration()))},
                        {"median_ms", t.median},
                        {"p99_ms", t.p99},
                        {"max_ms", t.max},
                        {"p99_over_median", t.p99 / t.median},
                        {"tiles_resident_at_end", last.tilesResident},
                        {"tiles_loading_at_end", last.tilesLoading},
                        {"complete_at_end", last.complete}};
    // Then hover at 5 km until every tile is there: how long streaming lags behind the flight.
    const auto landed = std::chrono::steady_clock::now();
    while (!last.complete && msSince(landed) < 120e3) last = r.submitFrame(viewAt(frames));
    r.waitIdle();
    j["settled_after_ms"] = last.complete ? nlohmann::json(msSince(landed)) : nlohmann::json(nullptr);
    j["tiles_resident_settled"] = last.tilesResident;
    return j;
}

//! `bench --flight`: the time to the first frame as the viewer draws it, then the flight.
int benchFlight(const SceneOptions& options, VkExtent2D size, int frames,
                std::chrono::steady_clock::time_point started) {
    nlohmann::json first;
    const auto scene = loadScene(options);
    first["scene_loaded_ms"] = msSince(started);
    renderer::SceneView view = options.view(*scene);
    renderer::Context context(contextOptionsFromEnvironment());
    renderer::SceneRenderer r(context, scene->inputs, size);
    first["renderer_built_ms"] = msSince(started);
    const renderer::FrameStats stats = r.submitFrame(view); // the viewer's first frame: what is there, at once
    r.waitIdle();
    first["first_frame_ms"] = msSince(started);
    first["first_frame_tiles"] = stats.tiles;
    nlohmann::json j;
    j["device"] = context.deviceName();
    j["device_type"] = context.deviceType();
    j["size"] = std::to_string(size.width) + "x" + std::to_string(size.height);
    j["dem"] = options.dem.empty() ? "the default data" : options.dem;
    j["first_frame"] = first;
    j["flight"] = timeFlight(r, *scene, view, flightFrom(view.pose, frames / 60.0), frames);
    j["gpu_memory_bytes"] = context.memoryInUse().load();
    std::cout << j.dump(2) << std::endl;
    return finishWithValidation(context, 0);
}

//! Time to draw and rasterize 1,000 SIDCs the atlas has never seen (an empty disk cache), as a
//! scenario file new to the viewer would need them.
nlohmann::json timeNewSymbols(const std::filesystem::path& cache) {
    auto library = geo::SymbolLibrary::start();
    if (!library) return {{"missing", library.failure().message()}};
    std::vector<geo::SymbolKey> keys;
    constexpr const char* entities[] = {"121100", "120500", "121000"};
    for (int identity : {1, 3, 4, 6})
        for (int status : {0, 1})
            for (int hq : {0, 2, 4, 6})
                for (int echelon : {11, 12, 13, 14, 15, 16, 17, 18, 21, 22, 23})
                    for (const char* entity : entities)
                        if (keys.size() < 1000)
                            keys.push_back({geo::numericSidc(geo::StandardIdentity(identity), 10,
                                                             geo::SymbolStatus(status), hq, echelon, entity),
                                            40});
    geo::SymbolAtlas atlas(library.value().get(), cache);
    const auto start = std::chrono::steady_clock::now();
    const auto entries = atlas.require(keys);
    const double ms = msSince(start);
    const size_t failed = size_t(std::count_if(entries.begin(), entries.end(), [](auto* e) { return !e->ok(); }));
    return {{"sidcs", keys.size()}, {"drawn", atlas.drawn()}, {"failed", failed}, {"ms", ms}};
}

} // namespace

Command addBenchCommand(CLI::App& cli) {
    struct Options {
        SceneOptions scene;
        std::string size = "1920x1080";
        int frames = 120;
        int switchEvery = 0;
        int sites = 0;
        bool flight = false;
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
                  "during switches against steady frames; a switch lasts " +
                      std::to_string(kSwitchFrames) + " frames, so K is at least " + std::to_string(kSwitchFrames + 1) +
                      " to leave steady frames")
        ->check(CLI::Range(kSwitchFrames + 1, 100000));
    c->add_option("--sites", o->sites,
                  "Draw N deterministic synthetic sites (mixed SIDCs and nations over the region, two scenarios) "
                  "instead of the scenario files; reports their load time and 1,000 new SIDCs rasterized")
        ->check(CLI::Range(1, 1000000));
    c->add_flag("--flight", o->flight,
                "Instead: the time to the first frame (loading the scene included), then a flight from the home view "
                "(or --camera) down to 5 km over --frames frames (60 a second of flight) while tiles stream in the "
                "background as in the viewer; reports the median, 99th percentile and longest frame times, p99 over "
                "median (the target is 2 at most), the tiles resident and loading at the end, and how long after "
                "landing every tile was there");
    o->scene.addTo(*c);
    return [o, c]() -> int {
        if (!c->parsed()) return -1;
        const auto started = std::chrono::steady_clock::now();
        const VkExtent2D size = parseSize(o->size);
        if (o->flight) return benchFlight(o->scene, size, o->frames, started);
        std::optional<ScratchDir> sitesDir;
        nlohmann::json sites;
        if (o->sites > 0) {
            sitesDir.emplace("bulwark-bench-sites");
            o->scene.scenarios = geo::writeSyntheticSites(sitesDir->path, size_t(o->sites)).string();
            if (o->scene.scenario.empty()) o->scene.scenario = "sites-b";
            const auto start = std::chrono::steady_clock::now();
            const geo::ScenarioLoad load = geo::loadScenarios(o->scene.scenarios);
            sites["sites"] = o->sites;
            sites["geojson_load_ms"] = msSince(start);
            sites["problems"] = load.problems.size();
            sites["new_symbols"] = timeNewSymbols(sitesDir->path / "symbol-cache");
        }
        const auto scene = loadScene(o->scene);
        const size_t scenarios = scene->scenarios.scenarios.size();
        if (o->switchEvery > 0 && scenarios < 2)
            throw UsageError("--switch-every " + std::to_string(o->switchEvery) + ": needs two scenarios or more, " +
                             std::to_string(scenarios) + " loaded");
        const renderer::SceneView view = o->scene.view(*scene);
        renderer::Context context(contextOptionsFromEnvironment());
        const auto built = std::chrono::steady_clock::now();
        renderer::SceneRenderer r(context, scene->inputs, size);
        if (o->sites > 0) sites["renderer_build_ms"] = msSince(built); // every layer: symbols, clusters, atlas
        renderer::FrameStats stats;
        r.renderStill(view, &stats); // builds every tile first
        renderer::SceneView empty = view;
        empty.clearOnly = true;
        // Both loops time o->frames >= 1 frames, so both have a median.
        const Timing emptyTiming = *timeFrames(
            r, [&](int) { return empty; }, o->frames);
        const Timing sceneTiming = *timeFrames(
            r, [&](int) { return view; }, o->frames);
        nlohmann::json j;
        j["device"] = context.deviceName();
        j["device_type"] = context.deviceType();
        j["size"] = o->size;
        j["frames"] = o->frames;
        putTiming(j, "scene_ms", sceneTiming, "");
        putTiming(j, "empty_ms", emptyTiming, "");
        j["scene_fps_median"] = 1000.0 / sceneTiming.median;
        j["scene_over_empty"] = sceneTiming.median / emptyTiming.median;
        j["triangles"] = stats.triangles;
        j["terrain_tiles"] = stats.tiles;
        j["labels"] = stats.labels;
        j["line_segments"] = stats.lineSegments;
        j["gpu_memory_bytes"] = context.memoryInUse().load();
        if (o->sites > 0) {
            // The camera turning a little every frame: the symbols' per-frame choice (CPU) runs each frame.
            const Timing turning = *timeFrames(
                r,
                [&](int i) {
                    renderer::SceneView v = view;
                    v.pose.heading += 0.05 * (i + 1);
                    return v;
                },
                o->frames);
            putTiming(sites, "turning_camera_ms", turning, "");
            j["sites"] = sites;
        }
        if (o->switchEvery > 0) {
            // Switch to the next scenario every K frames, the switch running 0.6 s of frames at 30 frames/s.
            const auto switchingView = [&](int i) {
                renderer::SceneView v = view;
                const int round = i / o->switchEvery, into = i % o->switchEvery;
                showSwitch(v, int(round % scenarios), int((round + 1) % scenarios), double(into) / kSwitchFrames);
                return v;
            };
            const uint64_t before = context.uploadedBytes().load();
            std::vector<double> transition;
            const std::optional<Timing> steady = timeFrames(r, switchingView, o->frames, &transition);
            nlohmann::json s = {{"every_frames", o->switchEvery},
                                {"switches", o->frames / o->switchEvery},
                                {"bytes_uploaded", context.uploadedBytes().load() - before},
                                {"transition_frames", transition.size()}};
            putTiming(s, "steady_ms", steady,
                      "every frame timed was mid-switch: give --frames above " + std::to_string(kSwitchFrames));
            putTiming(s, "transition_ms", summarise(transition), "no switch fell within the frames timed");
            j["switching"] = s;
        }
        std::cout << j.dump(2) << std::endl;
        return finishWithValidation(context, 0);
    };
}

} // namespace app
