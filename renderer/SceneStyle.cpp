#include "renderer/SceneStyle.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

namespace renderer {

namespace {

glm::vec3 hex(uint32_t rgb) {
    return glm::vec3(float((rgb >> 16) & 0xFF), float((rgb >> 8) & 0xFF), float(rgb & 0xFF)) / 255.0f;
}

//! Colour-blind palette: who gets which colour. The first eight are Okabe–Ito, chosen near their
//! flags where one fits; the second tier repeats no first-tier colour and differs in lightness.
const std::map<std::string, glm::vec3>& colourBlindNations() {
    static const std::map<std::string, glm::vec3> table = {
        {"FR", kOkabeIto[4]},          // blue
        {"GB", kOkabeIto[5]},          // vermillion
        {"US", kOkabeIto[6]},          // reddish purple
        {"DE", kOkabeIto[3]},          // yellow
        {"PL", kOkabeIto[7]},          // white
        {"RO", kOkabeIto[0]},          // orange
        {"TR", kOkabeIto[2]},          // bluish green
        {"UA", kOkabeIto[1]},          // sky blue
        {"IT", {0.60f, 0.90f, 0.76f}}, // mint
        {"NL", {0.99f, 0.82f, 0.55f}}, // pale orange
        {"CA", {0.97f, 0.64f, 0.56f}}, // salmon
        {"SE", {0.72f, 0.86f, 1.00f}}, // pale blue
        {"SK", {0.58f, 0.58f, 0.60f}}, // grey
        {"LT", {0.62f, 0.58f, 0.10f}}, // olive
        {"RU", {0.55f, 0.22f, 0.12f}}, // brown
        {"ES", {0.86f, 0.72f, 0.96f}}, // lavender
    };
    return table;
}

} // namespace

const std::array<glm::vec3, 8> kOkabeIto = {hex(0xE69F00), hex(0x56B4E9), hex(0x009E73), hex(0xF0E442),
                                            hex(0x0072B2), hex(0xD55E00), hex(0xCC79A7), hex(0xFFFFFF)};

const char* themeName(Theme theme) {
    return theme == Theme::HighContrast ? "high-contrast" : "standard";
}

std::optional<Theme> parseTheme(const std::string& text) {
    for (Theme t : {Theme::Standard, Theme::HighContrast})
        if (text == themeName(t)) return t;
    return std::nullopt;
}

const char* paletteName(Palette palette) {
    return palette == Palette::ColourBlind ? "colour-blind" : "standard";
}

std::optional<Palette> parsePalette(const std::string& text) {
    for (Palette p : {Palette::Standard, Palette::ColourBlind})
        if (text == paletteName(p)) return p;
    return std::nullopt;
}

glm::vec4 nationColor(const std::string& iso2, Palette palette) {
    if (palette == Palette::ColourBlind) {
        if (auto it = colourBlindNations().find(iso2); it != colourBlindNations().end())
            return glm::vec4(it->second, 1.0f);
        const size_t h = iso2.empty() ? 0 : size_t(iso2[0]) * 31 + size_t(iso2.back());
        const auto& table = colourBlindNations();
        return glm::vec4(std::next(table.begin(), long(h % table.size()))->second, 1.0f);
    }
    // Each lead nation of the default scenarios its own colour (the full coalition shows 15 at once):
    // flag colours where they differ, other hues where flags would repeat (Germany and Romania).
    static const std::map<std::string, glm::vec4> colors = {
        {"FR", {0.16f, 0.35f, 0.85f, 1}}, {"GB", {0.85f, 0.16f, 0.22f, 1}}, {"DE", {0.95f, 0.75f, 0.10f, 1}},
        {"US", {0.25f, 0.30f, 0.55f, 1}}, {"PL", {0.90f, 0.90f, 0.92f, 1}}, {"RO", {0.60f, 0.35f, 0.85f, 1}},
        {"UA", {0.30f, 0.75f, 1.00f, 1}}, {"TR", {0.80f, 0.10f, 0.55f, 1}}, {"IT", {0.10f, 0.60f, 0.30f, 1}},
        {"NL", {0.95f, 0.50f, 0.10f, 1}}, {"CA", {0.98f, 0.60f, 0.65f, 1}}, {"SE", {0.05f, 0.55f, 0.60f, 1}},
        {"SK", {0.60f, 0.85f, 0.20f, 1}}, {"LT", {0.60f, 0.45f, 0.20f, 1}}, {"RU", {0.55f, 0.15f, 0.15f, 1}},
        {"FI", {0.85f, 0.90f, 1.00f, 1}}, {"DK", {0.75f, 0.05f, 0.20f, 1}}, {"NO", {0.70f, 0.10f, 0.20f, 1}},
        {"ES", {0.95f, 0.70f, 0.00f, 1}}, {"BE", {0.20f, 0.20f, 0.20f, 1}},
    };
    if (auto it = colors.find(iso2); it != colors.end()) return it->second;
    // Others: a steady colour from the code, so each nation keeps its own.
    const float h = float((iso2.empty() ? 0 : iso2[0] * 31 + iso2.back()) % 360) / 360.0f;
    return glm::vec4(0.5f + 0.4f * std::cos(6.2832f * h), 0.5f + 0.4f * std::cos(6.2832f * (h - 0.33f)),
                     0.5f + 0.4f * std::cos(6.2832f * (h - 0.67f)), 1.0f);
}

glm::vec4 kindColor(geo::FeatureKind kind, Palette palette) {
    const bool cb = palette == Palette::ColourBlind;
    switch (kind) {
    // Colour-blind: sea blue, monitoring yellow, contact vermillion and occupied dark purple differ in
    // lightness as well as hue, so no two collapse into one under any of the three deficiencies.
    case geo::FeatureKind::SeaZone: return cb ? glm::vec4(kOkabeIto[4], 0.45f) : glm::vec4(0.30f, 0.85f, 0.95f, 0.35f);
    case geo::FeatureKind::MonitoringZone:
        return cb ? glm::vec4(kOkabeIto[3], 0.35f) : glm::vec4(1.00f, 0.75f, 0.15f, 0.35f);
    case geo::FeatureKind::OccupiedArea:
        return cb ? glm::vec4(0.30f, 0.12f, 0.28f, 0.50f) : glm::vec4(0.45f, 0.10f, 0.10f, 0.40f);
    case geo::FeatureKind::ContactLine:
        return cb ? glm::vec4(kOkabeIto[5], 1.0f) : glm::vec4(0.95f, 0.15f, 0.10f, 1.0f);
    case geo::FeatureKind::Corridor: return cb ? glm::vec4(kOkabeIto[1], 1.0f) : glm::vec4(0.35f, 0.90f, 1.00f, 1.0f);
    default: return {1, 1, 1, 0.3f};
    }
}

LineStyle themed(LineStyle style, Theme theme) {
    if (theme != Theme::HighContrast) return style;
    // Wider, lighter and on a black casing twice its width, so every line reads from across a room.
    style.widthPx *= 1.6f;
    style.color = glm::vec4(glm::mix(glm::vec3(style.color), glm::vec3(1.0f), 0.3f), 1.0f);
    style.casingColor = {0.0f, 0.0f, 0.0f, 1.0f};
    style.casingWidthPx = std::max(style.casingWidthPx * 1.4f, style.widthPx * 2.0f);
    return style;
}

TextLook textLook(Theme theme) {
    if (theme == Theme::HighContrast)
        return {{1, 1, 1, 1}, {1, 1, 1, 1}, {1.0f, 0.90f, 0.0f, 1.0f}, {0, 0, 0, 0.40f}, {0, 0, 0, 1}};
    return {{1, 1, 1, 1},
            {1.0f, 0.95f, 0.75f, 1.0f},
            {1.0f, 0.80f, 0.35f, 1.0f},
            {0.05f, 0.07f, 0.10f, 0.22f},
            {0.02f, 0.03f, 0.05f, 0.62f}};
}

} // namespace renderer
