#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"

// Terrain tiles: the grid raised by the exaggeration; the look comes from the tile's image
// (renderer/TerrainShading.cpp), so the shaders only place and sample.
layout(push_constant) uniform TilePush {
    vec4 origin; // tile origin minus the eye, metres
    vec4 params; // x: the tile's layer in the image array (tile.glsl)
} tile;

// Drapes draw the same tiles again with this shader and pass the depth test on equal depth. (Not
// `invariant gl_Position`: glslang decorates the gl_PerVertex member, which the validation layer
// flags; the same SPIR-V and inputs give the same position in practice on every driver we use.)

layout(location = 0) in vec3 inPosition;
layout(location = 1) in vec3 inUp;
layout(location = 2) in float inHeight;
layout(location = 3) in float inSkirt;
layout(location = 4) in vec2 inTileUv;

layout(location = 0) out vec2 outTileUv;

void main() {
    vec3 p = tile.origin.xyz + raise(inPosition, inUp, inHeight, inSkirt);
    gl_Position = frame.viewProj * vec4(p, 1.0);
    outTileUv = inTileUv;
}
