#include "app/Commands.h"
#include "app/PngFile.h"
#include "app/ScenarioSwitch.h"
#include "app/UsageError.h"
#include "app/VideoEncoder.h"
#include "geo/OutputFile.h"
#include "geo/Checked.h"
#include "geo/Picking.h"
#include "geo/Tour.h"

#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <unistd.h>

namespace app {

namespace {

std::atomic<bool> gStop{false};
extern "C" void onInterrupt(int) {
    gStop = true;
}

//! While recording, Ctrl-C asks the loop to stop (a playable file); the earlier handler comes back after,
//! also when an error ends the recording.
struct StopOnInterrupt {
    StopOnInterrupt() : previous(std::signal(SIGINT, onInterrupt)) { gStop = false; }
    ~StopOnInterrupt() { std::signal(SIGINT, previous); }
    void (*previous)(int);
};

//! Makes the --frames folder and refuses, in one line, one that cannot hold the frames.
void prepareFrameFolder(const std::filesystem::path& folder) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::exists(folder, ec) && !fs::is_directory(folder, ec))
        throw UsageError(folder.string() + ": is not a folder (--frames writes a PNG per frame into a folder)");
    fs::create_directories(folder, ec);
    if (ec) throw UsageError(folder.string() + ": cannot make the folder for the frames (" + ec.message() + ")");
    geo::checkOutputPath(folder / "frame_000000.png");
}

//! Frames done, frames per second and time left on stderr: one line rewritten in place on a
//! terminal (at most a few times a second), a line per tenth of the work otherwise (logs, CI).
void progress(int done, int total, double seconds) {
    static double lastShown = -1;
    static const bool terminal = isatty(fileno(stderr));
    const bool last = done == total;
    if (terminal ? (seconds - lastShown < 0.25 && !last && done > 1)
                 : (done * 10 / total == (done - 1) * 10 / total && !last && done > 1))
        return;
    lastShown = seconds;
    const double fps = seconds > 0 ? done / seconds : 0.0;
    const int width = 30, filled = total ? done * width / total : width;
    std::fprintf(stderr, "%s[%s%s] %d/%d frames, %.1f frames/s, %.0f s left%s", terminal ? "\r" : "",
                 std::string(filled, '#').c_str(), std::string(width - filled, '.').c_str(), done, total, fps,
                 fps > 0 ? (total - done) / fps : 0.0, terminal ? "   " : "\n");
    std::fflush(stderr);
}

} // namespace

