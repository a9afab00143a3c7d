#version 450
layout(push_constant) uniform LinePush {
    vec4 origin;
    vec4 color;
    vec4 casingColor;
    vec4 style;
} line;

layout(location = 0) in float inAcross;
layout(location = 1) in float inPresence;
layout(location = 0) out vec4 outColor;

void main() {
    // Pixel coverage from the distance to the centre line: the line, its casing, then a one-pixel
    // fade, so joints that overlap never show as darker dashes.
    float outerHalf = 0.5 * max(line.style.x, line.style.y);
    float distancePx = abs(inAcross) * (outerHalf + 1.0);
    float lineCover = clamp(0.5 * line.style.x + 0.5 - distancePx, 0.0, 1.0);
    float outerCover = clamp(outerHalf + 0.5 - distancePx, 0.0, 1.0);
    vec4 edge = line.style.y > line.style.x ? line.casingColor : line.color;
    vec3 rgb = mix(edge.rgb, line.color.rgb, lineCover);
    outColor = vec4(rgb, mix(edge.a, line.color.a, lineCover) * outerCover * inPresence);
}
