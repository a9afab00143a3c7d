#pragma once
// The "highlight" layer: the gold tint over the highlighted country (Ukraine), draped on the
// terrain tiles by the coverage baked into their images. Drawn only where the terrain is.
#include "renderer/Layer.h"

namespace renderer {

class TerrainLayer;

class HighlightLayer : public Layer {
public:
    explicit HighlightLayer(const LayerSetup& setup);
    static std::unique_ptr<Layer> make(const LayerSetup& setup);
    std::string_view name() const override { return "highlight"; }
    void draw(const DrawContext& frame) override;

private:
    const TerrainLayer& _terrain;
    std::unique_ptr<Pipeline> _unfiltered, _filtered;
};

} // namespace renderer
