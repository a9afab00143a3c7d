#include "app/Commands.h"
#include "app/PngFile.h"
#include "app/UsageError.h"

#include <iostream>
#include <memory>

namespace app {

Command addRenderCommand(CLI::App& cli) {
    struct Options {
        SceneOptions scene;
        std::string out, size = "1920x1080";
        bool quiet = false;
    };
    auto o = std::make_shared<Options>();
    CLI::App* c = cli.add_subcommand("render", "Render a still image offscreen (no display needed)");
    c->add_option("--out", o->out, "PNG file to write")->required();
    c->add_option("--size", o->size, "Image size WIDTHxHEIGHT")->capture_default_str();
    c->add_flag("--quiet", o->quiet, "Print nothing on success");
    o->scene.addTo(*c);
    return [o, c]() -> int {
        if (!c->parsed()) return -1;
        const VkExtent2D size = parseSize(o->size);
        const auto scene = loadScene(o->scene);
        const renderer::SceneView view = o->scene.view(*scene);
        renderer::Context context(contextOptionsFromEnvironment());
        std::vector<uint8_t> pixels;
        renderer::FrameStats stats;
        {
            renderer::SceneRenderer sceneRenderer(context, scene->inputs, size);
            pixels = sceneRenderer.renderStill(view, &stats);
        }
        writePng(o->out, pixels, size.width, size.height);
        if (!o->quiet)
            std::cout << "bulwark: wrote " << o->out << " (" << size.width << "x" << size.height << ", " << stats.tiles
                      << " terrain tiles, " << stats.labels << " labels) on " << context.deviceName() << " ["
                      << context.deviceType() << "]\n";
        return finishWithValidation(context, 0);
    };
}

} // namespace app
