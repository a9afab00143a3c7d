// Shared by every Bulwark shader: the per-frame uniform block. Matches renderer/GpuTypes.h FrameUniforms.
layout(set = 0, binding = 0) uniform FrameUniforms {
    mat4 viewProj;      // camera-relative: the eye is at the origin
    mat4 inverseViewProj;
    vec4 lightDir;      // xyz: direction toward the sun in ECEF
    vec4 params;        // x: vertical exaggeration, y: viewport width, z: viewport height
    vec4 eyeUp;         // xyz: local up under the eye, w: eye altitude in metres
} frame;

// Raises an ellipsoid point along its normal: the sea stays at sea level, skirts hang below.
vec3 raise(vec3 position, vec3 up, float height, float skirt) {
    float exaggeration = frame.params.x;
    return position + up * (max(height, 0.0) * exaggeration - skirt * max(exaggeration, 1.0));
}
