#include "geo/TacticalGraphics.h"

#include "geo/Sidc.h"
#include "geo/SymbolDefaults.h"
#include "geo/SymbolLibrary.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace geo {

namespace {

using nlohmann::json;

//! The entity of each kind's default graphic (APP-6D symbol set 25), empty where the standard has none.
const char* defaultEntity(FeatureKind kind) {
    switch (kind) {
    case FeatureKind::ContactLine: return "140200";    // Maneuver lines: Line of Contact
    case FeatureKind::MonitoringZone: return "120200"; // Command and control areas: Named Area of Interest
    case FeatureKind::OccupiedArea: return "150100";   // Maneuver areas: Area (hostile: "ENY")
    case FeatureKind::AirZone: return "171000";        // Airspace control areas: Restricted Operations Zone
    default: return "";
    }
}

std::string metres(double m) {
    char text[32];
    std::snprintf(text, sizeof text, "%.0f", m);
    return text;
}

glm::vec4 hexColor(const std::string& text, glm::vec4 fallback) {
    unsigned r = 0, g = 0, b = 0;
    if (text.size() != 7 || text[0] != '#' || std::sscanf(text.c_str() + 1, "%2x%2x%2x", &r, &g, &b) != 3)
        return fallback;
    return {float(r) / 255.0f, float(g) / 255.0f, float(b) / 255.0f, 1.0f};
}

std::vector<glm::dvec2> lonLats(const json& points) {
    std::vector<glm::dvec2> out;
    if (!points.is_array()) return out;
    for (const json& p : points)
        if (p.is_array() && p.size() >= 2 && p[0].is_number() && p[1].is_number())
            out.push_back({p[0].get<double>(), p[1].get<double>()});
    return out;
}

GraphicDrawing readGraphic(const json& j) {
    GraphicDrawing d;
    if (!j.is_object()) {
        d.error = "the helper answered no object";
        return d;
    }
    d.error = j.value("error", "");
    d.known = j.value("known", false);
    d.name = j.value("name", "");
    d.geometry = j.value("geometry", "");
    d.minPoints = j.value("minPoints", 0);
    for (const json& l : j.value("lines", json::array())) {
        if (!l.is_object()) continue;
        GraphicLine line;
        line.color = hexColor(l.value("color", ""), line.color);
        line.widthPx = float(l.value("width", 3.0));
        line.points = lonLats(l.value("points", json::array()));
        if (line.points.size() >= 2) d.lines.push_back(std::move(line));
    }
    for (const json& l : j.value("labels", json::array())) {
        if (!l.is_object()) continue;
        GraphicLabel label;
        label.text = l.value("text", "");
        const auto at = lonLats(json::array({l.value("at", json::array())}));
        if (label.text.empty() || at.empty()) continue;
        label.at = at[0];
        const json offset = l.value("offset", json::array());
        if (offset.is_array() && offset.size() == 2 && offset[0].is_number() && offset[1].is_number())
            label.offsetPx = {offset[0].get<float>(), offset[1].get<float>()};
        const std::string align = l.value("align", "center");
        label.align = align == "right" ? -1 : align == "left" ? 1 : 0;
        label.color = hexColor(l.value("color", ""), label.color);
        label.halo = hexColor(l.value("halo", ""), label.halo);
        d.labels.push_back(std::move(label));
    }
    return d;
}

json requestJson(const GraphicRequest& r) {
    json points = json::array();
    for (const glm::dvec2& p : r.points) points.push_back({p.x, p.y});
    return {{"sidc", r.code}, {"points", points}, {"modifiers", r.modifiers}, {"attributes", r.attributes},
            {"scale", r.scale}};
}

//! The control points of a feature's geometry: its line, or each polygon's outer ring (unclosed).
std::vector<std::vector<glm::dvec2>> controlPoints(const ScenarioFeature& f) {
    std::vector<std::vector<glm::dvec2>> out;
    if (isArea(f.kind)) {
        for (const Polygon& polygon : f.polygons) {
            if (polygon.rings.empty() || polygon.rings[0].size() < 4) continue;
            out.emplace_back(polygon.rings[0].begin(), polygon.rings[0].end() - 1);
        }
    } else if (!isMarker(f.kind) && f.points.size() >= 2) {
        out.push_back(f.points);
    }
    return out;
}

} // namespace

bool sidcIsGraphic(const ScenarioFeature& feature) {
    if (isMarker(feature.kind) || feature.sidc.empty()) return false;
    const auto sidc = parseSidc(feature.sidc);
    return sidc && !sidc.value().fromLetters && sidc.value().symbolSet == kControlMeasureSet;
}

std::optional<GraphicRequest> graphicFor(const ScenarioFeature& f) {
    GraphicRequest r;
    if (sidcIsGraphic(f)) {
        r.code = parseSidc(f.sidc).value().numeric;
    } else {
        const std::string entity = defaultEntity(f.kind);
        if (entity.empty()) return std::nullopt;
        r.code = numericSidc(symbolIdentity(f), kControlMeasureSet, symbolStatus(f.status), 0, 0, entity);
    }
    if (!f.amplifiers.uniqueDesignation.empty()) r.modifiers["T_UNIQUE_DESIGNATION_1"] = f.amplifiers.uniqueDesignation;
    else if (f.kind == FeatureKind::MonitoringZone) r.modifiers["T_UNIQUE_DESIGNATION_1"] = "Monitoring";
    if (f.floorM && f.ceilingM) {
        // Floor and ceiling as the standard labels them: MIN ALT and MAX ALT, in metres above mean sea level.
        r.modifiers["X_ALTITUDE_DEPTH"] = metres(*f.floorM) + "," + metres(*f.ceilingM);
        r.attributes["ALTITUDEUNITS"] = "1,M";
        r.attributes["ALTITUDEMODE"] = "AMSL";
    }
    if (!f.amplifiers.additionalInformation.empty())
        r.modifiers["H_ADDITIONAL_INFO_1"] = f.amplifiers.additionalInformation;
    return r;
}

