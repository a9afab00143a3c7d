// Presenter mode: a tour's keyframes as steps, navigated as a clicker does, each step a flight
// from wherever the camera is to the step's view.
#include "geo/Presentation.h"

#include <gtest/gtest.h>

namespace geo {
namespace {

CameraPose pose(double lon, double lat, double rangeKm, double heading = 0, double tilt = 30) {
    CameraPose p;
    p.lon = lon, p.lat = lat, p.range = rangeKm * 1000, p.heading = heading, p.tilt = tilt;
    return p;
}

Tour story() {
    Tour t;
    auto add = [&](CameraPose c, double duration, std::string scenario, std::string caption) {
        Keyframe k;
        k.camera = c;
        k.duration = duration;
        k.scenario = std::move(scenario);
        k.caption = std::move(caption);
        t.keyframes.push_back(k);
    };
    add(pose(31, 48, 1800), 0, "", "Ukraine");
    add(pose(30.5, 50.4, 300), 2.5, "reassurance", "Kyiv");
    add(pose(24, 49.8, 300), 10, "", "Lviv");
    add(pose(35, 47.8, 400, 40), 0.2, "paris-framework", "Zaporizhzhia");
    return t;
}

void expectNear(const CameraPose& a, const CameraPose& b) {
    EXPECT_NEAR(a.lon, b.lon, 1e-6);
    EXPECT_NEAR(a.lat, b.lat, 1e-6);
    EXPECT_NEAR(a.range, b.range, 1e-3);
    EXPECT_NEAR(std::remainder(a.heading - b.heading, 360.0), 0.0, 1e-6);
    EXPECT_NEAR(a.tilt, b.tilt, 1e-6);
}

TEST(Presentation, StepsForwardAndBackLikeAClicker) {
    Presentation p(story());
    ASSERT_EQ(p.stepCount(), 4u);
    EXPECT_EQ(p.counter(), "1 / 4");
    EXPECT_FALSE(p.previous(pose(31, 48, 1800), 0.0)) << "nothing before the first step";
    EXPECT_TRUE(p.next(pose(31, 48, 1800), 0.0));
    EXPECT_EQ(p.step(), 1u);
    EXPECT_EQ(p.caption(), "Kyiv");
    EXPECT_TRUE(p.next(pose(31, 48, 1800), 1.0));
    EXPECT_TRUE(p.next(pose(31, 48, 1800), 2.0));
    EXPECT_EQ(p.counter(), "4 / 4");
    EXPECT_FALSE(p.next(pose(31, 48, 1800), 3.0)) << "nothing after the last step";
    EXPECT_EQ(p.step(), 3u);
    EXPECT_TRUE(p.previous(pose(31, 48, 1800), 4.0));
    EXPECT_EQ(p.caption(), "Lviv");
    EXPECT_TRUE(p.first(pose(31, 48, 1800), 5.0));
    EXPECT_EQ(p.step(), 0u);
    EXPECT_TRUE(p.last(pose(31, 48, 1800), 6.0));
    EXPECT_EQ(p.step(), 3u);
}

TEST(Presentation, FliesFromWhereTheCameraIsToTheStep) {
    Presentation p(story());
    const CameraPose explored = pose(26, 45, 900, 10, 20); // the presenter wandered off
    ASSERT_TRUE(p.next(explored, 100.0));
    const double seconds = p.flightSeconds();
    EXPECT_DOUBLE_EQ(seconds, 2.5) << "the keyframe's own duration";
    ASSERT_TRUE(p.cameraAt(100.0));
    expectNear(*p.cameraAt(100.0), explored);
    const auto middle = p.cameraAt(100.0 + seconds / 2);
    ASSERT_TRUE(middle);
    EXPECT_GT(middle->lon, 26.0);
    EXPECT_LT(middle->lon, 30.5);
    expectNear(*p.cameraAt(100.0 + seconds - 1e-9), p.target());
    EXPECT_FALSE(p.cameraAt(100.0 + seconds)) << "arrived: the camera is the presenter's again";
    // Smooth: no jump between neighbouring instants anywhere along the flight.
    for (double t = 0; t < seconds; t += 0.01) {
        const CameraPose a = *p.cameraAt(100.0 + t), b = *p.cameraAt(100.0 + std::min(t + 0.01, seconds - 1e-9));
        EXPECT_LT(std::abs(a.lon - b.lon) + std::abs(a.lat - b.lat), 0.2) << t;
        EXPECT_LT(std::abs(std::log(a.range / b.range)), 0.1) << t;
    }
}

TEST(Presentation, FlightsAreNeitherJumpsNorWaits) {
    Presentation p(story());
    p.jumpTo(1);
    ASSERT_TRUE(p.next(p.target(), 0.0)); // 10 s in the tour
    EXPECT_DOUBLE_EQ(p.flightSeconds(), Presentation::kLongestFlight);
    ASSERT_TRUE(p.next(p.target(), 10.0)); // 0.2 s in the tour
    EXPECT_DOUBLE_EQ(p.flightSeconds(), Presentation::kShortestFlight);
}

TEST(Presentation, RisesBetweenFarApartViews) {
    Presentation p(story());
    ASSERT_TRUE(p.goTo(2, pose(40, 47, 200), 0.0)); // about 1,200 km west, both views low
    double highest = 0;
    for (double t = 0; t < p.flightSeconds(); t += 0.05) highest = std::max(highest, p.cameraAt(t)->range);
    EXPECT_GT(highest, 600e3) << "both ends in sight on the way";
    EXPECT_LT(highest, 2000e3);
}

TEST(Presentation, HeadingTurnsTheShortWayRound) {
    Tour t;
    Keyframe k;
    k.camera = pose(30, 50, 300, 350);
    t.keyframes.push_back(k);
    Presentation p(t);
    ASSERT_TRUE(p.goTo(0, pose(30, 50, 300, 10), 0.0));
    for (double s = 0; s < p.flightSeconds(); s += 0.1) {
        const double h = std::remainder(p.cameraAt(s)->heading, 360.0);
        EXPECT_LE(std::abs(h), 10.0 + 1e-9) << "from 10 to -10 through north, not through south";
    }
}

TEST(Presentation, ScenarioCarriesForwardAndSwitchesOnArrival) {
    Presentation p(story());
    EXPECT_EQ(p.scenario(), "");
    ASSERT_TRUE(p.next(p.target(), 0.0));
    EXPECT_EQ(p.scenario(), "reassurance");
    EXPECT_FALSE(p.arrived(1.0));
    EXPECT_TRUE(p.arrived(p.flightSeconds()));
    ASSERT_TRUE(p.next(p.target(), 10.0));
    EXPECT_EQ(p.scenario(), "reassurance") << "a step without a scenario keeps the last one";
    ASSERT_TRUE(p.last(p.target(), 20.0));
    EXPECT_EQ(p.scenario(), "paris-framework");
    ASSERT_TRUE(p.first(p.target(), 30.0));
    EXPECT_EQ(p.scenario(), "") << "going back restores what the earlier step showed";
}

TEST(Presentation, GrabbingTheViewStopsTheFlight) {
    Presentation p(story());
    ASSERT_TRUE(p.next(p.target(), 0.0));
    ASSERT_TRUE(p.cameraAt(0.5));
    p.interrupt();
    EXPECT_FALSE(p.cameraAt(0.6));
    EXPECT_EQ(p.step(), 1u);
    EXPECT_TRUE(p.arrived(0.6));
}

TEST(Presentation, NeedsAStep) {
    EXPECT_THROW(Presentation(Tour{}), std::invalid_argument);
}

} // namespace
} // namespace geo
