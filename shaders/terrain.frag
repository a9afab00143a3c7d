#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"

// Two pipelines from this shader. Most tiles are refined until a texel of their image spans
// about a pixel, and read it unfiltered (a software rasteriser pays dearly for filtering); tiles
// magnified past their data's detail filter it, or they would look blocky.
layout(constant_id = 0) const bool kFiltered = false;

layout(set = 0, binding = 1) uniform sampler2DArray tileImages; // rgb: shaded colour, a: highlight

layout(push_constant) uniform TilePush {
    vec4 origin;
    vec4 params; // x: layer, y: highlight on
} tile;

layout(location = 0) in vec2 inTileUv;
layout(location = 0) out vec4 outColor;

void main() {
    // Texel centres sit on the tile's edges (renderer/TerrainLayer.h), so edges match neighbours.
    float size = float(textureSize(tileImages, 0).x);
    vec4 texel;
    if (kFiltered) {
        texel = textureLod(tileImages, vec3((0.5 + inTileUv * (size - 1.0)) / size, tile.params.x), 0.0);
    } else {
        texel = texelFetch(tileImages, ivec3(ivec2(inTileUv * (size - 1.0) + 0.5), int(tile.params.x)), 0);
    }
    outColor = vec4(mix(texel.rgb, vec3(1.0, 0.86, 0.30), 0.22 * texel.a * tile.params.y), 1.0);
}
