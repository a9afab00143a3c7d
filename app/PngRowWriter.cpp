#include "app/PngRowWriter.h"

#include "geo/OutputFile.h"

#include <csetjmp>
#include <png.h>
#include <string>

namespace app {

namespace {

// libpng reports errors by longjmp to the setjmp in the function that called it: these C-style
// wrappers hold no C++ objects that a jump could skip, and turn the jump into a false result.
bool startImage(png_structp png, png_infop info, uint32_t width, uint32_t height) {
    if (setjmp(png_jmpbuf(png))) return false;
    png_set_compression_level(png, 4); // as the single stills: fast, a little larger
    png_set_IHDR(png, info, width, height, 8, PNG_COLOR_TYPE_RGB_ALPHA, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    return true;
}

bool writeRowsTo(png_structp png, const uint8_t* rows, uint32_t count, size_t rowBytes) {
    if (setjmp(png_jmpbuf(png))) return false;
    for (uint32_t y = 0; y < count; ++y) png_write_row(png, rows + y * rowBytes);
    return true;
}

bool endImage(png_structp png, png_infop info) {
    if (setjmp(png_jmpbuf(png))) return false;
    png_write_end(png, info);
    return true;
}

// Warnings and errors become our own one-line message: an error jumps straight back (libpng's own
// handler would print it first).
void ignoreWarning(png_structp, png_const_charp) {}
[[noreturn]] void jumpBack(png_structp png, png_const_charp) {
    png_longjmp(png, 1);
}

// libpng writes through the OutputFile, which keeps the first failed write's error for fail() to report.
void appendBytes(png_structp png, png_bytep data, size_t size) {
    if (!static_cast<geo::OutputFile*>(png_get_io_ptr(png))->append(data, size)) png_error(png, "write failed");
}
void flushNothing(png_structp) {} // commit() flushes and syncs

} // namespace

struct PngRowWriter::Impl {
    explicit Impl(const std::filesystem::path& path) : out(path) {}
    ~Impl() {
        if (png) png_destroy_write_struct(&png, &info);
    }
    geo::OutputFile out;
    uint32_t width = 0, height = 0, written = 0;
    png_structp png = nullptr;
    png_infop info = nullptr;
    bool finished = false;
};

PngRowWriter::PngRowWriter(const std::filesystem::path& path, uint32_t width, uint32_t height)
    : _impl(std::make_unique<Impl>(path)) {
    Impl& p = *_impl;
    p.width = width;
    p.height = height;
    p.png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, jumpBack, ignoreWarning);
    if (p.png) p.info = png_create_info_struct(p.png);
    if (!p.png || !p.info) p.out.fail("out of memory");
    png_set_write_fn(p.png, &p.out, appendBytes, flushNothing);
    if (!startImage(p.png, p.info, width, height)) p.out.fail();
}

PngRowWriter::~PngRowWriter() = default;

void PngRowWriter::writeRows(const uint8_t* rows, uint32_t count) {
    Impl& p = *_impl;
    if (p.finished || p.written + count > p.height) p.out.fail("more rows than the image has");
    if (!writeRowsTo(p.png, rows, count, size_t(p.width) * 4)) p.out.fail();
    p.written += count;
}

void PngRowWriter::finish() {
    Impl& p = *_impl;
    if (p.finished || p.written != p.height)
        p.out.fail("only " + std::to_string(p.written) + " of its rows were given");
    if (!endImage(p.png, p.info)) p.out.fail();
    p.out.commit();
    p.finished = true;
}

} // namespace app
