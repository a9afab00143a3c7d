#include "geo/VectorLoader.h"
#include "Fixtures.h"

#include <gtest/gtest.h>

namespace {

using geo::test::FeatureSpec;
using geo::test::TempDir;

// Two country polygons (one with a hole), a border line and a point that draws nothing.
const char* kCountries = R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"iso_a3": "UKR", "name": "Ukraine"},
  "geometry": {"type": "Polygon", "coordinates": [[[22, 45], [40, 45], [40, 52], [22, 52], [22, 45]],
                                                  [[30, 48], [31, 48], [31, 49], [30, 48]]]}},
 {"type": "Feature", "properties": {"iso_a3": "POL", "name": "Poland"},
  "geometry": {"type": "MultiPolygon", "coordinates": [[[[14, 49], [24, 49], [24, 55], [14, 55], [14, 49]]]]}},
 {"type": "Feature", "properties": {"kind": "border"},
  "geometry": {"type": "LineString", "coordinates": [[22, 48], [23, 49.5], [24, 51]]}},
 {"type": "Feature", "properties": {"name": "Kyiv"}, "geometry": {"type": "Point", "coordinates": [30.5, 50.45]}}
]})";

TEST(VectorLoader, ReadsCountriesAndLines) {
    TempDir dir;
    geo::test::writeText(dir / "countries.geojson", kCountries);
    auto vectors = geo::loadVectors(dir / "countries.geojson");
    ASSERT_TRUE(vectors) << vectors.failure().message();
    const geo::VectorLayer& layer = vectors.value();
    EXPECT_EQ(layer.source, (dir / "countries.geojson").string());
    ASSERT_EQ(layer.countries.size(), 2u);
    ASSERT_EQ(layer.lines.size(), 4u); // outer ring and hole of Ukraine, Poland's ring, the border

    const geo::Country* ukraine = layer.find("UKR");
    ASSERT_NE(ukraine, nullptr);
    EXPECT_EQ(ukraine->name, "Ukraine");
    ASSERT_EQ(ukraine->polygons.size(), 1u);
    ASSERT_EQ(ukraine->polygons[0].rings.size(), 2u);
    EXPECT_EQ(ukraine->polygons[0].rings[0].size(), 5u);
    EXPECT_EQ(ukraine->polygons[0].rings[0][1], glm::dvec2(40, 45));
    EXPECT_EQ(ukraine->polygons[0].rings[1].front(), ukraine->polygons[0].rings[1].back()); // closed

    ASSERT_NE(layer.find("pol"), nullptr);
    EXPECT_EQ(layer.find("pol")->name, "Poland");
    EXPECT_EQ(layer.find("RUS"), nullptr);
    EXPECT_EQ(layer.lines.back(), (std::vector<glm::dvec2>{{22, 48}, {23, 49.5}, {24, 51}}));
}

TEST(VectorLoader, NaturalEarthFieldsAndMinus99) {
    TempDir dir;
    geo::test::writeText(dir / "ne.geojson", R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"ISO_A3": "-99", "ADM0_A3": "FRA", "ADMIN": "France", "NAME": "France"},
  "geometry": {"type": "Polygon", "coordinates": [[[0, 45], [5, 45], [5, 50], [0, 45]]]}},
 {"type": "Feature", "properties": {"ISO_A3": "UKR", "ADMIN": "Ukraine", "NAME": "Crimea"},
  "geometry": {"type": "Polygon", "coordinates": [[[33, 44.5], [36, 44.5], [34, 46], [33, 44.5]]]}},
 {"type": "Feature", "properties": {"ISO_A3": "UKR", "ADMIN": "Ukraine", "NAME": "Kyiv Oblast"},
  "geometry": {"type": "Polygon", "coordinates": [[[29, 49], [32, 49], [31, 51], [29, 49]]]}}
]})");
    auto vectors = geo::loadVectors(dir / "ne.geojson");
    ASSERT_TRUE(vectors) << vectors.failure().message();
    ASSERT_NE(vectors.value().find("FRA"), nullptr);
    EXPECT_EQ(vectors.value().find("FRA")->name, "France");
    EXPECT_EQ(vectors.value().find("-99"), nullptr);
    const geo::Country* ukraine = vectors.value().find("UKR");
    ASSERT_NE(ukraine, nullptr);
    EXPECT_EQ(ukraine->name, "Ukraine");
    EXPECT_EQ(ukraine->polygons.size(), 2u) << "polygons of one code merge into one country";
    EXPECT_EQ(vectors.value().countries.size(), 2u);
}

