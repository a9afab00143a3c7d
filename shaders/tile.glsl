// A terrain tile's shaded image (renderer/TerrainShading.cpp), for terrain.frag and every pass
// draped over the tiles. Two pipelines from each such shader: most tiles are refined until a
// texel of their image spans about a pixel, and read it unfiltered (a software rasteriser pays
// dearly for filtering); tiles magnified past their data's detail filter it, or they would look blocky.
layout(constant_id = 0) const bool kFiltered = false;

layout(set = 1, binding = 0) uniform sampler2DArray tileImages; // rgb: shaded colour, a: hillshade (0: water)

// A drape adds its own push constants after the tile's by defining TILE_PUSH_EXTRA first.
#ifndef TILE_PUSH_EXTRA
#define TILE_PUSH_EXTRA
#endif
layout(push_constant) uniform TilePush {
    vec4 origin; // xyz: tile origin minus the eye, metres; w: the tile's size in degrees
    vec4 params; // x: the tile's layer in the image array; z, w: its west and north edges, degrees
    TILE_PUSH_EXTRA
} tile;

vec4 tileTexel(vec2 tileUv) {
    // Texel centres sit on the tile's edges (renderer/TerrainLayer.h), so edges match neighbours.
    float size = float(textureSize(tileImages, 0).x);
    if (kFiltered) return textureLod(tileImages, vec3((0.5 + tileUv * (size - 1.0)) / size, tile.params.x), 0.0);
    return texelFetch(tileImages, ivec3(ivec2(tileUv * (size - 1.0) + 0.5), int(tile.params.x)), 0);
}

// Longitude and latitude, degrees, of a point of the tile.
vec2 tileLonLat(vec2 tileUv) {
    return vec2(tile.params.z + tileUv.x * tile.origin.w, tile.params.w - tileUv.y * tile.origin.w);
}
