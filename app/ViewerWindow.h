#pragma once
// The viewer's window: opened where it was last time (same monitor, position and size, or
// fullscreen) unless the command line says otherwise; borderless fullscreen at the monitor's native
// resolution on any monitor; and where it is now, to remember on close.
#include "app/Monitors.h"
#include "app/ViewerSettings.h"

struct GLFWwindow;

namespace app {

struct WindowRequest {
    int width = 1600, height = 900;
    bool sizeGiven = false; //!< --size was given: it wins over the remembered size
    int monitor = 0;        //!< --monitor N (from 1): fullscreen there; 0: none asked
    bool fullscreen = false;
};

class ViewerWindow {
public:
    //! Opens the window (throws UsageError without a display or with a bad --monitor).
    ViewerWindow(const WindowRequest& request, const std::optional<WindowPlacement>& remembered);
    ~ViewerWindow();
    ViewerWindow(const ViewerWindow&) = delete;
    ViewerWindow& operator=(const ViewerWindow&) = delete;

    GLFWwindow* handle() const { return _handle; }
    //! Borderless fullscreen on the monitor the window is on, or back to the window it was.
    void toggleFullscreen();
    bool fullscreen() const;
    //! The monitor showing the window now (the one it is fullscreen on, or holding its centre).
    MonitorInfo monitor() const;
    //! Where the window is, to open there next time (the windowed rectangle even when fullscreen).
    WindowPlacement placement() const;

private:
    void enterFullscreen(GLFWmonitor* monitor);
    GLFWwindow* _handle = nullptr;
    int _windowedX = 100, _windowedY = 100, _windowedW = 1600, _windowedH = 900;
};

} // namespace app
