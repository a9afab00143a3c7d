#include "renderer/ScenarioLayer.h"

#include "renderer/DisplayScale.h"
#include "renderer/GraphicsLayer.h"
#include "renderer/GpuTypes.h"
#include "renderer/Shaders.h"

namespace renderer {

namespace {

VkVertexInputAttributeDescription attribute(uint32_t location, uint32_t binding, VkFormat format, uint32_t offset) {
    return {location, binding, format, offset};
}

PipelineDesc markerPipeline() {
    PipelineDesc marker;
    marker.vertexSpirv = shaders::markerVert();
    marker.fragmentSpirv = shaders::markerFrag();
    marker.bindings = {{0, sizeof(MarkerCorner), VK_VERTEX_INPUT_RATE_VERTEX},
                       {1, sizeof(MarkerInstance), VK_VERTEX_INPUT_RATE_INSTANCE}};
    marker.attributes = {attribute(0, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(MarkerCorner, corner)),
                         attribute(1, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(MarkerCorner, normal)),
                         attribute(2, 1, VK_FORMAT_R32G32B32_SFLOAT, offsetof(MarkerInstance, position)),
                         attribute(3, 1, VK_FORMAT_R32G32B32_SFLOAT, offsetof(MarkerInstance, up)),
                         attribute(4, 1, VK_FORMAT_R32G32B32_SFLOAT, offsetof(MarkerInstance, size)),
                         attribute(5, 1, VK_FORMAT_R32G32B32A32_SFLOAT, offsetof(MarkerInstance, color)),
                         attribute(6, 1, VK_FORMAT_R32G32_UINT, offsetof(MarkerInstance, scenarios))};
    marker.alphaBlend = true; // markers fade in and out while scenarios switch
    marker.pushConstantBytes = sizeof(BatchPush);
    return marker;
}

PipelineDesc areaPipeline() {
    PipelineDesc area;
    area.vertexSpirv = shaders::areaVert();
    area.fragmentSpirv = shaders::areaFrag();
    area.bindings = {{0, sizeof(AreaVertex), VK_VERTEX_INPUT_RATE_VERTEX}};
    area.attributes = {attribute(0, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(AreaVertex, position)),
                       attribute(1, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(AreaVertex, up)),
                       attribute(2, 0, VK_FORMAT_R32_SFLOAT, offsetof(AreaVertex, height)),
                       attribute(3, 0, VK_FORMAT_R32G32B32A32_SFLOAT, offsetof(AreaVertex, color)),
                       attribute(4, 0, VK_FORMAT_R32G32_UINT, offsetof(AreaVertex, scenarios))};
    area.depthWrite = false;
    area.alphaBlend = true;
    area.pushConstantBytes = sizeof(BatchPush);
    return area;
}

} // namespace

ScenarioLayer::ScenarioLayer(const LayerSetup& setup)
    : _context(setup.context), _terrain(*setup.inputs.terrain), _areaPipeline(setup.pipelines.make(areaPipeline())),
      _markerPipeline(setup.pipelines.make(markerPipeline())),
      _linePipeline(setup.pipelines.shared("line", &LineLayer::pipelineDesc)) {
    sceneChanged(setup);
}

void ScenarioLayer::sceneChanged(const LayerSetup& setup) {
    const geo::ScenarioSet* scenarios = setup.inputs.scenarios;
    _features.reset();
    if (scenarios) _features = std::make_unique<ScenarioFeatures>(_context, _terrain, *scenarios, setup.inputs.style);
    _contactGraphic = false;
    if (const auto* graphics = dynamic_cast<const GraphicsLayer*>(setup.find("graphics")); graphics && scenarios)
        for (size_t i = 0; i < scenarios->features.size(); ++i)
            _contactGraphic = _contactGraphic ||
                              (scenarios->features[i].kind == geo::FeatureKind::ContactLine && graphics->draws(i));
}

void ScenarioLayer::draw(const DrawContext& frame) {
    if (!_features) return;
    const View& view = frame.view();
    switch (frame.stage) {
    case Stage::Drape:
        frame.bind(*_areaPipeline);
        _features->drawAreas(frame.cmd, _areaPipeline->layout(), view);
        break;
    case Stage::Lines:
        frame.bind(_linePipeline);
        _features->drawLines(frame.cmd, _linePipeline.layout(), view, frame.scene.exaggeration,
                             strokeScale(frame.displayScale),
                             !(_contactGraphic && frame.scene.markers == MarkerStyle::Symbols &&
                               frame.scene.shows("graphics")));
        break;
    case Stage::Features:
        if (frame.scene.markers != MarkerStyle::Prisms) break; // the symbols layer draws them
        frame.bind(*_markerPipeline);
        _features->drawMarkers(frame.cmd, _markerPipeline->layout(), view);
        break;
    default: break;
    }
}

} // namespace renderer
