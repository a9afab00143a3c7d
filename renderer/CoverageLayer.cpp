#include "renderer/CoverageLayer.h"

#include "renderer/GpuTypes.h"
#include "renderer/Shaders.h"
#include "renderer/TerrainLayer.h"

#include <algorithm>
#include <stdexcept>

namespace renderer {

namespace {
const TerrainLayer& terrainOf(const LayerSetup& setup) {
    const auto* terrain = dynamic_cast<const TerrainLayer*>(setup.find("terrain"));
    if (!terrain) throw std::logic_error("the coverage layer comes after the terrain layer");
    return *terrain;
}

struct CoveragePush {
    TilePush tile;
    glm::vec4 mask; //!< coverage.frag's CoveragePush
};
} // namespace

CoverageTexture coverageTexture(const geo::CoverageMask& mask, int maxSide) {
    CoverageTexture t;
    t.width = std::min(mask.width, maxSide);
    t.height = std::min(mask.height, maxSide);
    t.rg.resize(size_t(t.width) * t.height * 2);
    for (int y = 0; y < t.height; ++y) {
        const int my = int((y + 0.5) * mask.height / t.height);
        for (int x = 0; x < t.width; ++x) {
            const std::uint8_t cell = mask.cells[size_t(my) * mask.width + int((x + 0.5) * mask.width / t.width)];
            uint8_t* texel = &t.rg[(size_t(y) * t.width + x) * 2];
            texel[0] = cell == geo::CoverageMask::kSeen ? 255 : 0;
            texel[1] = cell == geo::CoverageMask::kBeyondRange ? 0 : 255;
        }
    }
    return t;
}

CoverageLayer::CoverageLayer(const LayerSetup& setup)
    : _context(setup.context), _terrain(terrainOf(setup)), _images(setup.context, 1, 2) {
    _images.write(0, _terrain.images(), 0); // binding 0: the tiles' shading; binding 1: the mask, once set
    for (const bool filtered : {false, true}) {
        PipelineDesc desc = TerrainLayer::tilePipeline(shaders::coverageFrag(), _images.layout(), filtered);
        desc.pushConstantBytes = sizeof(CoveragePush);
        desc.depthWrite = false;
        desc.alphaBlend = true;
        (filtered ? _filtered : _unfiltered) = setup.pipelines.make(desc);
    }
}

std::unique_ptr<Layer> CoverageLayer::make(const LayerSetup& setup) {
    return std::make_unique<CoverageLayer>(setup);
}

void CoverageLayer::setMask(const geo::CoverageMask& mask, std::uint64_t request, size_t level) {
    if (mask.width <= 0 || mask.height <= 0 || mask.cells.size() != size_t(mask.width) * mask.height) {
        clear();
        return;
    }
    const CoverageTexture t = coverageTexture(mask, kMaxTextureSide);
    if (!_mask || int(_mask->width()) != t.width || int(_mask->height()) != t.height) {
        _mask = std::make_unique<Image>(_context, uint32_t(t.width), uint32_t(t.height), VK_FORMAT_R8G8_UNORM,
                                        VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT,
                                        VK_IMAGE_ASPECT_COLOR_BIT);
        _images.write(0, *_mask, 1);
    }
    _mask->upload(t.rg.data(), t.rg.size());
    _request = request;
    _level = level;
    _placement = glm::vec4(mask.west, mask.north, 1.0 / (mask.width * mask.dLon), 1.0 / (mask.height * mask.dLat));
    _extent = {mask.west, mask.north - mask.height * mask.dLat, mask.west + mask.width * mask.dLon, mask.north};
}

void CoverageLayer::clear() {
    _mask.reset();
}

void CoverageLayer::draw(const DrawContext& frame) {
    if (!_mask || frame.stage != Stage::Drape || !frame.scene.shows(_terrain.name())) return;
    frame.bind(*_unfiltered, _images.set());
    // The mask's placement after the tile's own push constants (drawTiles pushes those per tile).
    vkCmdPushConstants(frame.cmd, _unfiltered->layout(), VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT,
                       sizeof(TilePush), sizeof(glm::vec4), &_placement);
    _terrain.drawTiles(frame.cmd, _unfiltered->layout(), _unfiltered->vk(), _filtered->vk(), frame.view().eye,
                       [&](const geo::TileKey& key) { return geo::tileExtent(key).intersects(_extent); });
}

} // namespace renderer
