// Fuzz target: the viewer's settings file (app::loadViewerSettings). A damaged file gives the
// defaults and a warning, never an exception: the window must still open. What it returns must be
// usable: a scale within its limits and a window of a positive size.
#include "FuzzCheck.h"
#include "FuzzFiles.h"

#include "app/ViewerSettings.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string warning;
    const app::ViewerSettings settings = app::loadViewerSettings(fuzz::writeInput("viewer.json", data, size), &warning);
    fuzz::expect(settings.uiScale >= app::kMinUiScale && settings.uiScale <= app::kMaxUiScale,
                 "a display scale outside its limits");
    if (settings.window) fuzz::expect(settings.window->width > 0 && settings.window->height > 0, "an empty window");
    return 0;
}
