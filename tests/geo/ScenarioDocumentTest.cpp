// The scenario document without a window: edit commands with undo and redo, refused edits, saving back
// into GeoJSON and GeoPackage (read back with OGR, field for field), a read-only or full disk, a file
// changed by another program, and the planning rules re-checked after every edit.
#include "geo/edit/ScenarioDocument.h"

#include "Fixtures.h"
#include "SmallDisk.h"
#include "geo/Spatial.h"

#include <GeographicLib/Geodesic.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <gdal_priv.h>
#include <gdal_utils.h>
#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>
#include <set>

namespace geo {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using test::readBytes;
using test::TempDir;

const fs::path kAssets = BULWARK_ASSETS_DIR;

//! The default scenarios copied into `dir`, with properties Bulwark does not know added to some features
//! and one feature of a kind it does not read, as a QGIS user might leave them.
fs::path copyDefaultScenarios(const TempDir& dir, bool withStrangers = true) {
    json features = json::parse(readBytes(kAssets / "scenarios/features.geojson"));
    if (withStrangers) {
        for (json& f : features["features"]) {
            json& p = f["properties"];
            if (p["id"] == "hub-gb-zhytomyr")
                p.update({{"comment", "keep me"}, {"priority", 3}, {"meta", {{"a", {1, 2}}}}});
            if (p["id"] == "station-sk-lest") p["rating"] = 2.5;
            if (p["id"] == "station-pl-lask") p.update({{"note", nullptr}, {"tags", {"x", "y"}}});
        }
        features["features"].push_back({{"type", "Feature"},
                                        {"properties", {{"id", "note-1"}, {"kind", "note"}, {"text", "see me"}}},
                                        {"geometry", {{"type", "Point"}, {"coordinates", {30.0, 50.0}}}}});
    }
    test::writeText(dir / "features.geojson", features.dump(2));
    test::writeText(dir / "scenarios.json", readBytes(kAssets / "scenarios/scenarios.json"));
    return dir / "scenarios.json";
}

//! The same set as a GeoPackage (converted by GDAL, as `ogr2ogr` would), with a manifest naming it.
fs::path asGeoPackage(const TempDir& dir, const char* epsg = "EPSG:4326") {
    // A GeoPackage has no list type: lists are JSON text, as QGIS writes them.
    json features = json::parse(readBytes(dir / "features.geojson"));
    for (json& f : features["features"])
        for (auto& [name, value] : f["properties"].items())
            if (value.is_array()) value = value.dump();
    test::writeText(dir / "lists-as-text.geojson", features.dump());
    GDALAllRegister();
    GDALDatasetH source =
        GDALOpenEx((dir / "lists-as-text.geojson").c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    EXPECT_NE(source, nullptr);
    char* args[] = {const_cast<char*>("-f"),
                    const_cast<char*>("GPKG"),
                    const_cast<char*>("-nln"),
                    const_cast<char*>("features"),
                    const_cast<char*>("-t_srs"),
                    const_cast<char*>(epsg),
                    nullptr};
    GDALVectorTranslateOptions* options = GDALVectorTranslateOptionsNew(args, nullptr);
    GDALDatasetH out = GDALVectorTranslate((dir / "features.gpkg").c_str(), nullptr, 1, &source, options, nullptr);
    GDALVectorTranslateOptionsFree(options);
    EXPECT_NE(out, nullptr);
    GDALClose(out);
    GDALClose(source);
    json manifest = json::parse(readBytes(dir / "scenarios.json"));
    manifest["features"] = "features.gpkg";
    test::writeText(dir / "scenarios-gpkg.json", manifest.dump(2));
    return dir / "scenarios-gpkg.json";
}

std::vector<Polygon> ukraine() {
    static const std::vector<Polygon> outline = [] {
        const Result<VectorLayer> borders = loadVectors(kAssets / "vector/borders.gpkg", "countries");
        return borders.ok() ? borders.value().find("UKR")->polygons : std::vector<Polygon>{};
    }();
    return outline;
}

ScenarioDocument openDocument(const fs::path& manifest) {
    auto opened = ScenarioDocument::open(manifest);
    if (!opened) throw std::runtime_error(opened.failure().message());
    return std::move(opened).value();
}

std::uint64_t keyOf(const ScenarioDocument& doc, const std::string& id) {
    const auto key = doc.keyOf(id);
    if (!key) throw std::runtime_error("no feature " + id);
    return *key;
}

const ScenarioFeature& featureOf(const ScenarioDocument& doc, const std::string& id) {
    return doc.feature(keyOf(doc, id))->feature;
}

//! A feature as OGR reads it back: every field as text (with "<unset>" and "<null>"), and the geometry as WKT.
using Record = std::map<std::string, std::string>;
std::map<std::string, Record> readWithOgr(const fs::path& file) {
    GDALAllRegister();
    const std::unique_ptr<GDALDataset, void (*)(GDALDataset*)> dataset(
        GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR), [](GDALDataset* d) { GDALClose(GDALDataset::ToHandle(d)); });
    if (!dataset) throw std::runtime_error("OGR cannot read " + file.string());
    OGRLayer& layer = *dataset->GetLayer(0);
    std::map<std::string, Record> out;
    for (auto& f : layer) {
        Record r;
        for (int i = 0; i < f->GetFieldCount(); ++i)
            r[f->GetFieldDefnRef(i)->GetNameRef()] = !f->IsFieldSet(i)   ? "<unset>"
                                                     : f->IsFieldNull(i) ? "<null>"
                                                                         : f->GetFieldAsString(i);
        r["<geometry>"] = f->GetGeometryRef() ? f->GetGeometryRef()->exportToWkt() : "<none>";
        out[r["id"]] = r;
    }
    return out;
}

//! No value: unset (GeoJSON) or null (a GeoPackage has no "unset").
bool isEmpty(const std::string& value) {
    return value == "<unset>" || value == "<null>";
}

//! The fields (and "<geometry>") that differ between two records, taking a field one of them lacks as empty.
std::set<std::string> differences(const Record& a, const Record& b) {
    std::set<std::string> out;
    for (const auto& [field, value] : a)
        if (!b.count(field) ? !isEmpty(value) : b.at(field) != value) out.insert(field);
    for (const auto& [field, value] : b)
        if (!a.count(field) && !isEmpty(value)) out.insert(field);
    return out;
}

//! Applies an edit that must be accepted.
void accept(ScenarioDocument& doc, std::unique_ptr<EditCommand> command) {
    const auto refused = doc.apply(std::move(command));
    ASSERT_FALSE(refused) << *refused;
}

EditableFeature newStation(const std::string& name, glm::dvec2 at) {
    EditableFeature e;
    e.feature.kind = FeatureKind::Station;
    e.feature.name = name;
    e.feature.nations = {"RO"};
    e.feature.status = FeatureStatus::Illustrative;
    e.feature.source = "Illustrative placement for the workbench test";
    e.feature.scenarios = {"paris-framework", "full-coalition"};
    e.feature.scenarioMask = 0b1100;
    e.feature.points = {at};
    return e;
}

//! Every feature as the document holds it, for comparing states.
std::vector<std::string> snapshot(const ScenarioDocument& doc) {
    std::vector<std::string> out;
    for (const EditableFeature& e : doc.features()) {
        const ScenarioFeature& f = e.feature;
        std::string s = f.id + "|" + f.name + "|" + kindName(f.kind) + "|" + statusName(f.status) + "|" + f.source +
                        "|" + std::to_string(f.scenarioMask) + "|" + f.sidc + "|" + f.amplifiers.uniqueDesignation +
                        "|" + f.whyNotLater + "|" + std::to_string(f.personnel.value_or(-1)) + "|";
        for (const std::string& n : f.nations) s += n + ",";
        for (const glm::dvec2& p : f.points) s += std::to_string(p.x) + " " + std::to_string(p.y) + ";";
        for (const Polygon& polygon : f.polygons)
            for (const Ring& ring : polygon.rings)
                for (const glm::dvec2& p : ring) s += std::to_string(p.x) + " " + std::to_string(p.y) + ";";
        out.push_back(s);
    }
    return out;
}

TEST(ScenarioDocument, UndoesAndRedoesEveryKindOfEdit) {
    TempDir dir;
    ScenarioDocument doc = openDocument(copyDefaultScenarios(dir));
    const std::uint64_t hub = keyOf(doc, "hub-gb-zhytomyr"), corridor = keyOf(doc, "corridor-odesa-bosporus"),
                        zone = keyOf(doc, "sea-zone-black-sea-mcm"), force = keyOf(doc, "force-fr-multinational-kyiv");
    const std::vector<ScenarioInfo>& set = doc.scenarios();
    std::vector<std::pair<std::string, std::function<std::unique_ptr<EditCommand>()>>> edits = {
        {"move site",
         [&] {
             return std::make_unique<MoveSite>(hub, glm::dvec2{28.0, 50.5});
         }},
        {"add site",
         [&] {
             return std::make_unique<AddFeature>(newStation("Station, Iasi", {27.6, 47.16}));
         }},
        {"insert line vertex",
         [&] {
             return std::make_unique<InsertVertex>(corridor, VertexRef{0, 0, 1}, glm::dvec2{30.5, 45.0});
         }},
        {"move line vertex",
         [&] {
             return std::make_unique<MoveVertex>(corridor, VertexRef{0, 0, 0}, glm::dvec2{30.8, 46.4});
         }},
        {"delete line vertex",
         [&] {
             return std::make_unique<DeleteVertex>(corridor, VertexRef{0, 0, 1});
         }},
        {"insert polygon vertex",
         [&] {
             const Ring& ring = doc.feature(zone)->feature.polygons[0].rings[0];
             return std::make_unique<InsertVertex>(zone, VertexRef{0, 0, 1}, (ring[0] + ring[1]) * 0.5);
         }},
        {"move polygon vertex",
         [&] {
             const Ring& ring = doc.feature(zone)->feature.polygons[0].rings[0];
             return std::make_unique<MoveVertex>(zone, VertexRef{0, 0, 0}, ring[0] + glm::dvec2{0.01, 0.01});
         }},
        {"delete polygon vertex",
         [&] {
             return std::make_unique<DeleteVertex>(zone, VertexRef{0, 0, 1});
         }},
        {"delete", [&] { return std::make_unique<DeleteFeature>(keyOf(doc, "station-sk-sliac")); }},
        {"duplicate",
         [&] {
             return std::make_unique<DuplicateFeature>(hub, glm::dvec2{0.1, 0});
         }},
        {"name",
         [&] { return std::make_unique<SetAttribute>(hub, Attribute::Name, std::string("UK hub, Zhytomyr oblast")); }},
        {"kind", [&] { return std::make_unique<SetAttribute>(hub, Attribute::Kind, std::string("equipment_site")); }},
        {"nations", [&] { return std::make_unique<SetAttribute>(hub, Attribute::Nations, std::string("GB, NO")); }},
        {"personnel",
         [&] { return std::make_unique<SetAttribute>(force, Attribute::Personnel, std::optional<double>(1200)); }},
        {"status", [&] { return std::make_unique<SetAttribute>(hub, Attribute::Status, std::string("reported")); }},
        {"source",
         [&] { return std::make_unique<SetAttribute>(hub, Attribute::Source, std::string("Briefing, 2026")); }},
        {"why not later",
         [&] { return std::make_unique<SetAttribute>(hub, Attribute::WhyNotLater, std::string("moves on")); }},
        {"sidc",
         [&] { return std::make_unique<SetAttribute>(hub, Attribute::Sidc, std::string("10031000001211000000")); }},
        {"unique designation",
         [&] { return std::make_unique<SetAttribute>(hub, Attribute::UniqueDesignation, std::string("1 UK Hub")); }},
        {"membership off", [&] { return std::make_unique<SetMembership>(hub, set, 3, false); }},
        {"membership on", [&] { return std::make_unique<SetMembership>(hub, set, 0, true); }},
    };
    for (auto& [what, make] : edits) {
        const std::vector<std::string> before = snapshot(doc);
        const auto refused = doc.apply(make());
        ASSERT_FALSE(refused) << what << ": " << *refused;
        const std::vector<std::string> after = snapshot(doc);
        EXPECT_NE(after, before) << what << " changed nothing";
        EXPECT_FALSE(doc.undoLabel().empty()) << what;
        doc.undo();
        EXPECT_EQ(snapshot(doc), before) << what << " did not undo";
        doc.redo();
        EXPECT_EQ(snapshot(doc), after) << what << " did not redo";
    }
    EXPECT_EQ(doc.undoCount(), edits.size());
    EXPECT_EQ(featureOf(doc, "hub-gb-zhytomyr").kind, FeatureKind::EquipmentSite);
    EXPECT_EQ(featureOf(doc, "hub-gb-zhytomyr").scenarios,
              (std::vector<std::string>{"support-only", "paris-framework"}));
    EXPECT_EQ(doc.feature(hub)->feature.sidc, "10031000001211000000");
    EXPECT_EQ(featureOf(doc, "hub-gb-zhytomyr").amplifiers.uniqueDesignation, "1 UK Hub");
    EXPECT_TRUE(doc.keyOf("hub-gb-zhytomyr-copy"));
    EXPECT_TRUE(doc.keyOf("station-station-iasi"));
    EXPECT_FALSE(doc.keyOf("station-sk-sliac"));
}

TEST(ScenarioDocument, KeepsTwoHundredStepsAndMore) {
    TempDir dir;
    ScenarioDocument doc = openDocument(copyDefaultScenarios(dir));
    const std::uint64_t hub = keyOf(doc, "hub-gb-lviv");
    const glm::dvec2 start = doc.feature(hub)->feature.points[0];
    for (int i = 1; i <= 250; ++i) accept(doc, std::make_unique<MoveSite>(hub, start + glm::dvec2{0.001 * i, 0}));
    EXPECT_EQ(doc.undoCount(), 250u);
    for (int i = 249; i >= 0; --i) {
        doc.undo();
        EXPECT_EQ(doc.feature(hub)->feature.points[0], (start + glm::dvec2{0.001 * i, 0})) << i;
    }
    EXPECT_FALSE(doc.canUndo());
    EXPECT_FALSE(doc.modified());
    // With the smallest limit allowed, the oldest steps go and the file's state cannot be reached again.
    doc.setUndoLimit(10);
    for (int i = 1; i <= 250; ++i) accept(doc, std::make_unique<MoveSite>(hub, start + glm::dvec2{0.001 * i, 0}));
    EXPECT_EQ(doc.undoCount(), 200u);
    while (doc.canUndo()) doc.undo();
    EXPECT_EQ(doc.feature(hub)->feature.points[0], (start + glm::dvec2{0.001 * 50, 0}));
    EXPECT_TRUE(doc.modified());
}

TEST(ScenarioDocument, ADragOfAHundredPositionsIsOneStep) {
    TempDir dir;
    ScenarioDocument doc = openDocument(copyDefaultScenarios(dir));
    const std::uint64_t hub = keyOf(doc, "hub-gb-rivne");
    const glm::dvec2 start = doc.feature(hub)->feature.points[0];
    accept(doc, std::make_unique<SetAttribute>(hub, Attribute::Name, std::string("Rivne hub")));
    doc.beginAction("Drag hub-gb-rivne");
    for (int i = 1; i <= 100; ++i)
        accept(doc, std::make_unique<MoveSite>(hub, start + glm::dvec2{0.01 * i, 0.005 * i}));
    EXPECT_TRUE(doc.modified());
    doc.commitAction();
    EXPECT_EQ(doc.undoCount(), 2u);
    EXPECT_EQ(doc.undoLabel(), "Drag hub-gb-rivne");
    EXPECT_EQ(doc.feature(hub)->feature.points[0], (start + glm::dvec2{0.01 * 100, 0.005 * 100}));
    doc.undo();
    EXPECT_EQ(doc.feature(hub)->feature.points[0], start);
    EXPECT_EQ(doc.feature(hub)->feature.name, "Rivne hub");
    doc.redo();
    EXPECT_EQ(doc.feature(hub)->feature.points[0], (start + glm::dvec2{0.01 * 100, 0.005 * 100}));
    // Esc during a drag puts the site back and leaves no step.
    doc.beginAction("Drag hub-gb-rivne");
    for (int i = 1; i <= 10; ++i) accept(doc, std::make_unique<MoveSite>(hub, start + glm::dvec2{-0.01 * i, 0}));
    doc.cancelAction();
    EXPECT_EQ(doc.feature(hub)->feature.points[0], (start + glm::dvec2{0.01 * 100, 0.005 * 100}));
    EXPECT_EQ(doc.undoCount(), 2u);
    // An action that changed nothing leaves no step either.
    doc.beginAction("Drag nothing");
    doc.commitAction();
    EXPECT_EQ(doc.undoCount(), 2u);
}

TEST(ScenarioDocument, ANewEditClearsRedoAndTheCleanMarkFollowsSaves) {
    TempDir dir;
    ScenarioDocument doc = openDocument(copyDefaultScenarios(dir));
    const std::uint64_t hub = keyOf(doc, "hub-fr-vinnytsia");
    EXPECT_FALSE(doc.modified());
    accept(doc, std::make_unique<SetAttribute>(hub, Attribute::Name, std::string("A")));
    accept(doc, std::make_unique<SetAttribute>(hub, Attribute::Name, std::string("B")));
    EXPECT_TRUE(doc.modified());
    doc.undo();
    EXPECT_TRUE(doc.canRedo());
    EXPECT_EQ(doc.redoLabel(), "Set the name of hub-fr-vinnytsia");
    accept(doc, std::make_unique<SetAttribute>(hub, Attribute::Name, std::string("C")));
    EXPECT_FALSE(doc.canRedo());
    doc.undo();
    doc.undo();
    EXPECT_FALSE(doc.modified()); // back where the file is
    doc.redo();
    ASSERT_FALSE(doc.save());
    EXPECT_FALSE(doc.modified());
    doc.undo();
    EXPECT_TRUE(doc.modified()); // the file now says "A"
    doc.redo();
    EXPECT_FALSE(doc.modified());
    // Undoing past the save and editing anew leaves no way back to the saved state.
    doc.undo();
    accept(doc, std::make_unique<SetAttribute>(hub, Attribute::Name, std::string("D")));
    EXPECT_TRUE(doc.modified());
    doc.undo();
    EXPECT_TRUE(doc.modified());
}

TEST(ScenarioDocument, RefusesEditsThatMakeInvalidData) {
    TempDir dir;
    ScenarioDocument doc = openDocument(copyDefaultScenarios(dir));
    const std::uint64_t hub = keyOf(doc, "hub-gb-zhytomyr"), zone = keyOf(doc, "sea-zone-black-sea-mcm"),
                        line = keyOf(doc, "corridor-odesa-bosporus");
    EditableFeature shortLine = newStation("Short corridor", {});
    shortLine.feature.kind = FeatureKind::Corridor;
    shortLine.feature.points = {{30.7, 46.5}, {29.0, 41.2}};
    accept(doc, std::make_unique<AddFeature>(shortLine));
    const std::uint64_t twoPoints = keyOf(doc, "corridor-short-corridor");
    const std::vector<std::string> before = snapshot(doc);
    const Ring ring = doc.feature(zone)->feature.polygons.at(0).rings.at(0);
    ASSERT_GE(ring.size(), 5u);
    const double nan = std::nan("");
    struct Case {
        std::unique_ptr<EditCommand> command;
        std::string reason;
    };
    std::vector<Case> cases;
    cases.push_back({std::make_unique<SetAttribute>(hub, Attribute::Name, std::string("  ")), "needs a name"});
    cases.push_back(
        {std::make_unique<SetAttribute>(hub, Attribute::Personnel, std::optional<double>(-5)), "personnel"});
    cases.push_back({std::make_unique<SetAttribute>(hub, Attribute::Personnel, std::optional<double>(2.5)), "whole"});
    cases.push_back({std::make_unique<SetAttribute>(hub, Attribute::Nations, std::string("GB, XX")), "'XX'"});
    cases.push_back(
        {std::make_unique<SetAttribute>(hub, Attribute::Kind, std::string("air_zone")), "geometry differs"});
    cases.push_back(
        {std::make_unique<SetAttribute>(hub, Attribute::Status, std::string("rumoured")), "unknown status"});
    cases.push_back({std::make_unique<SetAttribute>(hub, Attribute::FloorM, std::optional<double>(100)), "air zones"});
    cases.push_back({std::make_unique<SetAttribute>(hub, Attribute::Sidc, std::string("1003100000121100000")), "sidc"});
    cases.push_back({std::make_unique<MoveSite>(hub, glm::dvec2{200, 50}), "off the globe"});
    cases.push_back({std::make_unique<MoveSite>(hub, glm::dvec2{30, 91}), "off the globe"});
    cases.push_back({std::make_unique<MoveSite>(hub, glm::dvec2{nan, 50}), "off the globe"});
    cases.push_back({std::make_unique<MoveSite>(line, glm::dvec2{30, 50}), "not a site"});
    // The first corner dragged past the third: the ring crosses itself (a bow tie).
    cases.push_back({std::make_unique<MoveVertex>(zone, VertexRef{0, 0, 0},
                                                  ring[2] + (ring[2] - ring[1]) * 0.5 + (ring[3] - ring[2]) * 0.5),
                     "cross itself"});
    cases.push_back({std::make_unique<DeleteVertex>(twoPoints, VertexRef{0, 0, 0}), "two points"});
    cases.push_back({std::make_unique<MoveVertex>(line, VertexRef{0, 0, 99}, glm::dvec2{30, 45}), "no vertex 99"});
    EditableFeature nameless = newStation("", {27, 47});
    cases.push_back({std::make_unique<AddFeature>(nameless), "needs a name"});
    EditableFeature taken = newStation("Taken", {27, 47});
    taken.feature.id = "hub-gb-lviv";
    taken.feature.kind = FeatureKind::Hub;
    cases.push_back({std::make_unique<AddFeature>(taken), ""}); // a taken id is made unique, not refused
    for (Case& c : cases) {
        const bool shouldRefuse = !c.reason.empty();
        const auto refused = doc.apply(std::move(c.command));
        if (!shouldRefuse) {
            EXPECT_FALSE(refused);
            EXPECT_TRUE(doc.keyOf("hub-gb-lviv-2"));
            continue;
        }
        ASSERT_TRUE(refused) << c.reason;
        EXPECT_NE(refused->find(c.reason), std::string::npos) << *refused;
        EXPECT_EQ(snapshot(doc), before) << *refused;
    }
    EXPECT_EQ(doc.undoCount(), 2u);
}

//! The edits of the save tests: moved, renamed, re-numbered, re-membered, deleted, added, duplicated.
void makeSaveEdits(ScenarioDocument& doc) {
    accept(doc, std::make_unique<MoveSite>(keyOf(doc, "hub-gb-zhytomyr"), glm::dvec2{28.5, 50.3}));
    accept(doc,
           std::make_unique<SetAttribute>(keyOf(doc, "station-sk-lest"), Attribute::Name, std::string("Lešť hub")));
    accept(doc, std::make_unique<SetAttribute>(keyOf(doc, "force-fr-multinational-kyiv"), Attribute::Personnel,
                                               std::optional<double>(4321)));
    accept(doc, std::make_unique<SetMembership>(keyOf(doc, "equipment-gb-rivne"), doc.scenarios(), 3, false));
    accept(doc, std::make_unique<SetAttribute>(keyOf(doc, "equipment-gb-rivne"), Attribute::WhyNotLater,
                                               std::string("moved forward in the full coalition")));
    accept(doc, std::make_unique<DeleteFeature>(keyOf(doc, "station-sk-sliac")));
    accept(doc, std::make_unique<AddFeature>(newStation("Station, Iasi", {27.6, 47.16})));
    accept(doc, std::make_unique<DuplicateFeature>(keyOf(doc, "hub-gb-zhytomyr"), glm::dvec2{0.5, 0}));
    accept(doc, std::make_unique<SetAttribute>(keyOf(doc, "station-pl-lask"), Attribute::Sidc,
                                               std::string("10031000001211000000")));
}

//! Saves the edits into `manifest`'s features file and checks it with OGR against the file before:
//! only the edits differ.
void checkSaveRoundTrip(const fs::path& manifest) {
    ScenarioDocument doc = openDocument(manifest);
    const fs::path file = doc.set().featuresFile;
    const auto before = readWithOgr(file);
    EXPECT_EQ(doc.loadProblems().size(), 1u); // the note, of a kind Bulwark does not read
    makeSaveEdits(doc);
    const auto failed = doc.save();
    ASSERT_FALSE(failed) << failed->message();
    EXPECT_FALSE(doc.modified());
    EXPECT_FALSE(doc.changedOnDisk());
    const auto after = readWithOgr(file);

    const std::map<std::string, std::set<std::string>> edited = {
        {"hub-gb-zhytomyr", {"<geometry>"}},
        {"station-sk-lest", {"name"}},
        {"force-fr-multinational-kyiv", {"personnel"}},
        {"equipment-gb-rivne", {"scenarios", "why_not_later"}},
        {"station-pl-lask", {"sidc"}},
    };
    for (const auto& [id, record] : before) {
        if (id == "station-sk-sliac") {
            EXPECT_FALSE(after.count(id)) << "deleted, yet saved";
            continue;
        }
        ASSERT_TRUE(after.count(id)) << id << " lost";
        const auto expected = edited.count(id) ? edited.at(id) : std::set<std::string>{};
        EXPECT_EQ(differences(record, after.at(id)), expected) << id;
    }
    // Properties Bulwark does not know, exactly as they were.
    EXPECT_EQ(after.at("hub-gb-zhytomyr").at("comment"), "keep me");
    EXPECT_EQ(after.at("hub-gb-zhytomyr").at("priority"), "3");
    EXPECT_EQ(after.at("station-sk-lest").at("rating"), "2.5");
    EXPECT_EQ(after.at("note-1").at("text"), "see me");
    // The new feature and the duplicate, which keeps the properties of the one it copies.
    ASSERT_TRUE(after.count("station-station-iasi"));
    EXPECT_EQ(after.at("station-station-iasi").at("<geometry>"), "POINT (27.6 47.16)");
    EXPECT_TRUE(isEmpty(after.at("station-station-iasi").at("comment")));
    ASSERT_TRUE(after.count("hub-gb-zhytomyr-copy"));
    EXPECT_EQ(after.at("hub-gb-zhytomyr-copy").at("comment"), "keep me");
    EXPECT_EQ(after.at("hub-gb-zhytomyr-copy").at("<geometry>"), "POINT (29.0 50.3)");
    EXPECT_EQ(after.size(), before.size() + 1);

    // Bulwark reads the saved file back with the edits, and a second save changes nothing.
    const ScenarioLoad reloaded = loadScenarios(manifest);
    ASSERT_EQ(reloaded.problems.size(), 1u) << reloaded.problems[0].text();
    ScenarioDocument again = openDocument(manifest);
    EXPECT_EQ(snapshot(again), snapshot(doc));
    EXPECT_EQ(featureOf(again, "force-fr-multinational-kyiv").personnel, 4321);
    EXPECT_EQ(featureOf(again, "station-pl-lask").sidc, "10031000001211000000");
    const std::string saved = readBytes(file);
    ASSERT_FALSE(again.save());
    EXPECT_EQ(readWithOgr(file), after);
    if (file.extension() == ".geojson") { // a GeoPackage records when it was saved
        EXPECT_TRUE(readBytes(file) == saved);
    }
    // Undo after the save, then save: the file is back to the original, field for field.
    while (doc.canUndo()) doc.undo();
    ASSERT_FALSE(doc.save());
    const auto restored = readWithOgr(file);
    for (const auto& [id, record] : before) {
        ASSERT_TRUE(restored.count(id)) << id;
        EXPECT_EQ(differences(record, restored.at(id)), std::set<std::string>{}) << id;
    }
    EXPECT_EQ(restored.size(), before.size());
}

TEST(ScenarioDocument, SavesIntoGeoJsonChangingOnlyTheEdits) {
    TempDir dir;
    checkSaveRoundTrip(copyDefaultScenarios(dir));
}

TEST(ScenarioDocument, SavesIntoAGeoPackageChangingOnlyTheEdits) {
    TempDir dir;
    copyDefaultScenarios(dir);
    checkSaveRoundTrip(asGeoPackage(dir));
}

TEST(ScenarioDocument, SavesIntoAProjectedGeoPackageInItsOwnCoordinates) {
    TempDir dir;
    copyDefaultScenarios(dir, false);
    const fs::path manifest = asGeoPackage(dir, "EPSG:3857");
    ScenarioDocument doc = openDocument(manifest);
    ASSERT_EQ(doc.loadProblems().size(), 0u) << doc.loadProblems()[0].text();
    accept(doc, std::make_unique<MoveSite>(keyOf(doc, "hub-gb-zhytomyr"), glm::dvec2{28.5, 50.3}));
    ASSERT_FALSE(doc.save());
    // Written in metres of Web Mercator: R * 28.5 degrees east, R * ln tan(45 + 50.3 / 2 degrees) north.
    const std::string mercator = readWithOgr(dir / "features.gpkg").at("hub-gb-zhytomyr").at("<geometry>");
    double x = 0, y = 0;
    ASSERT_EQ(std::sscanf(mercator.c_str(), "POINT (%lf %lf)", &x, &y), 2) << mercator;
    EXPECT_NEAR(x, 3172605.488, 0.01);
    EXPECT_NEAR(y, 6498393.572, 0.01);
    const ScenarioLoad reloaded = loadScenarios(manifest);
    ASSERT_TRUE(reloaded.problems.empty()) << reloaded.problems[0].text();
    for (const ScenarioFeature& f : reloaded.set.features)
        if (f.id == "hub-gb-zhytomyr") {
            EXPECT_NEAR(f.points.at(0).x, 28.5, 1e-9);
            EXPECT_NEAR(f.points.at(0).y, 50.3, 1e-9);
        }
}

//! The scenario files on a small tmpfs, opened; null (and the test skipped) where no tmpfs can be mounted.
std::unique_ptr<ScenarioDocument> openOnSmallDisk(const test::SmallDisk& disk) {
    TempDir source;
    const fs::path manifest = copyDefaultScenarios(source);
    fs::copy_file(manifest, disk / "scenarios.json");
    fs::copy_file(source / "features.geojson", disk / "features.geojson");
    return std::make_unique<ScenarioDocument>(openDocument(disk / "scenarios.json"));
}

TEST(ScenarioDocument, SavingToAReadOnlyDiskKeepsTheFileAndTheEdits) {
    test::SmallDisk disk(1 << 20);
    if (!disk.mounted()) SKIP_UNLESS_CI(disk.why());
    auto doc = openOnSmallDisk(disk);
    const std::string original = readBytes(disk / "features.geojson");
    ASSERT_TRUE(disk.makeReadOnly());
    makeSaveEdits(*doc);
    const auto failed = doc->save();
    ASSERT_TRUE(failed);
    EXPECT_NE(failed->message().find("features.geojson"), std::string::npos) << failed->message();
    EXPECT_NE(failed->message().find("Read-only file system"), std::string::npos) << failed->message();
    EXPECT_EQ(readBytes(disk / "features.geojson"), original);
    EXPECT_TRUE(doc->modified());
    EXPECT_EQ(doc->undoCount(), 9u);
    EXPECT_EQ(featureOf(*doc, "station-sk-lest").name, "Lešť hub");
}

TEST(ScenarioDocument, SavingToAFullDiskKeepsTheFileAndTheEdits) {
    test::SmallDisk disk(1 << 20);
    if (!disk.mounted()) SKIP_UNLESS_CI(disk.why());
    auto doc = openOnSmallDisk(disk);
    const std::string original = readBytes(disk / "features.geojson");
    makeSaveEdits(*doc);
    disk.fill();
    const auto failed = doc->save();
    ASSERT_TRUE(failed);
    EXPECT_EQ(failed->message(), (disk / "features.geojson").string() +
                                     ": cannot write (No space left on device); the previous file is unchanged");
    EXPECT_EQ(readBytes(disk / "features.geojson"), original);
    EXPECT_EQ(test::namesIn(disk.path()), (std::vector<std::string>{"features.geojson", "filler", "scenarios.json"}));
    EXPECT_TRUE(doc->modified());
    // Space again: the same edits save.
    fs::remove(disk / "filler");
    ASSERT_FALSE(doc->save());
    EXPECT_FALSE(doc->modified());
    EXPECT_EQ(readWithOgr(disk / "features.geojson").at("station-sk-lest").at("name"), "Lešť hub");
}

TEST(ScenarioDocument, NoticesAFileChangedOnDisk) {
    TempDir dir;
    ScenarioDocument doc = openDocument(copyDefaultScenarios(dir));
    const fs::path file = dir / "features.geojson";
    EXPECT_FALSE(doc.changedOnDisk());
    // The same bytes written again (a touch, a save of nothing) are no change.
    const std::string original = readBytes(file);
    test::writeText(file, original);
    fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(5));
    EXPECT_FALSE(doc.changedOnDisk());

