#pragma once
// Place names drawn in the scene itself (so they appear in stills and videos): a dot and a name
// per place, chosen each frame by priority (capitals, then population) and decluttered on screen.
#include "geo/HeightGrid.h"
#include "geo/PlaceLoader.h"
#include "renderer/GlyphAtlas.h"
#include "renderer/GpuTypes.h"
#include "renderer/View.h"

#include <vector>

namespace renderer {

class LabelLayer {
public:
    LabelLayer(const geo::Terrain& terrain, std::vector<geo::Place> places, const GlyphAtlas& atlas);

    //! Lays out the labels for this view into `out` (six vertices per glyph quad); returns how
    //! many places were labelled. `scale` grows labels for large outputs (1 at 1080 lines).
    size_t layout(const View& view, double exaggeration, float scale, size_t maxVertices,
                  std::vector<LabelVertex>& out) const;

    //! Appends UTF-8 `text` as a screen-space caption whose baseline ends at `bottomRight` (pixels).
    void appendScreenText(const std::string& text, glm::vec2 bottomRight, float size, size_t maxVertices,
                          std::vector<LabelVertex>& out) const;

    //! Every code point the place names use, for baking the atlas.
    static std::vector<char32_t> codepointsOf(const std::vector<geo::Place>& places);

    size_t maxLabels = 120;

private:
    struct Entry {
        geo::Place place;
        glm::dvec3 ground; //!< ECEF at height 0
        glm::dvec3 up;
        float height; //!< terrain height, metres
        int priority;
    };
    std::vector<Entry> _entries; //!< highest priority first
    const GlyphAtlas& _atlas;
};

} // namespace renderer
