#pragma once
// The monitors GLFW sees, numbered from 1 as `bulwark monitors` lists them and `--monitor N`
// takes them, and the display scale the viewer draws at on each.
#include <string>
#include <vector>

struct GLFWmonitor;
struct GLFWwindow;

namespace app {

struct MonitorInfo {
    int number = 0; //!< from 1, in GLFW's order (the primary first)
    std::string name;
    int x = 0, y = 0, width = 0, height = 0; //!< virtual-desktop position and native resolution, pixels
    int refreshHz = 0;
    float contentScale = 1; //!< the desktop's own scale setting (HiDPI), e.g. 2 on a "200 %" 4K screen
    int widthMm = 0, heightMm = 0;
    bool primary = false;
};

//! glfwInit(), or a UsageError: "cannot DOING: no display (...)", with GLFW's own reason and the DISPLAY it tried.
void initDisplay(const std::string& doing, const std::string& otherwise);

//! Needs glfwInit().
std::vector<MonitorInfo> listMonitors();
//! Monitor `number` (from 1); throws UsageError naming the count when there is no such monitor.
GLFWmonitor* monitorNumbered(int number);
//! The monitor holding the centre of `window` (the primary when none does).
GLFWmonitor* monitorOf(GLFWwindow* window);
MonitorInfo describe(GLFWmonitor* monitor);

//! How much bigger than at 1080p every size in pixels is drawn on `monitor` (renderer::monitorDisplayScale).
float displayScaleOn(const MonitorInfo& monitor, float userScale);

//! One line per monitor: "1: NAME 3840x2160 @60 Hz at 0,0, scale 1.00, 600x340 mm (primary)".
std::string formatMonitor(const MonitorInfo& m);

} // namespace app
