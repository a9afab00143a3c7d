#pragma once
// Polylines draped on the terrain (borders, coastlines) drawn as screen-space ribbons of a given
// pixel width. Points are sampled on the terrain and raised by the same exaggeration.
#include "geo/HeightGrid.h"
#include "renderer/Buffer.h"

#include <glm/glm.hpp>
#include <vector>

namespace renderer {

struct LineStyle {
    glm::vec4 color{1.0f};
    float widthPx = 2.0f;
};

class LineLayer {
public:
    //! Densifies the lon/lat polylines to `maxStepDeg`, samples heights and uploads once.
    LineLayer(const Context& context, const geo::Terrain& terrain, const std::vector<std::vector<glm::dvec2>>& lines,
              double maxStepDeg = 0.05);

    //! The line pipeline is bound; draws every batch in `style`.
    void draw(VkCommandBuffer cmd, VkPipelineLayout layout, const glm::dvec3& eye, const LineStyle& style) const;
    size_t segmentCount() const;

private:
    struct Batch {
        Buffer points;
        glm::dvec3 origin;
        uint32_t count = 0;
    };
    std::vector<Batch> _batches;
};

} // namespace renderer
