#pragma once
// The fixture the renderer tests share: one Vulkan context with the Khronos validation layer on and
// one loaded scene for a whole suite, and after every test a check that the layer reported nothing.
// The scene is loaded as the CLI loads it (geo::loadSceneData), without app/.
#include "geo/Picking.h"
#include "geo/SceneData.h"
#include "renderer/Context.h"
#include "renderer/Scene.h"

#include <gtest/gtest.h>
#include <memory>
#include <stdexcept>
#include <string>

namespace test {

class SceneFixture : public ::testing::Test {
protected:
    //! The default data of the source tree.
    static geo::SceneFiles defaultFiles() {
        geo::SceneFiles files;
        files.assets = BULWARK_ASSETS_DIR;
        return files;
    }
    //! Creates the validated context and loads the scene; a suite's SetUpTestSuite calls it.
    static void openScene(const geo::SceneFiles& files = defaultFiles()) {
        renderer::ContextOptions contextOptions;
        contextOptions.validation = true; // fails loudly if the layer is missing: never skipped
        context = std::make_unique<renderer::Context>(contextOptions);
        scene = std::make_unique<renderer::LoadedScene>(geo::loadSceneData(files).value());
    }
    //! As `bulwark render --camera ... [--scenario ID]` shows it: the target on the terrain, and the
    //! scenario (when given) with its title.
    static renderer::SceneView viewOf(const geo::CameraPose& pose, const std::string& scenario = {}) {
        renderer::SceneView v;
        v.pose = geo::groundPose(pose, scene->terrain, v.exaggeration);
        if (scenario.empty()) return v;
        const auto index = scene->scenarios.indexOf(scenario);
        if (!index) throw std::invalid_argument("no scenario " + scenario);
        v.scenarioFrom = v.scenarioTo = 1u << *index;
        v.title = geo::scenarioTitle(scene->scenarios.scenarios[*index]);
        return v;
    }
    static void TearDownTestSuite() {
        scene.reset();
        context.reset();
    }
    void TearDown() override {
        EXPECT_EQ(context->validationErrors(), 0u);
        for (const std::string& m : context->validationMessages()) ADD_FAILURE() << m;
    }

    static inline std::unique_ptr<renderer::Context> context;
    static inline std::unique_ptr<renderer::LoadedScene> scene;
};

} // namespace test
