// The palettes and the legend's contents, without a GPU: the colour-blind palette really is
// Okabe–Ito, tells every lead nation of the default scenarios apart, and the legend names them.
#include "renderer/SceneStyle.h"
#include "geo/Countries.h"
#include "geo/Scenario.h"
#include "renderer/Overlay.h"

#include <gtest/gtest.h>
#include <set>

namespace {

using renderer::Palette;

float distance(glm::vec4 a, glm::vec4 b) {
    return glm::length(glm::vec3(a) - glm::vec3(b));
}

TEST(Palette, ColourBlindGivesTheOkabeItoColoursToTheFirstEightNations) {
    std::set<std::tuple<float, float, float>> seen;
    for (const char* code : {"FR", "GB", "US", "DE", "PL", "RO", "TR", "UA"}) {
        const glm::vec4 c = renderer::nationColor(code, Palette::ColourBlind);
        bool isOkabeIto = false;
        for (const glm::vec3& o : renderer::kOkabeIto) isOkabeIto |= distance(c, glm::vec4(o, 1)) < 1e-6f;
        EXPECT_TRUE(isOkabeIto) << code;
        seen.insert({c.r, c.g, c.b});
    }
    EXPECT_EQ(seen.size(), 8u);                                  // each its own
    EXPECT_NEAR(renderer::kOkabeIto[0].r, 0xE6 / 255.0f, 1e-6f); // orange #E69F00
    EXPECT_NEAR(renderer::kOkabeIto[4].b, 0xB2 / 255.0f, 1e-6f); // blue #0072B2
    // Deterministic, and different from the standard palette.
    EXPECT_EQ(renderer::nationColor("FR", Palette::ColourBlind), renderer::nationColor("FR", Palette::ColourBlind));
    EXPECT_GT(distance(renderer::nationColor("GB", Palette::ColourBlind), renderer::nationColor("GB")), 0.1f);
}

TEST(Palette, EveryLeadNationOfTheDefaultScenariosHasItsOwnColour) {
    const geo::ScenarioLoad load = geo::loadScenarios(BULWARK_TEST_SCENARIOS);
    ASSERT_TRUE(load.problems.empty());
    std::set<std::string> leads;
    for (const geo::ScenarioFeature& f : load.set.features) leads.insert(f.lead());
    ASSERT_GE(leads.size(), 8u);
    for (const Palette palette : {Palette::Standard, Palette::ColourBlind})
        for (auto a = leads.begin(); a != leads.end(); ++a)
            for (auto b = std::next(a); b != leads.end(); ++b)
                EXPECT_GT(distance(renderer::nationColor(*a, palette), renderer::nationColor(*b, palette)), 0.15f)
                    << *a << " and " << *b << " look alike in the " << renderer::paletteName(palette) << " palette";
}

TEST(Palette, SemanticColoursStayApartInTheColourBlindPalette) {
    const std::vector<geo::FeatureKind> kinds = {geo::FeatureKind::SeaZone, geo::FeatureKind::MonitoringZone,
                                                 geo::FeatureKind::OccupiedArea, geo::FeatureKind::ContactLine,
                                                 geo::FeatureKind::Corridor};
    for (size_t i = 0; i < kinds.size(); ++i)
        for (size_t j = i + 1; j < kinds.size(); ++j)
            EXPECT_GT(distance(renderer::kindColor(kinds[i], Palette::ColourBlind),
                               renderer::kindColor(kinds[j], Palette::ColourBlind)),
                      0.3f)
                << geo::kindName(kinds[i]) << " and " << geo::kindName(kinds[j]);
}

TEST(Theme, NamesRoundTripAndUnknownOnesAreRefused) {
    EXPECT_EQ(renderer::parseTheme("high-contrast"), renderer::Theme::HighContrast);
    EXPECT_EQ(renderer::parsePalette("colour-blind"), Palette::ColourBlind);
    EXPECT_FALSE(renderer::parseTheme("dark"));
    EXPECT_FALSE(renderer::parsePalette("color-blind"));
    const renderer::LineStyle thin{{0.1f, 0.2f, 0.4f, 1}, 2.0f};
    const renderer::LineStyle bold = renderer::themed(thin, renderer::Theme::HighContrast);
    EXPECT_GT(bold.widthPx, thin.widthPx);
    EXPECT_GT(bold.casingWidthPx, bold.widthPx); // a casing where there was none
    EXPECT_EQ(renderer::themed(thin, renderer::Theme::Standard).widthPx, thin.widthPx);
}

TEST(Legend, NamesTheLeadNationsKindsAndStatusOfTheScenarioShown) {
    const geo::ScenarioLoad load = geo::loadScenarios(BULWARK_TEST_SCENARIOS);
    const auto index = load.set.indexOf("paris-framework");
    ASSERT_TRUE(index);
    const auto legend = renderer::legendFor(load.set, 1u << *index, geo::countryNames(), Palette::ColourBlind);
    ASSERT_EQ(legend.size(), 3u);
    auto has = [&](size_t section, const std::string& text) {
        for (const renderer::LegendEntry& e : legend[section].entries)
            if (e.text == text) return true;
        return false;
    };
    EXPECT_TRUE(has(0, "France"));
    EXPECT_TRUE(has(0, "United Kingdom")); // from iso-codes, not the code
    EXPECT_FALSE(has(0, "GB"));
    EXPECT_TRUE(has(1, "Hub"));
    EXPECT_TRUE(has(2, "Illustrative placement"));
    for (const renderer::LegendEntry& e : legend[0].entries)
        if (e.text == "France") {
            EXPECT_EQ(e.color, renderer::nationColor("FR", Palette::ColourBlind));
        }
    EXPECT_TRUE(renderer::legendFor(load.set, 0, geo::countryNames(), Palette::Standard).empty());
}

TEST(Countries, ShortNamesFromIsoCodes) {
    EXPECT_EQ(geo::countryName("GB"), "United Kingdom");
    EXPECT_EQ(geo::countryName("MD"), "Moldova"); // the common name, not "Moldova, Republic of"
    EXPECT_EQ(geo::countryName("XX"), "XX");
}

} // namespace
