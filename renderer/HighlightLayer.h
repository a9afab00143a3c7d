#pragma once
// The "highlight" layer: the gold tint over the highlighted country (Ukraine), draped on the
// terrain tiles from a coverage mask of its polygons, on land only. Drawn only where the terrain is.
#include "renderer/Layer.h"

namespace renderer {

class TerrainLayer;

class HighlightLayer : public Layer {
public:
    explicit HighlightLayer(const LayerSetup& setup);
    //! Null when the inputs have no highlight.
    static std::unique_ptr<Layer> make(const LayerSetup& setup);
    std::string_view name() const override { return "highlight"; }
    void draw(const DrawContext& frame) override;

private:
    const TerrainLayer& _terrain;
    glm::dvec4 _box; //!< the mask's west, south, east, north
    Image _mask;
    ImageSet _images; //!< binding 0: the terrain's tile images, 1: the mask
    std::unique_ptr<Pipeline> _unfiltered, _filtered;
};

} // namespace renderer
