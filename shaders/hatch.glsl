// Fragment shaders only.
// Hatching for illustrative features: diagonal bands in screen space, so the status reads at a
// glance from any angle (announced features are solid).
float hatch(uint status) {
    if (status != 2u) return 1.0;
    return mod(floor((gl_FragCoord.x + gl_FragCoord.y) / 6.0), 2.0) < 1.0 ? 1.0 : 0.35;
}
