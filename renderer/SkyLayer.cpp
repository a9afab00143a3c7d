#include "renderer/SkyLayer.h"

#include "geo/Ellipsoid.h"
#include "renderer/Shaders.h"

namespace renderer {

SkyLayer::SkyLayer(const LayerSetup& setup) {
    PipelineDesc sky;
    sky.vertexSpirv = shaders::skyVert();
    sky.fragmentSpirv = shaders::skyFrag();
    sky.depthWrite = false;
    _pipeline = setup.pipelines.make(sky);
}

void SkyLayer::draw(const DrawContext& frame) {
    if (frame.stage != Stage::Surface) return;
    const View& view = frame.view();
    const auto missesEarth = [&](double px, double py) {
        return !geo::intersectEllipsoid(view.eye, view.rayThrough(px, py), 0.0);
    };
    const double w = view.width, h = view.height;
    if (!missesEarth(0, 0) && !missesEarth(w, 0) && !missesEarth(0, h) && !missesEarth(w, h)) return;
    frame.bind(*_pipeline);
    vkCmdDraw(frame.cmd, 3, 1, 0, 0);
}

} // namespace renderer
