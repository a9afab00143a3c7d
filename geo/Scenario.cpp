#include "geo/Scenario.h"

#include "geo/LonLat.h"

#include <array>
#include <utility>

namespace geo {

namespace {

constexpr std::array<std::pair<FeatureKind, const char*>, 10> kKinds{{
    {FeatureKind::Hub, "hub"},
    {FeatureKind::EquipmentSite, "equipment_site"},
    {FeatureKind::Force, "force"},
    {FeatureKind::Station, "station"},
    {FeatureKind::AirZone, "air_zone"},
    {FeatureKind::SeaZone, "sea_zone"},
    {FeatureKind::Corridor, "corridor"},
    {FeatureKind::MonitoringZone, "monitoring_zone"},
    {FeatureKind::ContactLine, "contact_line"},
    {FeatureKind::OccupiedArea, "occupied_area"},
}};
constexpr std::array<std::pair<FeatureStatus, const char*>, 3> kStatuses{{
    {FeatureStatus::Announced, "announced"},
    {FeatureStatus::Reported, "reported"},
    {FeatureStatus::Illustrative, "illustrative"},
}};

} // namespace

const char* kindName(FeatureKind kind) {
    for (const auto& [k, name] : kKinds)
        if (k == kind) return name;
    return "?";
}

const char* statusName(FeatureStatus status) {
    for (const auto& [s, name] : kStatuses)
        if (s == status) return name;
    return "?";
}

std::optional<FeatureKind> parseKind(const std::string& text) {
    for (const auto& [k, name] : kKinds)
        if (text == name) return k;
    return std::nullopt;
}

std::optional<FeatureStatus> parseStatus(const std::string& text) {
    for (const auto& [s, name] : kStatuses)
        if (text == name) return s;
    return std::nullopt;
}

bool isMarker(FeatureKind k) {
    return k == FeatureKind::Hub || k == FeatureKind::EquipmentSite || k == FeatureKind::Force ||
           k == FeatureKind::Station;
}

bool isArea(FeatureKind k) {
    return k == FeatureKind::AirZone || k == FeatureKind::SeaZone || k == FeatureKind::MonitoringZone ||
           k == FeatureKind::OccupiedArea;
}

bool isFeatureLonLat(const glm::dvec2& p) {
    return isLonLat(p.x, p.y) && p.x <= 180; // the shared bounds (LonLat.h), and -180..180 E as GeoJSON keeps
}

const std::string& ScenarioFeature::lead() const {
    static const std::string none;
    return nations.empty() ? none : nations.front();
}

std::optional<size_t> ScenarioSet::indexOf(const std::string& id) const {
    for (size_t i = 0; i < scenarios.size(); ++i)
        if (scenarios[i].id == id) return i;
    return std::nullopt;
}

std::string Problem::text() const {
    std::string t = file;
    for (const std::string* part : {&featureId, &field})
        if (!part->empty()) t += ": " + *part;
    return t + ": " + message;
}

std::string scenarioTitle(const ScenarioInfo& scenario) {
    return scenario.name + " \u2014 illustrative planning, not fact";
}

} // namespace geo
