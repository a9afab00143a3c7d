#include "renderer/MapLinesLayer.h"

#include "renderer/DisplayScale.h"

namespace renderer {

MapLinesLayer::MapLinesLayer(const LayerSetup& setup, std::string name,
                             const std::vector<std::vector<glm::dvec2>>& lines, LineStyle style)
    : _context(setup.context), _terrain(*setup.inputs.terrain), _name(std::move(name)), _style(style),
      _theme(setup.inputs.style.theme), _pipeline(setup.pipelines.shared("line", &LineLayer::pipelineDesc)) {
    setLines(lines);
}

std::unique_ptr<Layer> MapLinesLayer::borders(const LayerSetup& setup) {
    return std::make_unique<MapLinesLayer>(setup, "borders", setup.inputs.borders,
                                           LineStyle{{1.0f, 0.93f, 0.80f, 1.0f}, 2.5f, {0.10f, 0.08f, 0.07f, 1.0f}, 5.5f});
}

std::unique_ptr<Layer> MapLinesLayer::coastlines(const LayerSetup& setup) {
    return std::make_unique<MapLinesLayer>(setup, "coastlines", setup.inputs.coastlines,
                                           LineStyle{{0.12f, 0.26f, 0.42f, 1.0f}, 1.5f});
}

std::unique_ptr<Layer> MapLinesLayer::rings(const LayerSetup& setup) {
    return std::make_unique<MapLinesLayer>(
        setup, "rings", std::vector<std::vector<glm::dvec2>>{},
        LineStyle{{1.0f, 1.0f, 1.0f, 0.9f}, 1.5f, {0.05f, 0.05f, 0.08f, 0.9f}, 3.5f});
}

void MapLinesLayer::setLines(const std::vector<std::vector<glm::dvec2>>& lines) {
    _lines.reset();
    if (lines.empty()) return;
    _lines.emplace(_context, _terrain, lines);
    _lines->setTheme(_theme);
}

void MapLinesLayer::sceneChanged(const LayerSetup& setup) {
    _theme = setup.inputs.style.theme;
    if (_lines) _lines->setTheme(_theme);
}

void MapLinesLayer::draw(const DrawContext& frame) {
    if (frame.stage != Stage::Lines || !_lines) return;
    const float scale = strokeScale(frame.displayScale);
    LineStyle style = _style;
    style.widthPx *= scale;
    style.casingWidthPx *= scale;
    frame.bind(_pipeline);
    frame.stats.lineSegments += _lines->draw(frame.cmd, _pipeline.layout(), frame.view(), frame.scene.exaggeration, style);
}

} // namespace renderer
