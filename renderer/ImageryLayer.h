#pragma once
// Imagery draped on the terrain: the "imagery" layer (--imagery rasters, in drawing order, each
// with its opacity) and the "globe-imagery" layer (the Blue Marble, faded in from far away). For
// each terrain tile drawn, each source's texels of the same TileKey (geo::TileSource, read on
// worker threads by geo::TileLoader) are blended over the terrain, lit by its hillshade; while a
// tile loads, the nearest coarser tile of that source stands in (a uv sub-rectangle of it); so it does
// where a tile cannot be read (a corrupt file, a server gone), which is asked again after a pause and
// shown as one line in the panel (FrameStats::problems) meanwhile. A still, poster or video frame that
// needs such a tile fails with geo::TileReadError instead.
#include "geo/TileFailures.h"
#include "geo/TileLoader.h"
#include "renderer/Layer.h"

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace renderer {

class TerrainLayer;

class ImageryLayer : public Layer {
public:
    static constexpr int kTileSize = 256; //!< texels a side of an imagery tile
    ImageryLayer(const LayerSetup& setup, std::string name, std::vector<ImageryInput> sources, bool userOpacity,
                 uint32_t maxTiles = 192);
    //! The --imagery sources; null without any.
    static std::unique_ptr<Layer> user(const LayerSetup& setup);
    //! The Blue Marble; null when not installed.
    static std::unique_ptr<Layer> globe(const LayerSetup& setup);

    std::string_view name() const override { return _name; }
    void prepare(const FrameContext& frame) override;
    void draw(const DrawContext& frame) override;
    //! The credits of the sources shown this frame (the Blue Marble's from far away).
    std::string credit() const override;

private:
    struct Resident {
        uint32_t layer;
        uint64_t lastUsed;
    };
    //! The opacity of `source` in `scene` with the eye `altitude` metres up (its fade included).
    float opacity(size_t source, const SceneView& scene, double altitude) const;
    //! The key of `source` to draw on terrain tile `key`: no finer than the source's own cells.
    geo::TileKey wanted(size_t source, const geo::TileKey& key) const;
    const Resident* residentOrAncestor(size_t source, geo::TileKey key, geo::TileKey& found) const;
    void adopt(geo::LoadedTile tile);
    bool evictOne();

    const Context& _context;
    const TerrainLayer& _terrain;
    std::string _name;
    std::vector<ImageryInput> _sources;
    bool _userOpacity; //!< SceneView::imageryOpacity applies
    std::vector<int> _finest;
    geo::TileLoader _loader;
    Image _images;
    ImageSet _imageSet; //!< binding 0: the terrain's tile images (hillshade), 1: these tiles
    std::unique_ptr<Pipeline> _unfiltered, _filtered;
    std::unordered_map<geo::SourceTileKey, Resident, geo::SourceTileKeyHash> _resident;
    geo::TileFailures _failures;
    std::vector<uint32_t> _freeLayers;
    std::vector<LayerUpload> _uploads;
    std::vector<std::vector<Buffer>> _retired; //!< per frame slot
    std::vector<float> _opacity;               //!< this frame's, per source
    uint64_t _frame = 0;
};

} // namespace renderer
