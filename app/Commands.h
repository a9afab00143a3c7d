#pragma once
// The bulwark commands. Each registers its options on the CLI and returns an exit code when run.
#include "app/SceneOptions.h"

#include <CLI/CLI.hpp>
#include <functional>

namespace app {

using Command = std::function<int()>;

Command addViewCommand(CLI::App& cli);     //!< the default: an interactive window
Command addRenderCommand(CLI::App& cli);   //!< `render`: a still, offscreen
Command addBenchCommand(CLI::App& cli);    //!< `bench`: frame times as JSON
Command addValidateCommand(CLI::App& cli); //!< `validate`: scenario files checked
Command addRecordCommand(CLI::App& cli);   //!< `record`: a tour to video
Command addPresentCommand(CLI::App& cli);  //!< `present`: a tour step by step, in the viewer
Command addMonitorsCommand(CLI::App& cli); //!< `monitors`: the connected monitors, for --monitor
Command addSymbolCommand(CLI::App& cli);   //!< `symbol`: one military symbol as a PNG

//! Ukraine's internationally recognised outline (Crimea included) from a borders file's countries layer.
std::vector<geo::Polygon> ukraineOutline(const std::filesystem::path& borders);

//! Vulkan context options from the environment: BULWARK_VALIDATION=1 turns the Khronos layer on.
renderer::ContextOptions contextOptionsFromEnvironment();
//! Prints the validation layer's errors, if any, and returns kExitValidation; else `code`.
int finishWithValidation(const renderer::Context& context, int code);

} // namespace app
