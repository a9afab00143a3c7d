#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"

// One instance per segment: binding 0 reads point i, binding 1 reads point i+1 of the same buffer.
layout(push_constant) uniform LinePush {
    vec4 origin; // batch origin minus the eye, metres
    vec4 color;
    vec4 style; // x: width in pixels, y: depth pull toward the eye (fraction of distance)
} line;

layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aUp;
layout(location = 2) in vec2 aHeightFlag;
layout(location = 3) in vec3 bPosition;
layout(location = 4) in vec3 bUp;
layout(location = 5) in vec2 bHeightFlag;

layout(location = 0) out float outAcross;

vec4 project(vec3 position, vec3 up, float height) {
    vec3 p = line.origin.xyz + raise(position, up, height, 0.0) + up * 15.0 * frame.params.x;
    // Pull toward the eye so the line wins the depth test on the terrain it lies on, yet hills
    // in front still hide it.
    p *= 1.0 - line.style.y;
    return frame.viewProj * vec4(p, 1.0);
}

void main() {
    vec4 a = project(aPosition, aUp, aHeightFlag.x);
    vec4 b = project(bPosition, bUp, bHeightFlag.x);
    int corner = gl_VertexIndex; // two triangles: 0 1 2, 2 1 3
    const int ends[6] = int[](0, 0, 1, 1, 0, 1);
    const float sides[6] = float[](-1.0, 1.0, -1.0, -1.0, 1.0, 1.0);
    bool broken = aHeightFlag.y < 0.5 || bHeightFlag.y < 0.5 || a.w <= 0.0 || b.w <= 0.0;
    vec2 viewport = frame.params.yz;
    vec2 sa = a.xy / a.w * viewport, sb = b.xy / b.w * viewport;
    vec2 dir = sb - sa;
    dir = length(dir) > 1e-6 ? normalize(dir) : vec2(1.0, 0.0);
    vec2 normal = vec2(-dir.y, dir.x);
    vec4 p = ends[corner] == 0 ? a : b;
    // Extend along the segment by half a width so joints close; across by half a width plus a
    // pixel of fringe that the fragment shader fades for anti-aliasing.
    float halfWidth = 0.5 * line.style.x + 1.0;
    float along = (ends[corner] == 0 ? -1.0 : 1.0) * 0.5 * line.style.x;
    vec2 offsetPx = normal * sides[corner] * halfWidth + dir * along;
    p.xy += offsetPx / viewport * p.w;
    gl_Position = broken ? vec4(0.0, 0.0, -1.0, 1.0) : p;
    outAcross = sides[corner];
}
