#include "app/Commands.h"
#include "app/Monitors.h"
#include "app/UsageError.h"

#include <GLFW/glfw3.h>
#include <cstdio>
#include <iostream>

namespace app {

Command addMonitorsCommand(CLI::App& cli) {
    CLI::App* c = cli.add_subcommand(
        "monitors", "List the connected monitors (number, resolution, refresh, position, scale) for --monitor N");
    return [c]() -> int {
        if (!c->parsed()) return -1;
        initDisplay("list monitors", "set DISPLAY, or run under Xvfb");
        const std::vector<MonitorInfo> monitors = listMonitors();
        if (monitors.empty()) std::cout << "no monitors\n";
        for (const MonitorInfo& m : monitors) {
            char scale[96];
            std::snprintf(scale, sizeof scale, "   draws at display scale %.2f (labels, lines, panel; --ui-scale 1)",
                          displayScaleOn(m, 1.0f));
            std::cout << formatMonitor(m) << "\n" << scale << "\n";
        }
        glfwTerminate();
        return 0;
    };
}

} // namespace app
