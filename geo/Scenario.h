#pragma once
// Commitment scenarios: a manifest (scenarios.json) naming the scenarios in order, and one vector
// file (GeoJSON or GeoPackage, so analysts edit it in QGIS) whose features say which scenarios
// they belong to. Plain structs; loading collects every problem rather than stopping at the first.
#include "geo/LineIndex.h"
#include "geo/VectorLoader.h"

#include <cstdint>
#include <filesystem>
#include <glm/glm.hpp>
#include <memory>
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

//! The default title of a frame showing `scenario`: its name, and that it is illustrative planning.
std::string scenarioTitle(const ScenarioInfo& scenario);

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
    std::int64_t fid = -1;              //!< the feature's OGR FID in the file, so edits are saved back onto it

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

constexpr double kMaxPersonnel = 10'000'000; //!< more than any deployment; beyond is a typo
constexpr double kLowestFloorM = -500,
                 kHighestCeilingM = 100'000; //!< air zones: below the Dead Sea .. the edge of space
//! A point a scenario feature may have: a finite lon/lat within -180..180 E (as GeoJSON keeps), -90..90 N.
bool isFeatureLonLat(const glm::dvec2& lonLat);
constexpr const char* kOffEarth = "coordinates outside lon -180..180, lat -90..90 (or not numbers)";

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

//! A planning rule one feature breaks; for the distance rule also where the line of contact comes nearest,
//! so a viewer can draw the geodesic to it and its length.
struct RuleViolation {
    Problem problem;
    std::optional<NearestOnLine> contact; //!< the distance rule only: the nearest point of the line and the distance
    std::string contactLineId;            //!< the distance rule only: the line of contact it is measured to
};

//! The rules of checkPlanningRules, one feature at a time, for re-checking only what an edit touched.
//! Build it once with the outline of Ukraine; give it the lines of contact again when one of them changes.
//!
//!     PlanningRules rules(ukraine);
//!     rules.setContactLines(set.features);
//!     for (RuleViolation& v : rules.check(set, feature)) ...
class PlanningRules {
public:
    explicit PlanningRules(const std::vector<Polygon>& ukraine);
    ~PlanningRules();
    PlanningRules(PlanningRules&&) noexcept;
    PlanningRules& operator=(PlanningRules&&) noexcept;

    //! Indexes the lines of contact among `features` (those of kind contact_line with two points or more).
    void setContactLines(const std::vector<ScenarioFeature>& features);

    //! Each rule for one feature of `set` (a feature not in set.features may be given: a scenario set
    //! supplies the scenario ids). Appends what it breaks to `out`.
    void checkDistance(const ScenarioSet& set, const ScenarioFeature& f, std::vector<RuleViolation>& out) const;
    void checkLowerRungs(const ScenarioSet& set, const ScenarioFeature& f, std::vector<RuleViolation>& out) const;
    void checkSuperset(const ScenarioSet& set, const ScenarioFeature& f, std::vector<RuleViolation>& out) const;
    void checkSource(const ScenarioSet& set, const ScenarioFeature& f, std::vector<RuleViolation>& out) const;
    //! What the loader reports missing (nations, source, scenarios, an air zone's floor and ceiling):
    //! a feature made in the viewer may lack them until the analyst fills them in.
    void checkRequiredFields(const ScenarioSet& set, const ScenarioFeature& f, std::vector<RuleViolation>& out) const;
    //! All of the above, in that order.
    std::vector<RuleViolation> check(const ScenarioSet& set, const ScenarioFeature& f) const;

private:
    bool insideUkraine(const ScenarioFeature& f) const;
    struct State;
    std::unique_ptr<State> _state;
};

constexpr double kMinDistanceFromContactKm = 150.0;
//! The report every announced feature must cite.
constexpr const char* kAnnouncedSourcePrefix = "AP, 2026-01-07";

} // namespace geo