bool TacticalGraphics::draws(size_t index) const {
    for (const FeatureGraphic& g : graphics)
        if (g.feature == index && g.drawing && !g.drawing->lines.empty()) return true;
    return false;
}

Result<std::vector<GraphicDrawing>> SymbolLibrary::graphics(const std::vector<GraphicRequest>& requests) {
    std::lock_guard lock(_mutex);
    std::vector<std::string> keys;
    json asked = json::array();
    std::vector<std::string> askedKeys;
    for (const GraphicRequest& r : requests) {
        json j = requestJson(r);
        keys.push_back(j.dump(-1, ' ', false, json::error_handler_t::replace));
        if (!_graphics.contains(keys.back())) {
            asked.push_back(std::move(j));
            askedKeys.push_back(keys.back());
        }
    }
    if (!asked.empty()) {
        const std::string line = json{{"graphics", asked}}.dump(-1, ' ', false, json::error_handler_t::replace);
        auto answer = call(line);
        if (!answer) return answer.failure();
        const json parsed = json::parse(answer.value(), nullptr, false);
        const auto list = parsed.is_object() ? parsed.find("graphics") : parsed.end();
        if (!parsed.is_object() || list == parsed.end() || !list->is_array() || list->size() != asked.size()) {
            const std::string why = parsed.is_object() && parsed.contains("error") && parsed["error"].is_string()
                                        ? parsed["error"].get<std::string>()
                                        : "unexpected answer from the helper: " + answer.value().substr(0, 120);
            return Failure{"symbol library " + _dir.string(), why};
        }
        for (size_t i = 0; i < asked.size(); ++i)
            _graphics[askedKeys[i]] = std::make_shared<const GraphicDrawing>(readGraphic((*list)[i]));
    }
    std::vector<GraphicDrawing> out;
    out.reserve(keys.size());
    for (const std::string& key : keys) out.push_back(*_graphics.at(key));
    return out;
}

TacticalGraphics buildTacticalGraphics(const ScenarioSet& set, SymbolLibrary* library,
                                       const std::string& libraryProblem) {
    TacticalGraphics out;
    std::vector<GraphicRequest> requests;
    std::vector<size_t> featureOf;
    for (size_t i = 0; i < set.features.size(); ++i) {
        const ScenarioFeature& f = set.features[i];
        auto request = graphicFor(f);
        if (!request) continue;
        for (std::vector<glm::dvec2>& points : controlPoints(f)) {
            request->points = std::move(points);
            requests.push_back(*request);
            featureOf.push_back(i);
        }
    }
    if (requests.empty()) return out;
    if (!library) {
        out.problem = libraryProblem.empty() ? "no symbol library" : libraryProblem;
        return out;
    }
    auto drawn = library->graphics(requests);
    if (!drawn) {
        out.problem = drawn.failure().message();
        return out;
    }
    for (size_t r = 0; r < requests.size(); ++r) {
        GraphicDrawing& d = drawn.value()[r];
        if (!d.error.empty() && out.problem.empty()) out.problem = set.features[featureOf[r]].id + ": " + d.error;
        out.graphics.push_back({featureOf[r], set.features[featureOf[r]].scenarioMask,
                                std::make_shared<const GraphicDrawing>(std::move(d))});
    }
    return out;
}

std::vector<Problem> checkGraphics(const ScenarioSet& set, SymbolLibrary* library) {
    std::vector<Problem> problems;
    const std::string file = set.featuresFile.string();
    std::vector<GraphicRequest> asked;
    std::vector<const ScenarioFeature*> askedFor;
    for (const ScenarioFeature& f : set.features)
        if (sidcIsGraphic(f)) {
            asked.push_back({parseSidc(f.sidc).value().numeric, {}, {}, {}, kGraphicScale});
            askedFor.push_back(&f);
        }
    if (asked.empty() || !library) return problems; // checkSymbols says when there is no library
    auto known = library->graphics(asked);
    if (!known) {
        problems.push_back({file, "", "sidc", "cannot check the tactical graphics: " + known.failure().message()});
        return problems;
    }
    for (size_t i = 0; i < asked.size(); ++i) {
        const GraphicDrawing& d = known.value()[i];
        const ScenarioFeature& f = *askedFor[i];
        const std::string want = isArea(f.kind) ? "Area" : "Line";
        if (!d.error.empty())
            problems.push_back({file, f.id, "sidc", "the tactical graphics library cannot draw it: " + d.error});
        else if (!d.known)
            problems.push_back({file, f.id, "sidc",
                                "SIDC '" + f.sidc + "': control measure " + parseSidc(f.sidc).value().entity +
                                    " is not one the tactical graphics library (mil-sym-ts) knows"});
        else if (d.geometry != want)
            problems.push_back({file, f.id, "sidc",
                                "SIDC '" + f.sidc + "' is a " + d.name + ", drawn as a " + d.geometry + ", but the " +
                                    kindName(f.kind) + " is a" + (want == "Area" ? "n area" : " line")});
    }
    return problems;
}

} // namespace geo
