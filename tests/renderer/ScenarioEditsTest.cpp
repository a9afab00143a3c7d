// The viewer's edits on the default scenarios, without a window: one undo step per action (a drag's
// moves together), redo, refusals that change nothing, the unsaved mark, and the planning rules the Edit
// window lists (the Zhytomyr hub moved toward Kharkiv breaks the 150 km rule; undone, it is kept again).
#include "app/ScenarioEdits.h"
#include "geo/edit/RuleWarnings.h"
#include "app/Commands.h"
#include "app/RuleWarnings.h"
#include "app/SceneOptions.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

const std::vector<geo::Polygon>& ukraine() {
    static const std::vector<geo::Polygon> outline = app::ukraineOutline(app::assetsDir() / "vector/borders.gpkg");
    return outline;
}

//! The default scenarios as the viewer holds them.
geo::ScenarioSet defaultSet() {
    geo::ScenarioLoad load = geo::loadScenarios(BULWARK_TEST_SCENARIOS);
    EXPECT_TRUE(load.problems.empty());
    return std::move(load.set);
}

const geo::ScenarioFeature* byId(const geo::ScenarioSet& set, const std::string& id) {
    for (const geo::ScenarioFeature& f : set.features)
        if (f.id == id) return &f;
    return nullptr;
}

const glm::dvec2 kZhytomyr{28.658, 50.254};
const glm::dvec2 kNearKharkiv{36.0, 50.254}; // about 65 km from the line of contact

} // namespace

TEST(ScenarioEdits, ADragIsOneStepAndUndoRestoresTheRules) {
    geo::ScenarioSet set = defaultSet();
    app::ScenarioEdits edits(set, ukraine());
    EXPECT_TRUE(edits.warnings().empty());
    for (int i = 1; i <= 10; ++i) { // one drag, ten frames
        const glm::dvec2 at = glm::mix(kZhytomyr, kNearKharkiv, i / 10.0);
        EXPECT_EQ(edits.apply(app::command::MoveSites{{{"hub-gb-zhytomyr", at}}, 7}), "");
    }
    EXPECT_TRUE(edits.dirty());
    EXPECT_EQ(byId(set, "hub-gb-zhytomyr")->points.front(), kNearKharkiv);
    const std::vector<app::RuleWarning> broken = edits.warnings();
    ASSERT_EQ(broken.size(), 1u);
    EXPECT_EQ(broken[0].featureId, "hub-gb-zhytomyr");
    const std::vector<geo::RuleWarning> drawn = edits.sceneWarnings(); // what the "warnings" layer draws
    ASSERT_EQ(drawn.size(), 1u);
    ASSERT_TRUE(drawn[0].distance);
    EXPECT_NEAR(drawn[0].distance->distanceM / 1000.0, 65.0, 10.0);
    EXPECT_NE(broken[0].text.find("150 km"), std::string::npos);

    ASSERT_TRUE(edits.undo());
    EXPECT_FALSE(edits.canUndo()); // the ten moves were one step
    EXPECT_FALSE(edits.dirty());
    EXPECT_EQ(byId(set, "hub-gb-zhytomyr")->points.front(), kZhytomyr);
    EXPECT_TRUE(edits.warnings().empty());
    ASSERT_TRUE(edits.redo());
    EXPECT_EQ(byId(set, "hub-gb-zhytomyr")->points.front(), kNearKharkiv);
    EXPECT_TRUE(edits.dirty());
}

TEST(ScenarioEdits, AddDuplicateAndDeleteAreStepsOfTheirOwn) {
    geo::ScenarioSet set = defaultSet();
    const size_t count = set.features.size();
    app::ScenarioEdits edits(set, ukraine());
    std::string added;
    EXPECT_EQ(edits.apply(app::command::AddSite{geo::FeatureKind::Station, {26.9, 46.57}}, 2, &added), "");
    const geo::ScenarioFeature* station = byId(set, added);
    ASSERT_NE(station, nullptr);
    // The shown rung and every later one, so the rungs stay supersets; valid as loaded data must be.
    EXPECT_EQ(station->scenarios, (std::vector<std::string>{"paris-framework", "full-coalition"}));
    EXPECT_TRUE(edits.warnings().empty());
    std::vector<std::string> copies;
    EXPECT_EQ(edits.apply(app::command::DuplicateFeatures{{"hub-gb-lviv", added}}, &copies), "");
    EXPECT_EQ(copies.size(), 2u);
    EXPECT_EQ(set.features.size(), count + 3);
    EXPECT_EQ(edits.apply(app::command::DeleteFeatures{{"hub-gb-lviv"}}), "");
    EXPECT_EQ(byId(set, "hub-gb-lviv"), nullptr);
    for (int step = 0; step < 3; ++step) ASSERT_TRUE(edits.undo());
    EXPECT_EQ(set.features.size(), count);
    EXPECT_NE(byId(set, "hub-gb-lviv"), nullptr);
    EXPECT_FALSE(edits.dirty());
}

