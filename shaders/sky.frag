#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"

// The sky behind the globe: haze at the horizon, blue above, fading to space with altitude.
layout(location = 0) in vec2 inNdc;
layout(location = 0) out vec4 outColor;

void main() {
    vec4 p = frame.inverseViewProj * vec4(inNdc, 1.0, 1.0);
    vec3 ray = normalize(p.xyz / p.w);
    float elevation = dot(ray, frame.eyeUp.xyz);
    vec3 haze = vec3(0.72, 0.80, 0.88), zenith = vec3(0.22, 0.42, 0.72), space = vec3(0.015, 0.02, 0.045);
    vec3 sky = mix(haze, zenith, smoothstep(-0.05, 0.45, elevation));
    // Above about 60 km there is no more sky to see, only the thin rim of the atmosphere.
    float high = smoothstep(8.0e3, 6.0e4, frame.eyeUp.w);
    outColor = vec4(mix(sky, space, high), 1.0);
}
