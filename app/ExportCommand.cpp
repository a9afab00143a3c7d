// `bulwark export`: one scenario as KML/KMZ, CZML, GeoPackage or GeoJSON for Google Earth, Cesium and QGIS.
#include "app/Commands.h"
#include "app/UsageError.h"
#include "geo/OutputFile.h"
#include "geo/ScenarioExport.h"
#include "renderer/SceneStyle.h"

#include <iostream>
#include <memory>

namespace app {

namespace {

struct ExportOptions {
    std::string scenario, out, scenarios;
    std::string palette = "standard";
};

} // namespace

Command addExportCommand(CLI::App& cli) {
    auto o = std::make_shared<ExportOptions>();
    CLI::App* c = cli.add_subcommand(
        "export", "Write one scenario's features for other tools: KML or KMZ (Google Earth), CZML (Cesium), "
                  "GeoPackage or GeoJSON (QGIS); the format follows the extension of --out");
    c->add_option("--scenario", o->scenario, "The scenario to export, by id (bulwark validate lists them)")->required();
    c->add_option("--out", o->out, "File to write: FILE.kml, .kmz, .czml, .gpkg or .geojson")->required();
    c->add_option("--scenarios", o->scenarios,
                  "Scenario manifest (scenarios.json) [default: assets/scenarios/scenarios.json]");
    c->add_option("--palette", o->palette, "Colours of nations and features: standard, or colour-blind (Okabe-Ito)")
        ->check(CLI::IsMember({"standard", "colour-blind"}))
        ->capture_default_str();
    return [o, c]() -> int {
        if (!c->parsed()) return -1;
        const auto format = geo::exportFormatFor(o->out);
        if (!format)
            throw UsageError(o->out +
                             ": unknown kind of file to export (expected .kml, .kmz, .czml, .gpkg or .geojson)");
        geo::checkOutputPath(o->out); // an unwritable target fails before the files are read
        const std::optional<geo::ScenarioSet> set = loadScenarioOption(o->scenarios);
        if (!set) throw UsageError("no scenarios to export: assets/scenarios/scenarios.json is missing (--scenarios)");
        const size_t index = scenarioIndex(*set, "--scenario", o->scenario);
        const renderer::Palette palette = *renderer::parsePalette(o->palette);
        const geo::FeatureColour colour = [palette](const geo::ScenarioFeature& f) {
            // The scene's colours: markers and air zones in their lead nation's, the rest in their kind's.
            return geo::colouredByNation(f) ? renderer::nationColor(f.lead(), palette)
                                            : renderer::kindColor(f.kind, palette);
        };
        const size_t written = geo::exportScenario(*set, index, o->out, *format, colour);
        std::cout << "bulwark export: " << o->scenario << ": " << written << (written == 1 ? " feature" : " features")
                  << " to " << o->out << " (" << geo::exportFormatName(*format) << ")" << std::endl;
        return 0;
    };
}

} // namespace app
