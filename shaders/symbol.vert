#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"

// Military symbols (renderer/SymbolLayer): screen-aligned billboards standing on the terrain at their
// point, the symbol as milsymbol drew it (from the symbol atlas), lifted on a thin stem when the view
// is tilted; clusters add their count inside the frame and their dominant nation under it. Eight quads
// per instance: 0 the stem, 1 the symbol, 2-5 the count's characters, 6-7 the nation's. Legend entries
// (flag 4) stand at a pixel position instead.
layout(push_constant) uniform SymbolPush {
    vec4 origin; // batch origin minus the eye, metres
    vec4 sizing; // x: frame height in pixels at display scale 1, y: raster size, z, w: atlas size
    vec4 glyphs; // x: glyph stride, y: cell width, z: cell height, w: glyph row y
} batch;

layout(location = 0) in vec3 instPosition;
layout(location = 1) in vec3 instUp;
layout(location = 2) in vec4 instRect;
layout(location = 3) in vec4 instAnchor;
layout(location = 4) in uvec4 instData; // scenarios, flags, count characters, nation characters

layout(location = 0) out vec2 outUv;
layout(location = 1) out float outAlpha;
layout(location = 2) flat out uint outStem;

const vec2 kCorners[6] = vec2[](vec2(0, 0), vec2(1, 0), vec2(0, 1), vec2(0, 1), vec2(1, 0), vec2(1, 1));

void hide() {
    gl_Position = vec4(0.0, 0.0, -1.0, 1.0);
    outUv = vec2(0.0);
    outAlpha = 0.0;
    outStem = 0u;
}

void main() {
    float p = presence(instData.x);
    int quad = gl_VertexIndex / 6;
    vec2 corner = kCorners[gl_VertexIndex % 6];
    if (p <= 0.0) {
        hide();
        return;
    }
    vec2 viewport = frame.params.yz;
    vec2 anchorPx;
    float depth = 1.0, w = 1.0, tilt = 0.0;
    if ((instData.y & 4u) != 0u) { // the legend: a pixel position in the view, in front of everything
        anchorPx = instPosition.xy - frame.crop.xy;
    } else {
        vec3 ground = batch.origin.xyz + raise(instPosition, instUp, instAnchor.z, 0.0);
        // Depth of a point a little toward the eye: the terrain at the point never cuts the symbol, a
        // ridge in front still hides it.
        vec4 clip = frame.viewProj * vec4(ground, 1.0);
        vec4 nearer = frame.viewProj * vec4(ground * 0.985, 1.0);
        if (clip.w <= 0.0) {
            hide();
            return;
        }
        anchorPx = (clip.xy / clip.w * 0.5 + 0.5) * viewport; // y down, as Vulkan's
        depth = nearer.z / nearer.w;
        w = clip.w;
        // Tilt: 0 looking straight down on the point, 1 along the ground. The stem lifts the symbol.
        tilt = clamp(1.0 - abs(dot(normalize(ground), normalize(instUp))), 0.0, 1.0);
    }
    float scale = frame.params.w * (0.4 + 0.6 * p);            // grows in, shrinks out with the switch
    float k = batch.sizing.x * scale / batch.sizing.y;         // screen pixels per atlas pixel
    float frameHalf = 0.5 * batch.sizing.x * scale;
    float lift = smoothstep(0.15, 0.6, tilt) * (frameHalf + 14.0 * frame.params.w);
    vec2 centre = anchorPx - vec2(0.0, lift);
    vec2 px;
    outStem = 0u;
    outUv = vec2(0.0);
    bool cluster = (instData.y & 1u) != 0u;
    if (quad == 0) { // the stem, from the ground to the symbol's frame
        if (lift < 1.0) {
            hide();
            return;
        }
        float halfWidth = 0.9 * frame.params.w;
        px = anchorPx + vec2(mix(-halfWidth, halfWidth, corner.x), -corner.y * (lift - frameHalf * 0.8));
        outStem = 1u;
    } else if (quad == 1) { // the symbol
        vec2 local = corner * instRect.zw - instAnchor.xy;
        px = centre + local * k;
        outUv = (instRect.xy + corner * instRect.zw) / batch.sizing.zw;
    } else { // characters: the count inside the frame, the nation below it
        bool nation = quad >= 6;
        int slot = nation ? quad - 6 : quad - 2;
        uint packed = nation ? instData.w : instData.z;
        uint code = (packed >> (8u * uint(slot))) & 255u;
        if (!cluster || code == 0u) {
            hide();
            return;
        }
        int length = 0;
        for (int i = 0; i < 4; ++i) length += ((packed >> (8u * uint(i))) & 255u) != 0u ? 1 : 0;
        float charScale = (nation ? 0.55 : 0.75) * scale;
        vec2 cell = batch.glyphs.yz * charScale;
        float advance = cell.x * 0.78;
        vec2 start = centre + vec2(-0.5 * advance * float(length), nation ? frameHalf + 1.0 : -0.5 * cell.y);
        px = start + vec2(advance * float(slot), 0.0) + (corner - vec2(0.11, 0.0)) * cell;
        vec2 atlasPx = vec2(batch.glyphs.x * float(code - 1u), batch.glyphs.w) + corner * batch.glyphs.yz;
        outUv = atlasPx / batch.sizing.zw;
    }
    vec2 ndc = px / viewport * 2.0 - 1.0;
    gl_Position = vec4(ndc * w, depth * w, w);
    outAlpha = p;
}
