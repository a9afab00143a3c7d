#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"
#include "hatch.glsl"

layout(location = 0) in vec4 inColor;
layout(location = 1) flat in uint inStatus;
layout(location = 0) out vec4 outColor;

void main() {
    outColor = vec4(inColor.rgb, inColor.a * hatch(inStatus));
}
