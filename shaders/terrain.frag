#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"

layout(set = 0, binding = 1) uniform sampler2D highlightMask;

layout(location = 0) in vec3 inNormal;
layout(location = 1) in float inHeight;
layout(location = 2) in vec2 inLonLat;
layout(location = 3) in vec3 inUp;
layout(location = 0) out vec4 outColor;

// Hypsometric tint for land, metres -> colour.
vec3 landTint(float h) {
    const float stops[7] = float[](0.0, 150.0, 400.0, 800.0, 1500.0, 2500.0, 4000.0);
    const vec3 colors[7] = vec3[](vec3(0.36, 0.55, 0.33), vec3(0.52, 0.66, 0.38), vec3(0.76, 0.74, 0.48),
                                  vec3(0.72, 0.58, 0.40), vec3(0.60, 0.46, 0.36), vec3(0.72, 0.68, 0.66),
                                  vec3(0.96, 0.96, 0.97));
    for (int i = 0; i < 6; ++i) {
        if (h < stops[i + 1]) return mix(colors[i], colors[i + 1], (h - stops[i]) / (stops[i + 1] - stops[i]));
    }
    return colors[6];
}

// Water from shallow shelf to deep basin.
vec3 waterTint(float depth) {
    float t = clamp(log(1.0 + depth / 25.0) / log(1.0 + 4000.0 / 25.0), 0.0, 1.0);
    return mix(vec3(0.42, 0.66, 0.78), vec3(0.07, 0.20, 0.40), t);
}

void main() {
    vec3 n = normalize(inNormal);
    vec3 l = normalize(frame.lightDir.xyz);
    bool water = inHeight <= 0.0;
    vec3 color;
    if (water) {
        float sun = max(dot(normalize(inUp), l), 0.0);
        color = waterTint(-inHeight) * (0.55 + 0.45 * sun);
    } else {
        // Hillshade: a lit term from the sun and a soft ambient term from the sky.
        float diffuse = max(dot(n, l), 0.0);
        float sky = 0.5 + 0.5 * dot(n, normalize(inUp));
        color = landTint(inHeight) * (0.35 * sky + 0.75 * diffuse);
    }
    vec4 e = frame.maskExtent;
    if (frame.params.w > 0.5 && inLonLat.x >= e.x && inLonLat.x <= e.z && inLonLat.y >= e.y && inLonLat.y <= e.w) {
        vec2 uv = vec2((inLonLat.x - e.x) / (e.z - e.x), (e.w - inLonLat.y) / (e.w - e.y));
        float inside = texture(highlightMask, uv).r;
        color = mix(color, vec3(1.0, 0.86, 0.30), 0.22 * inside * (water ? 0.0 : 1.0));
    }
    outColor = vec4(color, 1.0);
}
