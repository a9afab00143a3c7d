#version 450
layout(set = 1, binding = 0) uniform sampler2D glyphs; // signed distance field, 0.5 = glyph edge

layout(location = 0) in vec2 inUv;
layout(location = 1) in vec4 inColor;
layout(location = 2) in vec4 inHalo;
layout(location = 0) out vec4 outColor;

void main() {
    float d = texture(glyphs, inUv).r;
    float w = max(fwidth(d), 1e-3);
    float fill = smoothstep(0.5 - w, 0.5 + w, d);
    float halo = smoothstep(0.5 - inHalo.a - w, 0.5 - inHalo.a + w, d);
    vec4 color = mix(vec4(inHalo.rgb, halo), vec4(inColor.rgb, 1.0), fill);
    color.a *= inColor.a;
    if (color.a < 0.01) discard;
    outColor = color;
}
