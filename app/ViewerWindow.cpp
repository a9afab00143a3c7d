#include "app/ViewerWindow.h"

#include "app/UsageError.h"

#include <GLFW/glfw3.h>

namespace app {

namespace {

//! The monitor of that name, if it is still connected.
GLFWmonitor* monitorNamed(const std::string& name) {
    int count = 0;
    GLFWmonitor** all = glfwGetMonitors(&count);
    for (int i = 0; i < count; ++i)
        if (const char* n = glfwGetMonitorName(all[i]); n && name == n) return all[i];
    return nullptr;
}

//! Whether a window at this rectangle would show its title bar area on some monitor.
bool onSomeMonitor(const WindowPlacement& p) {
    for (const MonitorInfo& m : listMonitors())
        if (p.x + 40 < m.x + m.width && p.x + p.width - 40 > m.x && p.y >= m.y - 10 && p.y + 40 < m.y + m.height)
            return true;
    return false;
}

} // namespace

ViewerWindow::ViewerWindow(const WindowRequest& request, const std::optional<WindowPlacement>& remembered) {
    initDisplay("open a window", "set DISPLAY, run under Xvfb, or use `bulwark render`");
    glfwSetErrorCallback([](int, const char*) {}); // failures are reported below, once, with what to do
    GLFWmonitor* fullscreenOn = nullptr;
    try {
        if (request.monitor > 0) fullscreenOn = monitorNumbered(request.monitor);
    } catch (...) {
        glfwTerminate();
        throw;
    }
    // Where it was last time, when that monitor is still there and nothing else is asked.
    const bool restore =
        remembered && !request.sizeGiven && request.monitor == 0 &&
        (remembered->fullscreen ? monitorNamed(remembered->monitor) != nullptr : onSomeMonitor(*remembered));
    _windowedW = restore ? remembered->width : request.width;
    _windowedH = restore ? remembered->height : request.height;
    if (!fullscreenOn && (request.fullscreen || (restore && remembered->fullscreen)))
        fullscreenOn = (remembered ? monitorNamed(remembered->monitor) : nullptr);
    if (!fullscreenOn && request.fullscreen) fullscreenOn = glfwGetPrimaryMonitor();

    glfwWindowHint(GLFW_CLIENT_API, GLFW_NO_API);
    glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
    glfwWindowHint(GLFW_AUTO_ICONIFY, GLFW_FALSE); // a presenter clicking on another screen keeps the picture
    _handle = glfwCreateWindow(_windowedW, _windowedH, "Bulwark", nullptr, nullptr);
    if (!_handle) {
        glfwTerminate();
        throw UsageError("cannot open a window on this display");
    }
    if (restore) glfwSetWindowPos(_handle, remembered->x, remembered->y);
    glfwGetWindowPos(_handle, &_windowedX, &_windowedY);
    if (restore) _windowedX = remembered->x, _windowedY = remembered->y;
    glfwShowWindow(_handle);
    if (fullscreenOn) enterFullscreen(fullscreenOn);
}

ViewerWindow::~ViewerWindow() {
    glfwDestroyWindow(_handle);
    glfwTerminate();
}

bool ViewerWindow::fullscreen() const {
    return glfwGetWindowMonitor(_handle) != nullptr;
}

void ViewerWindow::enterFullscreen(GLFWmonitor* monitor) {
    if (!fullscreen()) {
        glfwGetWindowPos(_handle, &_windowedX, &_windowedY);
        glfwGetWindowSize(_handle, &_windowedW, &_windowedH);
    }
    // The monitor's current mode: GLFW then makes a borderless window over it at its native
    // resolution without switching video modes.
    const GLFWvidmode* mode = glfwGetVideoMode(monitor);
    glfwSetWindowMonitor(_handle, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
}

void ViewerWindow::toggleFullscreen() {
    if (fullscreen())
        glfwSetWindowMonitor(_handle, nullptr, _windowedX, _windowedY, _windowedW, _windowedH, 0);
    else
        enterFullscreen(monitorOf(_handle));
}

MonitorInfo ViewerWindow::monitor() const {
    GLFWmonitor* on = glfwGetWindowMonitor(_handle);
    return describe(on ? on : monitorOf(_handle));
}

WindowPlacement ViewerWindow::placement() const {
    WindowPlacement p;
    p.monitor = monitor().name;
    p.fullscreen = fullscreen();
    if (p.fullscreen) {
        p.x = _windowedX, p.y = _windowedY, p.width = _windowedW, p.height = _windowedH;
    } else {
        glfwGetWindowPos(_handle, &p.x, &p.y);
        glfwGetWindowSize(_handle, &p.width, &p.height);
    }
    return p;
}

} // namespace app