    accept(doc, std::make_unique<SetAttribute>(keyOf(doc, "hub-gb-lviv"), Attribute::Name, std::string("Mine")));
    // Another program renames a feature (same size: the time and the hash tell).
    std::string theirs = original;
    const size_t at = theirs.find("Training hub, Le");
    ASSERT_NE(at, std::string::npos);
    theirs.replace(at, 8, "Trainer ");
    test::writeText(file, theirs);
    fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(10));
    EXPECT_TRUE(doc.changedOnDisk());

    // Keep mine: no more asking, and the save writes mine over theirs.
    doc.keepMine();
    EXPECT_FALSE(doc.changedOnDisk());
    ASSERT_FALSE(doc.save());
    EXPECT_EQ(readWithOgr(file).at("hub-gb-lviv").at("name"), "Mine");
    EXPECT_EQ(readWithOgr(file).at("station-sk-lest").at("name"), "Training hub, Lešť training area");

    // Take theirs: their file, no edits, no undo.
    accept(doc, std::make_unique<SetAttribute>(keyOf(doc, "hub-gb-lviv"), Attribute::Name, std::string("Mine 2")));
    test::writeText(file, theirs);
    EXPECT_TRUE(doc.changedOnDisk());
    ASSERT_FALSE(doc.reload());
    EXPECT_FALSE(doc.changedOnDisk());
    EXPECT_FALSE(doc.modified());
    EXPECT_FALSE(doc.canUndo());
    EXPECT_EQ(featureOf(doc, "station-sk-lest").name.substr(0, 8), "Trainer ");
    EXPECT_NE(featureOf(doc, "hub-gb-lviv").name, "Mine 2");

    fs::remove(file);
    EXPECT_TRUE(doc.changedOnDisk());
}

