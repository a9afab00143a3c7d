#ifndef BULWARK_GEO_SHARED_RULES_H
#define BULWARK_GEO_SHARED_RULES_H
// Rules the C++ and the shaders must apply alike, written once (STYLE.md §10, §11): C++ includes
// this header (namespace geo), shaders/common.glsl includes it through glslc's -I. How a height is
// raised by the vertical exaggeration, so the terrain, what lies on it, labels and picking agree;
// and how present a feature of a scenario mask is while the scenarios switch. Write only what both
// languages read alike: ternaries rather than max(), constructor casts, no suffixes. And how the
// terrain's hillshade is carried to the drapes (imagery) in its tile images' alpha.
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

//! The hillshade of flat land (renderer/TerrainShading.cpp: a sun 45 degrees up, half sky light).
#define BULWARK_FLAT_SHADE (BULWARK_REAL(0.35) + BULWARK_REAL(0.75) * BULWARK_REAL(0.70710678))

//! A terrain tile image's alpha for a land texel's hillshade `shade` (0 .. about 1.1): flat land
//! is 0.5. The sea is 0 (land() below), so drapes tell land from water and light only the land.
BULWARK_INLINE BULWARK_REAL hillshadeAlpha(BULWARK_REAL shade) {
    BULWARK_REAL a = shade / (BULWARK_REAL(2) * BULWARK_FLAT_SHADE);
    return a < BULWARK_REAL(1) / BULWARK_REAL(255) ? BULWARK_REAL(1) / BULWARK_REAL(255)
                                                   : (a > BULWARK_REAL(1) ? BULWARK_REAL(1) : a);
}

//! What a drape multiplies its colour by to be lit as the terrain under it: 1 on flat land and
//! on water (alpha 0), darker on slopes away from the sun, brighter on those facing it.
BULWARK_INLINE BULWARK_REAL hillshadeLight(BULWARK_REAL alpha) {
    return alpha > BULWARK_REAL(0) ? alpha * BULWARK_REAL(2) : BULWARK_REAL(1);
}

#undef BULWARK_FLAT_SHADE
#undef BULWARK_INLINE
#undef BULWARK_REAL
#undef BULWARK_UINT
#ifdef __cplusplus
} // namespace geo
#endif
#endif
