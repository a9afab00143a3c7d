#include "app/Commands.h"
#include "app/PngFile.h"
#include "app/PngRowWriter.h"
#include "app/UsageError.h"
#include "geo/OutputFile.h"
#include "renderer/TiledStill.h"

#include <iostream>
#include <memory>

namespace app {

Command addRenderCommand(CLI::App& cli) {
    struct Options {
        SceneOptions scene;
        std::string out, size = "1920x1080";
        uint32_t tile = 2048;
        bool quiet = false;
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
    return [o, c]() -> int {
        if (!c->parsed()) return -1;
        const VkExtent2D size = parseSize(o->size, "--size", kMaxPosterSide);
        geo::checkOutputPath(o->out); // a folder, a device or a missing folder: said now, not after rendering
        const auto scene = loadScene(o->scene);
        const renderer::SceneView view = o->scene.view(*scene);
        renderer::Context context(contextOptionsFromEnvironment());
        const uint32_t tile = renderer::deviceTileSize(context, o->tile);
        const bool tiled = size.width > tile || size.height > tile;
        renderer::FrameStats stats;
        size_t imageTiles = 1;
        if (tiled) {
            // A poster: a row of tiles at a time, streamed into the PNG.
            PngRowWriter png(o->out, size.width, size.height);
            renderer::SceneRenderer sceneRenderer(context, scene->inputs, renderer::tileTarget(size, tile));
            stats = renderer::renderTiled(
                sceneRenderer, view, size, tile,
                [&](const uint8_t* rows, uint32_t, uint32_t count) { png.writeRows(rows, count); });
            png.finish();
            imageTiles = renderer::tilesOf(size, tile).size();
        } else {
            std::vector<uint8_t> pixels;
            {
                renderer::SceneRenderer sceneRenderer(context, scene->inputs, size);
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
