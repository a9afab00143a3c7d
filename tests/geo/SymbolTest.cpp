// Military symbols in geo/: SIDC reading and its words, defaults derived from features, the checks of
// `bulwark validate`, and the atlas with its disk cache, on the real node helper and milsymbol.
#include "Fixtures.h"
#include "geo/Sidc.h"
#include "geo/SymbolAtlas.h"
#include "geo/SymbolDefaults.h"
#include "geo/SymbolLibrary.h"
#include "geo/SymbolRules.h"

#include <gtest/gtest.h>

namespace geo {
namespace {

using test::TempDir;

Sidc parsed(const std::string& text) {
    auto s = parseSidc(text);
    EXPECT_TRUE(s) << (s ? "" : s.failure().what);
    return s ? s.value() : Sidc{};
}

std::string failureOf(const std::string& text) {
    auto s = parseSidc(text);
    EXPECT_FALSE(s) << text << " was read";
    return s ? "" : s.failure().what;
}

SymbolLibrary& library() {
    static auto started = SymbolLibrary::start();
    if (!started) ADD_FAILURE() << started.failure().message();
    return *started.value();
}

TEST(Sidc, ReadsEveryFieldOfANumericCode) {
    const Sidc s = parsed("10031016161211000000"); // position 8 is 6: task force headquarters
    EXPECT_EQ(s.version, 10);
    EXPECT_EQ(s.identity, StandardIdentity::Friend);
    EXPECT_EQ(s.symbolSet, 10);
    EXPECT_EQ(s.status, SymbolStatus::Planned);
    EXPECT_TRUE(s.headquarters());
    EXPECT_TRUE(s.taskForce());
    EXPECT_FALSE(s.dummy());
    EXPECT_EQ(s.echelon(), 16);
    EXPECT_EQ(s.entity, "121100");
    EXPECT_EQ(describeSidc(s, "Infantry"), "Friend · Infantry · Headquarters · Task force · Battalion · Planned");
    EXPECT_EQ(describeSidc(parsed("10063000001201000000"), ""), "Hostile · Sea surface · Present");
}

TEST(Sidc, EachBadPositionIsNamed) {
    EXPECT_NE(failureOf("1003100016121100000").find("19 characters"), std::string::npos);
    EXPECT_NE(failureOf("10031000161211x00000").find("position 15"), std::string::npos);
    EXPECT_NE(failureOf("12031000161211000000").find("(version)"), std::string::npos);
    EXPECT_NE(failureOf("10391000161211000000").find("(context)"), std::string::npos);
    EXPECT_NE(failureOf("10071000161211000000").find("(standard identity)"), std::string::npos);
    EXPECT_NE(failureOf("10039900161211000000").find("(symbol set) 99"), std::string::npos);
    EXPECT_NE(failureOf("10031090161211000000").find("(status)"), std::string::npos);
    EXPECT_NE(failureOf("10031009161211000000").find("position 8"), std::string::npos);
    EXPECT_NE(failureOf("10031000991211000000").find("(echelon / mobility) 99"), std::string::npos);
    EXPECT_NE(failureOf("10030100161101000000").find("not valid for symbol set 01 (Air)"), std::string::npos);
    EXPECT_NE(failureOf("GFGPUCI----D---").find("(coding scheme)"), std::string::npos);
    EXPECT_NE(failureOf("SZGPUCI----D---").find("(affiliation)"), std::string::npos);
    EXPECT_NE(failureOf("SFGQUCI----D---").find("(status)"), std::string::npos);
}

TEST(Sidc, LetterCodesAreConverted) {
    const Sidc s = parsed("sfgaucI---aH---"); // lower case is read as upper: friend infantry HQ brigade, planned
    EXPECT_TRUE(s.fromLetters);
    EXPECT_EQ(s.code, "SFGAUCI---AH---");
    EXPECT_EQ(s.identity, StandardIdentity::Friend);
    EXPECT_EQ(s.symbolSet, 10);
    EXPECT_EQ(s.status, SymbolStatus::Planned);
    EXPECT_TRUE(s.headquarters());
    EXPECT_EQ(s.echelon(), 18);
    EXPECT_EQ(s.numeric, "10031012180000000000");
    EXPECT_EQ(parsed("SHAPMF---------").symbolSet, 1);
    EXPECT_EQ(parsed("SNSPXM---------").identity, StandardIdentity::Neutral);
    EXPECT_EQ(parsed("SKGPUCI----E---").context, 1); // faker: an exercise hostile
    EXPECT_EQ(parsed("SFGPIG---------").symbolSet, 20);
    EXPECT_EQ(parsed("SFGPUCI---E----").hqTfDummy, 4);
}

ScenarioFeature feature(FeatureKind kind, FeatureStatus status, const std::string& lead, const std::string& name = "") {
    ScenarioFeature f;
    f.id = "f";
    f.kind = kind;
    f.status = status;
    f.nations = {lead};
    f.name = name;
    f.points = {{30, 50}};
    return f;
}

TEST(SymbolDefaults, FollowKindStatusPersonnelAndNation) {
    ScenarioFeature force = feature(FeatureKind::Force, FeatureStatus::Illustrative, "FR");
    force.personnel = 4000;
    EXPECT_EQ(defaultSidc(force), "10031010181210000000"); // friend, planned, brigade, combined arms
    force.status = FeatureStatus::Reported;
    force.personnel = 800;
    EXPECT_EQ(defaultSidc(force), "10031000161210000000"); // present battalion
    force.personnel.reset();
    EXPECT_EQ(defaultSidc(force), "10031000001210000000"); // no echelon without personnel
    EXPECT_EQ(defaultSidc(feature(FeatureKind::Hub, FeatureStatus::Illustrative, "GB")), "10032010001208020000");
    EXPECT_EQ(defaultSidc(feature(FeatureKind::EquipmentSite, FeatureStatus::Announced, "GB")), "10032500003217000000");
    EXPECT_EQ(defaultSidc(feature(FeatureKind::Station, FeatureStatus::Illustrative, "SK", "Air support hub, Sliac")),
              "10032010001213010000");
    EXPECT_EQ(defaultSidc(feature(FeatureKind::Station, FeatureStatus::Reported, "PL", "Aid logistics hub")),
              "10031000001634000000");
    EXPECT_EQ(defaultSidc(feature(FeatureKind::Station, FeatureStatus::Reported, "RO", "Training area")),
              "10032000001119020000");
    EXPECT_EQ(parsed(defaultSidc(feature(FeatureKind::Force, FeatureStatus::Reported, "RU"))).identity,
              StandardIdentity::Hostile);
    EXPECT_EQ(defaultSidc(feature(FeatureKind::AirZone, FeatureStatus::Reported, "FR")), "");
    EXPECT_EQ(echelonFor(3), 11);
    EXPECT_EQ(echelonFor(150), 15);
    EXPECT_EQ(echelonFor(15000), 21);
    EXPECT_EQ(echelonFor(200000), 23);
}

TEST(SymbolDefaults, EveryDefaultIsASymbolTheLibraryKnows) {
    std::vector<SymbolRequest> asked;
    for (FeatureKind kind : {FeatureKind::Hub, FeatureKind::EquipmentSite, FeatureKind::Force, FeatureKind::Station})
        for (const char* name : {"Air base", "Training hub", "Logistics", "Engineering group", "Contingent", "Depot"}) {
            ScenarioFeature f = feature(kind, FeatureStatus::Illustrative, "FR", name);
            f.personnel = 500;
            asked.push_back({defaultSidc(f), 48, {}, {}, false});
        }
    auto drawn = library().draw(asked);
    ASSERT_TRUE(drawn) << drawn.failure().message();
    for (size_t i = 0; i < asked.size(); ++i) EXPECT_TRUE(drawn.value()[i].icon) << asked[i].code;
}

TEST(SymbolLibrary, NamesEntitiesAndAnswersInOrder) {
    auto drawn = library().draw({{"10031000161211000000", 48},
                                 {"SFGPUCA----E---", 48},
                                 {"10033000001201000000", 48, {}, {}, false},
                                 {"10031000161299990000", 48}});
    ASSERT_TRUE(drawn) << drawn.failure().message();
    const auto& d = drawn.value();
    EXPECT_EQ(d[0].entityName(), "Infantry");
    EXPECT_NE(d[0].svg.find("<svg"), std::string::npos);
    EXPECT_GT(d[0].width, 48);
    EXPECT_EQ(d[1].entityName(), "Armour");
    EXPECT_EQ(d[2].dimension, "Sea");
    EXPECT_TRUE(d[2].svg.empty());
    EXPECT_FALSE(d[3].icon);
    EXPECT_FALSE(d[3].named);
    EXPECT_EQ(library().version(), "3.0.4");
}

TEST(SymbolLibrary, AMissingLibraryIsOneLine) {
    TempDir dir;
    auto missing = SymbolLibrary::start(dir.path());
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.failure().message().find("no helper.js"), std::string::npos);
    std::filesystem::copy_file(symbolLibraryDir() / "helper.js", dir / "helper.js");
    auto uninstalled = SymbolLibrary::start(dir.path());
    ASSERT_FALSE(uninstalled);
    EXPECT_NE(uninstalled.failure().message().find("scripts/setup"), std::string::npos);
}

TEST(SymbolRules, ValidateNamesFeatureAndField) {
    ScenarioSet set;
    set.featuresFile = "features.geojson";
    const auto add = [&](const std::string& id, const std::string& sidc,
                         FeatureStatus status = FeatureStatus::Reported) {
        ScenarioFeature f = feature(FeatureKind::Force, status, "FR");
        f.id = id;
        f.sidc = sidc;
        set.features.push_back(f);
        return &set.features.back();
    };
    add("good", "10031000161211000000");
    add("short", "1003100016121100000");
    add("unknown-entity", "10031000161299990000");
    add("status", "10031000161211000000", FeatureStatus::Illustrative);
    add("air-formation", "10030100001101000000")->amplifiers.higherFormation = "1 Wing";
    add("long", "10031000161211000000")->amplifiers.uniqueDesignation = std::string(40, 'x');
    ScenarioFeature area = feature(FeatureKind::SeaZone, FeatureStatus::Reported, "TR");
    area.id = "area";
    area.amplifiers.uniqueDesignation = "MCM";
    set.features.push_back(area);
    const std::vector<Problem> problems = checkSymbols(set, &library(), "");
    std::string all;
    for (const Problem& p : problems) all += p.text() + "\n";
    const auto has = [&](const std::string& id, const std::string& field, const std::string& words) {
        for (const Problem& p : problems)
            if (p.featureId == id && p.field == field && p.message.find(words) != std::string::npos &&
                p.file == "features.geojson")
                return true;
        return false;
    };
    EXPECT_TRUE(has("short", "sidc", "19 characters")) << all;
    EXPECT_TRUE(has("unknown-entity", "sidc", "entity 129999")) << all;
    EXPECT_TRUE(has("status", "sidc", "illustrative")) << all;
    EXPECT_TRUE(has("air-formation", "higher_formation", "Air")) << all;
    EXPECT_TRUE(has("long", "unique_designation", "longer than 30")) << all;
    EXPECT_TRUE(has("area", "sidc", "no sidc")) << all;
    EXPECT_EQ(problems.size(), 6u) << all;
    // Without a library the entities cannot be checked, and validate says so once.
    const std::vector<Problem> without = checkSymbols(set, nullptr, "symbol library x: no helper.js there");
    EXPECT_EQ(std::count_if(without.begin(), without.end(),
                            [](const Problem& p) { return p.message.find("no helper.js") != std::string::npos; }),
              1);
}

TEST(SymbolAtlas, PacksDrawsOnceAndReadsTheDiskCacheBack) {
    TempDir cache;
    const std::vector<SymbolKey> keys{{"10031000161211000000", 32},
                                      {"10061000151205000000", 32},
                                      {"10031000161211000000", 64},
                                      {"10031000161211000000", 32, {"1", "2 Bde", "", ""}, "FR"}};
    SymbolAtlas atlas(&library(), cache.path());
    const auto entries = atlas.require(keys);
    ASSERT_EQ(entries.size(), 4u);
    for (const AtlasEntry* e : entries) ASSERT_TRUE(e->ok()) << e->failure;
    EXPECT_EQ(atlas.drawn(), 4u);
    EXPECT_GT(entries[2]->width, entries[0]->width * 3 / 2); // 64 px against 32 px
    EXPECT_GT(entries[3]->width, entries[0]->width);         // the amplifier text widens it
    EXPECT_EQ(entries[0]->x % SymbolAtlas::kCell, 0);
    // No two entries overlap, with a cell's gap between them.
    for (size_t i = 0; i < entries.size(); ++i)
        for (size_t j = i + 1; j < entries.size(); ++j) {
            const AtlasEntry &a = *entries[i], &b = *entries[j];
            EXPECT_TRUE(a.x + a.width + SymbolAtlas::kCell <= b.x || b.x + b.width + SymbolAtlas::kCell <= a.x ||
                        a.y + a.height + SymbolAtlas::kCell <= b.y || b.y + b.height + SymbolAtlas::kCell <= a.y);
        }
    // The friend frame's light blue (premultiplied, opaque) at the entry's centre-left, inside the frame.
    const AtlasEntry& e = *entries[0];
    const auto pixel = [&](int x, int y) {
        return &atlas.page().pixels[(size_t(y) * SymbolAtlas::kWidth + size_t(x)) * 4];
    };
    const std::uint8_t* inside = pixel(e.x + int(e.anchorX) - 8, e.y + int(e.anchorY) + 2);
    EXPECT_EQ(inside[3], 255);
    EXPECT_GT(inside[2], 200); // rgb(128,224,255)
    EXPECT_LT(inside[0], 160);
    EXPECT_EQ(atlas.require({keys[0]}).front(), entries[0]); // already packed: the same entry
    EXPECT_EQ(atlas.drawn(), 4u);
    const auto mips = atlas.mipChain();
    EXPECT_EQ(mips[1].width, SymbolAtlas::kWidth / 2);

    SymbolAtlas again(&library(), cache.path()); // a later run: everything from disk
    const auto back = again.require(keys);
    EXPECT_EQ(again.drawn(), 0u);
    EXPECT_EQ(again.fromDisk(), 4u);
    EXPECT_EQ(back[0]->width, e.width);
    EXPECT_FLOAT_EQ(back[0]->anchorX, e.anchorX);

    SymbolAtlas orphan(nullptr, {}); // no library, no cache: failed entries that say why
    EXPECT_FALSE(orphan.require({keys[0]}).front()->ok());
}

} // namespace
} // namespace geo
