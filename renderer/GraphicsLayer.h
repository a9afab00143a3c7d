#pragma once
// The "graphics" layer: scenario lines and areas as the standard's tactical graphics (geo/TacticalGraphics:
// the line of contact with its semicircles, the monitoring band as a named area of interest, the occupied
// area's hostile edge, air zones as restricted operations zones labelled with their floor and ceiling),
// as mil-sym-ts draws them: its lines draped on the terrain with the map's line pipeline, its labels in
// the scene's text, so stills and video show them. The geometry is asked of the library when the scenarios
// change (cached by the library per feature), never per frame; scenario switching is on the GPU for the
// lines (their masks) and per frame on the CPU for the labels, like the marker names.
//
// `--markers prisms` (MarkerStyle::Prisms) draws the plain lines instead: this layer then draws nothing, and
// the "scenarios" layer draws the line of contact as before. Without the library (node or npm ci missing)
// the layer draws nothing and the plain drawing stays.
#include "geo/SymbolLibrary.h"
#include "geo/TacticalGraphics.h"
#include "renderer/Layer.h"
#include "renderer/LineLayer.h"
#include "renderer/TextBatch.h"

#include <memory>
#include <vector>

namespace renderer {

class GraphicsLayer : public Layer {
public:
    explicit GraphicsLayer(const LayerSetup& setup);
    static std::unique_ptr<Layer> make(const LayerSetup& setup) { return std::make_unique<GraphicsLayer>(setup); }
    std::string_view name() const override { return "graphics"; }
    void prepare(const FrameContext& frame) override;
    void draw(const DrawContext& frame) override;
    void sceneChanged(const LayerSetup& setup) override;

    //! Whether scenario feature `index` is drawn as a graphic (its plain line is then left out).
    bool draws(size_t index) const { return _graphics.draws(index); }
    const geo::TacticalGraphics& graphics() const { return _graphics; }

private:
    struct Lines {
        std::unique_ptr<LineLayer> lines;
        glm::vec4 color;
        float widthPx;
    };
    struct Label {
        std::string text;
        glm::dvec3 ground, up; //!< ECEF at height 0, and up there
        float height;          //!< terrain, metres
        glm::vec2 offsetPx;
        int align;
        glm::vec4 color, halo;
        uint32_t scenarios;
    };
    //! This view's labels appended to `out`, the scenarios shown as `half` says.
    void layoutLabels(const HalfView& half, double exaggeration, float scale, size_t maxVertices,
                      std::vector<LabelVertex>& out) const;

    const Context& _context;
    const geo::Terrain& _terrain;
    const Pipeline& _linePipeline;
    TextBatch _text;
    std::shared_ptr<geo::SymbolLibrary> _library; //!< shared by the process's renderers
    std::string _libraryProblem;                  //!< why the library did not start; it is not tried again
    geo::TacticalGraphics _graphics;
    std::vector<Lines> _lines; //!< one per colour and width
    std::vector<Label> _labels;
};

} // namespace renderer
