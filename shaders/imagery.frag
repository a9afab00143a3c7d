#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"
#define TILE_PUSH_EXTRA vec4 imageryUv; vec4 imageryParams;
#include "tile.glsl"

// Imagery draped over a terrain tile (renderer/ImageryLayer.h): the source's tile of the same key,
// or a sub-rectangle of a coarser one while the finer loads; lit by the terrain's hillshade,
// transparent where the source has no data, blended by the layer's opacity.
layout(set = 1, binding = 1) uniform sampler2DArray imagery; // rgba, alpha 0: no data

layout(location = 0) in vec2 inTileUv;
layout(location = 0) out vec4 outColor;

void main() {
    // imageryUv: xy the offset into the imagery tile, z its scale, w its layer.
    vec2 uv = tile.imageryUv.xy + inTileUv * tile.imageryUv.z;
    vec4 c = texture(imagery, vec3(uv, tile.imageryUv.w));
    float light = hillshadeLight(tileTexel(inTileUv).a);
    outColor = vec4(min(c.rgb * light, vec3(1.0)), c.a * tile.imageryParams.x);
}
