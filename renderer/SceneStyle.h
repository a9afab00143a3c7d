#pragma once
// How the scene is drawn for its audience: a theme (standard, or high contrast for the back of a
// briefing room) and a palette (standard, or colour-blind safe). The colours every layer and the
// legend share live here, so a swatch in the legend is the colour on the map.
#include "geo/Scenario.h"
#include "renderer/LineLayer.h"

#include <array>
#include <glm/glm.hpp>
#include <optional>
#include <string>
#include <vector>

namespace renderer {

enum class Theme { Standard, HighContrast };
enum class Palette { Standard, ColourBlind };

struct SceneStyle {
    Theme theme = Theme::Standard;
    Palette palette = Palette::Standard;
};

//! "standard" / "high-contrast", as the command line writes them.
const char* themeName(Theme theme);
std::optional<Theme> parseTheme(const std::string& text);
//! "standard" / "colour-blind".
const char* paletteName(Palette palette);
std::optional<Palette> parsePalette(const std::string& text);

//! Okabe and Ito's colour-universal-design palette, with white in place of its black: black would
//! vanish on the dark map and on the legend's backplate. The eight stay apart under protanopia,
//! deuteranopia and tritanopia.
extern const std::array<glm::vec3, 8> kOkabeIto;

//! The colour of a lead nation's markers (and the tint of its air zones). Standard: its flag's main
//! colour where that reads on the map. Colour-blind: a fixed Okabe–Ito colour for the eight nations
//! that lead most often, then a second tier told apart by lightness; others by a hash of the code.
glm::vec4 nationColor(const std::string& iso2, Palette palette = Palette::Standard);

//! The fill of an area feature or the colour of a line feature of this kind (alpha: fill opacity);
//! markers and air zones take their nation's colour instead.
glm::vec4 kindColor(geo::FeatureKind kind, Palette palette);

//! A line's style as the theme draws it: high contrast makes it wider and brighter with a black casing.
LineStyle themed(LineStyle style, Theme theme);

//! Colours of text drawn in the scene.
struct TextLook {
    glm::vec4 text;       //!< place names and the overlay
    glm::vec4 markerText; //!< names of scenario markers
    glm::vec4 accent;     //!< captions under the title, legend headings
    glm::vec4 halo;       //!< rgb, a = halo width in distance-field units (label.frag)
    glm::vec4 backplate;  //!< behind the title and the legend
};
TextLook textLook(Theme theme);

} // namespace renderer
