#include "app/Monitors.h"

#include "app/UsageError.h"
#include "renderer/DisplayScale.h"

#include <GLFW/glfw3.h>
#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace app {

namespace {
std::string glfwReason; //!< GLFW's description of its last error (glfwInit runs on the main thread only)
}

void initDisplay(const std::string& doing, const std::string& otherwise) {
    glfwReason.clear();
    glfwSetErrorCallback([](int, const char* description) { glfwReason = description ? description : ""; });
    const bool ok = glfwInit();
    glfwSetErrorCallback(nullptr);
    if (ok) return;
    const char* display = std::getenv("DISPLAY");
    const std::string why = !display || !*display ? "DISPLAY is not set"
                            : glfwReason.empty()   ? std::string("DISPLAY=") + display
                                                   : std::string("DISPLAY=") + display + "; " + glfwReason;
    throw UsageError("cannot " + doing + ": no display (" + why + "); " + otherwise);
}

MonitorInfo describe(GLFWmonitor* monitor) {
    MonitorInfo m;
    int count = 0;
    GLFWmonitor** all = glfwGetMonitors(&count);
    for (int i = 0; i < count; ++i)
        if (all[i] == monitor) m.number = i + 1;
    if (const char* name = glfwGetMonitorName(monitor)) m.name = name;
    glfwGetMonitorPos(monitor, &m.x, &m.y);
    if (const GLFWvidmode* mode = glfwGetVideoMode(monitor)) {
        m.width = mode->width;
        m.height = mode->height;
        m.refreshHz = mode->refreshRate;
    }
    float sx = 1, sy = 1;
    glfwGetMonitorContentScale(monitor, &sx, &sy);
    m.contentScale = std::max(sx, sy);
    glfwGetMonitorPhysicalSize(monitor, &m.widthMm, &m.heightMm);
    m.primary = monitor == glfwGetPrimaryMonitor();
    return m;
}

std::vector<MonitorInfo> listMonitors() {
    int count = 0;
    GLFWmonitor** all = glfwGetMonitors(&count);
    std::vector<MonitorInfo> out;
    for (int i = 0; i < count; ++i) out.push_back(describe(all[i]));
    return out;
}

GLFWmonitor* monitorNumbered(int number) {
    int count = 0;
    GLFWmonitor** all = glfwGetMonitors(&count);
    if (number < 1 || number > count)
        throw UsageError("--monitor " + std::to_string(number) + ": this display has " + std::to_string(count) +
                         " monitor" + (count == 1 ? "" : "s") + " (see `bulwark monitors`)");
    return all[number - 1];
}

GLFWmonitor* monitorOf(GLFWwindow* window) {
    int wx, wy, ww, wh;
    glfwGetWindowPos(window, &wx, &wy);
    glfwGetWindowSize(window, &ww, &wh);
    const int cx = wx + ww / 2, cy = wy + wh / 2;
    int count = 0;
    GLFWmonitor** all = glfwGetMonitors(&count);
    for (int i = 0; i < count; ++i) {
        const MonitorInfo m = describe(all[i]);
        if (cx >= m.x && cx < m.x + m.width && cy >= m.y && cy < m.y + m.height) return all[i];
    }
    return glfwGetPrimaryMonitor();
}

float displayScaleOn(const MonitorInfo& monitor, float userScale) {
    return renderer::monitorDisplayScale(monitor.contentScale, uint32_t(std::max(monitor.height, 0)), userScale);
}

std::string formatMonitor(const MonitorInfo& m) {
    char line[256];
    std::snprintf(line, sizeof line, "%d: %s %dx%d @%d Hz at %d,%d, scale %.2f, %dx%d mm%s", m.number,
                  m.name.empty() ? "(unnamed)" : m.name.c_str(), m.width, m.height, m.refreshHz, m.x, m.y,
                  m.contentScale, m.widthMm, m.heightMm, m.primary ? " (primary)" : "");
    return line;
}

} // namespace app
