#pragma once
// The "coverage" layer: what a site sees (geo::CoverageWorker's lon/lat mask), draped on the terrain
// tiles as a translucent tint lit by the terrain's shading, with a thin ring at the edge of the range.
// Empty until the app sets a mask (SceneRenderer::setCoverage); draws nothing and costs nothing then.
#include "geo/CoverageFile.h"
#include "renderer/Layer.h"

#include <cstdint>
#include <optional>

namespace renderer {

class TerrainLayer;

class CoverageLayer : public Layer {
public:
    //! The largest side of the mask's texture: finer masks are resampled (nearest cell) down to it.
    static constexpr int kMaxTextureSide = 4096;

    explicit CoverageLayer(const LayerSetup& setup);
    static std::unique_ptr<Layer> make(const LayerSetup& setup);
    std::string_view name() const override { return "coverage"; }
    void draw(const DrawContext& frame) override;

    //! Shows `mask` (geo::CoverageMask cells: seen, unseen, beyond the range), the answer to `request` at
    //! `level` (CoverageWorker::Answer). The caller has waited for the GPU (the old texture may be in flight).
    void setMask(const geo::CoverageMask& mask, std::uint64_t request = 0, size_t level = 0);
    //! Whether the mask shown is already that of `request` at `level` (nothing to upload).
    bool shows(std::uint64_t request, size_t level) const { return _mask && request == _request && level == _level; }
    void clear();
    bool empty() const { return !_mask; }

private:
    const Context& _context;
    const TerrainLayer& _terrain;
    ImageSet _images; //!< binding 0: the terrain tiles' shading, binding 1: the mask
    std::unique_ptr<Pipeline> _unfiltered, _filtered;
    std::unique_ptr<Image> _mask;
    geo::GeoExtent _extent{}; //!< the mask's, to skip tiles outside it
    std::uint64_t _request = 0;
    size_t _level = 0;
    glm::vec4 _placement{0}; //!< west, north, 1/(width in degrees), 1/(height in degrees)
};

//! The mask as an R8G8 texture of at most maxSide texels a side: r 255 where seen, g 255 within the range.
struct CoverageTexture {
    int width = 0, height = 0;
    std::vector<uint8_t> rg;
};
CoverageTexture coverageTexture(const geo::CoverageMask& mask, int maxSide);

} // namespace renderer
