#include "geo/SymbolRaster.h"

#include <cairo.h>
#include <cmath>
#include <librsvg/rsvg.h>
#include <memory>

namespace geo {

namespace {

constexpr int kMaxSide = 4096; //!< a symbol larger than this is a mistake, not a request

struct GObjectUnref {
    void operator()(void* p) const { g_object_unref(p); }
};
struct SurfaceDestroy {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoDestroy {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
};

} // namespace

Result<RgbaImage> rasterizeSvg(const std::string& svg, bool premultiplied) {
    GError* error = nullptr;
    std::unique_ptr<RsvgHandle, GObjectUnref> handle(
        rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), gsize(svg.size()), &error));
    if (!handle) {
        std::string what = error ? error->message : "unreadable";
        if (error) g_error_free(error);
        return Failure{"", "librsvg cannot read the symbol's SVG: " + what};
    }
    gdouble w = 0, h = 0;
    if (!rsvg_handle_get_intrinsic_size_in_pixels(handle.get(), &w, &h) || !(w > 0) || !(h > 0))
        return Failure{"", "the symbol's SVG has no size"};
    const int width = int(std::ceil(w - 1e-6)), height = int(std::ceil(h - 1e-6));
    if (width > kMaxSide || height > kMaxSide)
        return Failure{"",
                       "symbol of " + std::to_string(width) + "x" + std::to_string(height) + " pixels is too large"};
    std::unique_ptr<cairo_surface_t, SurfaceDestroy> surface(
        cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height));
    std::unique_ptr<cairo_t, CairoDestroy> cr(cairo_create(surface.get()));
    const RsvgRectangle viewport{0, 0, w, h};
    if (!rsvg_handle_render_document(handle.get(), cr.get(), &viewport, &error)) {
        std::string what = error ? error->message : "failed";
        if (error) g_error_free(error);
        return Failure{"", "librsvg cannot draw the symbol: " + what};
    }
    cairo_surface_flush(surface.get());
    RgbaImage image;
    image.width = width;
    image.height = height;
    image.premultiplied = premultiplied;
    image.pixels.resize(size_t(width) * size_t(height) * 4);
    const unsigned char* data = cairo_image_surface_get_data(surface.get());
    const int stride = cairo_image_surface_get_stride(surface.get());
    for (int y = 0; y < height; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(data + size_t(y) * size_t(stride));
        std::uint8_t* out = image.pixels.data() + size_t(y) * size_t(width) * 4;
        for (int x = 0; x < width; ++x, out += 4) {
            const std::uint32_t p = row[x]; // cairo: premultiplied ARGB in a native-endian word
            const std::uint32_t a = p >> 24, r = (p >> 16) & 255, g = (p >> 8) & 255, b = p & 255;
            if (premultiplied || a == 0 || a == 255) {
                out[0] = std::uint8_t(r), out[1] = std::uint8_t(g), out[2] = std::uint8_t(b);
            } else {
                out[0] = std::uint8_t((r * 255 + a / 2) / a);
                out[1] = std::uint8_t((g * 255 + a / 2) / a);
                out[2] = std::uint8_t((b * 255 + a / 2) / a);
            }
            out[3] = std::uint8_t(a);
        }
    }
    return image;
}

} // namespace geo
