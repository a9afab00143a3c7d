#pragma once
// What the viewer draws for the planning rules an edit breaks: each site that breaks one, in a warning
// style, and for the 150 km rule the geodesic to the nearest point of the line of contact with its
// length as a label. Plain lon/lat data, made from a document's violations; the renderer draws it.
#include "geo/edit/ScenarioDocument.h"

#include <cstdint>
#include <glm/glm.hpp>
#include <optional>
#include <string>
#include <vector>

namespace geo {

//! The distance rule broken: from the site to where the line of contact comes nearest.
struct ContactDistance {
    glm::dvec2 nearest{0};        //!< lon/lat on the line of contact
    double distanceM = 0;         //!< geodesic, WGS84
    std::vector<glm::dvec2> path; //!< the geodesic from the site to `nearest`, a point every few km
    glm::dvec2 labelAt{0};        //!< halfway along the path
    std::string label;            //!< "132 km"
};

//! One feature breaking one rule or more.
struct RuleWarning {
    std::uint64_t key = 0;
    std::string featureId;
    std::optional<glm::dvec2> site;          //!< lon/lat of a site (hub, equipment site, force, station)
    std::vector<std::string> messages;       //!< "field: message", each rule it breaks
    std::optional<ContactDistance> distance; //!< the nearest line of contact that is too near
};

//! The document's violations grouped by feature, in feature order.
std::vector<RuleWarning> ruleWarnings(const ScenarioDocument& doc);

//! "132 km" (whole kilometres; "850 m" below one).
std::string distanceLabel(double metres);

} // namespace geo
