// Symbols, their amplifiers, the scenario features' names and the place names in one priority order
// (renderer/Declutter.h): at the home view of every default scenario, as `bulwark render --scenario`
// draws it, no two boxes placed on screen overlap; a place name under a cluster is left out; a click on
// a cluster (app::clusterFlight, as the viewer does) flies to a view where it splits into its units.
#include "SceneFixture.h"
#include "app/FeaturePicker.h"
#include "geo/Ellipsoid.h"
#include "geo/SymbolClusters.h"
#include "renderer/DisplayScale.h"
#include "renderer/SceneRenderer.h"
#include "renderer/SymbolLayer.h"

#include <gtest/gtest.h>

namespace {

constexpr uint32_t kWidth = 1280, kHeight = 720;

class Declutter : public test::SceneFixture {
protected:
    static void SetUpTestSuite() { openScene(); }

    static std::string describe(const renderer::PlacedBox& p) {
        const char* kinds[] = {"cluster", "symbol", "legend", "feature name", "place name"};
        return std::string(kinds[int(p.kind)]) + " [" + std::to_string(p.box.x0) + ", " + std::to_string(p.box.y0) +
               " .. " + std::to_string(p.box.x1) + ", " + std::to_string(p.box.y1) + "]";
    }
    //! Every pair of overlapping boxes, described.
    static std::vector<std::string> overlaps(const renderer::Declutter& placed) {
        std::vector<std::string> out;
        const auto& boxes = placed.placed();
        for (size_t i = 0; i < boxes.size(); ++i)
            for (size_t j = i + 1; j < boxes.size(); ++j)
                if (boxes[i].box.overlaps(boxes[j].box)) out.push_back(describe(boxes[i]) + " / " + describe(boxes[j]));
        return out;
    }
    static size_t count(const renderer::Declutter& placed, renderer::BoxKind kind) {
        size_t n = 0;
        for (const renderer::PlacedBox& p : placed.placed()) n += p.kind == kind;
        return n;
    }
};

TEST_F(Declutter, NothingOverlapsAtTheHomeViewOfEveryScenario) {
    renderer::SceneRenderer r(*context, scene->inputs, {kWidth, kHeight});
    for (const geo::ScenarioInfo& s : scene->scenarios.scenarios) {
        r.renderStill(viewOf(geo::CameraPose::home(), s.id));
        const renderer::Declutter& placed = r.placed();
        EXPECT_TRUE(placed.symbols);
        EXPECT_GT(count(placed, renderer::BoxKind::Cluster) + count(placed, renderer::BoxKind::Symbol), 0u) << s.id;
        EXPECT_GT(count(placed, renderer::BoxKind::PlaceName), 20u) << s.id;
        EXPECT_GE(count(placed, renderer::BoxKind::Legend), 2u) << s.id << ": the symbols' legend, bottom right";
        for (const std::string& o : overlaps(placed)) ADD_FAILURE() << s.id << ": " << o;
    }
    // Close up, where units show their amplifiers and their names stand beside them.
    r.renderStill(viewOf({30.5, 50.3, 0, 250e3, 0, 30}, "full-coalition"));
    EXPECT_GT(count(r.placed(), renderer::BoxKind::FeatureName), 0u);
    for (const std::string& o : overlaps(r.placed())) ADD_FAILURE() << "close up: " << o;
}

TEST_F(Declutter, APlaceNameUnderAClusterIsLeftOut) {
    renderer::SceneRenderer r(*context, scene->inputs, {kWidth, kHeight});
    renderer::SceneView view = viewOf(geo::CameraPose::home(), "paris-framework");
    renderer::SceneView noSymbols = view;
    noSymbols.hidden.insert("symbols");
    r.renderStill(noSymbols);
    const std::vector<renderer::PlacedBox> names = r.placed().placed();
    EXPECT_FALSE(r.placed().symbols);
    r.renderStill(view);
    const renderer::Declutter& placed = r.placed();
    // The place names drawn without symbols that a cluster or symbol now covers (Kielce, under the Polish
    // cluster, among them): none of them is drawn.
    size_t covered = 0;
    for (const renderer::PlacedBox& name : names) {
        if (name.kind != renderer::BoxKind::PlaceName) continue;
        bool under = false;
        for (const renderer::PlacedBox& s : placed.placed())
            under |= (s.kind == renderer::BoxKind::Cluster || s.kind == renderer::BoxKind::Symbol) &&
                     s.box.overlaps(name.box);
        if (!under) continue;
        ++covered;
        for (const renderer::PlacedBox& p : placed.placed())
            EXPECT_FALSE(p.kind == renderer::BoxKind::PlaceName && p.box.x0 == name.box.x0 && p.box.y0 == name.box.y0)
                << describe(p) << " is still drawn under a symbol";
    }
    EXPECT_GT(covered, 0u) << "no place name lies under a symbol at this view: the test shows nothing";
    // Scenario features in a cluster have no name of their own; lone ones are named beside their symbol.
    for (const renderer::PlacedBox& p : placed.placed()) {
        if (p.kind != renderer::BoxKind::FeatureName) continue;
        const auto symbol = placed.symbolOf(size_t(p.feature));
        ASSERT_TRUE(symbol.has_value()) << describe(p) << " names a feature whose symbol is not drawn alone";
        EXPECT_NEAR(p.box.x0, placed.placed()[*symbol].box.x1, 0.5f);
    }
}

TEST_F(Declutter, AClickOnAClusterFliesToWhereItSplits) {
    renderer::SceneRenderer r(*context, scene->inputs, {kWidth, kHeight});
    const auto* layer = dynamic_cast<const renderer::SymbolLayer*>(r.layer("symbols"));
    ASSERT_NE(layer, nullptr);
    const renderer::SceneView view = viewOf(geo::CameraPose::home(), "full-coalition");
    r.renderStill(view);
    const renderer::View v = renderer::View::make(view.pose, kWidth, kHeight);
    const float scale = renderer::strokeScale(renderer::resolveDisplayScale(view.displayScale, kHeight));
    const renderer::PlacedBox* cluster = nullptr;
    for (const renderer::PlacedBox& p : r.placed().placed())
        if (p.kind == renderer::BoxKind::Cluster && (!cluster || layer->scene().clusters[size_t(p.cluster)].count >
                                                                     layer->scene().clusters[size_t(cluster->cluster)].count))
            cluster = &p;
    ASSERT_NE(cluster, nullptr) << "no cluster at the home view";
    const int32_t clicked = cluster->cluster; // the boxes are made anew by the next frame
    const geo::ClusterItem item = layer->scene().clusters[size_t(clicked)];
    const glm::dvec2 centre{0.5 * (cluster->box.x0 + cluster->box.x1), 0.5 * (cluster->box.y0 + cluster->box.y1)};
    EXPECT_FALSE(app::clusterFlight(r.placed(), layer->scene(), {-50, -50}, view.pose, v, scale)) << "off any cluster";
    const auto to = app::clusterFlight(r.placed(), layer->scene(), centre, view.pose, v, scale);
    ASSERT_TRUE(to.has_value());
    EXPECT_LT(to->range, view.pose.range);
    renderer::SceneView closer = view;
    closer.pose = geo::groundPose(*to, scene->terrain, view.exaggeration);
    r.renderStill(closer);
    // The cluster is gone; in its place, more than one symbol or smaller cluster, holding its units: one
    // where it stood (its first unit's place), the others around (within its spacing, as the clustering
    // measures it, which a geodesic may exceed by a few tens of km).
    size_t groups = 0;
    uint32_t units = 0;
    bool seed = false;
    for (const renderer::PlacedBox& p : r.placed().placed()) {
        if (p.kind != renderer::BoxKind::Cluster && p.kind != renderer::BoxKind::Symbol) continue;
        EXPECT_NE(p.cluster, clicked) << "the cluster did not split";
        const geo::ClusterItem& c = layer->scene().clusters[size_t(p.cluster)];
        if (c.lonLat == item.lonLat) {
            seed = true;
            EXPECT_LT(c.count, item.count);
        }
        if (geo::geodesicDistance(c.lonLat.x, c.lonLat.y, item.lonLat.x, item.lonLat.y) >
            2.0 * geo::clusterRadius(item.maxLevel))
            continue;
        ++groups;
        units += c.count;
    }
    EXPECT_TRUE(seed) << "nothing stands where the cluster stood";
    EXPECT_GT(groups, 1u) << "a cluster of " << item.count;
    EXPECT_GE(units, item.count);
}

} // namespace
