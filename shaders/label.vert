#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"

layout(location = 0) in vec3 inAnchor; // anchor minus the eye, metres
layout(location = 1) in vec2 inOffset; // pixels from the anchor, y down
layout(location = 2) in vec2 inUv;
layout(location = 3) in vec4 inColor;
layout(location = 4) in vec4 inHalo;
layout(location = 5) in float inScreen; // 1: inOffset is a pixel position on screen, no anchor

layout(location = 0) out vec2 outUv;
layout(location = 1) out vec4 outColor;
layout(location = 2) out vec4 outHalo;

void main() {
    vec4 p = frame.viewProj * vec4(inAnchor, 1.0);
    p.xy += inOffset * 2.0 / frame.params.yz * p.w;
    // Screen text is placed in the view's pixels; a poster tile's viewport starts at frame.crop.xy.
    if (inScreen > 0.5) p = vec4((inOffset - frame.crop.xy) * 2.0 / frame.params.yz - 1.0, 0.0, 1.0);
    p.z = p.w; // labels sit in front of everything (reversed depth: 1 is nearest)
    gl_Position = p;
    outUv = inUv;
    outColor = inColor;
    outHalo = inHalo;
}
