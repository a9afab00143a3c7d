// Reading what the user gives: JSON fields with their types, input paths that are not regular files,
// and checked double-to-integer conversions.
#include "Fixtures.h"
#include "geo/Checked.h"
#include "geo/GdalSession.h"
#include "geo/InputPath.h"
#include "geo/JsonFields.h"

#include <chrono>
#include <climits>
#include <cmath>
#include <fstream>
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <iterator>
#include <sys/stat.h>
#include <unistd.h>

namespace geo {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct Collected {
    std::vector<std::pair<std::string, std::string>> problems; //!< field, message
    JsonFields::Sink sink() {
        return [this](const std::string& field, const std::string& message) { problems.emplace_back(field, message); };
    }
};

TEST(JsonFields, ReadsEachTypeAndReportsWrongOnesByField) {
    const json doc = json::parse(R"({"name": 5, "title": "ok", "n": "7", "m": 2.5, "flag": 1, "on": true,
        "camera": {"lat": "north", "lon": 30}, "list": {}, "items": [1]})");
    Collected c;
    const JsonFields f(doc, c.sink());
    EXPECT_FALSE(f.text("name"));
    EXPECT_EQ(f.text("title"), "ok");
    EXPECT_FALSE(f.text("absent")); // absent is no problem
    EXPECT_FALSE(f.number("n"));
    EXPECT_EQ(f.number("m"), 2.5);
    EXPECT_FALSE(f.flag("flag"));
    EXPECT_EQ(f.flag("on"), true);
    const auto camera = f.object("camera");
    ASSERT_TRUE(camera);
    EXPECT_FALSE(camera->number("lat", -90, 90));
    EXPECT_EQ(camera->number("lon", -180, 180), 30.0);
    EXPECT_FALSE(f.array("list"));
    EXPECT_TRUE(f.array("items"));
    EXPECT_FALSE(f.object("title"));
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"name", "must be text"},           {"n", "must be a number"},  {"flag", "must be true or false"},
        {"camera.lat", "must be a number"}, {"list", "must be a list"}, {"title", "must be an object"}};
    EXPECT_EQ(c.problems, expected);
}

TEST(JsonFields, NumbersOutOfRangeOrHugeAreProblemsNotWrappedIntegers) {
    const json doc =
        json::parse(R"({"lat": 95, "big": 1e300, "x": 2.5, "u": 18446744073709551615, "w": -3, "ok": 40})");
    Collected c;
    const JsonFields f(doc, c.sink());
    EXPECT_FALSE(f.number("lat", -90, 90));
    EXPECT_FALSE(f.integer("big", 0, 1000));
    EXPECT_FALSE(f.integer("x", 0, 1000));
    EXPECT_FALSE(f.integer("u", 0, LLONG_MAX));
    EXPECT_FALSE(f.integer("w", 0, 10));
    EXPECT_EQ(f.integer("ok", 0, 100), 40);
    ASSERT_EQ(c.problems.size(), 5u);
    EXPECT_EQ(c.problems[0], std::make_pair(std::string("lat"), std::string("must be within -90..90")));
    EXPECT_EQ(c.problems[2].second, "must be a whole number");
}

TEST(JsonFields, UnknownFieldsAndNonObjectsAreReported) {
    Collected c;
    const json doc = json::parse(R"({"title": "t", "titel": "typo"})"), list = json::parse("[1, 2]");
    const JsonFields f(doc, c.sink());
    f.refuseUnknown({"title"});
    const JsonFields g(list, c.sink(), "camera.");
    EXPECT_FALSE(g.isObject());
    EXPECT_FALSE(g.text("x"));
    ASSERT_EQ(c.problems.size(), 2u);
    EXPECT_EQ(c.problems[0], std::make_pair(std::string("titel"), std::string("unknown field")));
    EXPECT_EQ(c.problems[1], std::make_pair(std::string("camera"), std::string("must be an object")));
}

TEST(JsonFields, ReadJsonFileSaysWhereTheSyntaxBreaks) {
    test::TempDir dir;
    test::writeText(dir / "bad.json", "{\"a\": [1, 2,, 3]}");
    const auto bad = readJsonFile(dir / "bad.json");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.failure().where, (dir / "bad.json").string());
    EXPECT_NE(bad.failure().what.find("not valid JSON (at byte"), std::string::npos) << bad.failure().what;
    EXPECT_EQ(bad.failure().what.find("json.exception"), std::string::npos);
    EXPECT_EQ(readJsonFile(dir / "missing.json").failure().what, "file not found");
}

TEST(InputPath, RefusesEverythingThatIsNotARegularFile) {
    test::TempDir dir;
    test::writeText(dir / "file.json", "{}");
    fs::create_directory(dir / "folder");
    ASSERT_EQ(mkfifo((dir / "fifo").c_str(), 0600), 0);
    fs::create_symlink(dir / "file.json", dir / "link");
    fs::create_symlink(dir / "folder", dir / "folderlink");
    fs::create_symlink(dir / "nowhere", dir / "dangling");
    const int sock = test::bindUnixSocket(dir / "socket");

    EXPECT_FALSE(checkInputPath(dir / "file.json"));
    EXPECT_FALSE(checkInputPath(dir / "link")); // symlinks are followed
    const std::vector<std::pair<fs::path, std::string>> refused = {
        {dir / "folder", "is a folder, not a file"},
        {dir / "folderlink", "is a folder, not a file"},
        {dir / "fifo", "is a named pipe (FIFO), not a file"},
        {dir / "socket", "is a socket, not a file"},
        {"/dev/null", "is a device, not a file"},
        {dir / "missing", "file not found"},
        {dir / "dangling", "file not found"},
        {dir / "file.json" / "below", "file not found"},
    };
    for (const auto& [path, what] : refused) {
        const auto failure = checkInputPath(path);
        ASSERT_TRUE(failure) << path;
        EXPECT_EQ(failure->where, path.string());
        EXPECT_EQ(failure->what, what) << path;
        // Reading refuses the same, at once: a FIFO with no writer must not block.
        const auto start = std::chrono::steady_clock::now();
        const auto read = readInputFile(path);
        EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2)) << path;
        ASSERT_FALSE(read) << path;
        EXPECT_EQ(read.failure().what, what) << path;
    }
    EXPECT_FALSE(checkInputPath(dir / "folder", InputKind::FileOrFolder));
    EXPECT_EQ(readInputFile(dir / "file.json").value(), "{}");
    close(sock);
}

