#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"

// Joined polylines: every point is stored twice (one per side of the ribbon) and each vertex reads
// the previous, its own and the next point through three bindings of the same buffer, offset by
// one point, to place a mitred joint. Points are raised by the same exaggeration as the terrain.
layout(push_constant) uniform LinePush {
    vec4 origin;      // batch origin minus the eye, metres
    vec4 color;       // the line
    vec4 casingColor; // the darker edge around it
    vec4 style;       // x: line width px, y: casing width px (total), z: depth pull toward the eye
} line;

layout(location = 0) in vec3 prevPosition;
layout(location = 1) in vec3 prevUp;
layout(location = 2) in vec2 prevHeightSide;
layout(location = 3) in vec3 position;
layout(location = 4) in vec3 up;
layout(location = 5) in vec2 heightSide;
layout(location = 6) in vec3 nextPosition;
layout(location = 7) in vec3 nextUp;
layout(location = 8) in vec2 nextHeightSide;
layout(location = 9) in uint scenarioMask; // all bits set for borders and coasts

layout(location = 0) out float outAcross; // -1 .. 1 across the ribbon
layout(location = 1) out float outPresence;

vec4 project(vec3 p, vec3 n, float height) {
    vec3 q = line.origin.xyz + raise(p, n, height, 0.0) + n * 15.0 * frame.params.x;
    // Pulled toward the eye so the line wins the depth test on the terrain it lies on, yet hills
    // in front still hide it.
    q *= 1.0 - line.style.z;
    return frame.viewProj * vec4(q, 1.0);
}

void main() {
    vec4 c = project(position, up, heightSide.x);
    vec2 viewport = frame.params.yz;
    vec2 sc = c.xy / c.w * viewport;
    bool hasPrev = prevHeightSide.y != 0.0;
    bool hasNext = nextHeightSide.y != 0.0;
    vec2 dirIn = vec2(0.0), dirOut = vec2(0.0);
    if (hasPrev) {
        vec4 p = project(prevPosition, prevUp, prevHeightSide.x);
        vec2 d = sc - p.xy / p.w * viewport;
        dirIn = length(d) > 1e-4 ? normalize(d) : vec2(0.0);
    }
    if (hasNext) {
        vec4 n = project(nextPosition, nextUp, nextHeightSide.x);
        vec2 d = n.xy / n.w * viewport - sc;
        dirOut = length(d) > 1e-4 ? normalize(d) : vec2(0.0);
    }
    vec2 dir = normalize(dirIn + dirOut + vec2(1e-6, 0.0));
    vec2 normal = vec2(-dir.y, dir.x);
    // Mitre: lengthen the offset at a bend, but never past twice the width (no spikes).
    vec2 segmentNormal = hasNext ? vec2(-dirOut.y, dirOut.x) : vec2(-dirIn.y, dirIn.x);
    float miter = 1.0 / max(abs(dot(normal, segmentNormal)), 0.5);
    float halfWidth = 0.5 * max(line.style.x, line.style.y) + 1.0; // plus a pixel of fringe
    float side = sign(heightSide.y);
    c.xy += normal * side * halfWidth * miter / viewport * c.w;
    float p = presence(scenarioMask);
    gl_Position = c.w > 0.0 && p > 0.0 ? c : vec4(0.0, 0.0, -1.0, 1.0);
    outAcross = side;
    outPresence = p;
}
