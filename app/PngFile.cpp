#include "app/PngFile.h"

#include "app/UsageError.h"

#include <stb/stb_image_write.h>
#include <system_error>

namespace app {

void writePng(const std::filesystem::path& path, const std::vector<uint8_t>& rgba, uint32_t width, uint32_t height) {
    namespace fs = std::filesystem;
    const fs::path temp = path.string() + ".partial";
    stbi_write_png_compression_level = 4; // fast: a 1080p still in well under a second
    if (!stbi_write_png(temp.c_str(), int(width), int(height), 4, rgba.data(), int(width * 4))) {
        std::error_code ignored;
        fs::remove(temp, ignored);
        throw UsageError(path.string() + ": cannot write the PNG (does the folder exist and is it writable?)");
    }
    std::error_code ec;
    fs::rename(temp, path, ec);
    if (ec) throw UsageError(path.string() + ": cannot write the PNG (" + ec.message() + ")");
}

} // namespace app
