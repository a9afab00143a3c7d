// Fuzz target: a tour file (geo::loadTour), then the camera path through it, sampled. Bad input
// must come back as problems; a tour loaded without problems must give a finite camera everywhere.
#include "FuzzCheck.h"
#include "FuzzFiles.h"

#include "geo/Tour.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const geo::TourLoad load = geo::loadTour(fuzz::writeInput("tour.json", data, size));
    if (!load.problems.empty() || load.tour.keyframes.empty()) return 0;
    const geo::CameraPath path(load.tour);
    const double duration = path.duration();
    fuzz::expect(std::isfinite(duration) && duration >= 0, "a tour of no finite length");
    for (int i = 0; i <= 16; ++i) {
        const double t = duration * i / 16;
        const geo::CameraPose pose = path.at(t);
        fuzz::expect(std::isfinite(pose.lon) && std::isfinite(pose.lat) && std::isfinite(pose.range) &&
                         std::isfinite(pose.heading) && std::isfinite(pose.tilt),
                     "a camera that is not finite");
        fuzz::expect(path.keyframeAt(t) < load.tour.keyframes.size(), "a keyframe index past the tour");
        (void)geo::captionAt(load.tour, path, t);
    }
    return 0;
}
