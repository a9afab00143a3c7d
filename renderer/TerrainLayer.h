#pragma once
// Terrain on the globe: a quadtree of tiles chosen each frame by screen-space error (of the geometry
// and of the tile's image), built from the geo::Terrain tile heights on first use (streamed: a still
// waits for them, the viewer draws the parent until they are loaded), kept on the GPU (a vertex
// buffer and one layer of a shared image array each), and evicted least-recently-used.
#include "geo/Terrain.h"
#include "geo/TerrainTile.h"
#include "renderer/Buffer.h"
#include "renderer/Image.h"
#include "renderer/Layer.h"
#include "renderer/TerrainShading.h"
#include "renderer/TileBuilder.h"
#include "renderer/View.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace renderer {

//! The "terrain" layer: the surface every drape (imagery, the highlight) lies on. Drapes draw its
//! last selection again with drawTiles(), binding images() to read each tile's hillshade.
class TerrainLayer : public Layer {
public:
    static constexpr int kGridSize = 17;       //!< vertices a side
    static constexpr int kSamplesPerCell = 16; //!< image texels per grid cell: images are 257 x 257
    static constexpr int kImageSize = (kGridSize - 1) * kSamplesPerCell + 1;
    static_assert(kImageSize == geo::Terrain::kSamples, "a tile's image is its heights' lattice");

    explicit TerrainLayer(const LayerSetup& setup, uint32_t maxTiles = 384);
    //! The layer for `setup.inputs`' terrain.
    static std::unique_ptr<Layer> make(const LayerSetup& setup);

    std::string_view name() const override { return "terrain"; }
    void prepare(const FrameContext& frame) override;
    void draw(const DrawContext& frame) override;

    struct Selection {
        uint32_t tiles = 0;
        uint64_t triangles = 0;
        bool complete = true; //!< false while tiles this view needs are still to be built
    };

    //! Chooses the tiles for `view` for frame slot `slot` (whose previous frame has finished),
    //! building what is missing now (Wait: it waits for the heights, and throws geo::TileReadError
    //! when a source cannot be read) or on the worker threads (Background: the parent is drawn until
    //! the heights are loaded and the tile built). Then record the uploads with recordUploads() before the render pass, and draw().
    Selection select(const View& view, double exaggeration, TileLoading loading, uint32_t slot);
    //! Copies the images built by the last select() into their layers (outside any render pass).
    void recordUploads(VkCommandBuffer cmd, uint32_t slot);
    //! Draws the last selection: tiles whose texels span more than texelTolerance pixels (magnified
    //! past their data's detail) with `filtered`, the rest with `unfiltered`. Both share `layout`
    //! (tile.glsl's TilePush in its first 32 bytes) and the descriptor sets are bound. `each`, when
    //! given, is called before each tile is drawn (it may push constants past the first 32 bytes)
    //! and skips the tile by returning false.
    void drawTiles(VkCommandBuffer cmd, VkPipelineLayout layout, VkPipeline unfiltered, VkPipeline filtered,
                   const glm::dvec3& eye, const std::function<bool(const geo::TileKey&)>& each = {}) const;
    //! The tiles of the last selection.
    std::vector<geo::TileKey> drawnKeys() const;
    //! Each cached tile's shaded image, one layer each: what drapes bind as tile.glsl's tileImages.
    const Image& images() const { return _images; }
    //! A terrain pipeline (terrain.vert) with `fragment`, unfiltered (variant 0) or filtered (1).
    static PipelineDesc tilePipeline(std::span<const uint32_t> fragment, VkDescriptorSetLayout layerSet,
                                     bool filtered);
    //! Where the streamed terrain stands, for the panel.
    TerrainStreaming streaming() const;
    //! How fine a drape's own data is over `extent` this frame, in degrees a cell (infinity where it has none or
    //! is not shown): imagery at 0.5 m over a 30 m DEM.
    using DrapeDetail = std::function<double(const geo::GeoExtent& extent, const FrameContext& frame)>;
    //! Tiles are refined (as their images magnify) until they are as fine as the terrain's heights or any
    //! drape's data, whichever is finer: a drape calls this once, when it is built.
    void addDrapeDetail(DrapeDetail detail) { _drapeDetail.push_back(std::move(detail)); }
    double pixelTolerance = 2.0; //!< geometric screen-space error, pixels, above which a tile is refined
    double texelTolerance = 2.0; //!< screen pixels per image texel above which a tile is refined

private:
    struct Tile {
        geo::TileKey key;
        Buffer vertices;
        std::shared_ptr<const geo::TileHeights> heights; //!< kept to re-shade the image for a new exaggeration
        glm::dvec3 origin;
        double radius; //!< at exaggeration 1
        float maxHeight;
        float heightError;      //!< metres at exaggeration 1 (geo::TerrainTileMesh)
        double curvatureError;  //!< metres
        uint32_t layer;         //!< its image in the array
        double shadedFor = -1;  //!< the exaggeration its image was shaded for
        bool magnified = false; //!< drawn with texels larger than texelTolerance pixels
        bool partial = false;   //!< built while a source failed (coarser data stands in): rebuilt once it is back
        uint64_t lastUsed = 0;
    };
    Tile* acquire(const geo::TileKey& key, double priority);
    void prefetch(const geo::TileKey& key, double priority);
    Tile* adopt(BuiltTile built);
    void reshade(Tile& tile);
    void retryPartial(const geo::TileKey& key, const Tile& tile, double priority);
    void visit(const geo::TileKey& key, Tile& tile, const View& view);
    bool sees(const Tile& tile, const View& view) const;
    bool evictOne();

    const Context& _context;
    const geo::Terrain& _terrain;
    std::unique_ptr<TileBuilder> _builder;
    Buffer _indices;
    uint32_t _indexCount = 0;
    Image _images; //!< one layer per cached tile
    ImageSet _imageSet;
    std::unique_ptr<Pipeline> _unfiltered, _filtered;
    std::vector<uint32_t> _freeLayers;
    std::unordered_map<geo::TileKey, Tile, geo::TileKeyHash> _tiles;
    std::vector<const Tile*> _drawList;
    std::vector<LayerUpload> _uploads;
    std::vector<std::vector<Buffer>> _retired; //!< per frame slot: freed once that slot comes round again
    uint32_t _slot = 0;
    uint64_t _frame = 0;
    double _exaggeration = 1;
    TileLoading _loading = TileLoading::Wait;
    int _reshadeBudget = 0; //!< images re-shaded this frame for a new exaggeration, in the background mode
    bool _complete = true;
    std::string _lastError; //!< the last tile a source failed to give, for the panel
    std::chrono::steady_clock::time_point _lastErrorAt;
    uint32_t _asked = 0; //!< tiles this selection asked the builder for
    std::vector<DrapeDetail> _drapeDetail;
    const FrameContext* _preparing = nullptr; //!< the frame, during prepare(), for _drapeDetail
};

} // namespace renderer
