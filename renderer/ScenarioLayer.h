#pragma once
// The "scenarios" layer: every scenario's features (ScenarioFeatures), areas draped on the ground,
// lines with the map's lines, markers standing on the terrain. Rebuilt when the scenario files or
// the style change.
#include "renderer/Layer.h"
#include "renderer/ScenarioFeatures.h"

namespace renderer {

class ScenarioLayer : public Layer {
public:
    explicit ScenarioLayer(const LayerSetup& setup);
    static std::unique_ptr<Layer> make(const LayerSetup& setup) { return std::make_unique<ScenarioLayer>(setup); }
    std::string_view name() const override { return "scenarios"; }
    void draw(const DrawContext& frame) override;
    void sceneChanged(const LayerSetup& setup) override;

private:
    const Context& _context;
    const geo::Terrain& _terrain;
    std::unique_ptr<Pipeline> _areaPipeline, _markerPipeline;
    const Pipeline& _linePipeline;
    std::unique_ptr<ScenarioFeatures> _features; //!< null without scenarios
    bool _contactGraphic = false; //!< the "graphics" layer draws the line of contact as the standard's
};

} // namespace renderer
