#version 450
// One triangle over the whole screen at the far plane (depth 0 with reversed depth), drawn after
// the terrain: the depth test leaves only the pixels nothing else covered.
layout(location = 0) out vec2 outNdc;

void main() {
    vec2 p = vec2((gl_VertexIndex << 1) & 2, gl_VertexIndex & 2) * 2.0 - 1.0;
    outNdc = p;
    gl_Position = vec4(p, 0.0, 1.0);
}
