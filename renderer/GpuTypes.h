#pragma once
// Everything that crosses to the GPU: binding numbers and the layouts of uniforms and push constants.
// Each must match the GLSL in shaders/ exactly; the static_asserts guard the sizes.
#include "geo/TerrainTile.h"

#include <cstdint>
#include <glm/glm.hpp>

namespace renderer::binding {
constexpr uint32_t kFrameUniforms = 0; //!< layout(set = 0, binding = 0) uniform FrameUniforms (common.glsl)
//! A layer's own image: layout(set = 1, binding = 0) (renderer/Layer.h ImageSet): the terrain
//! tiles' sampler2DArray tileImages (tile.glsl), the glyphs' sampler2D (label.frag).
constexpr uint32_t kLayerImage = 0;
} // namespace renderer::binding

namespace renderer {

struct FrameUniforms {
    glm::mat4 viewProj; //!< camera-relative view and reversed-depth projection
    glm::mat4 inverseViewProj;
    glm::vec4 lightDir;   //!< toward the sun, ECEF
    glm::vec4 params;     //!< exaggeration, viewport width, viewport height, stroke scale (DisplayScale.h)
    glm::vec4 eyeUp;      //!< local up under the eye; w = eye altitude
    glm::uvec4 scenario;  //!< x: bit of the scenario switched from, y: of the one switched to
    glm::vec4 transition; //!< x: progress of the switch 0..1 (eased), y: pixels per radian
    //! A poster tile's place: xy, the viewport's first pixel in its view's pixels (screen text);
    //! zw, the render target's first pixel in the whole frame (hatching). Zero for a whole frame.
    glm::vec4 crop;
};
static_assert(sizeof(FrameUniforms) == 224);

struct TilePush {
    glm::vec4 origin; //!< xyz: tile origin minus the eye; w: the tile's size in degrees
    glm::vec4 params; //!< x: the tile's layer in the image array; z, w: its west and north edges (tile.glsl)
};
static_assert(sizeof(TilePush) == 32);

struct LinePush {
    glm::vec4 origin; //!< batch origin minus the eye
    glm::vec4 color;
    glm::vec4 casingColor;
    glm::vec4 style; //!< line width px, casing width px (total), depth pull, unused
};
static_assert(sizeof(LinePush) == 64);

//! One side of one polyline point (line.vert reads the previous, this and the next entry).
struct LinePoint {
    float position[3]; //!< ellipsoid point minus the batch origin
    float up[3];
    float height;       //!< metres (raised by exaggeration in the shader)
    float side;         //!< -1 or +1: which edge of the ribbon; 0 marks a break between polylines
    uint32_t scenarios; //!< scenario mask (line.vert presence()); all bits for borders and coasts
};
static_assert(sizeof(LinePoint) == 36);

//! One corner of a marker prism (marker.vert): x, y in -1..1 around the axis, z 0..1 up it.
struct MarkerCorner {
    float corner[3];
    float normal[3];
};
static_assert(sizeof(MarkerCorner) == 24);

//! One marker standing on the terrain (marker.vert, per instance).
struct MarkerInstance {
    float position[3]; //!< ground point at height 0 minus the batch origin
    float up[3];
    float size[3];  //!< terrain height (m), radius (m), height (m)
    float color[4]; //!< the lead nation's colour
    uint32_t scenarios;
    uint32_t status; //!< 0 announced, 1 reported, 2 illustrative (hatched)
};
static_assert(sizeof(MarkerInstance) == 60);

//! One vertex of an area fill or air-zone volume (area.vert).
struct AreaVertex {
    float position[3]; //!< ellipsoid point minus the batch origin
    float up[3];
    float height; //!< metres above sea level, before exaggeration
    float color[4];
    uint32_t scenarios;
    uint32_t status;
};
static_assert(sizeof(AreaVertex) == 52);

//! One military symbol standing on the terrain (symbol.vert, per instance): a site, or a cluster with
//! its count and dominant nation.
struct SymbolInstance {
    float position[3]; //!< ground point at height 0 minus the batch origin
    float up[3];
    float rect[4];   //!< in the symbol atlas, pixels: x, y, width, height
    float anchor[4]; //!< x, y: the pixel of the entry on the point; z: terrain height (m); w: unused
    uint32_t scenarios;
    uint32_t flags;      //!< SymbolFlags in renderer/SymbolLayer.h
    uint32_t countChars; //!< up to 4 characters of the count, 8 bits each (index in kClusterCharacters + 1)
    uint32_t nationChars; //!< the dominant nation's 2 characters, as countChars
};
static_assert(sizeof(SymbolInstance) == 72);

//! symbol.vert's push constants.
struct SymbolPush {
    glm::vec4 origin; //!< batch origin minus the eye
    glm::vec4 sizing; //!< x: a symbol's frame height in pixels at display scale 1, y: the atlas entries'
                      //!< raster size (milsymbol's size), z: atlas width, w: atlas height
    glm::vec4 glyphs; //!< x: stride between glyph cells in the atlas, y: cell width, z: cell height, w: glyph row y
};
static_assert(sizeof(SymbolPush) == 48);

struct BatchPush {
    glm::vec4 origin; //!< batch origin minus the eye (marker.vert, area.vert)
};
static_assert(sizeof(BatchPush) == 16);

struct LabelVertex {
    float anchor[3]; //!< anchor minus the eye, metres
    float offset[2]; //!< pixels, y down
    float uv[2];
    float color[4];
    float halo[4]; //!< rgb, a = halo width in distance-field units
    float screen;  //!< 1: `offset` is a pixel position on screen and `anchor` is ignored (captions)
};
static_assert(sizeof(LabelVertex) == 64);

static_assert(sizeof(geo::TerrainVertex) == 40, "terrain.vert reads 40-byte vertices");

} // namespace renderer
