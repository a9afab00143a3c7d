#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"
#define TILE_PUSH_EXTRA vec4 mask; // west, north, 1/(width in degrees), 1/(height in degrees) of the mask
#include "tile.glsl"

// A site's coverage (renderer/CoverageLayer.cpp) draped over the terrain tiles: a translucent tint
// where a target is seen, nothing where it is hidden or out of range, and a thin ring at the range's
// edge. The tint is lit by the terrain's own shading under it, so relief reads through it.
layout(set = 1, binding = 1) uniform sampler2D coverageMask; // r: seen, g: within the range

layout(location = 0) in vec2 inTileUv;
layout(location = 0) out vec4 outColor;

void main() {
    vec2 lonLat = tileLonLat(inTileUv);
    vec2 uv = vec2((lonLat.x - tile.mask.x) * tile.mask.z, (tile.mask.y - lonLat.y) * tile.mask.w);
    if (any(lessThan(uv, vec2(0.0))) || any(greaterThan(uv, vec2(1.0)))) discard;
    vec2 m = texture(coverageMask, uv).rg;
    // The edge of the range, about a pixel wide at any zoom: where "within" crosses one half.
    float ring = 1.0 - clamp(abs(m.g - 0.5) / max(fwidth(m.g), 1e-6) - 0.5, 0.0, 1.0);
    float seen = smoothstep(0.25, 0.75, m.r);
    if (seen <= 0.0 && ring <= 0.0) discard;
    // The terrain's shaded brightness lights the tint (a flat tint would hide the relief).
    float light = clamp(dot(tileTexel(inTileUv).rgb, vec3(0.299, 0.587, 0.114)) * 1.8 + 0.25, 0.0, 1.3);
    vec3 tint = vec3(0.10, 0.85, 0.95) * light;
    float alpha = max(0.45 * seen, 0.9 * ring);
    outColor = vec4(mix(tint, vec3(0.05, 0.45, 0.55), ring * (1.0 - seen)), alpha);
}
