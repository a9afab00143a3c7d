#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"
#define TILE_PUSH_EXTRA vec4 box; // the mask's west, south, east, north, degrees
#include "tile.glsl"

// The highlight (Ukraine) draped over the terrain tiles: a gold tint by the country's coverage
// (a mask over its box), on land only, blended over whatever the terrain and imagery drew.
layout(set = 1, binding = 1) uniform sampler2D mask; // 1: inside, row 0 north

layout(location = 0) in vec2 inTileUv;
layout(location = 0) out vec4 outColor;

void main() {
    vec2 lonLat = tileLonLat(inTileUv);
    vec2 uv = vec2((lonLat.x - tile.box.x) / (tile.box.z - tile.box.x), (tile.box.w - lonLat.y) / (tile.box.w - tile.box.y));
    bool inside = all(greaterThanEqual(uv, vec2(0.0))) && all(lessThanEqual(uv, vec2(1.0)));
    float coverage = inside ? texture(mask, uv).r : 0.0;
    float land = tileTexel(inTileUv).a > 0.0 ? 1.0 : 0.0;
    outColor = vec4(1.0, 0.86, 0.30, 0.22 * coverage * land);
}