TEST(ScenarioEdits, InvalidEditsAreRefusedWithAReasonAndChangeNothing) {
    geo::ScenarioSet set = defaultSet();
    app::ScenarioEdits edits(set, ukraine());
    const geo::ScenarioFeature before = *byId(set, "hub-gb-zhytomyr");
    const auto refusalOf = [&](auto change) {
        geo::ScenarioFeature f = before;
        change(f);
        return edits.apply(app::command::SetFeature{f.id, f});
    };
    EXPECT_NE(refusalOf([](geo::ScenarioFeature& f) { f.name = ""; }), "");
    EXPECT_NE(refusalOf([](geo::ScenarioFeature& f) { f.personnel = -5; }), "");
    EXPECT_NE(refusalOf([](geo::ScenarioFeature& f) { f.nations = {"XX"}; }), "");
    EXPECT_NE(refusalOf([](geo::ScenarioFeature& f) { f.sidc = "1003"; }), "");
    // Several fields at once are one step: a bad one takes the good ones back with it.
    EXPECT_NE(refusalOf([](geo::ScenarioFeature& f) { f.name = "Hub, Korosten", f.personnel = -1; }), "");
    EXPECT_NE(edits.apply(app::command::MoveSites{{{"hub-gb-zhytomyr", {28.0, 95.0}}}}), "");
    EXPECT_NE(edits.apply(app::command::MoveSites{{{"no-such-site", kZhytomyr}}}), "");
    EXPECT_FALSE(edits.canUndo());
    EXPECT_FALSE(edits.dirty());
    EXPECT_EQ(byId(set, "hub-gb-zhytomyr")->name, before.name);
    // A good one goes through, scenario membership with it, as one step.
    EXPECT_EQ(
        refusalOf([](geo::ScenarioFeature& f) { f.name = "Hub, Korosten", f.personnel = 800, f.scenarioMask = 8; }),
        "");
    EXPECT_EQ(byId(set, "hub-gb-zhytomyr")->name, "Hub, Korosten");
    EXPECT_EQ(byId(set, "hub-gb-zhytomyr")->scenarios, std::vector<std::string>{"full-coalition"});
    ASSERT_TRUE(edits.undo());
    EXPECT_FALSE(edits.canUndo());
    EXPECT_EQ(byId(set, "hub-gb-zhytomyr")->name, before.name);
}

TEST(ScenarioEdits, KeepsAtLeast200StepsOfUndo) {
    geo::ScenarioSet set = defaultSet();
    app::ScenarioEdits edits(set, ukraine());
    for (int i = 0; i < 250; ++i)
        ASSERT_EQ(edits.apply(app::command::MoveSites{{{"hub-gb-lviv", {24.0 + i * 0.001, 49.8}}}}), "");
    int undone = 0;
    while (edits.undo()) ++undone;
    EXPECT_EQ(undone, 250);
    EXPECT_EQ(byId(set, "hub-gb-lviv")->points.front(), byId(defaultSet(), "hub-gb-lviv")->points.front());
}

TEST(ScenarioEdits, SavesIntoTheGeoJsonKeepingWhatItDoesNotKnow) {
    namespace fs = std::filesystem;
    const fs::path dir = fs::path(testing::TempDir()) / "bulwark-edits-save";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path assets = fs::path(BULWARK_TEST_SCENARIOS).parent_path();
    fs::copy_file(assets / "scenarios.json", dir / "scenarios.json");
    // A property only QGIS users know, on a feature the edits leave alone and on one they change.
    nlohmann::json features = nlohmann::json::parse(std::ifstream(assets / "features.geojson"));
    for (auto& f : features["features"])
        if (f["properties"]["id"] == "hub-gb-lviv" || f["properties"]["id"] == "hub-gb-zhytomyr")
            f["properties"]["qgis_note"] = "checked by J.";
    std::ofstream(dir / "features.geojson") << features.dump(1);

    geo::ScenarioLoad load = geo::loadScenarios(dir / "scenarios.json");
    ASSERT_TRUE(load.problems.empty()) << load.problems.front().text();
    app::ScenarioEdits edits(load.set, ukraine());
    ASSERT_EQ(edits.apply(app::command::MoveSites{{{"hub-gb-zhytomyr", {28.5, 50.1}}}}), "");
    std::string added;
    ASSERT_EQ(edits.apply(app::command::AddSite{geo::FeatureKind::Station, {26.9, 46.57}}, 2, &added), "");
    ASSERT_EQ(edits.apply(app::command::DeleteFeatures{{"hub-fr-uzhhorod"}}), "");
    ASSERT_EQ(edits.save(), "");
    EXPECT_FALSE(edits.dirty());

    const geo::ScenarioLoad back = geo::loadScenarios(dir / "scenarios.json");
    ASSERT_TRUE(back.problems.empty()) << back.problems.front().text();
    ASSERT_EQ(back.set.features.size(), load.set.features.size());
    for (size_t i = 0; i < back.set.features.size(); ++i) EXPECT_EQ(back.set.features[i].id, load.set.features[i].id);
    EXPECT_EQ(byId(back.set, "hub-gb-zhytomyr")->points.front(), glm::dvec2(28.5, 50.1));
    EXPECT_EQ(byId(back.set, "hub-fr-uzhhorod"), nullptr);
    EXPECT_NE(byId(back.set, added), nullptr);
    const nlohmann::json saved = nlohmann::json::parse(std::ifstream(dir / "features.geojson"));
    int notes = 0;
    for (const auto& f : saved["features"]) notes += f["properties"].contains("qgis_note");
    EXPECT_EQ(notes, 2); // on the untouched feature and on the moved one
}
