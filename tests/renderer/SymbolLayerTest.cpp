// The symbols layer on the GPU. The atlas's mip levels, made by linear blits, are the halvings of its
// symbols, so symbols drawn smaller than their raster stay unaliased.
// Hot reload of a military symbol, on the path the viewer takes (app::FileWatch polling the scenario
// files, geo::loadScenarios, SceneRenderer::setScenarios, the next frame): a feature's `sidc` changed in
// its file to a code the symbol atlas has never seen (and no disk cache holds) shows in the next frame,
// drawn exactly as a renderer started on the new file draws it. The time from the save to the frame is
// printed (the target, within a second, is for the report; the test only bounds it loosely).
#include "GoldenImage.h"
#include "SceneFixture.h"
#include "app/FeaturePicker.h"
#include "app/FileWatch.h"
#include "renderer/SceneRenderer.h"
#include "renderer/SymbolLayer.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace fs = std::filesystem;

namespace {

constexpr uint32_t kWidth = 480, kHeight = 300;
constexpr int kCrop = 64; //!< pixels around the symbol compared

class SymbolLayerGpu : public test::SceneFixture {
protected:
    static void SetUpTestSuite() { openScene(); }
};

//! The kCrop x kCrop pixels of `image` around `centre` (clamped to the image).
test::Rgba crop(const test::Rgba& image, glm::dvec2 centre) {
    test::Rgba out{kCrop, kCrop, std::vector<uint8_t>(size_t(kCrop) * kCrop * 4)};
    const int x0 = std::clamp(int(centre.x) - kCrop / 2, 0, int(image.width) - kCrop);
    const int y0 = std::clamp(int(centre.y) - kCrop / 2, 0, int(image.height) - kCrop);
    for (int y = 0; y < kCrop; ++y)
        std::copy_n(&image.pixels[(size_t(y0 + y) * image.width + size_t(x0)) * 4], kCrop * 4,
                    &out.pixels[size_t(y) * kCrop * 4]);
    return out;
}

TEST_F(SymbolLayerGpu, ANewSidcSavedInTheFileShowsInTheNextFrame) {
    const fs::path dir = fs::temp_directory_path() / ("bulwark-symbol-reload-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "cache");
    const fs::path manifest = dir / "scenarios.json", features = dir / "features.geojson";
    fs::copy_file(BULWARK_TEST_SCENARIOS, manifest);
    fs::copy_file(fs::path(BULWARK_TEST_SCENARIOS).parent_path() / "features.geojson", features);
    // A disk cache of its own, empty: the new code must come from the symbol library at run time.
    const char* cacheWas = std::getenv("XDG_CACHE_HOME");
    const std::string cacheBefore = cacheWas ? cacheWas : "";
    ::setenv("XDG_CACHE_HOME", (dir / "cache").c_str(), 1);

    geo::ScenarioLoad load = geo::loadScenarios(manifest);
    ASSERT_TRUE(load.problems.empty());
    geo::ScenarioSet set = std::move(load.set);
    // A hub, in the first scenario that has it, seen from straight above, close enough to stand alone.
    size_t index = set.features.size();
    for (size_t i = 0; i < set.features.size() && index == set.features.size(); ++i)
        if (set.features[i].kind == geo::FeatureKind::Hub) index = i;
    ASSERT_LT(index, set.features.size());
    const std::string id = set.features[index].id;
    const glm::dvec2 at = set.features[index].points.front();
    renderer::SceneInputs inputs = scene->inputs;
    inputs.scenarios = &set;
    renderer::SceneView view = viewOf({at.x, at.y, 0, 60e3, 0, 0});
    const uint32_t mask = set.features[index].scenarioMask;
    view.scenarioFrom = view.scenarioTo = mask & (~mask + 1);
    view.legend = false;
    view.hidden = {"labels", "overlay"};
    const renderer::View v = renderer::View::make(view.pose, kWidth, kHeight);
    const auto pixel = app::groundPixel(at, scene->terrain, v, view.exaggeration);
    ASSERT_TRUE(pixel.has_value());

    renderer::SceneRenderer r(*context, inputs, {kWidth, kHeight});
    const auto* layer = dynamic_cast<const renderer::SymbolLayer*>(r.layer("symbols"));
    ASSERT_NE(layer, nullptr);
    const test::Rgba before{kWidth, kHeight, r.renderStill(view)};
    const std::string code = "10061000001205000000"; // hostile armour: in no default scenario
    ASSERT_EQ(layer->atlas().find({code, renderer::SymbolLayer::kRasterSize}), nullptr) << "seen already";

    // The analyst saves the file (QGIS rewrites it) just after the viewer looked: the worst case of its poll.
    using Clock = std::chrono::steady_clock;
    const Clock::time_point start = Clock::now();
    const auto seconds = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };
    app::FileWatch watch({manifest, features});
    ASSERT_FALSE(watch.changed(seconds()));
    nlohmann::json json = nlohmann::json::parse(std::ifstream(features));
    for (auto& f : json["features"])
        if (f["properties"].value("id", "") == id) f["properties"]["sidc"] = code;
    std::ofstream(features) << json.dump(1);
    const double saved = seconds();
    while (!watch.changed(seconds())) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    const double noticed = seconds();
    geo::ScenarioLoad reloaded = geo::loadScenarios(manifest);
    ASSERT_TRUE(reloaded.problems.empty()) << reloaded.problems.front().text();
    geo::ScenarioSet edited = std::move(reloaded.set);
    r.setScenarios(&edited);
    const double rebuilt = seconds();
    const test::Rgba after{kWidth, kHeight, r.renderStill(view)};
    const double drawn = seconds();
    std::cout << "symbol hot reload: saved -> noticed " << int((noticed - saved) * 1000) << " ms (the viewer polls"
              << " twice a second), reloaded and symbols rebuilt " << int((rebuilt - noticed) * 1000)
              << " ms, frame drawn " << int((drawn - rebuilt) * 1000) << " ms; from the save to the frame "
              << int((drawn - saved) * 1000) << " ms" << std::endl;
    EXPECT_LT(drawn - saved, 10.0);

    const geo::FeatureSymbol* symbol = layer->scene().forFeature(index);
    ASSERT_NE(symbol, nullptr);
    EXPECT_EQ(symbol->code, code);
    EXPECT_TRUE(symbol->ok()) << symbol->problem;
    EXPECT_NE(symbol->words.find("Hostile"), std::string::npos) << symbol->words;
    const geo::AtlasEntry* entry = layer->atlas().find({code, renderer::SymbolLayer::kRasterSize});
    ASSERT_NE(entry, nullptr);
    EXPECT_TRUE(entry->ok()) << entry->failure;
    // Drawn as a renderer started on the saved file draws it, and not as before.
    renderer::SceneInputs fresh = inputs;
    fresh.scenarios = &edited;
    renderer::SceneRenderer cold(*context, fresh, {kWidth, kHeight});
    const test::Rgba expected{kWidth, kHeight, cold.renderStill(view)};
    EXPECT_LT(test::meanDifference(crop(after, *pixel), crop(expected, *pixel)), 1.0);
    EXPECT_GT(test::meanDifference(crop(after, *pixel), crop(before, *pixel)), 8.0);

    if (cacheWas)
        ::setenv("XDG_CACHE_HOME", cacheBefore.c_str(), 1);
    else
        ::unsetenv("XDG_CACHE_HOME");
    fs::remove_all(dir);
}

TEST_F(SymbolLayerGpu, AtlasMipLevelsAreTheHalvingsOfItsSymbols) {
    renderer::SceneRenderer r(*context, scene->inputs, {320, 200});
    const auto* layer = dynamic_cast<const renderer::SymbolLayer*>(r.layer("symbols"));
    ASSERT_NE(layer, nullptr);
    ASSERT_TRUE(renderer::Image::canBlitLinear(*context, renderer::SymbolLayer::kAtlasFormat)); // lavapipe can
    const renderer::Image& image = layer->atlasImage();
    ASSERT_EQ(image.mipLevels(), renderer::SymbolLayer::kAtlasMipLevels);
    const std::vector<geo::RgbaImage> halvings = layer->atlas().mipChain();
    for (uint32_t level = 1; level < image.mipLevels(); ++level) {
        const geo::RgbaImage& cpu = halvings.at(level);
        ASSERT_EQ(std::max(image.width() >> level, 1u), uint32_t(cpu.width));
        ASSERT_EQ(std::max(image.height() >> level, 1u), uint32_t(cpu.height));
        const std::vector<uint8_t> gpu = image.download(level);
        ASSERT_EQ(gpu.size(), cpu.pixels.size());
        double sum = 0, ink = 0;
        for (size_t i = 0; i < gpu.size(); ++i) {
            sum += std::abs(int(gpu[i]) - int(cpu.pixels[i]));
            ink += gpu[i];
        }
        EXPECT_LT(sum / double(gpu.size()), 1.0) << "level " << level;
        EXPECT_GT(ink / double(gpu.size()), 1.0) << "level " << level << " is empty";
    }
    // Symbols growing in through a switch, drawn at under half their raster, sample the lower levels.
    const auto index = scene->scenarios.indexOf("full-coalition");
    ASSERT_TRUE(index.has_value());
    renderer::SceneView growing = viewOf({29.0, 48.8, 0, 1100e3, 0, 0});
    growing.scenarioFrom = 0;
    growing.scenarioTo = 1u << *index;
    growing.transition = 0.15f;
    renderer::SceneView none = growing;
    none.hidden.insert("symbols");
    const test::Rgba small{320, 200, r.renderStill(growing)}, without{320, 200, r.renderStill(none)};
    EXPECT_GT(test::meanDifference(small, without), 0.2);
}

} // namespace
