#include "app/Commands.h"
#include "app/UsageError.h"
#include "geo/Scenario.h"
#include "geo/VectorLoader.h"

#include <iostream>
#include <memory>

namespace app {

namespace {

namespace fs = std::filesystem;

//! A manifest as given, or the scenarios.json beside a features file.
fs::path manifestFor(const fs::path& path) {
    if (path.extension() == ".json") return path;
    const fs::path beside = path.parent_path() / "scenarios.json";
    if (!fs::exists(beside))
        throw UsageError(path.string() + ": no scenarios.json beside it to say which scenarios exist");
    return beside;
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
        "validate", "Check scenario files (a scenarios.json manifest or the features file beside it): prints every "
                    "problem with file, feature id and field; exit 0 when clean, 2 otherwise");
    c->add_option("paths", *paths, "Scenario manifests or feature files")->required();
    return [paths, c]() -> int {
        if (!c->parsed()) return -1;
        const std::vector<geo::Polygon> ukraine = ukraineOutline(assetsDir() / "vector/borders.gpkg");
        size_t problems = 0, features = 0, scenarios = 0;
        for (const std::string& path : *paths) {
            const geo::ScenarioLoad load = geo::loadScenarios(manifestFor(path));
            std::vector<geo::Problem> all = load.problems;
            // The planning rules only mean something on a set whose features all read.
            if (load.problems.empty())
                for (geo::Problem& p : geo::checkPlanningRules(load.set, ukraine)) all.push_back(std::move(p));
            for (const geo::Problem& p : all) std::cout << p.text() << "\n";
            problems += all.size();
            features += load.set.features.size();
            scenarios += load.set.scenarios.size();
        }
        std::cout << "bulwark validate: " << scenarios << " scenarios, " << features << " features, " << problems
                  << (problems == 1 ? " problem" : " problems") << std::endl;
        return problems == 0 ? 0 : kExitBadInput;
    };
}

} // namespace app
