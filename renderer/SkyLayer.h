#pragma once
// The "sky" layer: haze, blue sky or space behind the globe, drawn after the terrain where nothing
// covered the far plane, when any corner of the view looks past the Earth.
#include "renderer/Layer.h"

namespace renderer {

class SkyLayer : public Layer {
public:
    explicit SkyLayer(const LayerSetup& setup);
    static std::unique_ptr<Layer> make(const LayerSetup& setup) { return std::make_unique<SkyLayer>(setup); }
    std::string_view name() const override { return "sky"; }
    void draw(const DrawContext& frame) override;

private:
    std::unique_ptr<Pipeline> _pipeline;
};

} // namespace renderer
