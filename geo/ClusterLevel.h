#ifndef BULWARK_GEO_CLUSTER_LEVEL_H
#define BULWARK_GEO_CLUSTER_LEVEL_H
// Which level of the symbol clusters a view shows at a point, for geo/SymbolClusters, renderer/SymbolLayer
// (which picks on the CPU what each frame draws) and the tests; written as geo/SharedRules.h is, so a
// shader that picks on the GPU can include it (glslc -I the source root) and agree. At level l the
// items drawn (clusters and lone sites) stand more than kClusterRadius0M / 2^l metres apart; a view
// uses the finest level whose spacing still leaves `separationPx` between symbols.
#ifdef __cplusplus
#include <cmath>
namespace geo {
using std::floor;
using std::log2;
#define BULWARK_INLINE inline
#else
#define BULWARK_INLINE
#endif

const float kClusterRadius0M = 1024000.0; //!< spacing of level 0, metres: one symbol per 1,000 km
const int kClusterLevels = 13;            //!< levels 0..12 cluster; level 13 shows every site

//! Spacing of the items at `level`, metres.
BULWARK_INLINE float clusterRadius(int level) {
    return kClusterRadius0M / float(1 << level);
}

//! The level shown at a point `distanceM` from the eye, with `pixelsPerRadian` of the view and symbols
//! needing `separationPx` between their anchors: 0 (coarsest) .. kClusterLevels (every site).
BULWARK_INLINE int clusterLevel(float distanceM, float pixelsPerRadian, float separationPx) {
    float d = distanceM > float(1) ? distanceM : float(1);
    float spacing = kClusterRadius0M * pixelsPerRadian / (separationPx * d);
    float level = spacing > float(1) ? floor(log2(spacing)) : float(0);
    return level < float(kClusterLevels) ? int(level) : kClusterLevels;
}

#undef BULWARK_INLINE
#ifdef __cplusplus
} // namespace geo
#endif
#endif
