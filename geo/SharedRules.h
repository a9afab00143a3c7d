#ifndef BULWARK_GEO_SHARED_RULES_H
#define BULWARK_GEO_SHARED_RULES_H
// Rules the C++ and the shaders must apply alike, written once (STYLE.md §10, §11): C++ includes
// this header (namespace geo), shaders/common.glsl includes it through glslc's -I. How a height is
// raised by the vertical exaggeration, so the terrain, what lies on it, labels and picking agree;
// and how present a feature of a scenario mask is while the scenarios switch. Write only what both
// languages read alike: ternaries rather than max(), constructor casts, no suffixes.
#ifdef __cplusplus
#include <cstdint>
namespace geo {
#define BULWARK_INLINE inline
#define BULWARK_REAL double
#define BULWARK_UINT std::uint32_t
#else
#define BULWARK_INLINE
#define BULWARK_REAL float
#define BULWARK_UINT uint
#endif

//! Metres above the ellipsoid of ground `height` metres high: land rises `exaggeration` times its
//! height, the sea (height below 0) stays a flat surface at 0.
BULWARK_INLINE BULWARK_REAL raisedHeight(BULWARK_REAL height, BULWARK_REAL exaggeration) {
    return height > BULWARK_REAL(0) ? height * exaggeration : BULWARK_REAL(0);
}

//! Metres a terrain skirt of `skirt` metres hangs below its tile's edge: never less than the
//! skirt itself, so flattened terrain still hides the cracks between levels.
BULWARK_INLINE BULWARK_REAL skirtDrop(BULWARK_REAL skirt, BULWARK_REAL exaggeration) {
    return skirt * (exaggeration > BULWARK_REAL(1) ? exaggeration : BULWARK_REAL(1));
}

//! How present a feature with scenario mask `mask` is while the view switches from the scenario
//! bits `from` to `to`, `transition` running 0 to 1: 1 in both, fading in or out in one, 0 in neither.
BULWARK_INLINE float scenarioPresence(BULWARK_UINT mask, BULWARK_UINT from, BULWARK_UINT to, float transition) {
    bool wasShown = (mask & from) != BULWARK_UINT(0);
    bool isShown = (mask & to) != BULWARK_UINT(0);
    return wasShown && isShown ? float(1) : (isShown ? transition : (wasShown ? float(1) - transition : float(0)));
}

#undef BULWARK_INLINE
#undef BULWARK_REAL
#undef BULWARK_UINT
#ifdef __cplusplus
} // namespace geo
#endif
#endif
