// Fragment shaders only.
// Hatching for illustrative features: diagonal bands in screen space, so the status reads at a
// glance from any angle (announced features are solid). Bands are counted in the whole frame's
// pixels, so the tiles of a poster meet without a seam, and widen with the stroke scale.
float hatch(uint status) {
    if (status != 2u) return 1.0;
    vec2 pixel = gl_FragCoord.xy + frame.crop.zw;
    return mod(floor((pixel.x + pixel.y) / (6.0 * frame.params.w)), 2.0) < 1.0 ? 1.0 : 0.35;
}
