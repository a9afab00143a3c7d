#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"

// Two pipelines from this shader: tiles wholly inside or outside the highlight take the flat
// value from the push constant; only tiles across its edge read the mask per pixel, since a
// software rasteriser pays for a texture read on every pixel even behind a branch.
layout(constant_id = 0) const bool kPerPixelHighlight = false;

layout(set = 0, binding = 1) uniform sampler2D highlightMask;
layout(push_constant) uniform TilePush {
    vec4 origin;
    vec4 params; // x: highlight of the whole tile (0 or 1) when not per pixel
} tile;

layout(location = 0) in vec3 inColor;
layout(location = 1) in vec2 inLonLat;
layout(location = 2) in float inLand; // 1 on land, 0 on water
layout(location = 0) out vec4 outColor;

void main() {
    float highlight = tile.params.x;
    if (kPerPixelHighlight) {
        vec4 e = frame.maskExtent;
        vec2 uv = vec2((inLonLat.x - e.x) / (e.z - e.x), (e.w - inLonLat.y) / (e.w - e.y));
        ivec2 size = textureSize(highlightMask, 0);
        highlight = texelFetch(highlightMask, clamp(ivec2(uv * vec2(size)), ivec2(0), size - 1), 0).r;
    }
    outColor = vec4(mix(inColor, vec3(1.0, 0.86, 0.30), 0.22 * highlight * inLand), 1.0);
}
