#include "geo/ScenarioExport.h"

#include "GdalOutput.h"
#include "geo/OutputFile.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cpl_string.h>
#include <gdal_priv.h>
#include <map>
#include <nlohmann/json.hpp>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>
#include <stdexcept>

namespace geo {

namespace fs = std::filesystem;

namespace {

std::string lowerCase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return text;
}

//! "#RRGGBBAA", as OGR style strings write colours.
std::string hexColour(glm::vec4 c, float alpha) {
    const auto byte = [](float v) { return int(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f)); };
    char text[16];
    std::snprintf(text, sizeof text, "#%02X%02X%02X%02X", byte(c.r), byte(c.g), byte(c.b), byte(alpha));
    return text;
}

//! Pen for lines and outlines, a translucent brush for areas, a tinted symbol for points: one style serves
//! every geometry a nation's or kind's features have.
std::string ogrStyle(glm::vec4 c) {
    const float fill = c.a < 1.0f ? c.a : 0.35f;
    return "PEN(c:" + hexColour(c, 1.0f) + ",w:3px);BRUSH(fc:" + hexColour(c, fill) +
           ");SYMBOL(id:\"http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png\",c:" + hexColour(c, 1.0f) +
           ",s:1.2);LABEL(c:#FFFFFFFF)";
}

//! Text for an HTML description (KML balloons render it): escaped, lines as <br/>.
std::string htmlLines(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c == '&')
            out += "&amp;";
        else if (c == '<')
            out += "&lt;";
        else if (c == '>')
            out += "&gt;";
        else if (c == '\n')
            out += "<br/>";
        else
            out += c;
    }
    return out;
}

OGRLinearRing toRing(const Ring& ring) {
    OGRLinearRing out;
    for (const glm::dvec2& p : ring) out.addPoint(p.x, p.y);
    out.closeRings();
    return out;
}

OGRPolygon toOgr(const Polygon& polygon) {
    OGRPolygon out;
    for (const Ring& ring : polygon.rings) {
        OGRLinearRing r = toRing(ring);
        out.addRing(&r);
    }
    return out;
}

//! The feature's geometry as OGR holds it: a Point, a LineString, a Polygon or, for several, a MultiPolygon.
std::unique_ptr<OGRGeometry> toOgr(const ScenarioFeature& f) {
    if (isMarker(f.kind) && !f.points.empty()) return std::make_unique<OGRPoint>(f.points[0].x, f.points[0].y);
    if (!f.polygons.empty()) {
        if (f.polygons.size() == 1) return std::make_unique<OGRPolygon>(toOgr(f.polygons[0]));
        auto multi = std::make_unique<OGRMultiPolygon>();
        for (const Polygon& p : f.polygons) {
            OGRPolygon part = toOgr(p);
            multi->addGeometry(&part);
        }
        return multi;
    }
    auto line = std::make_unique<OGRLineString>();
    for (const glm::dvec2& p : f.points) line->addPoint(p.x, p.y);
    return line;
}

OGRwkbGeometryType geometryTypeOf(FeatureKind kind) {
    if (isMarker(kind)) return wkbPoint;
    if (isArea(kind)) return wkbUnknown; // a Polygon, or a MultiPolygon when the feature has several
    return wkbLineString;
}

void check(OGRErr error, const std::string& what) {
    if (error != OGRERR_NONE) throw std::runtime_error("cannot write " + what);
}

//! How lists are written: as lists (GeoJSON arrays), as JSON text (GeoPackage has no list type; Bulwark
//! and QGIS read JSON there), or as "GB, FR" where a format would show "(2:GB,FR)" (KML's ExtendedData).
enum class Lists { Native, Json, Text };

