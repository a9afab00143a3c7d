#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"
#include "tile.glsl"

layout(location = 0) in vec2 inTileUv;
layout(location = 0) out vec4 outColor;

void main() {
    outColor = vec4(tileTexel(inTileUv).rgb, 1.0);
}
