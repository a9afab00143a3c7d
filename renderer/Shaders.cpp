#include "renderer/Shaders.h"

namespace renderer::shaders {

namespace {
const uint32_t kTerrainVert[] = {
#include "shaders/terrain_vert.inc"
};
const uint32_t kTerrainFrag[] = {
#include "shaders/terrain_frag.inc"
};
const uint32_t kLineVert[] = {
#include "shaders/line_vert.inc"
};
const uint32_t kLineFrag[] = {
#include "shaders/line_frag.inc"
};
const uint32_t kLabelVert[] = {
#include "shaders/label_vert.inc"
};
const uint32_t kLabelFrag[] = {
#include "shaders/label_frag.inc"
};
const uint32_t kSkyVert[] = {
#include "shaders/sky_vert.inc"
};
const uint32_t kSkyFrag[] = {
#include "shaders/sky_frag.inc"
};
const uint32_t kMarkerVert[] = {
#include "shaders/marker_vert.inc"
};
const uint32_t kMarkerFrag[] = {
#include "shaders/marker_frag.inc"
};
const uint32_t kAreaVert[] = {
#include "shaders/area_vert.inc"
};
const uint32_t kAreaFrag[] = {
#include "shaders/area_frag.inc"
};
const uint32_t kHighlightFrag[] = {
#include "shaders/highlight_frag.inc"
};
const uint32_t kSymbolVert[] = {
#include "shaders/symbol_vert.inc"
};
const uint32_t kSymbolFrag[] = {
#include "shaders/symbol_frag.inc"
};
const uint32_t kCoverageFrag[] = {
#include "shaders/coverage_frag.inc"
};
const uint32_t kImageryFrag[] = {
#include "shaders/imagery_frag.inc"
};
} // namespace

std::span<const uint32_t> terrainVert() {
    return kTerrainVert;
}
std::span<const uint32_t> terrainFrag() {
    return kTerrainFrag;
}
std::span<const uint32_t> lineVert() {
    return kLineVert;
}
std::span<const uint32_t> lineFrag() {
    return kLineFrag;
}
std::span<const uint32_t> labelVert() {
    return kLabelVert;
}
std::span<const uint32_t> labelFrag() {
    return kLabelFrag;
}
std::span<const uint32_t> skyVert() {
    return kSkyVert;
}
std::span<const uint32_t> skyFrag() {
    return kSkyFrag;
}

std::span<const uint32_t> markerVert() {
    return kMarkerVert;
}
std::span<const uint32_t> markerFrag() {
    return kMarkerFrag;
}
std::span<const uint32_t> areaVert() {
    return kAreaVert;
}
std::span<const uint32_t> areaFrag() {
    return kAreaFrag;
}
std::span<const uint32_t> highlightFrag() {
    return kHighlightFrag;
}
std::span<const uint32_t> symbolVert() {
    return kSymbolVert;
}
std::span<const uint32_t> symbolFrag() {
    return kSymbolFrag;
}
std::span<const uint32_t> coverageFrag() {
    return kCoverageFrag;
};
std::span<const uint32_t> imageryFrag() {
    return kImageryFrag;
}

} // namespace renderer::shaders