//! The fields every OGR export carries: the scenario format's own (so a GeoJSON or GeoPackage export reads
//! back into Bulwark), the lead nation and the description.
void addFields(OGRLayer& layer, Lists lists) {
    const std::pair<const char*, OGRFieldType> fields[] = {
        {"id", OFTString},           {"name", OFTString},          {"description", OFTString},  {"kind", OFTString},
        {"nations", OFTStringList},  {"lead", OFTString},          {"personnel", OFTInteger64}, {"status", OFTString},
        {"source", OFTString},       {"scenarios", OFTStringList}, {"floor_m", OFTReal},        {"ceiling_m", OFTReal},
        {"why_not_later", OFTString}};
    for (const auto& [name, type] : fields) {
        OGRFieldDefn field(name, type == OFTStringList && lists != Lists::Native ? OFTString : type);
        if (type == OFTStringList && lists == Lists::Json) field.SetSubType(OFSTJSON);
        check(layer.CreateField(&field), std::string("field ") + name);
    }
}

void setList(OGRFeature& out, const char* field, const std::vector<std::string>& items, Lists lists) {
    CPLStringList list;
    std::string text;
    for (const std::string& item : items) {
        list.AddString(item.c_str());
        text += (text.empty() ? "" : ", ") + item;
    }
    if (lists == Lists::Native)
        out.SetField(field, list.List());
    else if (lists == Lists::Json)
        out.SetField(field, nlohmann::json(items).dump().c_str());
    else
        out.SetField(field, text.c_str());
}

void writeFeature(OGRLayer& layer, const ScenarioFeature& f, const std::string& description, Lists lists, bool styled) {
    OGRFeature out(layer.GetLayerDefn());
    out.SetField("id", f.id.c_str());
    out.SetField("name", f.name.c_str());
    out.SetField("description", description.c_str());
    out.SetField("kind", kindName(f.kind));
    setList(out, "nations", f.nations, lists);
    out.SetField("lead", f.lead().c_str());
    if (f.personnel) out.SetField("personnel", GIntBig(*f.personnel));
    out.SetField("status", statusName(f.status));
    out.SetField("source", f.source.c_str());
    setList(out, "scenarios", f.scenarios, lists);
    if (f.floorM) out.SetField("floor_m", *f.floorM);
    if (f.ceilingM) out.SetField("ceiling_m", *f.ceilingM);
    if (!f.whyNotLater.empty()) out.SetField("why_not_later", f.whyNotLater.c_str());
    if (styled)
        out.SetStyleString(
            std::string(1, '@').append(styleName(f)).c_str()); // (not "@" + ...: GCC 12's false -Wrestrict)
    out.SetGeometryDirectly(toOgr(f).release());
    check(layer.CreateFeature(&out), "feature " + f.id);
}

std::vector<const ScenarioFeature*> featuresOf(const ScenarioSet& set, size_t scenario) {
    std::vector<const ScenarioFeature*> out;
    for (const ScenarioFeature& f : set.features)
        if (f.inScenario(scenario)) out.push_back(&f);
    return out;
}

//! Google Earth: a folder (a layer of the LIBKML driver) per kind, in the order of the kinds, and one
//! shared style per nation or kind colour.
void fillKml(GDALDataset& dataset, const std::vector<const ScenarioFeature*>& features, const ScenarioInfo& info,
             const FeatureColour& colour) {
    OGRStyleTable styles;
    for (const ScenarioFeature* f : features) styles.AddStyle(styleName(*f).c_str(), ogrStyle(colour(*f)).c_str());
    dataset.SetStyleTable(&styles);
    OGRSpatialReference wgs84 = lonLatWgs84();
    for (int k = 0; k <= int(FeatureKind::OccupiedArea); ++k) {
        const auto kind = FeatureKind(k);
        if (std::none_of(features.begin(), features.end(), [&](const auto* f) { return f->kind == kind; })) continue;
        CPLStringList options;
        options.SetNameValue("FOLDER", "YES");
        OGRLayer* layer = dataset.CreateLayer(kindName(kind), &wgs84, geometryTypeOf(kind), options.List());
        if (!layer) throw std::runtime_error(std::string("cannot create the folder ") + kindName(kind));
        addFields(*layer, Lists::Text);
        for (const ScenarioFeature* f : features)
            if (f->kind == kind) writeFeature(*layer, *f, htmlLines(featureDescription(*f, info)), Lists::Text, true);
    }
}

