#pragma once
// Polylines draped on the terrain (borders, coastlines) drawn as joined screen-space ribbons of a
// given pixel width with an optional darker casing. Points are sampled on the terrain and raised by
// the same exaggeration. Lines are cut into small batches, each culled against the view and drawn
// in full or, from far away, simplified.
#include "geo/Terrain.h"
#include "renderer/Buffer.h"
#include "renderer/Pipeline.h"
#include "renderer/View.h"

#include <glm/glm.hpp>
#include <vector>

namespace renderer {

enum class Theme; // SceneStyle.h

struct LineStyle {
    glm::vec4 color{1.0f};
    float widthPx = 2.0f;
    glm::vec4 casingColor{0.0f, 0.0f, 0.0f, 1.0f};
    float casingWidthPx = 0.0f; //!< total width including the line; 0 for no casing
};

class LineLayer {
public:
    //! Densifies the lon/lat polylines to `maxStepDeg`, samples heights and uploads once.
    //! `scenarios`, when given, holds each line's scenario mask (line.vert fades lines by it);
    //! without it every line is always drawn.
    LineLayer(const Context& context, const geo::Terrain& terrain, const std::vector<std::vector<glm::dvec2>>& lines,
              const std::vector<uint32_t>* scenarios = nullptr, double maxStepDeg = 0.05);

    //! The theme restyles every draw (themed() in SceneStyle.h): callers give the standard look.
    void setTheme(Theme theme) { _theme = theme; }

    //! The line pipeline (line.vert, line.frag): layers share it as PipelineCache::shared("line").
    static PipelineDesc pipelineDesc();

    //! The line pipeline is bound; draws every batch the view sees. Returns segments drawn.
    size_t draw(VkCommandBuffer cmd, VkPipelineLayout layout, const View& view, double exaggeration,
                const LineStyle& style) const;

    //! Simplification of the far level of detail, degrees; it is drawn where this is under about
    //! a line's width (1.5 px). It also leaves out pieces smaller than three times this (islets, ponds).
    static constexpr double kCoarseToleranceDeg = 0.015;

private:
    struct Level {
        Buffer points;
        Buffer indices;
        uint32_t indexCount = 0;
    };
    struct Batch {
        glm::dvec3 origin;
        double radius = 0;
        float maxHeight = 0;
        Level fine, coarse;
    };
    std::vector<Batch> _batches;
    Theme _theme{}; //!< Theme::Standard
};

} // namespace renderer
