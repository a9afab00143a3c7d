#pragma once
// The text drawn in the scene itself, so stills and videos show it: the "labels" layer (place and
// marker names, LabelLayer) and the "overlay" layer (title, captions, legend and credits, Overlay).
#include "renderer/LabelLayer.h"
#include "renderer/Layer.h"
#include "renderer/Overlay.h"
#include "renderer/TextBatch.h"

namespace renderer {

class PlaceNamesLayer : public Layer {
public:
    explicit PlaceNamesLayer(const LayerSetup& setup);
    static std::unique_ptr<Layer> make(const LayerSetup& setup) { return std::make_unique<PlaceNamesLayer>(setup); }
    std::string_view name() const override { return "labels"; }
    void prepare(const FrameContext& frame) override;
    void draw(const DrawContext& frame) override;
    void sceneChanged(const LayerSetup& setup) override;

private:
    const geo::Terrain& _terrain;
    TextBatch _text;
    std::unique_ptr<LabelLayer> _labels;
};

class OverlayLayer : public Layer {
public:
    explicit OverlayLayer(const LayerSetup& setup);
    static std::unique_ptr<Layer> make(const LayerSetup& setup) { return std::make_unique<OverlayLayer>(setup); }
    std::string_view name() const override { return "overlay"; }
    void prepare(const FrameContext& frame) override;
    void draw(const DrawContext& frame) override;
    void sceneChanged(const LayerSetup& setup) override;

private:
    TextBatch _text;
    std::unique_ptr<Overlay> _overlay;
    bool _scenarios = false;
    std::vector<const Layer*> _credited; //!< the layers before it, whose credits join the line when shown
};

} // namespace renderer