//! The rules the document reports now, as "id: field: message".
std::vector<std::string> brokenRules(const ScenarioDocument& doc) {
    std::vector<std::string> out;
    for (const DocumentViolation& v : doc.violations())
        out.push_back(v.violation.problem.featureId + ": " + v.violation.problem.field + ": " +
                      v.violation.problem.message);
    return out;
}

TEST(ScenarioDocument, MovingTheZhytomyrHubTowardKharkivBreaksTheDistanceRuleAndMovingItBackClearsIt) {
    ASSERT_FALSE(ukraine().empty());
    TempDir dir;
    ScenarioDocument doc = openDocument(copyDefaultScenarios(dir, false));
    doc.enableRules(ukraine());
    ASSERT_EQ(brokenRules(doc), std::vector<std::string>{});
    const std::uint64_t hub = keyOf(doc, "hub-gb-zhytomyr");
    const glm::dvec2 zhytomyr = doc.feature(hub)->feature.points[0], kharkiv{36.23, 49.99};
    const std::vector<glm::dvec2>& contact = featureOf(doc, "contact-line-2026-01").points;

    doc.beginAction("Drag hub-gb-zhytomyr");
    std::optional<glm::dvec2> broke;
    for (int i = 1; i <= 100 && !broke; ++i) {
        const glm::dvec2 at = zhytomyr + (kharkiv - zhytomyr) * (i / 100.0);
        accept(doc, std::make_unique<MoveSite>(hub, at));
        if (!doc.violations().empty()) broke = at;
    }
    doc.commitAction();
    ASSERT_TRUE(broke) << "the hub reached Kharkiv without breaking the rule";
    ASSERT_EQ(doc.violations().size(), 1u) << ::testing::PrintToString(brokenRules(doc));
    const DocumentViolation& v = doc.violations()[0];
    EXPECT_EQ(v.key, hub);
    EXPECT_EQ(v.violation.problem.featureId, "hub-gb-zhytomyr");
    EXPECT_EQ(v.violation.problem.field, "geometry");
    EXPECT_NE(v.violation.problem.message.find("British and French sites stay at least 150 km"), std::string::npos);
    ASSERT_TRUE(v.violation.contact);
    EXPECT_EQ(v.violation.contactLineId, "contact-line-2026-01");
    // Just past the line: under 150 km by less than one step of the drag (about 5.4 km).
    EXPECT_LT(v.violation.contact->distanceM, 150e3);
    EXPECT_GT(v.violation.contact->distanceM, 143e3);
    // The point drawn to lies on the line of contact, at the distance given, and no point of it is nearer.
    EXPECT_LT(distanceToLine(v.violation.contact->nearest, contact), 1.0);
    double geodesic = 0;
    GeographicLib::Geodesic::WGS84().Inverse(broke->y, broke->x, v.violation.contact->nearest.y,
                                             v.violation.contact->nearest.x, geodesic);
    EXPECT_NEAR(geodesic, v.violation.contact->distanceM, 1.0);
    EXPECT_NEAR(distanceToLine(*broke, contact), v.violation.contact->distanceM, 1.0);

    doc.undo(); // the whole drag
    EXPECT_EQ(doc.feature(hub)->feature.points[0], zhytomyr);
    EXPECT_EQ(brokenRules(doc), std::vector<std::string>{});
    doc.redo();
    EXPECT_EQ(doc.violations().size(), 1u);
    accept(doc, std::make_unique<MoveSite>(hub, zhytomyr)); // moved back by hand
    EXPECT_EQ(brokenRules(doc), std::vector<std::string>{});
}

