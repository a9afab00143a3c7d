#pragma once
// One scenario handed to other tools: KML or KMZ for Google Earth (a folder per kind, a style per
// nation), CZML for Cesium, GeoPackage or GeoJSON for QGIS. One feature out per feature of the
// scenario, each saying where it comes from and that the scenario is illustrative planning.
//
//     const auto format = exportFormatFor(out);            // by the file's extension
//     exportScenario(set, *set.indexOf("paris-framework"), out, *format, colours);
#include "geo/Scenario.h"

#include <filesystem>
#include <functional>
#include <glm/glm.hpp>
#include <optional>
#include <string>

namespace geo {

enum class ExportFormat { Kml, Kmz, Czml, GeoPackage, GeoJson };

//! The format a file name asks for: .kml, .kmz, .czml, .gpkg, .geojson (or .json), any case; nothing otherwise.
std::optional<ExportFormat> exportFormatFor(const std::filesystem::path& file);
//! "KML", "KMZ", "CZML", "GeoPackage", "GeoJSON".
const char* exportFormatName(ExportFormat format);

//! The colour (rgba, 0..1; alpha the fill's opacity for areas) a feature is drawn in, so an export
//! looks like the scene: the renderer's nation and kind colours, passed in by the caller.
using FeatureColour = std::function<glm::vec4(const ScenarioFeature&)>;

//! Whether the scene colours the feature by its lead nation (markers and air zones), not by its kind.
bool colouredByNation(const ScenarioFeature& feature);
//! The colour's style: features sharing one share a style (KML's shared styles). "nation-GB" for a
//! nation's colour, else "kind-sea_zone".
std::string styleName(const ScenarioFeature& feature);

//! What a description says of a feature: its kind, nations, personnel, status and source, the
//! scenario, and that it is illustrative planning, not fact. Plain text, one item a line.
std::string featureDescription(const ScenarioFeature& feature, const ScenarioInfo& scenario);

//! Writes the features of scenario `scenario` (an index into set.scenarios) to `out` through OutputFile.
//! Returns the number of features written. Throws OutputError naming `out` when it cannot be written.
size_t exportScenario(const ScenarioSet& set, size_t scenario, const std::filesystem::path& out, ExportFormat format,
                      const FeatureColour& colour);

//! The CZML document (a JSON array: the document packet, then one packet per feature), as text.
std::string scenarioCzml(const ScenarioSet& set, size_t scenario, const FeatureColour& colour);

} // namespace geo
