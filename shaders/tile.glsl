// A terrain tile's shaded image (renderer/TerrainShading.cpp), for terrain.frag and every pass
// draped over the tiles. Two pipelines from each such shader: most tiles are refined until a
// texel of their image spans about a pixel, and read it unfiltered (a software rasteriser pays
// dearly for filtering); tiles magnified past their data's detail filter it, or they would look blocky.
layout(constant_id = 0) const bool kFiltered = false;

layout(set = 1, binding = 0) uniform sampler2DArray tileImages; // rgb: shaded colour, a: highlight

layout(push_constant) uniform TilePush {
    vec4 origin; // tile origin minus the eye, metres
    vec4 params; // x: the tile's layer in the image array, y: the pass's own (highlight: on)
    vec4 extent; // west, south, east, north, degrees
#ifdef TILE_PUSH_EXTRA
    TILE_PUSH_EXTRA // a drape's own push constants, after the 48 bytes of TilePush (renderer/GpuTypes.h)
#endif
} tile;

// Longitude and latitude (degrees) at a point of the tile: its grid is regular in both, row 0 north
// (geo/TerrainTile.cpp).
vec2 tileLonLat(vec2 tileUv) {
    return vec2(mix(tile.extent.x, tile.extent.z, tileUv.x), mix(tile.extent.w, tile.extent.y, tileUv.y));
}

vec4 tileTexel(vec2 tileUv) {
    // Texel centres sit on the tile's edges (renderer/TerrainLayer.h), so edges match neighbours.
    float size = float(textureSize(tileImages, 0).x);
    if (kFiltered) return textureLod(tileImages, vec3((0.5 + tileUv * (size - 1.0)) / size, tile.params.x), 0.0);
    return texelFetch(tileImages, ivec3(ivec2(tileUv * (size - 1.0) + 0.5), int(tile.params.x)), 0);
}
