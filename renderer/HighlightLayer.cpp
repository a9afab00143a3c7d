#include "renderer/HighlightLayer.h"

#include "geo/Spatial.h"
#include "renderer/GpuTypes.h"
#include "renderer/Shaders.h"
#include "renderer/TerrainLayer.h"

#include <algorithm>
#include <stdexcept>

namespace renderer {

namespace {

constexpr int kMaskWidth = 2048, kMaskHeight = 1024;

const TerrainLayer& terrainOf(const LayerSetup& setup) {
    const auto* terrain = dynamic_cast<const TerrainLayer*>(setup.find("terrain"));
    if (!terrain) throw std::logic_error("the highlight layer comes after the terrain layer");
    return *terrain;
}

//! Bounding box of the polygons' outer rings, padded by a cell.
glm::dvec4 boundsOf(const std::vector<geo::Polygon>& polygons) {
    glm::dvec4 b{1e9, 1e9, -1e9, -1e9};
    for (const auto& p : polygons)
        for (const auto& ring : p.rings)
            for (const auto& q : ring)
                b = {std::min(b.x, q.x), std::min(b.y, q.y), std::max(b.z, q.x), std::max(b.w, q.y)};
    return b + glm::dvec4(-0.05, -0.05, 0.05, 0.05);
}

struct HighlightPush {
    TilePush tile;
    glm::vec4 box;
};

} // namespace

HighlightLayer::HighlightLayer(const LayerSetup& setup)
    : _terrain(terrainOf(setup)), _box(boundsOf(setup.inputs.highlight)),
      _mask(setup.context, kMaskWidth, kMaskHeight, VK_FORMAT_R8_UNORM,
            VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT, VK_IMAGE_ASPECT_COLOR_BIT),
      _images(setup.context, 1, 2) {
    const std::vector<unsigned char> mask =
        geo::rasterizeMask(setup.inputs.highlight, _box.x, _box.y, _box.z, _box.w, kMaskWidth, kMaskHeight);
    _mask.upload(mask.data(), mask.size());
    _images.write(0, _terrain.images(), 0);
    _images.write(0, _mask, 1);
    for (const bool filtered : {false, true}) {
        PipelineDesc desc = TerrainLayer::tilePipeline(shaders::highlightFrag(), _images.layout(), filtered);
        desc.depthWrite = false;
        desc.alphaBlend = true;
        desc.pushConstantBytes = sizeof(HighlightPush);
        (filtered ? _filtered : _unfiltered) = setup.pipelines.make(desc);
    }
}

std::unique_ptr<Layer> HighlightLayer::make(const LayerSetup& setup) {
    if (setup.inputs.highlight.empty()) return nullptr;
    return std::make_unique<HighlightLayer>(setup);
}

void HighlightLayer::draw(const DrawContext& frame) {
    if (frame.stage != Stage::Drape || !frame.scene.shows(_terrain.name())) return;
    frame.bind(*_unfiltered, _images.set());
    const glm::vec4 box(_box);
    vkCmdPushConstants(frame.cmd, _unfiltered->layout(), VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT,
                       offsetof(HighlightPush, box), sizeof(box), &box);
    const geo::GeoExtent within{_box.x, _box.y, _box.z, _box.w};
    _terrain.drawTiles(frame.cmd, _unfiltered->layout(), _unfiltered->vk(), _filtered->vk(), frame.view().eye,
                       [&](const geo::TileKey& key) { return geo::tileExtent(key).intersects(within); });
}

} // namespace renderer
