#include "geo/ScenarioGeoJson.h"

#include "geo/InputPath.h"
#include "geo/OutputFile.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

namespace geo {

namespace {

using nlohmann::json;

bool samePolygons(const std::vector<Polygon>& a, const std::vector<Polygon>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const Polygon& p, const Polygon& q) { return p.rings == q.rings; });
}

json position(glm::dvec2 p) {
    return json::array({p.x, p.y});
}

json ringsOf(const Polygon& polygon) {
    json rings = json::array();
    for (const Ring& ring : polygon.rings) {
        json r = json::array();
        for (glm::dvec2 p : ring) r.push_back(position(p));
        rings.push_back(std::move(r));
    }
    return rings;
}

json geometryOf(const ScenarioFeature& f) {
    if (isMarker(f.kind) && !f.points.empty()) return {{"type", "Point"}, {"coordinates", position(f.points.front())}};
    if (!f.polygons.empty()) {
        if (f.polygons.size() == 1) return {{"type", "Polygon"}, {"coordinates", ringsOf(f.polygons.front())}};
        json polygons = json::array();
        for (const Polygon& p : f.polygons) polygons.push_back(ringsOf(p));
        return {{"type", "MultiPolygon"}, {"coordinates", std::move(polygons)}};
    }
    json line = json::array();
    for (glm::dvec2 p : f.points) line.push_back(position(p));
    return {{"type", "LineString"}, {"coordinates", std::move(line)}};
}

//! Sets `key` to `value`, or removes it when there is none (an empty text, an absent number).
template <typename T> void setOrErase(json& properties, const char* key, const std::optional<T>& value) {
    if (value)
        properties[key] = *value;
    else
        properties.erase(key);
}
void setOrErase(json& properties, const char* key, const std::string& value) {
    setOrErase(properties, key, value.empty() ? std::nullopt : std::optional(value));
}

void writeFeature(json& object, const ScenarioFeature& f) {
    object["type"] = "Feature";
    json& p = object["properties"];
    if (!p.is_object()) p = json::object();
    p["id"] = f.id;
    p["kind"] = kindName(f.kind);
    p["name"] = f.name;
    p["nations"] = f.nations;
    setOrErase(p, "personnel", f.personnel);
    setOrErase(p, "floor_m", f.floorM);
    setOrErase(p, "ceiling_m", f.ceilingM);
    p["status"] = statusName(f.status);
    p["source"] = f.source;
    p["scenarios"] = f.scenarios;
    setOrErase(p, "why_not_later", f.whyNotLater);
    setOrErase(p, "sidc", f.sidc);
    setOrErase(p, "unique_designation", f.amplifiers.uniqueDesignation);
    setOrErase(p, "higher_formation", f.amplifiers.higherFormation);
    setOrErase(p, "staff_comments", f.amplifiers.staffComments);
    setOrErase(p, "additional_information", f.amplifiers.additionalInformation);
    object["geometry"] = geometryOf(f);
}

} // namespace

bool sameFeature(const ScenarioFeature& a, const ScenarioFeature& b) {
    return a.id == b.id && a.name == b.name && a.kind == b.kind && a.nations == b.nations &&
           a.personnel == b.personnel && a.floorM == b.floorM && a.ceilingM == b.ceilingM && a.status == b.status &&
           a.source == b.source && a.scenarios == b.scenarios && a.whyNotLater == b.whyNotLater && a.sidc == b.sidc &&
           a.amplifiers == b.amplifiers && a.points == b.points && samePolygons(a.polygons, b.polygons);
}

Result<bool> saveScenarioFeatures(const ScenarioSet& set, const std::vector<ScenarioFeature>& saved) try {
    const std::string file = set.featuresFile.string();
    std::string extension = set.featuresFile.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(), ::tolower);
    if (extension != ".geojson" && extension != ".json")
        return Failure{file, "the viewer saves edits into GeoJSON only; edit a GeoPackage in QGIS, or convert it"};
    Result<std::string> text = readInputFile(set.featuresFile);
    if (!text) return text.failure();
    json document = json::parse(text.value(), nullptr, false);
    if (!document.is_object() || !document["features"].is_array())
        return Failure{file, "not a GeoJSON FeatureCollection any more: saving would lose it"};
    std::map<std::string, json> onDisk;
    for (json& object : document["features"])
        if (object.is_object() && object["properties"].is_object() && object["properties"]["id"].is_string()) {
            const std::string id = object["properties"]["id"].get<std::string>(); // before the move below
            onDisk[id] = std::move(object);
        }
    std::map<std::string, const ScenarioFeature*> before;
    for (const ScenarioFeature& f : saved) before[f.id] = &f;

    json features = json::array();
    for (const ScenarioFeature& f : set.features) {
        const auto disk = onDisk.find(f.id);
        const auto was = before.find(f.id);
        json object = disk != onDisk.end() ? std::move(disk->second) : json::object();
        if (disk == onDisk.end() || was == before.end() || !sameFeature(*was->second, f)) writeFeature(object, f);
        features.push_back(std::move(object));
    }
    document["features"] = std::move(features);
    writeOutputFile(set.featuresFile, document.dump(2) + "\n");
    return true;
} catch (const OutputError& e) {
    return e.failure;
} catch (const std::exception& e) { // a JSON value of a type Bulwark did not write: the file stays as it was
    return Failure{set.featuresFile.string(), std::string("cannot save into it: ") + e.what()};
}

} // namespace geo
