#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"

// Areas: zones on the water and the ground (triangulated, at their heights), and air zones as
// volumes between floor and ceiling. Heights follow the exaggeration; translucent.
layout(push_constant) uniform AreaPush {
    vec4 origin; // batch origin minus the eye, metres
} batch;

layout(location = 0) in vec3 inPosition; // ellipsoid point minus the batch origin
layout(location = 1) in vec3 inUp;
layout(location = 2) in float inHeight; // metres above sea level
layout(location = 3) in vec4 inColor;
layout(location = 4) in uvec2 inMaskStatus;

layout(location = 0) out vec4 outColor;
layout(location = 1) flat out uint outStatus;

void main() {
    float p = presence(inMaskStatus.x);
    vec3 q = batch.origin.xyz + raise(inPosition, inUp, inHeight, 0.0) + inUp * 40.0;
    q *= 1.0 - 0.002; // a little toward the eye: wins the depth test on the ground it covers
    gl_Position = p > 0.0 ? frame.viewProj * vec4(q, 1.0) : vec4(0.0, 0.0, -1.0, 1.0);
    outColor = vec4(inColor.rgb, inColor.a * p);
    outStatus = inMaskStatus.y;
}
