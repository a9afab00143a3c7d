#include "GdalSession.h"
#include "geo/Checked.h"
#include "geo/Countries.h"
#include "geo/JsonFields.h"
#include "geo/LonLat.h"
#include "geo/Scenario.h"
#include "geo/Spatial.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>
#include <set>
#include <sstream>

namespace geo {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kFormat = "bulwark-scenarios/1";

//! Metres as a message shows them; the value is finite and in range by then.
std::string metres(double m) {
    char text[32];
    std::snprintf(text, sizeof text, "%.0f m", m);
    return text;
}

//! Collects the problems of one file.
struct Reporter {
    std::string file;
    std::vector<Problem>& problems;
    void operator()(const std::string& feature, const std::string& field, const std::string& message) const {
        problems.push_back({file, feature, field, message});
    }
};

//! A list field: a real list (GeoJSON arrays), a JSON array in a string (GeoPackage), or comma-separated text.
std::optional<std::vector<std::string>> readList(OGRFeature& f, int index) {
    if (index < 0 || !f.IsFieldSetAndNotNull(index)) return std::nullopt;
    std::vector<std::string> out;
    if (f.GetFieldDefnRef(index)->GetType() == OFTStringList) {
        for (char** item = f.GetFieldAsStringList(index); item && *item; ++item) out.emplace_back(*item);
        return out;
    }
    const std::string text = f.GetFieldAsString(index);
    if (!text.empty() && text.front() == '[') {
        const json parsed = json::parse(text, nullptr, false);
        if (!parsed.is_array()) return std::nullopt;
        for (const json& item : parsed) {
            if (!item.is_string()) return std::nullopt;
            out.push_back(item.get<std::string>());
        }
        return out;
    }
    std::stringstream ss(text);
    for (std::string item; std::getline(ss, item, ',');) {
        item.erase(0, item.find_first_not_of(' '));
        item.erase(item.find_last_not_of(' ') + 1);
        if (!item.empty()) out.push_back(item);
    }
    return out;
}

std::string readText(OGRFeature& f, int index) {
    return index >= 0 && f.IsFieldSetAndNotNull(index) ? f.GetFieldAsString(index) : std::string();
}

std::optional<double> readNumber(OGRFeature& f, int index) {
    if (index < 0 || !f.IsFieldSetAndNotNull(index)) return std::nullopt;
    return f.GetFieldAsDouble(index);
}

Polygon toPolygon(const OGRPolygon& p) {
    Polygon out;
    for (const OGRLinearRing* ring : p) {
        Ring r;
        for (const OGRPoint& q : ring) r.push_back({q.getX(), q.getY()});
        out.rings.push_back(std::move(r));
    }
    return out;
}

//! The geometry, checked against what the kind needs.
void readGeometry(const OGRGeometry* g, ScenarioFeature& feature, const Reporter& report) {
    if (!g || g->IsEmpty()) return report(feature.id, "geometry", "missing or empty");
    const OGRwkbGeometryType type = wkbFlatten(g->getGeometryType());
    if (isMarker(feature.kind)) {
        if (type != wkbPoint)
            return report(feature.id, "geometry", std::string("a ") + kindName(feature.kind) + " must be a Point");
        const auto* p = g->toPoint();
        feature.points = {{p->getX(), p->getY()}};
    } else if (feature.kind == FeatureKind::Corridor || feature.kind == FeatureKind::ContactLine) {
        if (type != wkbLineString)
            return report(feature.id, "geometry", std::string("a ") + kindName(feature.kind) + " must be a LineString");
        for (const OGRPoint& q : *g->toLineString()) feature.points.push_back({q.getX(), q.getY()});
        if (feature.points.size() < 2) report(feature.id, "geometry", "a line needs at least two points");
    } else {
        if (type == wkbPolygon)
            feature.polygons.push_back(toPolygon(*g->toPolygon()));
        else if (type == wkbMultiPolygon)
            for (const OGRPolygon* p : *g->toMultiPolygon()) feature.polygons.push_back(toPolygon(*p));
        else
            return report(feature.id, "geometry", std::string("a ") + kindName(feature.kind) + " must be a Polygon");
        for (const Polygon& p : feature.polygons)
            for (const Ring& ring : p.rings)
                if (!std::all_of(ring.begin(), ring.end(), isFeatureLonLat))
                    return report(feature.id, "geometry", kOffEarth);
        for (const Polygon& p : feature.polygons)
            if (!isValid(p)) return report(feature.id, "geometry", "invalid polygon (self-intersecting or unclosed)");
    }
    if (!std::all_of(feature.points.begin(), feature.points.end(), isFeatureLonLat))
        report(feature.id, "geometry", kOffEarth);
}

void readFeatures(const fs::path& file, ScenarioSet& set, std::vector<Problem>& problems) {
    const Reporter report{file.string(), problems};
    GdalSession gdal;
    auto opened = gdal.open(file, GDAL_OF_VECTOR, "vector file", InputKind::File);
    if (!opened) return report("", "", opened.failure().what);
    GDALDataset& dataset = *opened.value();
    if (dataset.GetLayerCount() != 1) return report("", "", "must hold exactly one layer of features");
    OGRLayer& layer = *dataset.GetLayer(0);
    auto transform = transformToWgs84(gdal, file, layer);
    if (!transform) return report("", "", transform.failure().what);
    const OGRFeatureDefn& defn = *layer.GetLayerDefn();
    auto field = [&](const char* name) { return defn.GetFieldIndex(name); };
    const int fId = field("id"), fKind = field("kind"), fName = field("name"), fNations = field("nations"),
              fPersonnel = field("personnel"), fFloor = field("floor_m"), fCeiling = field("ceiling_m"),
              fStatus = field("status"), fSource = field("source"), fScenarios = field("scenarios"),
              fWhy = field("why_not_later"), fSidc = field("sidc"), fUnique = field("unique_designation"),
              fHigher = field("higher_formation"), fStaff = field("staff_comments"),
              fAdditional = field("additional_information");
    std::set<std::string> ids;
    layer.ResetReading();
    size_t number = 0;
    for (auto& f : layer) {
        ++number;
        ScenarioFeature feature;
        feature.fid = f->GetFID();
        feature.id = readText(*f, fId);
        if (feature.id.empty()) {
            feature.id = "feature #" + std::to_string(number);
            report(feature.id, "id", "missing");
        } else if (!ids.insert(feature.id).second) {
            report(feature.id, "id", "used by another feature too");
        }
        const std::string kind = readText(*f, fKind);
        const auto parsedKind = parseKind(kind);
        if (!parsedKind) {
            report(feature.id, "kind", kind.empty() ? "missing" : "unknown kind '" + kind + "'");
            continue;
        }
        feature.kind = *parsedKind;
        feature.name = readText(*f, fName);
        if (feature.name.empty()) report(feature.id, "name", "missing");

        const auto nations = readList(*f, fNations);
        if (!nations || nations->empty())
            report(feature.id, "nations", "missing: a list of ISO 3166-1 alpha-2 codes");
        else {
            feature.nations = *nations;
            for (const std::string& code : feature.nations)
                if (!countryNames().count(code))
                    report(feature.id, "nations", "'" + code + "' is not an ISO 3166-1 alpha-2 code");
        }
        if (const auto personnel = readNumber(*f, fPersonnel)) {
            const auto whole = *personnel == std::floor(*personnel) && *personnel >= 0 && *personnel <= kMaxPersonnel
                                   ? checkedInteger<std::int64_t>(*personnel)
                                   : std::nullopt;
            if (!whole)
                report(feature.id, "personnel",
                       "must be a whole number from 0 to " + std::to_string(std::int64_t(kMaxPersonnel)));
            else
                feature.personnel = *whole;
        }
        // Heights outside the plausible range are refused, so no later step converts 1e300 to an integer.
        const auto height = [&](int index, const char* name) -> std::optional<double> {
            const auto m = readNumber(*f, index);
            if (m && !(std::isfinite(*m) && *m >= kLowestFloorM && *m <= kHighestCeilingM)) {
                report(feature.id, name,
                       "must be within " + metres(kLowestFloorM) + ".." + metres(kHighestCeilingM) + " of sea level");
                return std::nullopt;
            }
            return m;
        };
        feature.floorM = height(fFloor, "floor_m");
        feature.ceilingM = height(fCeiling, "ceiling_m");
        if (feature.kind == FeatureKind::AirZone) {
            if (!feature.floorM && !readNumber(*f, fFloor))
                report(feature.id, "floor_m", "missing: an air zone needs floor_m and ceiling_m");
            if (!feature.ceilingM && !readNumber(*f, fCeiling))
                report(feature.id, "ceiling_m", "missing: an air zone needs floor_m and ceiling_m");
            if (feature.floorM && feature.ceilingM && *feature.floorM >= *feature.ceilingM)
                report(feature.id, "floor_m",
                       "floor " + metres(*feature.floorM) + " is not below ceiling " + metres(*feature.ceilingM));
            if (feature.floorM && *feature.floorM < 0) report(feature.id, "floor_m", "below sea level");
        } else if (feature.floorM || feature.ceilingM) {
            report(feature.id, feature.floorM ? "floor_m" : "ceiling_m", "only air zones have a floor and ceiling");
        }
        const std::string status = readText(*f, fStatus);
        if (const auto parsed = parseStatus(status))
            feature.status = *parsed;
        else
            report(feature.id, "status",
                   status.empty() ? "missing (announced, reported or illustrative)"
                                  : "unknown status '" + status + "'");
        feature.source = readText(*f, fSource);
        if (feature.source.empty()) report(feature.id, "source", "missing: say where the feature comes from");
        feature.whyNotLater = readText(*f, fWhy);
        // The symbol's code and amplifiers are checked by checkSymbols (SymbolRules.h), which needs the library.
        feature.sidc = readText(*f, fSidc);
        feature.amplifiers = {readText(*f, fUnique), readText(*f, fHigher), readText(*f, fStaff),
                              readText(*f, fAdditional)};

        const auto scenarios = readList(*f, fScenarios);
        if (!scenarios || scenarios->empty())
            report(feature.id, "scenarios", "missing: the scenario ids it belongs to");
        else {
            feature.scenarios = *scenarios;
            for (const std::string& id : feature.scenarios) {
                if (const auto index = set.indexOf(id); index && *index < size_t(kMaxScenarios))
                    feature.scenarioMask |= 1u << *index;
                else
                    report(feature.id, "scenarios", "unknown scenario id '" + id + "'");
            }
        }
        OGRGeometry* g = f->GetGeometryRef();
        if (g && transform.value()) g->transform(transform.value().get());
        readGeometry(g, feature, report);
        set.features.push_back(std::move(feature));
    }
    if (number == 0) report("", "", "has no features");
}

} // namespace

