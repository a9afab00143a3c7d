#version 450
// Military symbols: the atlas holds premultiplied colour (as librsvg draws); the stem is a dark line.
layout(set = 1, binding = 0) uniform sampler2D atlas;

layout(location = 0) in vec2 inUv;
layout(location = 1) in float inAlpha;
layout(location = 2) flat in uint inStem;
layout(location = 0) out vec4 outColor;

void main() {
    if (inStem != 0u) {
        outColor = vec4(0.08, 0.08, 0.1, 0.9 * inAlpha);
        return;
    }
    vec4 c = texture(atlas, inUv);
    if (c.a < 0.004) discard;
    outColor = vec4(c.rgb / c.a, c.a * inAlpha);
}