TEST(ScenarioDocument, LiveRulesAgreeWithValidateAfterEveryKindOfEdit) {
    TempDir dir;
    ScenarioDocument doc = openDocument(copyDefaultScenarios(dir, false));
    doc.enableRules(ukraine());
    const auto agree = [&](const std::string& after) {
        std::multiset<std::string> live, validate;
        for (const DocumentViolation& v : doc.violations())
            if (v.violation.problem.message.rfind("missing", 0) != 0) live.insert(v.violation.problem.text());
        for (const Problem& p : checkPlanningRules(doc.set(), ukraine())) validate.insert(p.text());
        EXPECT_EQ(live, validate) << after;
        return live.size();
    };
    // Foreign troops in the lower rungs, a broken superset, an uncited announcement.
    const std::uint64_t lutsk = keyOf(doc, "force-nordic-baltic-lutsk");
    accept(doc, std::make_unique<SetMembership>(lutsk, doc.scenarios(), 0, true));
    EXPECT_EQ(agree("membership"), 2u); // foreign troops in support-only, and not in the next rung
    accept(doc, std::make_unique<SetAttribute>(lutsk, Attribute::Status, std::string("announced")));
    EXPECT_EQ(agree("status"), 3u);
    // The line of contact moved west past Kyiv: every British and French site near it is measured again.
    const std::uint64_t line = keyOf(doc, "contact-line-2026-01");
    accept(doc, std::make_unique<MoveVertex>(line, VertexRef{0, 0, 0}, glm::dvec2{30.6, 50.6}));
    EXPECT_GE(agree("contact line"), 5u);
    EXPECT_TRUE(std::any_of(doc.violations().begin(), doc.violations().end(), [&](const DocumentViolation& v) {
        return v.violation.problem.featureId == "force-fr-multinational-kyiv" && v.violation.contact;
    }));
    doc.undo();
    agree("undo");
    // A new British hub with no source or scenarios: the live rules say what it lacks.
    EditableFeature hub = newStation("UK hub, Poltava", {34.55, 49.59});
    hub.feature.kind = FeatureKind::Hub;
    hub.feature.nations = {"GB"};
    hub.feature.source.clear();
    hub.feature.scenarios.clear();
    hub.feature.scenarioMask = 0;
    accept(doc, std::make_unique<AddFeature>(hub));
    agree("add");
    const auto rules = brokenRules(doc);
    EXPECT_TRUE(std::count(rules.begin(), rules.end(),
                           "hub-uk-hub-poltava: source: missing: say where the feature comes from"));
    EXPECT_TRUE(std::count(rules.begin(), rules.end(),
                           "hub-uk-hub-poltava: scenarios: missing: the scenario ids it belongs to"));
    accept(doc, std::make_unique<DeleteFeature>(keyOf(doc, "hub-uk-hub-poltava")));
    agree("delete");
    while (doc.canUndo()) doc.undo();
    EXPECT_EQ(agree("all undone"), 0u);
    EXPECT_EQ(brokenRules(doc), std::vector<std::string>{});
}

