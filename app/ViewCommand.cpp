#include "app/Commands.h"
#include "app/UsageError.h"
#include "app/Viewer.h"

#include <memory>

namespace app {

Command addViewCommand(CLI::App& cli) {
    struct Options {
        SceneOptions scene;
        std::string size = "1600x900";
        int exitAfter = 0;
        bool fullscreen = false;
        std::string tour;
    };
    auto o = std::make_shared<Options>();
    cli.add_option("--size", o->size, "Window size WIDTHxHEIGHT")->capture_default_str();
    cli.add_flag("--fullscreen", o->fullscreen, "Start fullscreen (F11 toggles)");
    cli.add_option("--tour", o->tour, "Open the tour timeline on this file (a new tour if it does not exist)");
    cli.add_option("--exit-after", o->exitAfter, "Close after this many frames (for smoke tests)")
        ->check(CLI::Range(0, 1000000));
    o->scene.addTo(cli);
    return [o]() -> int {
        const VkExtent2D size = parseSize(o->size);
        ViewerOptions v;
        v.width = static_cast<int>(size.width);
        v.height = static_cast<int>(size.height);
        v.start = parseCameraOption(o->scene.camera);
        v.exaggeration = o->scene.exaggeration;
        v.layers = o->scene.layers();
        v.attribution = !o->scene.noAttribution;
        v.exitAfterFrames = o->exitAfter;
        v.fullscreen = o->fullscreen;
        v.tour = o->tour;
        const auto scene = loadScene(o->scene);
        if (!o->scene.scenario.empty()) {
            const auto index = scene->scenarios.indexOf(o->scene.scenario);
            if (!index) o->scene.view(*scene); // throws the error that lists the scenarios
            v.startScenario = int(index.value_or(0));
        }
        return runViewer(*scene, v);
    };
}

} // namespace app
