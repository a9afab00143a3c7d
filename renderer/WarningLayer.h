#pragma once
// The "warnings" layer: the planning rules an edit breaks, drawn in the scene (so stills show them
// too). Each site breaking a rule gets a warning ring; for the 150 km rule, the geodesic to the
// nearest point of the line of contact is drawn on the terrain with its length as a label halfway.
// Empty until warnings are given: SceneInputs::warnings for a still, SceneRenderer::setRuleWarnings()
// after each edit in the viewer (geo::ruleWarnings(document) makes them).
#include "geo/edit/RuleWarnings.h"
#include "renderer/Layer.h"
#include "renderer/LineLayer.h"
#include "renderer/TextBatch.h"

#include <optional>
#include <vector>

namespace renderer {

class WarningLayer : public Layer {
public:
    explicit WarningLayer(const LayerSetup& setup);
    static std::unique_ptr<Layer> make(const LayerSetup& setup) { return std::make_unique<WarningLayer>(setup); }
    std::string_view name() const override { return "warnings"; }
    void prepare(const FrameContext& frame) override;
    void draw(const DrawContext& frame) override;
    void sceneChanged(const LayerSetup& setup) override;
    //! New warnings (none: nothing drawn); the GPU must not be using the old ones.
    void setWarnings(std::vector<geo::RuleWarning> warnings);

    //! The colour warnings are drawn in: a magenta no terrain tint, border or scenario feature uses
    //! (the line of contact is red).
    static constexpr glm::vec4 kColor{1.0f, 0.15f, 0.8f, 1.0f};

private:
    const Context& _context;
    const geo::Terrain& _terrain;
    const Pipeline& _linePipeline;
    TextBatch _text;
    TextLook _look;
    std::vector<geo::RuleWarning> _warnings;
    std::optional<LineLayer> _lines; //!< the geodesics to the line of contact
};

} // namespace renderer