Command addRecordCommand(CLI::App& cli) {
    struct Options {
        SceneOptions scene;
        std::string tour, out, frames, size = "1920x1080";
        int fps = 30, quality = 75;
        bool noCaptions = false;
    };
    auto o = std::make_shared<Options>();
    CLI::App* c =
        cli.add_subcommand("record", "Record a tour as an H.264 MP4 (or a PNG sequence) offscreen, no display "
                                     "needed; Ctrl-C stops with a playable file");
    c->add_option("tour", o->tour, "Tour file (JSON)")->required();
    c->add_option("--out", o->out, "MP4 file to write");
    c->add_option("--frames", o->frames, "Write a PNG per frame into this folder instead of a video");
    c->add_option("--size", o->size, "Frame size WIDTHxHEIGHT, even, up to 7680x4320")->capture_default_str();
    c->add_option("--fps", o->fps, "Frames per second")->check(CLI::Range(1, 120))->capture_default_str();
    c->add_option("--quality", o->quality, "Video quality 0-100 (higher: larger, finer)")
        ->check(CLI::Range(0, 100))
        ->capture_default_str();
    c->add_flag("--no-captions", o->noCaptions, "Leave out the tour's captions");
    c->add_flag("--no-note", o->scene.noTitle,
                "Leave out the title, which notes that scenarios are illustrative "
                "(as --no-title)");
    o->scene.addTo(*c);
    return [o, c]() -> int {
        if (!c->parsed()) return -1;
        if (o->out.empty() == o->frames.empty()) throw UsageError("record: give either --out FILE.mp4 or --frames DIR");
        if (!o->out.empty()) geo::checkOutputPath(o->out); // a folder, a device, a missing folder: said up front
        const VkExtent2D size = parseSize(o->size);
        if (size.width % 2 || size.height % 2 || size.width > 7680 || size.height > 4320)
            throw UsageError("--size " + o->size + ": video frames are even-sized, up to 7680x4320");
        const geo::TourLoad tour = geo::loadTour(o->tour);
        if (!tour.problems.empty())
            throw UsageError(tour.problems.front().text() +
                             (tour.problems.size() > 1
                                  ? " (and " + std::to_string(tour.problems.size() - 1) + " more: run bulwark validate)"
                                  : ""));
        const geo::CameraPath path(tour.tour);
        // Checked: a tour too long to number its frames must fail here, not wrap to a negative count.
        const auto frames = geo::checkedInteger<int>(std::floor(path.duration() * o->fps + 1e-9) + 1);
        if (!frames)
            throw UsageError(o->tour + ": " + std::to_string(path.duration()) + " s at " + std::to_string(o->fps) +
                             " frames/s is more frames than record can count");
        const int total = *frames;
        SceneOptions sceneOptions = o->scene;
        if (sceneOptions.scenarios.empty() && !tour.tour.scenarios.empty())
            sceneOptions.scenarios = tour.tour.scenarios.string();
        const auto scene = loadScene(sceneOptions);
        if (const auto bad = geo::checkTourScenarios(tour.tour, scene->scenarios); !bad.empty())
            throw UsageError(bad.front().text());
        if (!o->frames.empty()) prepareFrameFolder(o->frames);

        renderer::Context context(contextOptionsFromEnvironment());
        renderer::SceneRenderer renderer(context, scene->inputs, size);
        std::unique_ptr<VideoEncoder> encoder;
        if (!o->out.empty())
            encoder = std::make_unique<VideoEncoder>(o->out, size.width, size.height, o->fps, o->quality);
        std::cerr << "bulwark: recording " << o->tour << ": " << total << " frames at " << o->fps << " frames/s, "
                  << size.width << "x" << size.height << ", on " << context.deviceName() << std::endl;

        std::optional<StopOnInterrupt> stopOnInterrupt(std::in_place);
        const renderer::SceneView base = sceneOptions.view(*scene);
        const auto start = std::chrono::steady_clock::now();
        int done = 0;
        double renderSeconds = 0;
        for (; done < total && !gStop; ++done) {
            // Frame k shows exactly time k / fps; every frame waits for its terrain.
            const double t = double(done) / o->fps;
            renderer::SceneView view = base;
            view.pose = geo::groundPose(path.at(t), scene->terrain, view.exaggeration);
            const geo::TourScenario shown = geo::scenarioAt(tour.tour, path, scene->scenarios, t);
            view.caption.clear();
            if (!o->noCaptions)
                if (std::string caption = geo::captionAt(tour.tour, path, t); !caption.empty())
                    view.caption.push_back(caption);
            // The title names the scenario shown; the legend (on unless --no-legend) explains it.
            if (shown.to >= 0) {
                showSwitch(view, shown.from, shown.to, shown.progress);
                view.title = sceneOptions.titleFor(scene->scenarios.scenarios[size_t(shown.to)]);
            }
            const auto renderStart = std::chrono::steady_clock::now();
            std::vector<uint8_t> pixels = renderer.renderStill(view);
            renderSeconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - renderStart).count();
            try {
                if (encoder)
                    encoder->push(std::move(pixels));
                else {
                    char name[32];
                    std::snprintf(name, sizeof name, "frame_%06d.png", done);
                    writePng(std::filesystem::path(o->frames) / name, pixels, size.width, size.height);
                }
            } catch (const std::exception&) {
                if (isatty(fileno(stderr))) std::fprintf(stderr, "\n"); // the error on a line of its own
                throw;
            }
            progress(done + 1, total, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        }
        stopOnInterrupt.reset();
        if (encoder) encoder->finish();
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (isatty(fileno(stderr))) std::fprintf(stderr, "\n");
        const std::string target = encoder ? o->out : o->frames;
        if (gStop) {
            std::cerr << "bulwark: stopped at frame " << done << " of " << total << "; " << target << " holds " << done
                      << " frames (" << double(done) / o->fps << " s) and plays" << std::endl;
            return finishWithValidation(context, 130);
        }
        std::cerr << "bulwark: wrote " << target << " (" << done << " frames, " << path.duration() << " s) in "
                  << seconds << " s, " << done / seconds << " frames/s"
                  << (encoder ? " with " + encoder->encoderName() : "") << std::endl;
        if (encoder) {
            // Rendering and encoding overlap: the whole should take little more than the slower.
            const double slower = std::max(renderSeconds, encoder->busySeconds());
            std::fprintf(stderr, "bulwark: rendering %.1f s, encoding %.1f s, together %.1f s = %.2fx the slower\n",
                         renderSeconds, encoder->busySeconds(), seconds, slower > 0 ? seconds / slower : 0.0);
        }
        return finishWithValidation(context, 0);
    };
}

} // namespace app
