#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"

layout(push_constant) uniform TilePush {
    vec4 origin; // tile origin minus the eye, metres
} tile;

layout(location = 0) in vec3 inPosition;
layout(location = 1) in vec3 inUp;
layout(location = 2) in float inHeight;
layout(location = 3) in float inSkirt;
layout(location = 4) in vec2 inSlope;
layout(location = 5) in vec2 inLonLat;

layout(location = 0) out vec3 outNormal;
layout(location = 1) out float outHeight;
layout(location = 2) out vec2 outLonLat;
layout(location = 3) out vec3 outUp;

void main() {
    vec3 p = tile.origin.xyz + raise(inPosition, inUp, inHeight, inSkirt);
    gl_Position = frame.viewProj * vec4(p, 1.0);
    // Local east and north from the normal; the exaggerated slope tilts the normal.
    vec3 east = normalize(cross(vec3(0.0, 0.0, 1.0), inUp) + vec3(1e-9, 0.0, 0.0));
    vec3 north = cross(inUp, east);
    float k = frame.params.x;
    outNormal = normalize(inUp - k * (inSlope.x * east + inSlope.y * north));
    outHeight = inHeight;
    outLonLat = inLonLat;
    outUp = inUp;
}