TEST(VectorLoader, ReprojectsProjectedLayer) {
    TempDir dir;
    geo::test::writeVectors(
        dir / "utm.gpkg", "GPKG", "borders", 32635,
        {{"LINESTRING (500000 5500000, 600000 5600000)", {}},
         {"POLYGON ((500000 5500000, 510000 5500000, 510000 5510000, 500000 5500000))", {{"iso3", "UKR"}}}});
    auto vectors = geo::loadVectors(dir / "utm.gpkg");
    ASSERT_TRUE(vectors) << vectors.failure().message();
    ASSERT_EQ(vectors.value().lines.size(), 2u);
    const auto& line = vectors.value().lines[0];
    ASSERT_EQ(line.size(), 2u);
    EXPECT_NEAR(line[0].x, 27.0, 1e-9); // zone 35's central meridian
    const auto [lon1, lat1] = geo::test::toLonLat(32635, 600000, 5600000);
    EXPECT_NEAR(line[0].y, 49.65, 0.01);
    EXPECT_NEAR(line[1].x, lon1, 1e-9);
    EXPECT_NEAR(line[1].y, lat1, 1e-9);
    EXPECT_GT(line[1].x, 28);
    ASSERT_NE(vectors.value().find("UKR"), nullptr);
    EXPECT_NEAR(vectors.value().find("UKR")->polygons[0].rings[0][0].x, 27.0, 1e-9);
}

TEST(VectorLoader, ReadsOnlyTheNamedLayer) {
    TempDir dir;
    geo::test::writeVectors(dir / "two.gpkg", "GPKG", "coast", 4326, {{"LINESTRING (30 45, 31 46)", {}}});
    geo::test::writeVectors(dir / "two.gpkg", "GPKG", "rivers", 4326, {{"LINESTRING (0 0, 1 1)", {}}});
    auto all = geo::loadVectors(dir / "two.gpkg");
    ASSERT_TRUE(all) << all.failure().message();
    EXPECT_EQ(all.value().lines.size(), 2u);

    auto coast = geo::loadVectors(dir / "two.gpkg", "coast");
    ASSERT_TRUE(coast) << coast.failure().message();
    ASSERT_EQ(coast.value().lines.size(), 1u);
    EXPECT_EQ(coast.value().lines[0][1], glm::dvec2(31, 46));

    auto missing = geo::loadVectors(dir / "two.gpkg", "lakes");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.failure().message(),
              (dir / "two.gpkg").string() + ": has no layer 'lakes' (layers: coast, rivers)");
}

TEST(VectorLoader, EmptyCollectionFails) {
    TempDir dir;
    geo::test::writeText(dir / "empty.geojson", R"({"type": "FeatureCollection", "features": []})");
    auto vectors = geo::loadVectors(dir / "empty.geojson");
    ASSERT_FALSE(vectors);
    EXPECT_EQ(vectors.failure().where, (dir / "empty.geojson").string());
    EXPECT_NE(vectors.failure().what.find("has no features"), std::string::npos) << vectors.failure().what;
}