ScenarioLoad loadScenarios(const fs::path& manifest) {
    ScenarioLoad load;
    load.set.manifest = manifest;
    const Reporter report{manifest.string(), load.problems};
    if (countryNames().empty())
        report("", "",
               std::string("cannot read ISO 3166 codes from ") + kIsoCodesFile +
                   " (install the Debian package iso-codes)");
    const auto read = readJsonFile(manifest);
    if (!read) {
        report("", "", read.failure().what);
        return load;
    }
    const json& doc = read.value();
    if (!doc.is_object()) {
        report("", "", "not a JSON object (is it a scenario manifest?)");
        return load;
    }
    const JsonFields fields(doc,
                            [&](const std::string& field, const std::string& message) { report("", field, message); });
    // A field present with the wrong type has been reported by the reader already.
    const auto format = fields.text("format");
    if (format.value_or("") != kFormat && (format || !fields.has("format")))
        report("", "format", std::string("must be \"") + kFormat + "\"");
    const json* scenarios = fields.array("scenarios");
    if (!scenarios || scenarios->empty()) {
        if (!fields.has("scenarios") || scenarios)
            report("", "scenarios", "missing: a list of {id, name, description}");
        return load;
    }
    int number = 0;
    for (const json& s : *scenarios) {
        ++number;
        std::string where = "scenario " + std::to_string(number);
        const JsonFields scenario(s, [&](const std::string& field, const std::string& message) {
            report(where, field.empty() ? "scenarios" : field, message);
        });
        const std::optional<std::string> id = scenario.text("id");
        if (!id || id->empty()) {
            if (scenario.isObject() && (!scenario.has("id") || id))
                report(where, "id", "missing: each scenario needs an id");
            continue;
        }
        where = *id;
        ScenarioInfo info;
        info.id = *id;
        info.name = scenario.text("name").value_or("");
        info.description = scenario.text("description").value_or("");
        if (info.name.empty() && !scenario.has("name")) report(info.id, "name", "missing");
        if (load.set.indexOf(info.id)) report(info.id, "id", "listed twice");
        load.set.scenarios.push_back(std::move(info));
    }
    // Stop here: scenario indices beyond the mask's bits cannot be given to features.
    if (load.set.scenarios.size() > size_t(kMaxScenarios)) {
        report("", "scenarios",
               std::to_string(load.set.scenarios.size()) + " scenarios: at most " + std::to_string(kMaxScenarios));
        return load;
    }
    const std::optional<std::string> features = fields.text("features");
    if (!features || features->empty()) {
        if (!fields.has("features") || features)
            report("", "features", "missing: the features file, relative to the manifest");
        return load;
    }
    load.set.featuresFile = manifest.parent_path() / *features;
    readFeatures(load.set.featuresFile, load.set, load.problems);
    return load;
}

} // namespace geo
