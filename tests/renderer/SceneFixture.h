#pragma once
// The fixture the renderer tests share: one Vulkan context with the Khronos validation layer on and
// one loaded scene for a whole suite, and after every test a check that the layer reported nothing.
#include "app/SceneOptions.h"
#include "renderer/Context.h"

#include <gtest/gtest.h>
#include <memory>
#include <string>

namespace test {

class SceneFixture : public ::testing::Test {
protected:
    //! Creates the validated context and loads the scene; a suite's SetUpTestSuite calls it.
    static void openScene(const app::SceneOptions& options = {}) {
        renderer::ContextOptions contextOptions;
        contextOptions.validation = true; // fails loudly if the layer is missing: never skipped
        context = std::make_unique<renderer::Context>(contextOptions);
        scene = app::loadScene(options);
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
    static inline std::unique_ptr<app::LoadedScene> scene;
};

} // namespace test
