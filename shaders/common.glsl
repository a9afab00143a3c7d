// Shared by every Bulwark shader: the per-frame uniform block. Matches renderer/GpuTypes.h FrameUniforms.
layout(set = 0, binding = 0) uniform FrameUniforms {
    mat4 viewProj;      // camera-relative: the eye is at the origin
    mat4 inverseViewProj;
    vec4 lightDir;      // xyz: direction toward the sun in ECEF
    vec4 params;        // x: vertical exaggeration, y: viewport width, z: viewport height,
                        // w: stroke scale (renderer/DisplayScale.h): line widths, smallest marker, hatching
    vec4 eyeUp;         // xyz: local up under the eye, w: eye altitude in metres
    uvec4 scenario;     // x: the scenario switched from (one bit), y: the one switched to
    vec4 transition;    // x: progress of the switch, 0..1 (eased); y: pixels per radian
    vec4 crop;          // a poster tile: xy, the viewport's first pixel in its view; zw, the target's in the frame
} frame;

#include "geo/SharedRules.h"

// How present a feature with this scenario mask is (scenarioPresence in geo/SharedRules.h).
// Switching scenarios changes only frame.scenario and .transition.
float presence(uint mask) {
    return scenarioPresence(mask, frame.scenario.x, frame.scenario.y, frame.transition.x);
}

// Raises an ellipsoid point along its normal (geo/SharedRules.h): the sea stays at sea level,
// skirts hang below.
vec3 raise(vec3 position, vec3 up, float height, float skirt) {
    float exaggeration = frame.params.x;
    return position + up * (raisedHeight(height, exaggeration) - skirtDrop(skirt, exaggeration));
}
