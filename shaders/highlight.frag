#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"
#include "tile.glsl"

// The highlight (Ukraine) draped over the terrain tiles: a gold tint by the coverage each tile's
// image carries in alpha, blended over whatever the terrain and imagery drew.
layout(location = 0) in vec2 inTileUv;
layout(location = 0) out vec4 outColor;

void main() {
    outColor = vec4(1.0, 0.86, 0.30, 0.22 * tileTexel(inTileUv).a * tile.params.y);
}
