// Which level of the symbol clusters a view shows at a point: shared by C++ (geo/SymbolClusters,
// tests, picking) and GLSL (shaders/symbol.vert), so the CPU and the GPU agree on what is drawn.
// At level l, the items drawn (clusters and lone sites) stand more than kClusterRadius0M / 2^l metres
// apart; a view uses the finest level whose spacing still leaves `separationPx` between symbols.
#ifdef __cplusplus
#pragma once
#include <algorithm>
#include <cmath>
namespace geo {
using std::clamp;
using std::floor;
using std::log2;
using std::max;
#define CLUSTER_INLINE inline
#else
#define CLUSTER_INLINE
#endif

const float kClusterRadius0M = 1024000.0f; //!< spacing of level 0, metres: one symbol per 1,000 km
const int kClusterLevels = 13;             //!< levels 0..12 cluster; level 13 shows every site

//! Spacing of the items at `level`, metres.
CLUSTER_INLINE float clusterRadius(int level) {
    return kClusterRadius0M / float(1 << level);
}

//! The level shown at a point `distanceM` from the eye, with `pixelsPerRadian` of the view and symbols
//! needing `separationPx` between their anchors: 0 (coarsest) .. kClusterLevels (every site).
CLUSTER_INLINE int clusterLevel(float distanceM, float pixelsPerRadian, float separationPx) {
    float spacing = kClusterRadius0M * pixelsPerRadian / (separationPx * max(distanceM, 1.0f));
    return int(clamp(floor(log2(max(spacing, 1e-6f))), 0.0f, float(kClusterLevels)));
}

#ifdef __cplusplus
} // namespace geo
#endif
#undef CLUSTER_INLINE
