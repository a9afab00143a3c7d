#include "renderer/HighlightLayer.h"

#include "renderer/Shaders.h"
#include "renderer/TerrainLayer.h"

#include <stdexcept>

namespace renderer {

namespace {
const TerrainLayer& terrainOf(const LayerSetup& setup) {
    const auto* terrain = dynamic_cast<const TerrainLayer*>(setup.find("terrain"));
    if (!terrain) throw std::logic_error("the highlight layer comes after the terrain layer");
    return *terrain;
}
} // namespace

HighlightLayer::HighlightLayer(const LayerSetup& setup) : _terrain(terrainOf(setup)) {
    for (const bool filtered : {false, true}) {
        PipelineDesc desc =
            TerrainLayer::tilePipeline(shaders::highlightFrag(), _terrain.imageSet().layout(), filtered);
        desc.depthWrite = false;
        desc.alphaBlend = true;
        (filtered ? _filtered : _unfiltered) = setup.pipelines.make(desc);
    }
}

std::unique_ptr<Layer> HighlightLayer::make(const LayerSetup& setup) {
    if (setup.inputs.highlight.empty()) return nullptr;
    return std::make_unique<HighlightLayer>(setup);
}

void HighlightLayer::draw(const DrawContext& frame) {
    if (frame.stage != Stage::Drape || !frame.scene.shows(_terrain.name())) return;
    frame.bind(*_unfiltered, _terrain.imageSet().set());
    _terrain.drawTiles(frame.cmd, _unfiltered->layout(), _unfiltered->vk(), _filtered->vk(), frame.view().eye, 1.0f,
                       true);
}

} // namespace renderer
