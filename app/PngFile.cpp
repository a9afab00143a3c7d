#include "app/PngFile.h"

#include "geo/OutputFile.h"

#include <stb/stb_image_write.h>

namespace app {

namespace {
//! stb hands over the encoded PNG here; a failed write is kept by the OutputFile and reported by commit().
void appendTo(void* output, void* data, int size) {
    static_cast<geo::OutputFile*>(output)->append(data, size_t(size));
}
} // namespace

void writePng(const std::filesystem::path& path, const std::vector<uint8_t>& rgba, uint32_t width, uint32_t height) {
    geo::OutputFile out(path);
    stbi_write_png_compression_level = 4; // fast: a 1080p still in well under a second
    if (!stbi_write_png_to_func(appendTo, &out, int(width), int(height), 4, rgba.data(), int(width * 4)))
        out.fail("out of memory encoding the PNG");
    out.commit();
}

} // namespace app
