#pragma once
// Commitment scenarios: a manifest (scenarios.json) naming the scenarios in order, and one vector
// file (GeoJSON or GeoPackage, so analysts edit it in QGIS) whose features say which scenarios
// they belong to. Plain structs; loading collects every problem rather than stopping at the first.
#include "geo/VectorLoader.h"

#include <cstdint>
#include <filesystem>
#include <glm/glm.hpp>
#include <optional>
#include <string>
#include <vector>

namespace geo {

enum class FeatureKind {
    Hub,
    EquipmentSite,
    Force,
    Station,
    AirZone,
    SeaZone,
    Corridor,
    MonitoringZone,
    ContactLine,
    OccupiedArea
};
enum class FeatureStatus { Announced, Reported, Illustrative };

const char* kindName(FeatureKind kind);       //!< as written in files: "equipment_site"
const char* statusName(FeatureStatus status); //!< "announced", "reported", "illustrative"
std::optional<FeatureKind> parseKind(const std::string& text);
std::optional<FeatureStatus> parseStatus(const std::string& text);
bool isMarker(FeatureKind kind); //!< a point standing on the ground: hub, equipment site, force, station
bool isArea(FeatureKind kind);   //!< a polygon: the zones and the occupied area

struct ScenarioInfo {
    std::string id, name, description;
};

//! Text amplifiers of a military symbol, as scenario files name them (snake_case properties).
struct SymbolAmplifiers {
    std::string uniqueDesignation;     //!< unique_designation (field T): "1 MN Bde"
    std::string higherFormation;       //!< higher_formation (field M)
    std::string staffComments;         //!< staff_comments (field G)
    std::string additionalInformation; //!< additional_information (field H)
    bool empty() const {
        return uniqueDesignation.empty() && higherFormation.empty() && staffComments.empty() &&
               additionalInformation.empty();
    }
    auto operator<=>(const SymbolAmplifiers&) const = default;
};

struct ScenarioFeature {
    std::string id, name;
    FeatureKind kind = FeatureKind::Hub;
    std::vector<std::string> nations; //!< ISO 3166-1 alpha-2, first = lead
    std::optional<std::int64_t> personnel;
    std::optional<double> floorM, ceilingM; //!< air zones
    FeatureStatus status = FeatureStatus::Illustrative;
    std::string source;
    std::vector<std::string> scenarios; //!< ids, as in the file
    std::string whyNotLater;            //!< why it is absent from the rung after one it is in
    std::string sidc;                   //!< the military symbol's code as written (empty: derived, SymbolDefaults.h)
    SymbolAmplifiers amplifiers;
    std::vector<glm::dvec2> points;     //!< lon/lat: one for markers, the line for corridors and contact lines
    std::vector<Polygon> polygons;      //!< areas
    std::uint32_t scenarioMask = 0;     //!< bit i: member of the manifest's scenario i

    const std::string& lead() const;
    bool inScenario(size_t index) const { return (scenarioMask >> index) & 1u; }
};

struct ScenarioSet {
    std::filesystem::path manifest, featuresFile;
    std::vector<ScenarioInfo> scenarios; //!< in order: an escalation ladder
    std::vector<ScenarioFeature> features;
    std::optional<size_t> indexOf(const std::string& scenarioId) const;
};

//! One thing wrong, as `bulwark validate` prints it: "file: feature id: field: message".
struct Problem {
    std::string file, featureId, field, message;
    std::string text() const;
};

struct ScenarioLoad {
    ScenarioSet set;
    std::vector<Problem> problems; //!< empty when the files are clean
};

constexpr int kMaxScenarios = 31; //!< the scenario mask is 32 bits; the renderer keeps bit 31 for "always"

//! Reads `manifest` and the features file it names (relative to it). Checks the format: unknown
//! kind, status or scenario id, nation codes not in ISO 3166-1 (Debian iso-codes), missing status
//! or source, missing or malformed fields, geometry of the wrong type or invalid, floor above ceiling.
ScenarioLoad loadScenarios(const std::filesystem::path& manifest);

//! The planning rules of SCENARIOS.md, on a loaded set: British and French sites inside Ukraine
//! at least 150 km (geodesic) from the line of contact; no foreign troops inside Ukraine in
//! support-only or ceasefire-monitoring; each rung a superset of the one before unless a feature
//! says why not; announced features cite the AP report of 2026-01-07.
std::vector<Problem> checkPlanningRules(const ScenarioSet& set, const std::vector<Polygon>& ukraine);

constexpr double kMinDistanceFromContactKm = 150.0;
//! The report every announced feature must cite.
constexpr const char* kAnnouncedSourcePrefix = "AP, 2026-01-07";

} // namespace geo
