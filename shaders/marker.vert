#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"

// Markers standing on the terrain: one prism mesh per kind, one instance per feature. The size is
// in metres, but never under a few pixels (times the stroke scale), so markers read from orbit and
// from 5 km alike, on a laptop and on a video wall.
layout(push_constant) uniform MarkerPush {
    vec4 origin; // batch origin minus the eye, metres
} batch;

layout(location = 0) in vec3 inCorner; // unit prism: x, y in -1..1, z in 0..1
layout(location = 1) in vec3 inNormal;
layout(location = 2) in vec3 instPosition; // ground point (height 0) minus the batch origin
layout(location = 3) in vec3 instUp;
layout(location = 4) in vec3 instSize;     // ground height (m), radius (m), height (m)
layout(location = 5) in vec4 instColor;
layout(location = 6) in uvec2 instMaskStatus;

layout(location = 0) out vec4 outColor;
layout(location = 1) flat out uint outStatus;

void main() {
    float p = presence(instMaskStatus.x);
    vec3 base = batch.origin.xyz + raise(instPosition, instUp, instSize.x, 0.0);
    float distance = length(base);
    float radius = max(instSize.y, 7.0 * frame.params.w * distance / frame.transition.y) * (0.25 + 0.75 * p); // grow in, shrink out
    float height = max(instSize.z, 2.5 * radius) * p;
    vec3 east = normalize(cross(vec3(0.0, 0.0, 1.0), instUp) + vec3(1e-9, 0.0, 0.0));
    vec3 north = cross(instUp, east);
    vec3 world = base + (east * inCorner.x + north * inCorner.y) * radius + instUp * inCorner.z * height;
    gl_Position = p > 0.0 ? frame.viewProj * vec4(world, 1.0) : vec4(0.0, 0.0, -1.0, 1.0);
    vec3 n = normalize(east * inNormal.x + north * inNormal.y + instUp * inNormal.z);
    float light = 0.55 + 0.45 * max(dot(n, normalize(frame.lightDir.xyz)), 0.0);
    outColor = vec4(instColor.rgb * light, instColor.a * p);
    outStatus = instMaskStatus.y;
}