//! QGIS: one layer of every feature, the scenario format's fields, so the file also reads back as scenario features.
void fillTable(GDALDataset& dataset, const std::vector<const ScenarioFeature*>& features, const ScenarioInfo& info,
               Lists lists) {
    OGRSpatialReference wgs84 = lonLatWgs84();
    OGRLayer* layer = dataset.CreateLayer(info.id.c_str(), &wgs84, wkbUnknown, nullptr);
    if (!layer) throw std::runtime_error("cannot create the layer " + info.id);
    addFields(*layer, lists);
    check(layer->StartTransaction(), "the features");
    for (const ScenarioFeature* f : features) writeFeature(*layer, *f, featureDescription(*f, info), lists, false);
    check(layer->CommitTransaction(), "the features");
}

} // namespace

std::optional<ExportFormat> exportFormatFor(const fs::path& file) {
    const std::string ext = lowerCase(file.extension().string());
    if (ext == ".kml") return ExportFormat::Kml;
    if (ext == ".kmz") return ExportFormat::Kmz;
    if (ext == ".czml") return ExportFormat::Czml;
    if (ext == ".gpkg") return ExportFormat::GeoPackage;
    if (ext == ".geojson" || ext == ".json") return ExportFormat::GeoJson;
    return std::nullopt;
}

const char* exportFormatName(ExportFormat format) {
    switch (format) {
    case ExportFormat::Kml: return "KML";
    case ExportFormat::Kmz: return "KMZ";
    case ExportFormat::Czml: return "CZML";
    case ExportFormat::GeoPackage: return "GeoPackage";
    case ExportFormat::GeoJson: return "GeoJSON";
    }
    return "?";
}

bool colouredByNation(const ScenarioFeature& f) {
    return (isMarker(f.kind) || f.kind == FeatureKind::AirZone) && !f.lead().empty();
}

std::string styleName(const ScenarioFeature& f) {
    return colouredByNation(f) ? "nation-" + f.lead() : std::string("kind-") + kindName(f.kind);
}

std::string featureDescription(const ScenarioFeature& f, const ScenarioInfo& scenario) {
    std::string nations;
    for (const std::string& n : f.nations) nations += (nations.empty() ? "" : ", ") + n;
    std::string text = std::string("Kind: ") + kindName(f.kind) + "\n";
    if (!nations.empty()) text += "Nations: " + nations + "\n";
    if (f.personnel) text += "Personnel: " + std::to_string(*f.personnel) + "\n";
    if (f.floorM && f.ceilingM)
        text += "Altitude: " + std::to_string(std::lround(*f.floorM)) + " to " +
                std::to_string(std::lround(*f.ceilingM)) + " m\n";
    text += std::string("Status: ") + statusName(f.status) + "\n";
    text += "Source: " + f.source + "\n";
    text += "Scenario: " + scenario.name + " (" + scenario.id + ")\n";
    text += "Illustrative planning, not fact: a scenario of how Ukraine's security guarantees could be deployed "
            "after a ceasefire (Bulwark).";
    return text;
}

size_t exportScenario(const ScenarioSet& set, size_t scenario, const fs::path& out, ExportFormat format,
                      const FeatureColour& colour) {
    const ScenarioInfo& info = set.scenarios.at(scenario);
    const std::vector<const ScenarioFeature*> features = featuresOf(set, scenario);
    switch (format) {
    case ExportFormat::Czml: writeOutputFile(out, scenarioCzml(set, scenario, colour)); break;
    case ExportFormat::Kml:
    case ExportFormat::Kmz: {
        GdalOutputSpec spec{
            "LIBKML", {"NAME=" + info.name + " (illustrative planning, not fact)", "DESCRIPTION=" + info.description}};
        writeGdalOutput(out, spec, [&](GDALDataset& d) { fillKml(d, features, info, colour); });
        break;
    }
    case ExportFormat::GeoPackage:
        writeGdalOutput(out, {"GPKG", {}}, [&](GDALDataset& d) { fillTable(d, features, info, Lists::Json); });
        break;
    case ExportFormat::GeoJson:
        writeGdalOutput(out, {"GeoJSON", {}}, [&](GDALDataset& d) { fillTable(d, features, info, Lists::Native); });
        break;
    }
    return features.size();
}

} // namespace geo
