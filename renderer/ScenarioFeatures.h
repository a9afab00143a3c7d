#pragma once
// Every feature of every scenario, uploaded once: markers (hubs, equipment sites, forces, stations)
// as prisms standing on the terrain, areas (sea and monitoring zones, the occupied area) on the
// water and the ground, air zones as volumes between floor and ceiling, and the line of contact
// and corridors as lines. Each carries its scenario mask; which scenario shows is decided per
// frame on the GPU from the frame uniforms (presence() in common.glsl).
#include "geo/Terrain.h"
#include "geo/Scenario.h"
#include "renderer/Buffer.h"
#include "renderer/LineLayer.h"
#include "renderer/SceneStyle.h"
#include "renderer/View.h"

#include <array>
#include <memory>
#include <vector>

namespace renderer {

class ScenarioFeatures {
public:
    //! Colours come from `style`'s palette, lines are drawn in its theme: a new style is a new layer.
    ScenarioFeatures(const Context& context, const geo::Terrain& terrain, const geo::ScenarioSet& scenarios,
                  SceneStyle style = {});

    //! The area pipeline is bound: fills and air-zone volumes.
    void drawAreas(VkCommandBuffer cmd, VkPipelineLayout layout, const View& view) const;
    //! The marker pipeline is bound: one instanced draw per marker shape.
    void drawMarkers(VkCommandBuffer cmd, VkPipelineLayout layout, const View& view) const;
    //! The line pipeline is bound: the line of contact (unless `contactLine` is false: the "graphics"
    //! layer draws it as the standard's line of contact) and corridors.
    void drawLines(VkCommandBuffer cmd, VkPipelineLayout layout, const View& view, double exaggeration, float scale,
                   bool contactLine = true) const;

private:
    struct AreaBatch {
        Buffer vertices;
        glm::dvec3 origin;
        uint32_t count = 0;
    };
    struct Shape {
        uint32_t firstIndex = 0, indexCount = 0; //!< in _prismIndices
        uint32_t firstInstance = 0, instanceCount = 0;
    };
    std::vector<AreaBatch> _areas;
    Buffer _prismCorners, _prismIndices, _instances;
    glm::dvec3 _markerOrigin{0.0};
    std::array<Shape, 4> _shapes; //!< hub, equipment site, force, station
    std::unique_ptr<LineLayer> _contactLines, _corridors;
    SceneStyle _style;
};

} // namespace renderer
