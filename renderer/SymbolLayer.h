#pragma once
// The "symbols" layer: every scenario feature's military symbol (APP-6 / MIL-STD-2525, drawn by
// milsymbol into a symbol atlas, geo/SymbolAtlas) as a screen-aligned billboard standing on the
// terrain, on a thin stem when the view is tilted, sized by the display scale; amplifier text when
// the view is close; clusters (geo/SymbolClusters) with their count and dominant nation from afar,
// splitting as the view comes closer, so no symbol hides another. A code that cannot be drawn shows
// the unknown-symbol frame (SymbolScene says why).
//
// Every item of every scenario is prepared once (sceneChanged); each frame picks, on the CPU, those
// at the cluster level the view shows at their place (and in the frustum, above the horizon), whatever
// the scenario: which scenario shows is decided on the GPU (presence() in common.glsl), so a switch
// rewrites nothing and uploads 0 bytes. The list is rewritten only when the camera moves.
#include "geo/SymbolAtlas.h"
#include "geo/SymbolLibrary.h"
#include "geo/SymbolScene.h"
#include "renderer/Buffer.h"
#include "renderer/Declutter.h"
#include "renderer/GpuTypes.h"
#include "renderer/Layer.h"

#include <array>
#include <memory>

namespace renderer {

//! SymbolInstance::flags
enum SymbolFlags : uint32_t { kSymbolCluster = 1u, kSymbolUnknown = 2u, kSymbolLegend = 4u };

class SymbolLayer : public Layer {
public:
    explicit SymbolLayer(const LayerSetup& setup);
    static std::unique_ptr<Layer> make(const LayerSetup& setup) { return std::make_unique<SymbolLayer>(setup); }
    std::string_view name() const override { return "symbols"; }
    void prepare(const FrameContext& frame) override;
    void draw(const DrawContext& frame) override;
    void sceneChanged(const LayerSetup& setup) override;

    const geo::SymbolScene& scene() const { return _scene; }
    const geo::SymbolAtlas& atlas() const { return *_atlas; }
    //! Instances drawn in the last prepared frame (both halves), for tests and the bench.
    size_t drawnLastFrame() const { return _drawnLastFrame; }
    //! The atlas on the GPU, with its mip levels (for tests).
    const Image& atlasImage() const { return *_image; }

    static constexpr int kRasterSize = 40;       //!< milsymbol's size for the atlas, pixels
    static constexpr float kFramePixels = 30.0f; //!< a frame's height on screen at display scale 1
    //! Within this distance a lone symbol shows its amplifiers (designation, higher formation...).
    static constexpr double kAmplifierDistanceM = 250e3;
    //! The legend: the most common symbols of the scenario shown, with their meaning, bottom right.
    static constexpr size_t kLegendRows = 6;
    static constexpr VkFormat kAtlasFormat = VK_FORMAT_R8G8B8A8_UNORM;
    //! Mip levels of the atlas: log2(SymbolAtlas::kCell) halvings, which never mix two symbols.
    static constexpr uint32_t kAtlasMipLevels = 4;
    //! Pixels between the anchors of two items the clusters keep apart, at stroke scale `scale`.
    static float separationPixels(float scale) { return kFramePixels * 1.6f * scale; }

private:
    struct Item {
        glm::dvec3 ground; //!< ECEF at height 0
        glm::vec3 up;
        float height;
        std::array<float, 4> rect, rectFull;
        std::array<float, 2> anchor, anchorFull;
        bool full = false; //!< has an amplifier variant
        SymbolInstance instance;
        int minLevel, maxLevel;
        size_t cluster;        //!< index in _scene.clusters
        size_t feature = 0;    //!< a lone unit's index in ScenarioSet::features
        uint32_t clusterCount; //!< units in it: 1 for a lone unit
    };
    struct LegendEntry {
        std::array<float, 4> rect;
        std::array<float, 2> anchor;
        uint32_t scenarios; //!< the one scenario whose legend it is in
        int row;
    };
    void build(const geo::ScenarioSet* set);
    //! The legend's keys for each scenario: its kLegendRows most common symbols, most common first.
    std::vector<std::vector<geo::SymbolKey>> legendKeys(const geo::ScenarioSet& set) const;
    void uploadAtlas();
    //! Items drawn in `half` appended to `out`, their boxes to `placed`: clusters first, then lone units,
    //! a unit's amplifiers where they meet nothing placed; a symbol meeting one placed before is left out.
    void select(const HalfView& half, double exaggeration, float scale, Declutter& placed,
                std::vector<SymbolInstance>& out) const;
    void appendLegend(const HalfView& half, float scale, Declutter& placed, std::vector<SymbolInstance>& out) const;

    const Context& _context;
    const geo::Terrain& _terrain;
    std::unique_ptr<geo::SymbolLibrary> _library;
    std::string _libraryProblem;
    std::unique_ptr<geo::SymbolAtlas> _atlas;
    std::uint64_t _uploadedRevision = ~0ull;
    std::unique_ptr<Image> _image;
    uint32_t _mipLevels; //!< kAtlasMipLevels, or 1 where the format cannot be blitted linearly
    ImageSet _imageSet;
    std::unique_ptr<Pipeline> _pipeline;
    geo::SymbolScene _scene;
    std::vector<Item> _items;
    std::vector<LegendEntry> _legend;
    glm::dvec3 _origin{0.0};
    float _glyphStride = 0, _glyphRow = 0;
    size_t _capacity = 0;           //!< instances per slot buffer
    std::vector<Buffer> _instances; //!< per frame slot
    struct SlotState {
        std::array<std::pair<uint32_t, uint32_t>, 2> ranges{};       //!< (first, count) on the ground, per half
        std::array<std::pair<uint32_t, uint32_t>, 2> legendRanges{}; //!< the legend, per half: drawn over the labels
        std::vector<double> key; //!< what the list was made for: views, scenarios shown, scale, exaggeration, scene
        std::array<std::vector<PlacedBox>, 2> placed; //!< the boxes of the list, per half
    };
    std::vector<SlotState> _slots;
    std::uint64_t _sceneRevision = 0;
    size_t _drawnLastFrame = 0;
};

} // namespace renderer
