#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"

// Shading is done per vertex: tiles are refined until a cell spans a few pixels, so per-vertex
// hillshade and tint look the same as per-pixel, at a fraction of the cost on software rasterisers.
layout(push_constant) uniform TilePush {
    vec4 origin; // tile origin minus the eye, metres
    vec4 params; // read by terrain.frag
} tile;

layout(location = 0) in vec3 inPosition;
layout(location = 1) in vec3 inUp;
layout(location = 2) in float inHeight;
layout(location = 3) in float inSkirt;
layout(location = 4) in vec2 inSlope;
layout(location = 5) in vec2 inLonLat;

layout(location = 0) out vec3 outColor;
layout(location = 1) out vec2 outLonLat;
layout(location = 2) out float outLand;

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
    vec3 p = tile.origin.xyz + raise(inPosition, inUp, inHeight, inSkirt);
    gl_Position = frame.viewProj * vec4(p, 1.0);
    vec3 light = normalize(frame.lightDir.xyz);
    if (inHeight <= 0.0) {
        float sun = max(dot(inUp, light), 0.0);
        outColor = waterTint(-inHeight) * (0.55 + 0.45 * sun);
        outLand = 0.0;
    } else {
        // Local east and north from the normal; the exaggerated slope tilts the normal.
        vec3 east = normalize(cross(vec3(0.0, 0.0, 1.0), inUp) + vec3(1e-9, 0.0, 0.0));
        vec3 north = cross(inUp, east);
        vec3 n = normalize(inUp - frame.params.x * (inSlope.x * east + inSlope.y * north));
        // Hillshade: a lit term from the sun and a soft ambient term from the sky.
        float diffuse = max(dot(n, light), 0.0);
        float sky = 0.5 + 0.5 * dot(n, inUp);
        outColor = landTint(inHeight) * (0.35 * sky + 0.75 * diffuse);
        outLand = 1.0;
    }
    outLonLat = inLonLat;
}