TEST(ScenarioDocument, EditsWithLiveRulesTakeWellUnderAFrame) {
    TempDir dir;
    ScenarioDocument doc = openDocument(copyDefaultScenarios(dir, false));
    doc.enableRules(ukraine());
    const std::uint64_t hub = keyOf(doc, "hub-gb-zhytomyr");
    const glm::dvec2 zhytomyr = doc.feature(hub)->feature.points[0], kharkiv{36.23, 49.99};
    std::vector<double> micros;
    doc.beginAction("Drag"); // to Kharkiv, across the 150 km line: the far half measures exact distances
    for (int i = 0; i < 400; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        accept(doc, std::make_unique<MoveSite>(hub, zhytomyr + (kharkiv - zhytomyr) * (i / 400.0)));
        (void)doc.violations();
        micros.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
    }
    doc.commitAction();
    EXPECT_EQ(doc.violations().size(), 1u);
    std::sort(micros.begin(), micros.end());
    // Reported, not asserted (timings belong to `bulwark bench`); a sanity bound catches a full re-check per edit gone
    // wrong.
    std::cout << "median edit with live rules: " << micros[micros.size() / 2] << " us, 95th percentile "
              << micros[micros.size() * 95 / 100] << " us\n";
    RecordProperty("median_edit_us", std::to_string(micros[micros.size() / 2]));
}

} // namespace
} // namespace geo
