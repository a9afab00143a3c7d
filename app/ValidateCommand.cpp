#include "app/Commands.h"
#include "app/UsageError.h"
#include "geo/InputPath.h"
#include "geo/JsonFields.h"
#include "geo/Scenario.h"
#include "geo/SymbolLibrary.h"
#include "geo/SymbolRules.h"
#include "geo/Tour.h"
#include "geo/VectorLoader.h"

#include <algorithm>
#include <iostream>
#include <memory>

namespace app {

namespace {

namespace fs = std::filesystem;

//! A manifest as given, or the scenarios.json beside a features file.
fs::path manifestFor(const fs::path& path) {
    if (const auto refused = geo::checkInputPath(path)) throw UsageError(refused->message());
    if (path.extension() == ".json") return path;
    const fs::path beside = path.parent_path() / "scenarios.json";
    if (!fs::exists(beside))
        throw UsageError(path.string() + ": no scenarios.json beside it to say which scenarios exist");
    return beside;
}

//! A tour file says so in its format field. A file that cannot be read is no tour: loading it as
//! scenarios then says why, in one line.
bool isTour(const fs::path& path) {
    const auto doc = geo::readJsonFile(path);
    if (!doc || !doc.value().is_object()) return false;
    const auto format = doc.value().find("format");
    return format != doc.value().end() && *format == "bulwark-tour/1";
}

} // namespace

std::vector<geo::Polygon> ukraineOutline(const fs::path& borders) {
    auto layer = geo::loadVectors(borders, "countries");
    if (!layer) throw UsageError(layer.failure().message());
    const geo::Country* ukraine = layer.value().find("UKR");
    if (!ukraine) throw UsageError(borders.string() + ": no country with iso_a3 UKR in layer countries");
    return ukraine->polygons;
}

Command addValidateCommand(CLI::App& cli) {
    auto paths = std::make_shared<std::vector<std::string>>();
    CLI::App* c = cli.add_subcommand(
        "validate",
        "Check scenario files (a scenarios.json manifest or the features file beside it) and tours: "
        "prints every problem with file, feature id or keyframe, and field; exit 0 when clean, 2 otherwise");
    c->add_option("paths", *paths, "Scenario manifests or feature files")->required();
    return [paths, c]() -> int {
        if (!c->parsed()) return -1;
        const std::vector<geo::Polygon> ukraine = ukraineOutline(assetsDir() / "vector/borders.gpkg");
        size_t problems = 0, features = 0, scenarios = 0, tours = 0;
        // Started on the first set that gives a sidc; one helper serves every file.
        std::unique_ptr<geo::SymbolLibrary> library;
        std::string libraryFailure;
        const auto symbolLibrary = [&]() -> geo::SymbolLibrary* {
            if (!library && libraryFailure.empty()) {
                auto started = geo::SymbolLibrary::start();
                if (started)
                    library = std::move(started.value());
                else
                    libraryFailure = started.failure().message();
            }
            return library.get();
        };
        for (const std::string& path : *paths) {
            if (isTour(path)) { // a tour: its own format, and the scenario ids it names
                const geo::TourLoad tour = geo::loadTour(path);
                std::vector<geo::Problem> all = tour.problems;
                if (tour.problems.empty() && !tour.tour.scenarios.empty()) {
                    const geo::ScenarioLoad set = geo::loadScenarios(tour.tour.scenarios);
                    for (const geo::Problem& p : set.problems) all.push_back(p);
                    for (const geo::Problem& p : geo::checkTourScenarios(tour.tour, set.set)) all.push_back(p);
                }
                for (const geo::Problem& p : all) std::cout << p.text() << "\n";
                problems += all.size();
                ++tours;
                continue;
            }
            const geo::ScenarioLoad load = geo::loadScenarios(manifestFor(path));
            std::vector<geo::Problem> all = load.problems;
            const bool anySidc = std::any_of(load.set.features.begin(), load.set.features.end(),
                                             [](const geo::ScenarioFeature& f) { return !f.sidc.empty(); });
            for (geo::Problem& p : geo::checkSymbols(load.set, anySidc ? symbolLibrary() : nullptr, libraryFailure))
                all.push_back(std::move(p));
            // The planning rules only mean something on a set whose features all read.
            if (load.problems.empty())
                for (geo::Problem& p : geo::checkPlanningRules(load.set, ukraine)) all.push_back(std::move(p));
            for (const geo::Problem& p : all) std::cout << p.text() << "\n";
            problems += all.size();
            features += load.set.features.size();
            scenarios += load.set.scenarios.size();
        }
        std::cout << "bulwark validate: " << scenarios << " scenarios, " << features << " features, " << tours
                  << (tours == 1 ? " tour, " : " tours, ") << problems << (problems == 1 ? " problem" : " problems")
                  << std::endl;
        return problems == 0 ? 0 : kExitBadInput;
    };
}

} // namespace app
