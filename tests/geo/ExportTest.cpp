// `bulwark export`: every format read back with GDAL (or parsed, CZML), one feature out per feature in.
#include "Fixtures.h"
#include "geo/OutputFile.h"
#include "geo/ScenarioExport.h"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>

namespace geo {
namespace {

namespace fs = std::filesystem;

glm::vec4 testColour(const ScenarioFeature& f) {
    return f.lead() == "GB" ? glm::vec4(0.85f, 0.16f, 0.22f, 1) : glm::vec4(0.2f, 0.4f, 0.9f, 0.4f);
}

//! What a reader sees of one feature.
struct ReadBack {
    std::string kind, nations, geometry;
};

//! Every feature of every layer, by name, as GDAL reads the file.
std::map<std::string, ReadBack> readBack(const fs::path& file, size_t* count, int* layers = nullptr) {
    GDALAllRegister();
    std::map<std::string, ReadBack> out;
    *count = 0;
    std::unique_ptr<GDALDataset> dataset(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    EXPECT_TRUE(dataset) << file;
    if (!dataset) return out;
    if (layers) *layers = dataset->GetLayerCount();
    for (OGRLayer* layer : dataset->GetLayers()) {
        for (auto& f : *layer) {
            ++*count;
            ReadBack r;
            r.kind = f->GetFieldAsString("kind");
            r.nations = f->GetFieldAsString("nations"); // "GB, FR" in KML, "(2:GB,FR)" where lists are lists
            if (const OGRGeometry* g = f->GetGeometryRef())
                r.geometry = OGRGeometryTypeToName(wkbFlatten(g->getGeometryType()));
            out[f->GetFieldAsString("name")] = r;
        }
    }
    return out;
}

class Export : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        load = std::make_unique<ScenarioLoad>(loadScenarios(BULWARK_ASSETS_DIR "/scenarios/scenarios.json"));
        ASSERT_TRUE(load->problems.empty());
    }
    static std::unique_ptr<ScenarioLoad> load;
    const ScenarioSet& set() const { return load->set; }
    size_t paris() const { return *set().indexOf("paris-framework"); }
    std::vector<const ScenarioFeature*> expected() const {
        std::vector<const ScenarioFeature*> out;
        for (const ScenarioFeature& f : set().features)
            if (f.inScenario(paris())) out.push_back(&f);
        return out;
    }
    //! Exports paris-framework to `file` and checks what GDAL reads back: the count, names, kinds, lead
    //! nations and geometry types.
    void exportAndReadBack(const fs::path& file, ExportFormat format, int* layers = nullptr) {
        const size_t written = exportScenario(set(), paris(), file, format, testColour);
        const std::vector<const ScenarioFeature*> want = expected();
        ASSERT_GT(want.size(), 20u);
        EXPECT_EQ(written, want.size());
        size_t count = 0;
        const auto got = readBack(file, &count, layers);
        EXPECT_EQ(count, want.size()) << file;
        for (const ScenarioFeature* f : want) {
            const auto it = got.find(f->name);
            ASSERT_NE(it, got.end()) << f->name << " missing from " << file;
            EXPECT_EQ(it->second.kind, kindName(f->kind)) << f->name;
            EXPECT_NE(it->second.nations.find(f->lead()), std::string::npos) << f->name << ": " << it->second.nations;
            const char* type = isMarker(f->kind) ? "Point" : isArea(f->kind) ? "Polygon" : "Line String";
            EXPECT_EQ(it->second.geometry, type) << f->name;
        }
    }
};
std::unique_ptr<ScenarioLoad> Export::load;

TEST(ExportFormat, FollowsTheExtension) {
    EXPECT_EQ(exportFormatFor("a.KMZ"), ExportFormat::Kmz);
    EXPECT_EQ(exportFormatFor("dir.v2/a.kml"), ExportFormat::Kml);
    EXPECT_EQ(exportFormatFor("a.czml"), ExportFormat::Czml);
    EXPECT_EQ(exportFormatFor("a.gpkg"), ExportFormat::GeoPackage);
    EXPECT_EQ(exportFormatFor("a.geojson"), ExportFormat::GeoJson);
    EXPECT_FALSE(exportFormatFor("a.shp"));
    EXPECT_FALSE(exportFormatFor("kml"));
}

TEST_F(Export, KmlHasAFolderPerKindAndAStylePerNation) {
    test::TempDir dir;
    int layers = 0;
    exportAndReadBack(dir / "paris.kml", ExportFormat::Kml, &layers);
    EXPECT_EQ(layers, 9); // the nine kinds paris-framework has
    const std::string kml = test::readBytes(dir / "paris.kml");
    EXPECT_NE(kml.find("<Folder id=\"hub\">"), std::string::npos);
    EXPECT_NE(kml.find("<Style id=\"nation-GB\">"), std::string::npos);
    EXPECT_NE(kml.find("<styleUrl>#nation-GB</styleUrl>"), std::string::npos);
    EXPECT_NE(kml.find("<Style id=\"kind-contact_line\">"), std::string::npos);
    EXPECT_NE(kml.find("<color>ff3829d9</color>"), std::string::npos) << "GB's colour, as KML writes it (aabbggrr)";
}

TEST_F(Export, KmzReadsBackWithEveryFeature) {
    test::TempDir dir;
    exportAndReadBack(dir / "paris.kmz", ExportFormat::Kmz);
    EXPECT_EQ(test::readBytes(dir / "paris.kmz").substr(0, 2), "PK");            // a zip, as Google Earth expects
    EXPECT_EQ(test::namesIn(dir.path()), std::vector<std::string>{"paris.kmz"}); // no temp file left
}

TEST_F(Export, DescriptionsCarryProvenanceAndTheIllustrativeNote) {
    const ScenarioFeature& f = *expected().front();
    const std::string text = featureDescription(f, set().scenarios[paris()]);
    EXPECT_NE(text.find(f.source), std::string::npos);
    EXPECT_NE(text.find(std::string("Status: ") + statusName(f.status)), std::string::npos);
    EXPECT_NE(text.find("Illustrative planning, not fact"), std::string::npos);
    test::TempDir dir;
    ASSERT_EQ(exportScenario(set(), paris(), dir / "p.kml", ExportFormat::Kml, testColour), expected().size());
    const std::string kml = test::readBytes(dir / "p.kml");
    size_t notes = 0;
    for (size_t at = 0; (at = kml.find("Illustrative planning, not fact: a scenario", at)) != std::string::npos; ++at)
        ++notes;
    EXPECT_EQ(notes, expected().size());
}

TEST_F(Export, GeoPackageAndGeoJsonReadBackAsScenarioFeatures) {
    for (const char* name : {"paris.gpkg", "paris.geojson"}) {
        test::TempDir dir;
        const fs::path file = dir / name;
        exportAndReadBack(file, *exportFormatFor(file));
        // The same fields as the scenario format: a manifest beside it loads the export as it was.
        nlohmann::json manifest = {{"format", "bulwark-scenarios/1"}, {"features", name}};
        for (const ScenarioInfo& s : set().scenarios)
            manifest["scenarios"].push_back({{"id", s.id}, {"name", s.name}, {"description", s.description}});
        test::writeText(dir / "scenarios.json", manifest.dump());
        const ScenarioLoad again = loadScenarios(dir / "scenarios.json");
        for (const Problem& p : again.problems) ADD_FAILURE() << p.text();
        ASSERT_EQ(again.set.features.size(), expected().size()) << name;
        for (size_t i = 0; i < again.set.features.size(); ++i) {
            EXPECT_EQ(again.set.features[i].nations, expected()[i]->nations);
            EXPECT_EQ(again.set.features[i].scenarioMask, expected()[i]->scenarioMask);
            EXPECT_EQ(again.set.features[i].personnel, expected()[i]->personnel);
        }
    }
}

TEST_F(Export, CzmlHasTheDocumentFirstThenOnePacketPerFeature) {
    const nlohmann::json czml = nlohmann::json::parse(scenarioCzml(set(), paris(), testColour));
    ASSERT_TRUE(czml.is_array());
    const std::vector<const ScenarioFeature*> want = expected();
    ASSERT_EQ(czml.size(), want.size() + 1);
    EXPECT_EQ(czml[0]["id"], "document");
    EXPECT_EQ(czml[0]["version"], "1.0");
    EXPECT_NE(czml[0]["name"].get<std::string>().find("illustrative"), std::string::npos);
    for (size_t i = 0; i < want.size(); ++i) {
        const nlohmann::json& p = czml[i + 1];
        const ScenarioFeature& f = *want[i];
        EXPECT_EQ(p["id"], f.id);
        EXPECT_EQ(p["name"], f.name);
        EXPECT_EQ(p["properties"]["kind"], kindName(f.kind));
        if (isMarker(f.kind)) {
            const auto& at = p["position"]["cartographicDegrees"];
            ASSERT_EQ(at.size(), 3u);
            EXPECT_DOUBLE_EQ(at[0].get<double>(), f.points[0].x);
            EXPECT_DOUBLE_EQ(at[1].get<double>(), f.points[0].y);
            EXPECT_EQ(p["point"]["color"]["rgba"].size(), 4u);
        } else if (isArea(f.kind)) {
            EXPECT_EQ(p["polygon"]["positions"]["cartographicDegrees"].size(), 3 * f.polygons[0].rings[0].size());
            if (f.kind == FeatureKind::AirZone) {
                EXPECT_EQ(p["polygon"]["extrudedHeight"].get<double>(), *f.ceilingM);
            }
        } else {
            EXPECT_EQ(p["polyline"]["positions"]["cartographicDegrees"].size(), 3 * f.points.size());
        }
    }
    test::TempDir dir;
    exportScenario(set(), paris(), dir / "p.czml", ExportFormat::Czml, testColour);
    EXPECT_EQ(nlohmann::json::parse(test::readBytes(dir / "p.czml")), czml);
}

TEST_F(Export, AFeatureOfSeveralPolygonsStaysOneFeature) {
    ScenarioSet small;
    small.scenarios = {{"s", "S", "D"}};
    ScenarioFeature zone;
    zone.id = "two-part", zone.name = "Two-part zone", zone.kind = FeatureKind::SeaZone, zone.nations = {"FR"};
    zone.scenarios = {"s"}, zone.scenarioMask = 1, zone.source = "test";
    const Ring outer{{30, 45}, {31, 45}, {31, 46}, {30, 46}, {30, 45}};
    const Ring hole{{30.2, 45.2}, {30.4, 45.2}, {30.4, 45.4}, {30.2, 45.2}};
    zone.polygons = {Polygon{{outer, hole}}, Polygon{{{{32, 45}, {33, 45}, {33, 46}, {32, 45}}}}};
    small.features = {zone};
    test::TempDir dir;
    for (const char* name : {"z.gpkg", "z.kml", "z.geojson"}) {
        exportScenario(small, 0, dir / name, *exportFormatFor(name), testColour);
        size_t count = 0;
        const auto got = readBack(dir / name, &count);
        EXPECT_EQ(count, 1u) << name;
        EXPECT_EQ(got.at("Two-part zone").geometry, "Multi Polygon") << name;
    }
    const nlohmann::json czml = nlohmann::json::parse(scenarioCzml(small, 0, testColour));
    ASSERT_EQ(czml.size(), 3u); // the document, the feature, its second polygon as a child
    EXPECT_EQ(czml[1]["polygon"]["holes"]["cartographicDegrees"].size(), 1u);
    EXPECT_EQ(czml[2]["parent"], "two-part");
}

TEST_F(Export, AFolderAsTargetIsRefusedAndNothingIsLeft) {
    test::TempDir dir;
    fs::create_directory(dir / "x.gpkg");
    EXPECT_THROW(exportScenario(set(), paris(), dir / "x.gpkg", ExportFormat::GeoPackage, testColour), OutputError);
    EXPECT_TRUE(fs::is_directory(dir / "x.gpkg"));
    EXPECT_EQ(test::namesIn(dir.path()), std::vector<std::string>{"x.gpkg"});
}

} // namespace
} // namespace geo
