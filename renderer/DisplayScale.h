#pragma once
// The one rule for sizes given in pixels (label text, halos, captions, credits, line widths, the
// smallest marker): they are designed at 1080 lines and multiplied by a display scale, so a 4K
// screen, a video wall or a printed poster shows them as large, relative to the frame, as 1080p does.
#include <algorithm>
#include <cstdint>

namespace renderer {

//! The smallest label text, in pixels at display scale 1: no place name is drawn smaller than this
//! times the scale. The minimum size in pixels, set in one place.
constexpr float kMinLabelPixels = 14.0f;

//! The scale a frame gets when nobody chose one: its height over 1080, never under 0.75 (small stills
//! stay legible). No upper cap: a 15360x8640 poster gets 8.
inline float automaticDisplayScale(uint32_t frameHeight) {
    return std::max(float(frameHeight) / 1080.0f, 0.75f);
}

//! The viewer's scale on a monitor: the desktop's own content scale (HiDPI setting), or the monitor's
//! height over 1080 when larger (a 4K wall at 100 % then reads like a 1080p screen of the same size),
//! times the user's own factor. Taken from the monitor, not the window, so a small window on a 4K
//! screen shows text as large as a big one.
inline float monitorDisplayScale(float contentScale, uint32_t monitorHeight, float userScale) {
    return userScale * std::max(contentScale, float(monitorHeight) / 1080.0f);
}

//! `requested` (SceneView::displayScale) when set, else automaticDisplayScale(frameHeight).
inline float resolveDisplayScale(float requested, uint32_t frameHeight) {
    return requested > 0.0f ? requested : automaticDisplayScale(frameHeight);
}

//! Pixels of a label's text drawn at `scale` for a label whose rank (capital, city, marker) asks for
//! `rankPixels` at 1080p.
inline float labelPixels(float rankPixels, float scale) {
    return std::max(rankPixels, kMinLabelPixels) * scale;
}

//! Scale of line widths and of the smallest marker: never under their 1080p size, since thinner
//! lines alias into dashes and smaller prisms into specks.
inline float strokeScale(float displayScale) {
    return std::max(displayScale, 1.0f);
}

} // namespace renderer