TEST(VectorLoader, ShapefileWithoutPrjFailsNamingTheLayer) {
    TempDir dir;
    geo::test::writeVectors(dir / "borders.shp", "ESRI Shapefile", "borders", 0,
                            {{"POLYGON ((30 45, 31 45, 31 46, 30 45))", {{"iso_a3", "UKR"}}}});
    ASSERT_FALSE(std::filesystem::exists(dir / "borders.prj"));
    auto vectors = geo::loadVectors(dir / "borders.shp");
    ASSERT_FALSE(vectors);
    EXPECT_EQ(vectors.failure().message(),
              (dir / "borders.shp").string() + ": layer 'borders' has no coordinate reference system");
}

TEST(VectorLoader, MissingFileFails) {
    TempDir dir;
    auto vectors = geo::loadVectors(dir / "none.gpkg");
    ASSERT_FALSE(vectors);
    EXPECT_EQ(vectors.failure().message(), (dir / "none.gpkg").string() + ": file not found");
}

TEST(VectorLoader, CorruptFileFailsQuietly) {
    TempDir dir;
    geo::test::writeText(dir / "broken.geojson", R"({"type": "FeatureCollection", "features": [{"type": "Feat)");
    testing::internal::CaptureStderr();
    auto vectors = geo::loadVectors(dir / "broken.geojson");
    const std::string printed = testing::internal::GetCapturedStderr();
    ASSERT_FALSE(vectors);
    EXPECT_EQ(vectors.failure().where, (dir / "broken.geojson").string());
    EXPECT_NE(vectors.failure().what.find("not a vector file GDAL can read"), std::string::npos)
        << vectors.failure().what;
    EXPECT_EQ(printed, "");
}

// Mask of 10x10 one-degree cells over 0..10 E, 0..10 N; cell (i, j) has its centre at (i + 0.5, 9.5 - j).
std::vector<unsigned char> expectedMask(bool (*inside)(double lon, double lat)) {
    std::vector<unsigned char> mask;
    for (int j = 0; j < 10; ++j)
        for (int i = 0; i < 10; ++i) mask.push_back(inside(i + 0.5, 9.5 - j) ? 255 : 0);
    return mask;
}

TEST(RasterizeMask, SquareBurnsTheCellsWhoseCentresItHolds) {
    const geo::Polygon square{{{{2, 3}, {5, 3}, {5, 7}, {2, 7}, {2, 3}}}};
    const auto mask = geo::rasterizeMask({square}, 0, 0, 10, 10, 10, 10);
    const auto expected = expectedMask([](double lon, double lat) { return lon > 2 && lon < 5 && lat > 3 && lat < 7; });
    EXPECT_EQ(mask, expected);
    EXPECT_EQ(std::count(mask.begin(), mask.end(), 255), 3 * 4);
}

TEST(RasterizeMask, HolesStayOutside) {
    const geo::Polygon withHole{{{{1, 1}, {9, 1}, {9, 9}, {1, 9}, {1, 1}}, {{4, 4}, {6, 4}, {6, 6}, {4, 6}, {4, 4}}}};
    const auto mask = geo::rasterizeMask({withHole}, 0, 0, 10, 10, 10, 10);
    const auto expected = expectedMask([](double lon, double lat) {
        const bool outer = lon > 1 && lon < 9 && lat > 1 && lat < 9;
        const bool hole = lon > 4 && lon < 6 && lat > 4 && lat < 6;
        return outer && !hole;
    });
    EXPECT_EQ(mask, expected);
}

TEST(RasterizeMask, SeveralPolygonsAndAFinerGrid) {
    // Two squares over 20x10 cells of 0.5 x 1 degree; row 0 is the north edge.
    const geo::Polygon west{{{{0, 0}, {2, 0}, {2, 2}, {0, 2}, {0, 0}}}};
    const geo::Polygon east{{{{8, 8}, {10, 8}, {10, 10}, {8, 10}, {8, 8}}}};
    const auto mask = geo::rasterizeMask({west, east}, 0, 0, 10, 10, 20, 10);
    ASSERT_EQ(mask.size(), 200u);
    EXPECT_EQ(std::count(mask.begin(), mask.end(), 255), 2 * 4 * 2);
    EXPECT_EQ(mask[9 * 20 + 0], 255);  // south-west corner
    EXPECT_EQ(mask[0 * 20 + 19], 255); // north-east corner
    EXPECT_EQ(mask[0 * 20 + 0], 0);    // north-west corner
}