TEST(InputPath, TooLargeFilesAreRefusedWithTheirSize) {
    test::TempDir dir;
    test::writeText(dir / "big.json", std::string(3u << 20, ' '));
    const auto read = readInputFile(dir / "big.json", 1u << 20);
    ASSERT_FALSE(read);
    EXPECT_EQ(read.failure().what, "is 3 MB, more than the 1 MB such a file may be");
}

TEST(InputPath, GdalVirtualPathsAndConnectionStringsPassThrough) {
    EXPECT_TRUE(isGdalVirtualPath("/vsimem/dem.tif"));
    EXPECT_TRUE(isGdalVirtualPath("/vsizip/data.zip/dem.tif"));
    EXPECT_TRUE(isGdalVirtualPath("PG:dbname=gis"));
    EXPECT_TRUE(isGdalVirtualPath("GPKG:/data/places.gpkg:towns"));
    EXPECT_TRUE(isGdalVirtualPath("https://example.org/dem.tif"));
    EXPECT_FALSE(isGdalVirtualPath("/data/dem.tif"));
    EXPECT_FALSE(isGdalVirtualPath("dem.tif"));
    EXPECT_FALSE(checkGdalInputPath("/vsimem/nothing-there.tif", InputKind::File));
    EXPECT_TRUE(checkGdalInputPath("/data/nothing-there.tif", InputKind::File));

    // A /vsimem/ file opens through GdalSession as any other.
    test::TempDir dir;
    test::RasterSpec spec;
    spec.width = spec.height = 2;
    spec.geoTransform = {30, 1, 0, 50, 0, -1};
    spec.values = {1, 2, 3, 4};
    test::writeGeoTiff(dir / "dem.tif", spec);
    std::ifstream in(dir / "dem.tif", std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), {});
    GdalSession gdal;
    VSILFILE* mem = VSIFileFromMemBuffer("/vsimem/inputs-test.tif", reinterpret_cast<GByte*>(bytes.data()),
                                         vsi_l_offset(bytes.size()), FALSE);
    ASSERT_TRUE(mem);
    VSIFCloseL(mem);
    EXPECT_TRUE(gdal.open("/vsimem/inputs-test.tif", GDAL_OF_RASTER, "raster"));
    VSIUnlink("/vsimem/inputs-test.tif");
}

TEST(InputPath, GdalSessionRefusesFifosAndRasterFoldersBeforeGdalOpensThem) {
    test::TempDir dir;
    ASSERT_EQ(mkfifo((dir / "dem.tif").c_str(), 0600), 0);
    fs::create_directory(dir / "grid");
    GdalSession gdal;
    const auto start = std::chrono::steady_clock::now();
    const auto fifo = gdal.open(dir / "dem.tif", GDAL_OF_RASTER, "raster");
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
    ASSERT_FALSE(fifo);
    EXPECT_EQ(fifo.failure().message(), (dir / "dem.tif").string() + ": is a named pipe (FIFO), not a file");
    const auto folder = gdal.open(dir / "grid", GDAL_OF_RASTER, "raster");
    ASSERT_FALSE(folder);
    EXPECT_EQ(folder.failure().what, "is a folder, not a file");
    // A folder may hold vectors (shapefiles): GDAL decides, and says it cannot read an empty one.
    const auto vectors = gdal.open(dir / "grid", GDAL_OF_VECTOR, "vector file");
    ASSERT_FALSE(vectors);
    EXPECT_NE(vectors.failure().what.find("not a vector file GDAL can read"), std::string::npos);
}

TEST(Checked, IntegersOnlyWhenTheyFit) {
    EXPECT_EQ(checkedInteger<int>(2147483647.0), INT_MAX);
    EXPECT_EQ(checkedInteger<int>(-2147483648.0), INT_MIN);
    EXPECT_FALSE(checkedInteger<int>(2147483648.0));
    EXPECT_FALSE(checkedInteger<int>(-2147483649.0));
    EXPECT_EQ(checkedInteger<int>(-2.9), -2); // truncates as static_cast does
    EXPECT_FALSE(checkedInteger<int>(1e300));
    EXPECT_FALSE(checkedInteger<std::int64_t>(1e300));
    EXPECT_FALSE(checkedInteger<std::int64_t>(9223372036854775808.0));
    EXPECT_EQ(checkedInteger<std::int64_t>(-9223372036854775808.0), INT64_MIN);
    EXPECT_FALSE(checkedInteger<int>(std::nan("")));
    EXPECT_FALSE(checkedInteger<int>(INFINITY));
    EXPECT_FALSE(checkedInteger<unsigned>(-1.0));
    EXPECT_EQ(checkedInteger<unsigned>(4294967295.0), UINT_MAX);
    EXPECT_FALSE(checkedInteger<unsigned>(4294967296.0));
    EXPECT_EQ(checkedInteger<std::uint8_t>(255.5), 255);
    EXPECT_FALSE(checkedInteger<std::uint8_t>(256.0));
}

} // namespace
} // namespace geo
