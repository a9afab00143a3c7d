// Tours: the file format with its errors, and the camera path through the keyframes.
#include "geo/Tour.h"
#include "Fixtures.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace geo {
namespace {

using nlohmann::json;

json key(double lon, double lat, double rangeKm, double duration, json extra = json::object()) {
    json k = {{"camera", {{"lon", lon}, {"lat", lat}, {"range_km", rangeKm}, {"heading", 0}, {"tilt", 30}}},
              {"duration", duration}};
    for (auto& [f, v] : extra.items()) k[f] = v;
    return k;
}

json tourOf(json keys) {
    return {{"format", "bulwark-tour/1"}, {"title", "Test"}, {"keyframes", keys}};
}

TourLoad loadJson(const json& doc, test::TempDir& dir) {
    test::writeText(dir / "tour.json", doc.dump(2));
    return loadTour(dir / "tour.json");
}

bool mentions(const std::vector<Problem>& ps, const std::string& where, const std::string& field) {
    for (const Problem& p : ps)
        if (p.featureId == where && p.field == field) return true;
    return false;
}

TEST(Tour, ReadsKeyframes) {
    test::TempDir dir;
    const TourLoad load = loadJson(
        tourOf({key(15, 48, 9000, 0),
                key(31, 48, 1500, 8, {{"easing", "linear"}, {"hold", 2}, {"scenario", "x"}, {"caption", "Ukraine"}})}),
        dir);
    ASSERT_TRUE(load.problems.empty()) << load.problems[0].text();
    ASSERT_EQ(load.tour.keyframes.size(), 2u);
    EXPECT_DOUBLE_EQ(load.tour.keyframes[1].camera.range, 1.5e6);
    EXPECT_EQ(load.tour.keyframes[1].easing, Easing::Linear);
    EXPECT_EQ(load.tour.keyframes[1].caption, "Ukraine");
}

TEST(Tour, EveryErrorNamesFileKeyframeAndField) {
    test::TempDir dir;
    const TourLoad load = loadJson({{"format", "bulwark-tour/1"},
                                    {"colour", "red"},
                                    {"keyframes",
                                     {key(15, 48, 9000, 0, {{"zoom", 3}}),
                                      key(31, 95, 1500, 8),
                                      key(31, 48, -5, 8),
                                      key(31, 48, 1500, -1),
                                      key(31, 48, 1500, 4, {{"easing", "bouncy"}}),
                                      key(31, 48, 1500, 4, {{"hold", -2}}),
                                      {{"duration", 3}}}}},
                                   dir);
    EXPECT_TRUE(mentions(load.problems, "", "colour"));
    EXPECT_TRUE(mentions(load.problems, "keyframe 1", "zoom"));
    EXPECT_TRUE(mentions(load.problems, "keyframe 2", "camera.lat"));
    EXPECT_TRUE(mentions(load.problems, "keyframe 3", "camera.range_km"));
    EXPECT_TRUE(mentions(load.problems, "keyframe 4", "duration"));
    EXPECT_TRUE(mentions(load.problems, "keyframe 5", "easing"));
    EXPECT_TRUE(mentions(load.problems, "keyframe 6", "hold"));
    EXPECT_TRUE(mentions(load.problems, "keyframe 7", "camera"));
    for (const Problem& p : load.problems) EXPECT_EQ(p.file, (dir / "tour.json").string());
    EXPECT_FALSE(loadTour(dir / "missing.json").problems.empty());
}

TEST(Tour, ValuesOfTheWrongTypeAreProblemsNotExceptions) {
    test::TempDir dir;
    json doc = tourOf({key(15, 48, 9000, 0), key(31, 48, 1500, 8)});
    doc["format"] = 1;
    doc["title"] = {{"text", "t"}};
    doc["keyframes"][0]["caption"] = 3;
    doc["keyframes"][0]["easing"] = false;
    doc["keyframes"][1]["camera"]["lat"] = "north";
    doc["keyframes"][1]["scenario"] = json::array();
    const TourLoad load = loadJson(doc, dir);
    EXPECT_TRUE(mentions(load.problems, "", "format"));
    EXPECT_TRUE(mentions(load.problems, "", "title"));
    EXPECT_TRUE(mentions(load.problems, "keyframe 1", "caption"));
    EXPECT_TRUE(mentions(load.problems, "keyframe 1", "easing"));
    EXPECT_TRUE(mentions(load.problems, "keyframe 2", "camera.lat"));
    EXPECT_TRUE(mentions(load.problems, "keyframe 2", "scenario"));
    EXPECT_EQ(load.problems.size(), 6u);
}

TEST(Tour, ATourLongerThanADayIsAProblem) {
    test::TempDir dir;
    json keys = json::array({key(31, 48, 1500, 0)});
    for (int i = 0; i < 25; ++i) keys.push_back(key(31, 48, 1500, 3600));
    const TourLoad load = loadJson(tourOf(keys), dir);
    ASSERT_EQ(load.problems.size(), 1u);
    EXPECT_EQ(load.problems[0].field, "keyframes");
    EXPECT_NE(load.problems[0].message.find("a tour may last 24 at most"), std::string::npos);
}

TEST(Tour, UnknownScenarioIdsAreProblems) {
    Tour tour;
    tour.file = "t.json";
    tour.keyframes.resize(2);
    tour.keyframes[1].scenario = "nowhere";
    ScenarioSet set;
    set.scenarios.push_back({"somewhere", "S", ""});
    const auto problems = checkTourScenarios(tour, set);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].featureId, "keyframe 2");
}

