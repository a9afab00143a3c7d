#pragma once
// Lines of the map draped on the terrain in one style: the "borders", "coastlines" and "rings"
// (geodesic range rings around a selected site) layers.
#include "renderer/Layer.h"
#include "renderer/LineLayer.h"

#include <optional>

namespace renderer {

class MapLinesLayer : public Layer {
public:
    //! `style`'s widths are at stroke scale 1 (DisplayScale.h); the theme restyles it (SceneStyle.h).
    MapLinesLayer(const LayerSetup& setup, std::string name, const std::vector<std::vector<glm::dvec2>>& lines,
                  LineStyle style);
    static std::unique_ptr<Layer> borders(const LayerSetup& setup);
    static std::unique_ptr<Layer> coastlines(const LayerSetup& setup);
    //! Empty until setLines(): SceneRenderer::setRangeRings() fills it.
    static std::unique_ptr<Layer> rings(const LayerSetup& setup);

    std::string_view name() const override { return _name; }
    void draw(const DrawContext& frame) override;
    void sceneChanged(const LayerSetup& setup) override;
    //! New lines (none: nothing drawn); the GPU must not be using the old ones.
    void setLines(const std::vector<std::vector<glm::dvec2>>& lines);

private:
    const Context& _context;
    const geo::Terrain& _terrain;
    std::string _name;
    LineStyle _style;
    Theme _theme;
    const Pipeline& _pipeline;
    std::optional<LineLayer> _lines;
};

} // namespace renderer
