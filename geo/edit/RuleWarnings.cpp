#include "geo/edit/RuleWarnings.h"

#include "geo/Spatial.h"

#include <cmath>

namespace geo {

namespace {

constexpr double kPathStepM = 5'000; //!< a point every 5 km: the geodesic's curve shows on any screen

} // namespace

std::string distanceLabel(double metres) {
    if (metres < 1000) return std::to_string(int(std::round(metres))) + " m";
    return std::to_string(int(std::round(metres / 1000))) + " km";
}

std::vector<RuleWarning> ruleWarnings(const ScenarioDocument& doc) {
    std::vector<RuleWarning> out;
    for (const DocumentViolation& v : doc.violations()) {
        if (out.empty() || out.back().key != v.key) {
            const EditableFeature* f = doc.feature(v.key);
            if (!f) continue;
            RuleWarning w;
            w.key = v.key;
            w.featureId = f->feature.id;
            if (isMarker(f->feature.kind) && !f->feature.points.empty()) w.site = f->feature.points.front();
            out.push_back(std::move(w));
        }
        RuleWarning& w = out.back();
        w.messages.push_back(v.violation.problem.field + ": " + v.violation.problem.message);
        const auto& contact = v.violation.contact;
        if (!contact || !w.site || (w.distance && w.distance->distanceM <= contact->distanceM)) continue;
        ContactDistance d;
        d.nearest = contact->nearest;
        d.distanceM = contact->distanceM;
        d.path = geodesicPath(*w.site, contact->nearest, kPathStepM);
        d.labelAt = geodesicPath(*w.site, contact->nearest, contact->distanceM / 2).at(1);
        d.label = distanceLabel(contact->distanceM);
        w.distance = std::move(d);
    }
    return out;
}

} // namespace geo
