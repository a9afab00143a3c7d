#include "app/Commands.h"
#include "app/CoverageOptions.h"
#include "app/PngFile.h"
#include "app/PngRowWriter.h"
#include "app/UsageError.h"
#include "geo/OutputFile.h"
#include "geo/edit/RuleWarnings.h"
#include "renderer/TiledStill.h"

#include <iostream>
#include <memory>

namespace app {

namespace {

//! The planning rules the scenarios break (the rules `validate` checks), for the "warnings" layer: a still of a
//! file where a site broke one shows it as the viewer does while editing.
std::vector<geo::RuleWarning> planningWarnings(const LoadedScene& scene) {
    if (scene.scenarios.manifest.empty()) return {};
    geo::Result<geo::ScenarioDocument> opened = geo::ScenarioDocument::open(scene.scenarios.manifest);
    if (!opened) return {}; // read a moment ago by loadScene, which said what was wrong with it
    opened.value().enableRules(scene.inputs.highlight);
    return geo::ruleWarnings(opened.value());
}

} // namespace

Command addRenderCommand(CLI::App& cli) {
    struct Options {
        SceneOptions scene;
        std::string out, size = "1920x1080";
        uint32_t tile = 2048;
        bool quiet = false;
        CoverageOptions coverage;
    };
    auto o = std::make_shared<Options>();
    CLI::App* c = cli.add_subcommand("render", "Render a still image offscreen (no display needed)");
    c->add_option("--out", o->out, "PNG file to write")->required();
    c->add_option("--size", o->size,
                  "Image size WIDTHxHEIGHT, up to 32768 a side; labels and lines grow with the height "
                  "(1 at 1080 lines, 8 on a 15360x8640 poster)")
        ->capture_default_str();
    c->add_option("--tile", o->tile,
                  "Images larger than this a side (or than the device's largest image) are rendered in "
                  "tiles of this size and stitched, holding one row of tiles in memory at a time")
        ->check(CLI::Range(64, 8192))
        ->capture_default_str();
    c->add_flag("--quiet", o->quiet, "Print nothing on success");
    o->scene.addTo(*c);
    o->coverage.addTo(*c, "--coverage-site",
                      "Drape what an antenna at LON,LAT (degrees) sees over the terrain, as `bulwark coverage` "
                      "sweeps it (needs --height-agl, --target-agl or --target-amsl, --range-km)",
                      false);
    return [o, c]() -> int {
        if (!c->parsed()) return -1;
        const VkExtent2D size = parseSize(o->size, "--size", kMaxPosterSide);
        std::optional<geo::CoverageRequest> coverageRequest;
        if (o->coverage.given()) coverageRequest = o->coverage.request();
        geo::checkOutputPath(o->out); // a folder, a device or a missing folder: said now, not after rendering
        const auto scene = loadScene(o->scene);
        const renderer::SceneView view = o->scene.view(*scene);
        scene->inputs.warnings = planningWarnings(*scene);
        std::optional<geo::CoverageWorker::Answer> coverage;
        if (coverageRequest) {
            o->coverage.check(scene->terrain, *coverageRequest);
            coverage = finestCoverage(scene->terrain, *coverageRequest);
        }
        renderer::Context context(contextOptionsFromEnvironment());
        const uint32_t tile = renderer::deviceTileSize(context, o->tile);
        const bool tiled = size.width > tile || size.height > tile;
        renderer::FrameStats stats;
        size_t imageTiles = 1;
        if (tiled) {
            // A poster: a row of tiles at a time, streamed into the PNG.
            PngRowWriter png(o->out, size.width, size.height);
            renderer::SceneRenderer sceneRenderer(context, scene->inputs, renderer::tileTarget(size, tile));
            if (coverage) sceneRenderer.setCoverage(&*coverage);
            stats = renderer::renderTiled(
                sceneRenderer, view, size, tile,
                [&](const uint8_t* rows, uint32_t, uint32_t count) { png.writeRows(rows, count); });
            png.finish();
            imageTiles = renderer::tilesOf(size, tile).size();
        } else {
            std::vector<uint8_t> pixels;
            {
                renderer::SceneRenderer sceneRenderer(context, scene->inputs, size);
                if (coverage) sceneRenderer.setCoverage(&*coverage);
                pixels = sceneRenderer.renderStill(view, &stats);
            }
            writePng(o->out, pixels, size.width, size.height);
        }
        if (!o->quiet)
            std::cout << "bulwark: wrote " << o->out << " (" << size.width << "x" << size.height
                      << (tiled ? ", " + std::to_string(imageTiles) + " image tiles of " + std::to_string(tile) : "")
                      << ", " << stats.tiles << " terrain tiles, " << stats.labels << " labels) on "
                      << context.deviceName() << " [" << context.deviceType() << "]\n";
        return finishWithValidation(context, 0);
    };
}

} // namespace app