TEST(Tour, SavesByWriteThenRenameAndReadsBack) {
    test::TempDir dir;
    TourLoad load = loadJson(tourOf({key(15, 48, 9000, 0), key(31, 48, 1500, 8, {{"caption", "Kyiv"}})}), dir);
    ASSERT_TRUE(load.problems.empty());
    load.tour.keyframes[1].hold = 3;
    ASSERT_TRUE(saveTour(load.tour, dir / "tour.json").ok());
    EXPECT_FALSE(std::filesystem::exists(dir / "tour.json.saving"));
    const TourLoad again = loadTour(dir / "tour.json");
    ASSERT_TRUE(again.problems.empty()) << again.problems[0].text();
    EXPECT_DOUBLE_EQ(again.tour.keyframes[1].hold, 3);
    EXPECT_EQ(again.tour.keyframes[1].caption, "Kyiv");
}

Tour threeKeys(Easing middle) {
    Tour t;
    t.keyframes.resize(3);
    t.keyframes[0].camera = {10, 45, 0, 9e6, 0, 0};
    t.keyframes[1].camera = {30, 48, 0, 1e6, 350, 20};
    t.keyframes[1].duration = 10;
    t.keyframes[1].easing = middle;
    t.keyframes[2].camera = {35, 44, 0, 3e5, 20, 40};
    t.keyframes[2].duration = 5;
    t.keyframes[2].easing = Easing::Linear;
    return t;
}

TEST(CameraPath, PassesThroughKeyframesAtTheirTimes) {
    const Tour t = threeKeys(Easing::EaseInOut);
    const CameraPath path(t);
    EXPECT_DOUBLE_EQ(path.duration(), 15.0);
    for (size_t i = 0; i < 3; ++i) {
        const CameraPose p = path.at(path.arrival(i));
        EXPECT_NEAR(p.lon, t.keyframes[i].camera.lon, 1e-9) << i;
        EXPECT_NEAR(p.range, t.keyframes[i].camera.range, 1e-3) << i;
    }
}

TEST(CameraPath, RangeIsInterpolatedLogarithmicallyAndHeadingTheShortWay) {
    const CameraPath path(threeKeys(Easing::Linear));
    // Halfway in time from 9000 km to 1000 km on a log scale is near 3000 km, not 5000 km.
    const double mid = path.at(5.0).range;
    EXPECT_GT(mid, 1.5e6);
    EXPECT_LT(mid, 4.5e6);
    // From heading 350 to 20 the camera turns through north, never through 180.
    for (double t = 10; t <= 15; t += 0.25) {
        const double h = path.at(t).heading;
        EXPECT_TRUE(h >= 340 || h <= 30) << t << " " << h;
    }
}

TEST(CameraPath, VelocityIsContinuousThroughAKeyframe) {
    const CameraPath path(threeKeys(Easing::Linear)); // flies through keyframe 2 without stopping
    const double t = 10.0, dt = 1e-3;
    auto velocity = [&](double a, double b) { return (path.at(b).lat - path.at(a).lat) / (b - a); };
    const double before = velocity(t - 2 * dt, t - dt), after = velocity(t + dt, t + 2 * dt);
    EXPECT_NEAR(before, after, 0.01);
    EXPECT_GT(std::abs(before), 0.01); // it did not stop
    // With a hold it stops: velocity zero on arrival.
    Tour held = threeKeys(Easing::Linear);
    held.keyframes[1].hold = 2;
    const CameraPath stop(held);
    EXPECT_NEAR((stop.at(10.0).lat - stop.at(10.0 - dt).lat) / dt, 0.0, 0.01);
    EXPECT_DOUBLE_EQ(stop.at(11.0).lat, stop.at(10.0).lat);
}

TEST(CameraPath, IsAPureFunctionOfTime) {
    const CameraPath path(threeKeys(Easing::EaseInOut));
    const CameraPose a = path.at(7.3), b = path.at(2.0), c = path.at(7.3);
    EXPECT_EQ(a.lon, c.lon);
    EXPECT_EQ(a.range, c.range);
    EXPECT_NE(a.lon, b.lon);
}

TEST(TourScenarios, SwitchOnArrivalAndCaptionUntilTheNext) {
    Tour t = threeKeys(Easing::Linear);
    t.keyframes[0].scenario = "a";
    t.keyframes[1].scenario = "b";
    t.keyframes[1].caption = "Second";
    ScenarioSet set;
    set.scenarios = {{"a", "A", ""}, {"b", "B", ""}};
    const CameraPath path(t);
    EXPECT_EQ(scenarioAt(t, path, set, 5.0).to, 0);
    const TourScenario switching = scenarioAt(t, path, set, 10.3);
    EXPECT_EQ(switching.from, 0);
    EXPECT_EQ(switching.to, 1);
    EXPECT_NEAR(switching.progress, 0.5, 1e-9);
    EXPECT_DOUBLE_EQ(scenarioAt(t, path, set, 12.0).progress, 1.0);
    EXPECT_EQ(captionAt(t, path, 5.0), "");
    EXPECT_EQ(captionAt(t, path, 12.0), "Second");
    EXPECT_EQ(captionAt(t, path, 15.0), "");
}

} // namespace
} // namespace geo
