#version 450
layout(push_constant) uniform LinePush {
    vec4 origin;
    vec4 color;
    vec4 style;
} line;

layout(location = 0) in float inAcross;
layout(location = 0) out vec4 outColor;

void main() {
    // Coverage of the pixel by the line's width: opaque inside, a one-pixel ramp at the edge, so
    // overlapping segments at joints never show as darker dashes.
    float halfWidth = 0.5 * line.style.x;
    float distancePx = abs(inAcross) * (halfWidth + 1.0);
    float edge = clamp(halfWidth + 0.5 - distancePx, 0.0, 1.0);
    outColor = vec4(line.color.rgb, line.color.a * edge);
}
