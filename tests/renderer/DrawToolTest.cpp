// Lines and polygons in the workbench, without a window: a drawn polygon is one undo step and a polygon that
// crosses itself is refused with the reason; a vertex drag (or an edge's middle dragged into a new vertex) is one
// step; the form's floor, ceiling and amplifiers go through the document's checks; the drawing tool's clicks,
// Enter and handles make those commands; the measuring tools read what geo/Measure computes.
#include "app/DrawTool.h"
#include "app/Commands.h"
#include "app/EditMode.h"
#include "app/FeatureForm.h"
#include "app/FeaturePicker.h"
#include "app/MeasureTools.h"
#include "app/ProfilePlot.h"
#include "app/ScenarioEdits.h"
#include "app/SceneOptions.h"

#include <GLFW/glfw3.h>
#include <filesystem>
#include <gtest/gtest.h>

namespace {

const std::vector<geo::Polygon>& ukraine() {
    static const std::vector<geo::Polygon> outline = app::ukraineOutline(app::assetsDir() / "vector/borders.gpkg");
    return outline;
}

//! A copy of the default scenarios in a fresh folder (edits here may be saved).
struct Scenarios {
    std::filesystem::path dir;
    geo::ScenarioSet set;
    Scenarios() {
        dir = std::filesystem::temp_directory_path() /
              ("bulwark-draw-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        const std::filesystem::path from = std::filesystem::path(BULWARK_TEST_SCENARIOS).parent_path();
        for (const char* name : {"scenarios.json", "features.geojson"})
            std::filesystem::copy_file(from / name, dir / name);
        geo::ScenarioLoad load = geo::loadScenarios(dir / "scenarios.json");
        EXPECT_TRUE(load.problems.empty());
        set = std::move(load.set);
    }
    ~Scenarios() { std::filesystem::remove_all(dir); }
    const geo::ScenarioFeature* byId(const std::string& id) const {
        for (const geo::ScenarioFeature& f : set.features)
            if (f.id == id) return &f;
        return nullptr;
    }
};

const std::vector<glm::dvec2> kZone{{30.0, 49.0}, {31.0, 49.0}, {31.0, 49.6}, {30.0, 49.6}};

} // namespace

TEST(DrawTool, ADrawnPolygonIsOneStepAndACrossingOneIsRefused) {
    Scenarios s;
    app::ScenarioEdits edits(s.set, ukraine());
    const size_t before = s.set.features.size();
    std::string id;
    EXPECT_EQ(edits.apply(app::command::AddShape{geo::FeatureKind::MonitoringZone, kZone}, 1, &id), "");
    ASSERT_EQ(s.set.features.size(), before + 1);
    const geo::ScenarioFeature* zone = s.byId(id);
    ASSERT_TRUE(zone);
    EXPECT_EQ(zone->kind, geo::FeatureKind::MonitoringZone);
    ASSERT_EQ(zone->polygons.size(), 1u);
    EXPECT_EQ(zone->polygons[0].rings[0].size(), 5u); // closed
    EXPECT_FALSE(zone->inScenario(0));
    EXPECT_TRUE(zone->inScenario(1));
    EXPECT_NEAR(app::featureArea(*zone).squareMetres, geo::polygonArea(kZone).squareMetres, 1e-6);

    // A bow tie: refused, saying why, and nothing is added.
    const std::vector<glm::dvec2> bowTie{{30.0, 49.0}, {31.0, 49.6}, {31.0, 49.0}, {30.0, 49.6}};
    const std::string why = edits.apply(app::command::AddShape{geo::FeatureKind::MonitoringZone, bowTie}, 0);
    EXPECT_NE(why.find("cross itself"), std::string::npos) << why;
    EXPECT_EQ(s.set.features.size(), before + 1);
    // A line of one point is refused too.
    EXPECT_NE(edits.apply(app::command::AddShape{geo::FeatureKind::Corridor, {{30, 49}}}, 0), "");

    std::string line;
    EXPECT_EQ(edits.apply(app::command::AddShape{geo::FeatureKind::Corridor, {{30, 49}, {31, 50}}}, 0, &line), "");
    EXPECT_EQ(s.byId(line)->points.size(), 2u);
    ASSERT_TRUE(edits.undo());
    ASSERT_TRUE(edits.undo()); // the polygon was one step
    EXPECT_EQ(s.set.features.size(), before);
    EXPECT_FALSE(edits.dirty());
}

TEST(DrawTool, AVertexDragIsOneStep) {
    Scenarios s;
    app::ScenarioEdits edits(s.set, ukraine());
    std::string id;
    ASSERT_EQ(edits.apply(app::command::AddShape{geo::FeatureKind::MonitoringZone, kZone}, 0, &id), "");
    using Op = app::command::EditVertex::Op;
    for (int i = 1; i <= 5; ++i) // one drag of vertex 2 over five frames
        EXPECT_EQ(edits.apply(app::command::EditVertex{Op::Move, id, {0, 0, 2}, {31.0 + 0.04 * i, 49.6}, 3}), "");
    EXPECT_EQ(edits.apply(app::command::EditVertex{Op::Move, id, {}, {}, 3, true}), "");
    EXPECT_EQ(s.byId(id)->polygons[0].rings[0][2], glm::dvec2(31.2, 49.6));
    // The middle of the first edge dragged south: a new vertex 1, then moved, as one step.
    EXPECT_EQ(edits.apply(app::command::EditVertex{Op::Insert, id, {0, 0, 1}, {30.5, 48.95}, 4}), "");
    EXPECT_EQ(edits.apply(app::command::EditVertex{Op::Move, id, {0, 0, 1}, {30.5, 48.9}, 4}), "");
    EXPECT_EQ(edits.apply(app::command::EditVertex{Op::Move, id, {}, {}, 4, true}), "");
    EXPECT_EQ(s.byId(id)->polygons[0].rings[0].size(), 6u);
    EXPECT_EQ(s.byId(id)->polygons[0].rings[0][1], glm::dvec2(30.5, 48.9));
    // A vertex moved across the far edge would make the polygon cross itself: refused.
    EXPECT_NE(edits.apply(app::command::EditVertex{Op::Move, id, {0, 0, 1}, {30.5, 49.9}}), "");
    // Deleting a vertex is a step of its own; a triangle keeps its last three.
    EXPECT_EQ(edits.apply(app::command::EditVertex{Op::Delete, id, {0, 0, 1}}), "");
    EXPECT_EQ(edits.apply(app::command::EditVertex{Op::Delete, id, {0, 0, 1}}), "");
    EXPECT_NE(edits.apply(app::command::EditVertex{Op::Delete, id, {0, 0, 1}}), "");

    ASSERT_TRUE(edits.undo());
    ASSERT_TRUE(edits.undo());
    EXPECT_EQ(s.byId(id)->polygons[0].rings[0].size(), 6u);
    ASSERT_TRUE(edits.undo()); // the insertion's drag
    EXPECT_EQ(s.byId(id)->polygons[0].rings[0].size(), 5u);
    ASSERT_TRUE(edits.undo()); // the first drag
    EXPECT_EQ(s.byId(id)->polygons[0].rings[0][2], glm::dvec2(31.0, 49.6));
    ASSERT_TRUE(edits.undo());
    EXPECT_FALSE(s.byId(id));
}

TEST(DrawTool, FloorCeilingAndAmplifiersGoThroughTheDocument) {
    Scenarios s;
    app::ScenarioEdits edits(s.set, ukraine());
    std::string id;
    ASSERT_EQ(edits.apply(app::command::AddShape{geo::FeatureKind::MonitoringZone, kZone}, 0, &id), "");
    geo::ScenarioFeature want = *s.byId(id);
    want.kind = geo::FeatureKind::AirZone;
    want.floorM = 0, want.ceilingM = 3000;
    want.whyNotLater = "Handed to NATO air policing";
    want.amplifiers.uniqueDesignation = "CAP North";
    want.amplifiers.staffComments = "Illustrative";
    EXPECT_EQ(edits.apply(app::command::SetFeature{id, want}), "");
    EXPECT_EQ(s.byId(id)->ceilingM, 3000);
    EXPECT_EQ(s.byId(id)->amplifiers.uniqueDesignation, "CAP North");
    EXPECT_EQ(s.byId(id)->whyNotLater, "Handed to NATO air policing");
    // Both raised above the old ceiling at once: applied in an order that never has the floor above it.
    want.floorM = 5000, want.ceilingM = 9000;
    EXPECT_EQ(edits.apply(app::command::SetFeature{id, want}), "");
    EXPECT_EQ(s.byId(id)->floorM, 5000);
    // Refused, and nothing changes: the floor at the ceiling, a ceiling below sea level, a long designation.
    geo::ScenarioFeature bad = want;
    bad.floorM = 9000;
    EXPECT_NE(edits.apply(app::command::SetFeature{id, bad}).find("floor must be below the ceiling"),
              std::string::npos);
    bad = want, bad.floorM.reset(), bad.ceilingM = -10;
    EXPECT_NE(edits.apply(app::command::SetFeature{id, bad}), "");
    bad = want, bad.amplifiers.uniqueDesignation = std::string(40, 'X');
    EXPECT_NE(edits.apply(app::command::SetFeature{id, bad}).find("unique_designation"), std::string::npos);
    EXPECT_EQ(s.byId(id)->floorM, 5000);
    EXPECT_EQ(s.byId(id)->amplifiers.uniqueDesignation, "CAP North");
    // The form reads heights: a number of metres, 0 or more; empty clears.
    std::optional<double> metres = 1;
    EXPECT_FALSE(app::readMetres(" 1500 ", "floor", metres));
    EXPECT_EQ(metres, 1500);
    EXPECT_TRUE(app::readMetres("-5", "floor", metres));
    EXPECT_TRUE(app::readMetres("high", "floor", metres));
    EXPECT_EQ(metres, 1500);
    EXPECT_FALSE(app::readMetres("", "floor", metres));
    EXPECT_FALSE(metres);
    EXPECT_EQ(app::metresText(3000.0), "3000");

    ASSERT_TRUE(edits.undo()); // each SetFeature was one step
    EXPECT_EQ(s.byId(id)->floorM, 0);
    ASSERT_TRUE(edits.undo());
    EXPECT_EQ(s.byId(id)->kind, geo::FeatureKind::MonitoringZone);
    EXPECT_TRUE(s.byId(id)->amplifiers.empty());
}

namespace {

//! An edit scene looking straight down on 30.5 E 49.3 N, its ground a plain at 100 m.
struct FlatScene {
    geo::Terrain terrain;
    geo::CameraPose pose{30.5, 49.3, 0, 400e3, 0, 0};
    renderer::View view = renderer::View::make(pose, 800, 600);
    geo::ScenarioSet set;
    FlatScene() {
        geo::HeightGrid grid;
        grid.west = 28, grid.north = 51, grid.dLon = grid.dLat = 0.05, grid.width = 100, grid.height = 80;
        grid.metres.assign(size_t(grid.width) * grid.height, 100.0f);
        terrain.addLayer(grid);
    }
    //! The lon/lat the scene's ground function gives for a pixel: a fixed map, as a camera's pick would.
    static glm::dvec2 lonLatAt(glm::dvec2 pixel) { return {30.0 + pixel.x / 800.0, 50.0 - pixel.y / 600.0}; }
    app::EditScene scene() const {
        return app::EditScene{
            set, terrain, view,   1.0,
            0,   {0, 0},  {1, 1}, [](glm::dvec2 pixel) -> std::optional<glm::dvec2> { return lonLatAt(pixel); }};
    }
};

void click(app::DrawTool& tool, const app::EditScene& scene, glm::dvec2 pixel, double seconds,
           app::ViewerCommands& commands) {
    app::InputFrame in;
    in.seconds = seconds;
    tool.mouse(in, true, false, pixel, false, scene, commands);
    tool.mouse(in, false, true, pixel, false, scene, commands);
}

} // namespace

TEST(DrawTool, ClicksAndEnterMakeOneShapeEscCancels) {
    FlatScene flat;
    const app::EditScene scene = flat.scene();
    app::DrawTool tool;
    app::ViewerCommands commands;
    tool.start(geo::FeatureKind::MonitoringZone);
    const std::vector<glm::dvec2> pixels{{100, 100}, {300, 100}, {300, 300}};
    for (size_t i = 0; i < pixels.size(); ++i) click(tool, scene, pixels[i], double(i), commands);
    EXPECT_TRUE(commands.empty());
    EXPECT_EQ(tool.points().size(), 3u);
    // A drag (the camera's pan) adds nothing.
    app::InputFrame in;
    tool.mouse(in, true, false, {400, 400}, false, scene, commands);
    tool.mouse(in, false, true, {450, 400}, false, scene, commands);
    EXPECT_EQ(tool.points().size(), 3u);
    const std::optional<app::ViewerCommand> done = tool.key({GLFW_KEY_ENTER, 0});
    ASSERT_TRUE(done);
    const auto* shape = std::get_if<app::command::AddShape>(&*done);
    ASSERT_TRUE(shape);
    EXPECT_EQ(shape->kind, geo::FeatureKind::MonitoringZone);
    ASSERT_EQ(shape->points.size(), 3u);
    EXPECT_EQ(shape->points[1], FlatScene::lonLatAt({300, 100}));
    EXPECT_FALSE(tool.drawing());

    // Two vertices and a double click: a line. Too few vertices: no shape, a hint, still drawing.
    tool.start(geo::FeatureKind::Corridor);
    click(tool, scene, {100, 100}, 10.0, commands);
    EXPECT_FALSE(tool.key({GLFW_KEY_ENTER, 0}));
    EXPECT_TRUE(tool.drawing());
    EXPECT_FALSE(tool.hint().empty());
    click(tool, scene, {200, 150}, 11.0, commands);
    click(tool, scene, {201, 150}, 11.2, commands); // the double click's second
    ASSERT_EQ(commands.size(), 1u);
    EXPECT_EQ(std::get<app::command::AddShape>(commands[0]).points.size(), 2u);
    tool.start(geo::FeatureKind::Corridor);
    click(tool, scene, {100, 100}, 20.0, commands);
    EXPECT_FALSE(tool.key({GLFW_KEY_ESCAPE, 0}));
    EXPECT_FALSE(tool.drawing());
}

TEST(DrawTool, HandlesMoveInsertAndDeleteVertices) {
    FlatScene flat;
    geo::ScenarioFeature zone;
    zone.id = "zone";
    zone.kind = geo::FeatureKind::MonitoringZone;
    geo::Ring ring = kZone;
    ring.push_back(ring.front());
    zone.polygons = {geo::Polygon{{ring}}};
    const std::vector<app::VertexHandle> handles = app::vertexHandles(zone);
    ASSERT_EQ(handles.size(), 8u); // four corners, four edges (the closing one too)
    EXPECT_FALSE(handles[3].midpoint);
    EXPECT_TRUE(handles[7].midpoint);
    EXPECT_EQ(handles[7].at.index, 4u); // inserted after the last corner: on the closing edge
    EXPECT_EQ(handles[7].lonLat, glm::dvec2(30.0, 49.3));

    const app::EditScene scene = flat.scene();
    const auto pixelOf = [&](glm::dvec2 lonLat) { return *app::groundPixel(lonLat, flat.terrain, flat.view, 1.0); };
    app::DrawTool tool;
    app::ViewerCommands commands;
    EXPECT_FALSE(tool.pressHandle(zone, {5, 5}, false, scene, commands)); // far from every handle
    // Corner 2 dragged: moves of one drag number, then its end.
    ASSERT_TRUE(tool.pressHandle(zone, pixelOf(kZone[2]) + glm::dvec2(2, 1), false, scene, commands));
    tool.dragHandle(pixelOf(kZone[2]) + glm::dvec2(40, 0), scene, commands);
    tool.dragHandle(pixelOf(kZone[2]) + glm::dvec2(60, 0), scene, commands);
    tool.releaseHandle(commands);
    ASSERT_EQ(commands.size(), 3u);
    const auto& first = std::get<app::command::EditVertex>(commands[0]);
    EXPECT_EQ(first.op, app::command::EditVertex::Op::Move);
    EXPECT_EQ(first.at.index, 2u);
    EXPECT_EQ(first.drag, std::get<app::command::EditVertex>(commands[2]).drag);
    EXPECT_TRUE(std::get<app::command::EditVertex>(commands[2]).dragEnded);
    // An edge's middle: inserted on the first move, moved after.
    commands.clear();
    ASSERT_TRUE(tool.pressHandle(zone, pixelOf(handles[4].lonLat), false, scene, commands));
    tool.dragHandle(pixelOf(handles[4].lonLat) + glm::dvec2(0, 30), scene, commands);
    tool.dragHandle(pixelOf(handles[4].lonLat) + glm::dvec2(0, 40), scene, commands);
    ASSERT_EQ(commands.size(), 2u);
    EXPECT_EQ(std::get<app::command::EditVertex>(commands[0]).op, app::command::EditVertex::Op::Insert);
    EXPECT_EQ(std::get<app::command::EditVertex>(commands[1]).op, app::command::EditVertex::Op::Move);
    EXPECT_EQ(std::get<app::command::EditVertex>(commands[1]).at.index, 1u);
    tool.releaseHandle(commands);
    // Ctrl+click on a corner deletes it.
    commands.clear();
    ASSERT_TRUE(tool.pressHandle(zone, pixelOf(kZone[0]), true, scene, commands));
    ASSERT_EQ(commands.size(), 1u);
    EXPECT_EQ(std::get<app::command::EditVertex>(commands[0]).op, app::command::EditVertex::Op::Delete);
    EXPECT_EQ(std::get<app::command::EditVertex>(commands[0]).at.index, 0u);
}

TEST(MeasureTools, ReadingsAreGeoMeasure) {
    geo::HeightGrid grid; // a plain at 100 m with a 2000 m ridge along 30.505 E
    grid.west = 29, grid.north = 49, grid.dLon = grid.dLat = 0.01, grid.width = 200, grid.height = 200;
    grid.metres.assign(size_t(grid.width) * grid.height, 100.0f);
    for (int j = 0; j < grid.height; ++j) grid.metres[size_t(j) * grid.width + 150] = 2000.0f;
    geo::Terrain terrain;
    terrain.addLayer(grid);
    app::MeasureTools tools(terrain);
    EXPECT_TRUE(tools.text().empty());

    tools.use(app::command::Tool::Area);
    for (size_t i = 0; i < kZone.size(); ++i) tools.click(kZone[i], {100.0 * i, 0}, double(i));
    ASSERT_TRUE(tools.area());
    EXPECT_EQ(tools.area()->squareMetres, geo::polygonArea(kZone).squareMetres);
    EXPECT_NE(tools.text().find("Area "), std::string::npos);

    const std::vector<glm::dvec2> path{{29.5, 48}, {30, 48}, {30.8, 48}};
    tools.use(app::command::Tool::Path);
    for (size_t i = 0; i < path.size(); ++i) tools.click(path[i], {100.0 * i, 0}, double(i));
    ASSERT_TRUE(tools.profile());
    const geo::TerrainProfile expected = geo::terrainProfile(terrain, path);
    EXPECT_EQ(tools.profile()->highest, expected.highest);
    EXPECT_EQ(tools.profile()->samples[tools.profile()->highest].heightM, expected.samples[expected.highest].heightM);
    EXPECT_EQ(tools.profile()->lengthM, geo::pathLengthM(path));
    EXPECT_GT(expected.samples[expected.highest].heightM, 1000); // on the ridge
    EXPECT_EQ(app::highestText(*tools.profile()), app::highestText(expected));
    EXPECT_EQ(app::highestText(*tools.profile()).rfind("Highest ", 0), 0u);
    // The plot spans the path: its ends are the first and last heights, and the ridge shows in it.
    const std::vector<float> values = app::profileValues(*tools.profile(), 200);
    ASSERT_EQ(values.size(), 200u);
    EXPECT_FLOAT_EQ(values.front(), float(expected.samples.front().heightM));
    EXPECT_FLOAT_EQ(values.back(), float(expected.samples.back().heightM));
    EXPECT_GT(*std::max_element(values.begin(), values.end()), 1000.0f);
    // A double click ends the path; the next click starts a new one.
    tools.click(path.back(), {200, 0}, 2.2);
    EXPECT_EQ(tools.points().size(), 3u);
    tools.click({29.6, 48.1}, {50, 50}, 3.0);
    EXPECT_EQ(tools.points().size(), 1u);

    // A line or area of the scenarios: measured whole.
    geo::ScenarioFeature corridor;
    corridor.id = "corridor";
    corridor.kind = geo::FeatureKind::Corridor;
    corridor.points = path;
    tools.measure(corridor);
    EXPECT_EQ(tools.tool(), app::command::Tool::Path);
    EXPECT_EQ(tools.profile()->highest, expected.highest);
    tools.use(app::command::Tool::None);
    EXPECT_TRUE(tools.prompt().empty());
}