TEST(RasterizeMask, InvalidGridIsEmptyAndNoPolygonsIsAllZero) {
    EXPECT_TRUE(geo::rasterizeMask({}, 0, 0, 10, 10, 0, 10).empty());
    EXPECT_TRUE(geo::rasterizeMask({}, 10, 0, 0, 10, 10, 10).empty());
    const auto mask = geo::rasterizeMask({}, 0, 0, 10, 10, 4, 3);
    EXPECT_EQ(mask, std::vector<unsigned char>(12, 0));
}

} // namespace

namespace {

std::string lineCollection(const std::string& coordinates) {
    return R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {}, "geometry": {"type": "LineString", "coordinates": [[22, 48], [23, 49]]}},
 {"type": "Feature", "properties": {}, "geometry": {"type": "LineString", "coordinates": )" +
           coordinates + "}}]}";
}

TEST(VectorLoader, CoordinatesOffTheGlobeAreRefusedNamingTheFeature) {
    TempDir dir;
    for (const char* coordinates :
         {"[[22, 48], [NaN, 49]]", "[[22, 48], [23, Infinity]]", "[[22, 48], [23, 95]]", "[[22, 48], [-400, 49]]"}) {
        const std::filesystem::path file = dir / "lines.geojson";
        geo::test::writeText(file, lineCollection(coordinates));
        auto vectors = geo::loadVectors(file);
        ASSERT_FALSE(vectors) << coordinates;
        EXPECT_EQ(vectors.failure().where, file.string());
        EXPECT_NE(vectors.failure().what.find("feature 1 of layer 'lines'"), std::string::npos)
            << vectors.failure().what;
    }
}

TEST(VectorLoader, PolygonRingsOffTheGlobeAreRefused) {
    TempDir dir;
    geo::test::writeText(dir / "poly.geojson", R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"iso_a3": "UKR"},
  "geometry": {"type": "Polygon", "coordinates": [[[22, 45], [40, 45], [40, 91], [22, 45]]]}}]})");
    auto vectors = geo::loadVectors(dir / "poly.geojson");
    ASSERT_FALSE(vectors);
    EXPECT_NE(vectors.failure().what.find("(40, 91)"), std::string::npos) << vectors.failure().what;
}

TEST(VectorLoader, AFileOfPointsIsNoBorders) {
    TempDir dir;
    geo::test::writeText(dir / "points.geojson", R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"name": "Kyiv"}, "geometry": {"type": "Point", "coordinates": [30.5, 50.45]}},
 {"type": "Feature", "properties": {"name": "Lviv"}, "geometry": {"type": "Point", "coordinates": [24.0, 49.8]}}]})");
    auto vectors = geo::loadVectors(dir / "points.geojson");
    ASSERT_FALSE(vectors);
    EXPECT_EQ(vectors.failure().message(),
              (dir / "points.geojson").string() + ": holds only points, no lines or polygons to draw");
}

TEST(VectorLoader, UnknownCrsIsRefusedNotReadAsWgs84) {
    TempDir dir;
    geo::test::writeText(dir / "unknown.geojson", R"({"type": "FeatureCollection",
 "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::99999"}}, "features": [
 {"type": "Feature", "properties": {}, "geometry": {"type": "LineString", "coordinates": [[22, 48], [23, 49]]}}]})");
    auto vectors = geo::loadVectors(dir / "unknown.geojson");
    ASSERT_FALSE(vectors);
    EXPECT_EQ(vectors.failure().where, (dir / "unknown.geojson").string());
    EXPECT_NE(vectors.failure().what.find("coordinate reference system PROJ does not know"), std::string::npos)
        << vectors.failure().what;
}

} // namespace
