#pragma once
// Names drawn in the scene itself (so they appear in stills and videos): scenario markers first,
// then places (a dot and a name), chosen each frame by priority (capitals, then population) and
// decluttered on screen. Marker names follow their scenario: shown while the marker is.
#include "geo/Terrain.h"
#include "geo/PlaceLoader.h"
#include "geo/Scenario.h"
#include "renderer/Declutter.h"
#include "renderer/GlyphAtlas.h"
#include "renderer/GpuTypes.h"
#include "renderer/SceneStyle.h"
#include "renderer/View.h"

#include <vector>

namespace renderer {

//! Appends one textured quad (two triangles) for label.vert: pixel corners x0, y0, x1, y1 from
//! `anchor`, or on screen when `screen`; `uv` is u0, v0, u1, v1 in the glyph atlas.
void appendLabelQuad(std::vector<LabelVertex>& out, const glm::vec3& anchor, const glm::vec4& corners,
                     const glm::vec4& uv, const glm::vec4& color, const glm::vec4& halo, bool screen);

class LabelLayer {
public:
    LabelLayer(const geo::Terrain& terrain, std::vector<geo::Place> places, const geo::ScenarioSet* scenarios,
               const GlyphAtlas& atlas);

    //! Which scenario features show, as the frame uniforms say (see presence() in common.glsl).
    struct Scenarios {
        uint32_t from = 0, to = 0;
        float transition = 1;
    };

    //! Appends the labels for this view to `out` (six vertices per glyph quad); returns how
    //! many were placed. `scale` is the display scale (DisplayScale.h): text is labelPixels() high,
    //! dots, gaps and declutter margins grow with it. Labels keep clear of the boxes in `placed` and add
    //! theirs; where it holds military symbols, a feature's name stands beside its symbol, and not at
    //! all while the symbol is in a cluster.
    size_t layout(const View& view, double exaggeration, float scale, Scenarios scenarios, size_t maxVertices,
                  std::vector<LabelVertex>& out, Declutter* placed = nullptr) const;

    //! Appends UTF-8 `text` as a screen-space caption on a baseline at `anchor` (pixels): ending
    //! there when `alignRight`, else starting there.
    void appendScreenText(const std::string& text, glm::vec2 anchor, bool alignRight, float size, glm::vec4 color,
                          size_t maxVertices, std::vector<LabelVertex>& out) const;

    //! Every code point the names use, for baking the atlas.
    static std::vector<char32_t> codepointsOf(const std::vector<geo::Place>& places, const geo::ScenarioSet* scenarios);

    size_t maxLabels = 120;
    TextLook look = textLook(Theme::Standard); //!< colours of names and their halo

private:
    struct Entry {
        geo::Place place;
        glm::dvec3 ground; //!< ECEF at height 0
        glm::dvec3 up;
        float height; //!< terrain height, metres
        int priority;
        uint32_t scenarios = ~0u; //!< a scenario marker's mask; places show in all
        bool marker = false;
        size_t feature = 0; //!< a marker's index in ScenarioSet::features
    };
    std::vector<Entry> _entries; //!< highest priority first
    const GlyphAtlas& _atlas;
};

} // namespace renderer
