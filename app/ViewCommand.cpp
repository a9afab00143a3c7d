#include "app/Commands.h"
#include "app/UsageError.h"
#include "app/Viewer.h"
#include "app/ViewerSettings.h"

#include <memory>

namespace app {

namespace {

//! The options the viewer and `present` share: window, display scale, and the scene.
struct WindowOptions {
    SceneOptions scene;
    std::string size = "1600x900";
    int monitor = 0;
    float uiScale = 0;
    int exitAfter = 0;
    bool fullscreen = false;
    CLI::Option* sizeOption = nullptr;

    void addTo(CLI::App& c) {
        sizeOption = c.add_option("--size", size,
                                  "Window size WIDTHxHEIGHT [default: where it was last time, else "
                                  "1600x900]");
        c.add_flag("--fullscreen", fullscreen,
                   "Borderless fullscreen at the monitor's native resolution (F11 toggles)");
        c.add_option("--monitor", monitor, "Fullscreen on monitor N (from 1; `bulwark monitors` lists them)")
            ->check(CLI::Range(1, 64));
        c.add_option("--ui-scale", uiScale,
                     "Size of panel, labels, lines and markers on top of the monitor's own scale "
                     "[default: remembered, else 1]")
            ->check(finiteWithin(kMinUiScale, kMaxUiScale));
        c.add_option("--exit-after", exitAfter, "Close after this many frames (for smoke tests)")
            ->check(CLI::Range(0, 1000000));
        scene.addTo(c);
    }

    ViewerOptions viewer(const LoadedScene& loaded) const {
        ViewerOptions v;
        const VkExtent2D s = parseSize(size);
        v.window.width = int(s.width);
        v.window.height = int(s.height);
        v.window.sizeGiven = sizeOption->count() > 0;
        v.window.monitor = monitor;
        v.window.fullscreen = fullscreen;
        v.uiScale = uiScale;
        v.start = parseCameraOption(scene.camera);
        v.exaggeration = scene.exaggeration;
        v.hidden = scene.hiddenLayers();
        v.attribution = !scene.noAttribution;
        v.showTitle = !scene.noTitle;
        v.legend = !scene.noLegend;
        v.title = scene.title;
        v.exitAfterFrames = exitAfter;
        if (!scene.scenario.empty()) {
            const auto index = loaded.scenarios.indexOf(scene.scenario);
            if (!index) scene.view(loaded); // throws the error that lists the scenarios
            v.startScenario = int(index.value_or(0));
        }
        return v;
    }
};

//! A tour for presenter mode: every problem is an error naming the file, as `validate` reports.
geo::Tour presentableTour(const std::filesystem::path& file, const geo::ScenarioSet& scenarios) {
    if (!std::filesystem::exists(file)) throw UsageError(file.string() + ": no such tour file");
    geo::TourLoad load = geo::loadTour(file);
    std::vector<geo::Problem> problems = std::move(load.problems);
    if (problems.empty()) problems = geo::checkTourScenarios(load.tour, scenarios);
    if (!problems.empty()) {
        std::string text = problems.front().text();
        if (problems.size() > 1) text += " (and " + std::to_string(problems.size() - 1) + " more: bulwark validate)";
        throw UsageError(text);
    }
    if (load.tour.keyframes.empty()) throw UsageError(file.string() + ": the tour has no keyframes to present");
    return std::move(load.tour);
}

std::filesystem::path defaultTour() {
    return assetsDir() / "tours" / "briefing.json";
}

} // namespace

Command addViewCommand(CLI::App& cli) {
    struct Options {
        WindowOptions window;
        std::string tour;
    };
    auto o = std::make_shared<Options>();
    cli.add_option("--tour", o->tour, "Open the tour timeline on this file (a new tour if it does not exist)");
    o->window.addTo(cli);
    return [o]() -> int {
        const auto scene = loadScene(o->window.scene);
        ViewerOptions v = o->window.viewer(*scene);
        v.tour = o->tour;
        // P presents the default story when no tour is being edited, if it fits the scenarios shown.
        if (o->tour.empty()) try {
                v.presentation = presentableTour(defaultTour(), scene->scenarios);
            } catch (const UsageError& e) {
                v.presentationProblem = e.what();
            }
        return runViewer(*scene, v);
    };
}

Command addPresentCommand(CLI::App& cli) {
    struct Options {
        WindowOptions window;
        std::string tour;
    };
    auto o = std::make_shared<Options>();
    CLI::App* c = cli.add_subcommand(
        "present", "Present a tour step by step from a clicker: PageDown/Right/Space/Enter next, PageUp/Left/"
                   "Backspace back, Home/End, B or . black screen, W white screen, Tab hides the panel, Esc stops "
                   "presenting and F5 starts again");
    c->add_option("tour", o->tour, "Tour file [default: assets/tours/briefing.json]");
    o->window.addTo(*c);
    return [o, c]() -> int {
        if (!c->parsed()) return -1;
        const auto scene = loadScene(o->window.scene);
        ViewerOptions v = o->window.viewer(*scene);
        v.presentation =
            presentableTour(o->tour.empty() ? defaultTour() : std::filesystem::path(o->tour), scene->scenarios);
        v.present = true;
        return runViewer(*scene, v);
    };
}

} // namespace app
