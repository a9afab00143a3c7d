// The look-at camera, its parser, and picking the terrain under a ray.
#include "geo/Camera.h"
#include "geo/FrameSize.h"
#include "geo/Picking.h"

#include <gtest/gtest.h>

namespace geo {
namespace {

TEST(CameraFrame, LooksStraightDownAtTheTargetWithNoTilt) {
    CameraPose pose;
    pose.lon = 30.5;
    pose.lat = 50.45;
    pose.range = 10000;
    pose.tilt = 0;
    const CameraFrame f = cameraFrame(pose);
    const GeoPoint eye = toGeodetic(f.eye);
    EXPECT_NEAR(eye.lon, 30.5, 1e-6);
    EXPECT_NEAR(eye.lat, 50.45, 1e-6);
    EXPECT_NEAR(eye.height, 10000, 1e-3);
    EXPECT_NEAR(glm::dot(f.forward, upAt(30.5, 50.45)), -1.0, 1e-9);
    // Heading 0: screen-up points north.
    EXPECT_NEAR(glm::dot(f.up, enuFrame(30.5, 50.45)[1]), 1.0, 1e-9);
}

TEST(CameraFrame, TiltMovesTheEyeBackFromTheTarget) {
    CameraPose pose;
    pose.lon = 30;
    pose.lat = 48;
    pose.range = 100000;
    pose.tilt = 60;
    const CameraFrame f = cameraFrame(pose);
    const GeoPoint eye = toGeodetic(f.eye);
    EXPECT_LT(eye.lat, 48.0);            // heading north, so the eye is south of the target
    EXPECT_NEAR(eye.height, 50000, 800); // range * cos(60)
    const glm::dvec3 target = toEcef({30, 48, 0});
    EXPECT_NEAR(glm::length(target - f.eye), 100000, 1e-3);
}

TEST(ParseCamera, ReadsFiveValues) {
    const Result<CameraPose> r = parseCamera("31.5,48.2,1500,20,45");
    ASSERT_TRUE(r.ok());
    EXPECT_DOUBLE_EQ(r.value().lon, 31.5);
    EXPECT_DOUBLE_EQ(r.value().range, 1.5e6);
    EXPECT_DOUBLE_EQ(r.value().heading, 20);
    EXPECT_DOUBLE_EQ(r.value().tilt, 45);
}

TEST(ParseCamera, RejectsMalformedAndAbsurdValues) {
    for (const char* bad : {"", "31", "31,48", "a,b,c", "31,48,1500,0,0,9", "31,95,1500", "31,48,-5", "31,48,1e9",
                            "31,48,1500,0,90", "31,48,nan", "31,48,1500x"}) {
        const Result<CameraPose> r = parseCamera(bad);
        EXPECT_FALSE(r.ok()) << bad;
        if (!r.ok()) {
            EXPECT_NE(r.failure().message().find("--camera"), std::string::npos);
        }
    }
}

TEST(ParseCamera, EveryCommaSeparatesTwoNumbers) {
    // Each was once read as the three or four numbers before the stray comma.
    for (const char* bad :
         {"31,49,500,", ",31,49,500", "31,,49,500", "31,49,500,,", "31,49,500,0,10,", " 31,49,500", "31,49, 500",
          "31,49,500 ", "+31,49,500", "31,49,inf", "31,49,500,nan", "31,49,500,1e999", "31,49,500,0,10,5,6,7"}) {
        const Result<CameraPose> r = parseCamera(bad);
        EXPECT_FALSE(r.ok()) << "'" << bad << "'";
        if (!r.ok()) {
            EXPECT_EQ(r.failure().where, std::string("--camera ") + bad);
        }
    }
    EXPECT_TRUE(parseCamera("31,49,500").ok());
    EXPECT_TRUE(parseCamera("-31.5e0,49,500,-20,0").ok());
}

TEST(ParseFrameSize, ReadsWidthByHeight) {
    const Result<FrameSize> r = parseFrameSize("1920x1080", "--size", 8192);
    ASSERT_TRUE(r.ok()) << r.failure().message();
    EXPECT_EQ(r.value().width, 1920u);
    EXPECT_EQ(r.value().height, 1080u);
    EXPECT_EQ(parseFrameSize("16X8192", "--size", 8192).value().height, 8192u);
}

TEST(ParseFrameSize, RejectsMalformedAndOutOfRangeSizes) {
    for (const char* bad :
         {"", "x", "1920", "1920x", "x1080", "1920x1080x", "1920x1080x5", "-1920x1080", "+1920x1080", "1920 x1080",
          "1920x1080 ", "0x0", "15x100", "100x8193", "99999999999x100", "4294967312x100", "1e3x100", "0x10"}) {
        const Result<FrameSize> r = parseFrameSize(bad, "--size", 8192);
        EXPECT_FALSE(r.ok()) << "'" << bad << "'";
        if (!r.ok()) {
            EXPECT_EQ(r.failure().where, std::string("--size ") + bad);
        }
    }
}

TEST(PickTerrain, HitsTheRaisedSurfaceAndFollowsExaggeration) {
    HeightGrid g;
    g.west = 29;
    g.north = 51;
    g.dLon = g.dLat = 0.5;
    g.width = g.height = 4;
    g.metres.assign(16, 1000.0f);
    Terrain t;
    t.addLayer(g);
    const glm::dvec3 eye = toEcef({30, 50, 100000});
    const glm::dvec3 down = -upAt(30, 50);
    const auto hit1 = pickTerrain(t, eye, down, 1.0);
    const auto hit3 = pickTerrain(t, eye, down, 3.0);
    ASSERT_TRUE(hit1 && hit3);
    EXPECT_NEAR(hit1->height, 1000, 1);
    EXPECT_NEAR(hit3->height, 3000, 1);
    EXPECT_NEAR(hit1->lon, 30, 1e-6);
    EXPECT_FALSE(pickTerrain(t, eye, upAt(30, 50), 1.0)); // looking to space
}

TEST(GroundPose, StandsOnTheTerrainAndKeepsTheEyeAboveIt) {
    // Flat at 500 m north of 48.99N, a 2 km escarpment south of it, where the eye will be.
    HeightGrid g;
    g.west = 20;
    g.north = 50;
    g.dLon = g.dLat = 0.01;
    g.width = g.height = 200;
    for (int j = 0; j < g.height; ++j)
        for (int i = 0; i < g.width; ++i) g.metres.push_back(g.north - (j + 0.5) * g.dLat > 48.99 ? 500.0f : 2000.0f);
    Terrain t;
    t.addLayer(g);
    CameraPose low;
    low.lon = 21;
    low.lat = 49;
    low.range = 3000;
    low.tilt = 80; // heading north: the eye is south of the target, over the escarpment
    const CameraPose p = groundPose(low, t, 3.0);
    EXPECT_DOUBLE_EQ(p.targetHeight, 1500.0);
    const GeoPoint eye = toGeodetic(cameraFrame(p).eye);
    EXPECT_GE(eye.height, 6000.0 + 150.0);
    EXPECT_GT(p.range, low.range); // moved back along its line of sight
}

} // namespace
} // namespace geo
