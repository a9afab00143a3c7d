// bulwark: a 3D briefing viewer of Ukraine's terrain, borders and security-guarantee scenarios.
#include "app/Commands.h"
#include "app/UsageError.h"
#include "geo/OutputFile.h"
#include "geo/Terrain.h"
#include "geo/TileFailures.h"
#include "renderer/VulkanError.h"

#include <CLI/CLI.hpp>
#include <iostream>

int main(int argc, char** argv) {
    geo::removeOutputTempsOnSignal(); // Ctrl-C while a file is written leaves no temp file behind
    CLI::App cli{"Bulwark: Ukraine's terrain, borders and places in 3D, on any Vulkan device.\n"
                 "With no command, opens the interactive viewer."};
    cli.set_help_all_flag("--help-all", "Help for every command");
    const app::Command view = app::addViewCommand(cli);
    const app::Command render = app::addRenderCommand(cli);
    const app::Command bench = app::addBenchCommand(cli);
    const app::Command validate = app::addValidateCommand(cli);
    const app::Command record = app::addRecordCommand(cli);
    const app::Command present = app::addPresentCommand(cli);
    const app::Command monitors = app::addMonitorsCommand(cli);
    const app::Command symbol = app::addSymbolCommand(cli);
    const app::Command exporter = app::addExportCommand(cli);
    const app::Command coverage = app::addCoverageCommand(cli);
    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return cli.exit(e); // --help
        std::cerr << "bulwark: " << e.what() << " (see --help)\n";
        return app::kExitBadInput;
    }
    try {
        for (const app::Command& command :
             {render, bench, validate, record, present, monitors, symbol, exporter, coverage})
            if (const int code = command(); code >= 0) return code;
        return view();
    } catch (const app::UsageError& e) {
        std::cerr << "bulwark: " << e.what() << "\n";
        return app::kExitBadInput;
    } catch (const geo::TileReadError& e) { // a tile a still needs could not be read (a file gone, a server down)
        std::cerr << "bulwark: " << e.what() << "\n";
        return app::kExitBadInput;
    } catch (const geo::OutputError& e) { // a full disk, a folder or a device given as the file to write
        std::cerr << "bulwark: " << e.what() << "\n";
        return app::kExitBadInput;
    } catch (const renderer::VulkanError& e) {
        std::cerr << "bulwark: Vulkan error: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "bulwark: " << e.what() << "\n";
        return 1;
    }
}
