#include "renderer/TextLayers.h"

namespace renderer {

namespace {
constexpr size_t kMaxVertices = 48 * 1024;
} // namespace

PlaceNamesLayer::PlaceNamesLayer(const LayerSetup& setup)
    : _terrain(*setup.inputs.terrain), _text(setup, kMaxVertices) {
    sceneChanged(setup);
}

void PlaceNamesLayer::sceneChanged(const LayerSetup& setup) {
    const SceneInputs& in = setup.inputs;
    _labels.reset(); // it borrows the atlas
    _text.bake(in.font, LabelLayer::codepointsOf(in.places, in.scenarios));
    _labels = std::make_unique<LabelLayer>(_terrain, in.places, in.scenarios, _text.atlas());
    _labels->look = textLook(in.style.theme);
}

void PlaceNamesLayer::prepare(const FrameContext& frame) {
    std::vector<LabelVertex> vertices;
    std::array<std::pair<uint32_t, uint32_t>, 2> ranges{};
    const bool scenarios = frame.scene.shows("scenarios");
    for (size_t h = 0; h < frame.halves.size(); ++h) {
        const HalfView& half = frame.halves[h];
        if (!half.visible) continue;
        const size_t first = vertices.size();
        const LabelLayer::Scenarios shown{scenarios ? half.shown.from : 0u, scenarios ? half.shown.to : 0u,
                                          half.shown.transition};
        frame.stats.labels +=
            _labels->layout(half.view, frame.scene.exaggeration, frame.displayScale, shown,
                            first + _text.maxVertices() / frame.halves.size(), vertices,
                            h < frame.placed.size() ? &frame.placed[h] : nullptr);
        ranges[h] = {uint32_t(first), uint32_t(vertices.size() - first)};
    }
    _text.upload(frame.slot, vertices, ranges);
}

void PlaceNamesLayer::draw(const DrawContext& frame) {
    if (frame.stage == Stage::Screen) _text.draw(frame);
}

OverlayLayer::OverlayLayer(const LayerSetup& setup) : _text(setup, kMaxVertices) {
    for (const auto& layer : setup.earlier) _credited.push_back(layer.get());
    sceneChanged(setup);
}

void OverlayLayer::sceneChanged(const LayerSetup& setup) {
    const SceneInputs& in = setup.inputs;
    // Titles are scenario names or the texts the frames will show; the legend names nations.
    std::vector<char32_t> codepoints = LabelLayer::codepointsOf(in.places, in.scenarios);
    for (char32_t c : Overlay::codepointsOf(in.scenarios, in.nationNames)) codepoints.push_back(c);
    for (const std::string& text : in.screenTexts)
        for (char32_t c : decodeUtf8(text)) codepoints.push_back(c);
    for (char32_t c : decodeUtf8(in.attribution)) codepoints.push_back(c);
    for (const auto* sources : {&in.imagery, &in.globeImagery})
        for (const ImageryInput& imagery : *sources)
            for (char32_t c : decodeUtf8(imagery.credit)) codepoints.push_back(c);
    _overlay.reset(); // it borrows the atlas
    _text.bake(in.font, codepoints);
    _overlay = std::make_unique<Overlay>(_text.atlas(), in.scenarios, in.nationNames, in.attribution, in.style);
    _scenarios = in.scenarios != nullptr;
}

void OverlayLayer::prepare(const FrameContext& frame) {
    std::vector<LabelVertex> vertices;
    std::array<std::pair<uint32_t, uint32_t>, 2> ranges{};
    const SceneView& sv = frame.scene;
    std::string credits; // of the layers shown, prepared before this one in the same frame
    for (const Layer* layer : _credited)
        if (sv.shows(layer->name()))
            if (const std::string c = layer->credit(); !c.empty()) credits += (credits.empty() ? "" : " · ") + c;
    for (size_t h = 0; h < frame.halves.size(); ++h) {
        const HalfView& half = frame.halves[h];
        if (!half.visible) continue;
        const size_t first = vertices.size();
        // Title and captions, legend, and the credits once (bottom right of the frame).
        const OverlayContent content{half.shown.title, half.shown.caption,
                                     sv.legend && sv.shows("scenarios") && _scenarios ? half.shown.to : 0u,
                                     sv.attribution && half.last, credits};
        _overlay->append(content, half.size, frame.displayScale, first + _text.maxVertices() / frame.halves.size(),
                         vertices);
        ranges[h] = {uint32_t(first), uint32_t(vertices.size() - first)};
    }
    _text.upload(frame.slot, vertices, ranges);
}

void OverlayLayer::draw(const DrawContext& frame) {
    if (frame.stage == Stage::Screen) _text.draw(frame);
}

} // namespace renderer
