// Fuzz target: the values of --camera and --size (app::parseCameraOption, app::parseSize, and
// geo::parseCamera beneath them). Bad text is an app::UsageError, which main prints as one line;
// any other exception is a crash. A camera that parses must print back to text that parses again
// to the same view (what the viewer's "last view" line and the tour editor rely on).
#include "FuzzCheck.h"
#include "FuzzFiles.h"

#include "app/SceneOptions.h"
#include "app/UsageError.h"
#include "geo/Camera.h"

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const VkExtent2D extent = app::parseSize(text);
        fuzz::expect(extent.width >= 16 && extent.height >= 16 && extent.width <= app::kMaxFrameSide &&
                         extent.height <= app::kMaxFrameSide,
                     "a size outside 16..8192");
    } catch (const app::UsageError&) {
    }
    try {
        const geo::CameraPose pose = app::parseCameraOption(text);
        fuzz::expect(std::isfinite(pose.lon) && std::isfinite(pose.lat) && std::abs(pose.lat) <= 90 &&
                         std::isfinite(pose.range) && pose.range > 0 && std::isfinite(pose.heading) &&
                         std::isfinite(pose.tilt),
                     "a camera that is not finite or off the globe");
        const auto again = geo::parseCamera(geo::formatCamera(pose));
        fuzz::expect(again.ok(), "a parsed camera that does not parse again once printed");
    } catch (const app::UsageError&) {
    }
    return 0;
}
