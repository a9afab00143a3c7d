#include "app/PngRowWriter.h"

#include "app/UsageError.h"

#include <csetjmp>
#include <cstdio>
#include <png.h>
#include <string>
#include <system_error>

namespace app {

namespace fs = std::filesystem;

namespace {

// libpng reports errors by longjmp to the setjmp in the function that called it: these C-style
// wrappers hold no C++ objects that a jump could skip, and turn the jump into a false result.
bool startImage(png_structp png, png_infop info, FILE* file, uint32_t width, uint32_t height) {
    if (setjmp(png_jmpbuf(png))) return false;
    png_init_io(png, file);
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

} // namespace

struct PngRowWriter::Impl {
    fs::path path, partial;
    uint32_t width = 0, height = 0, written = 0;
    FILE* file = nullptr;
    png_structp png = nullptr;
    png_infop info = nullptr;
    bool finished = false;

    [[noreturn]] void fail(const std::string& why) {
        close();
        std::error_code ignored;
        fs::remove(partial, ignored);
        throw UsageError(path.string() + ": cannot write the PNG (" + why + ")");
    }
    void close() {
        if (png) png_destroy_write_struct(&png, &info);
        png = nullptr;
        info = nullptr;
        if (file) std::fclose(file);
        file = nullptr;
    }
};

PngRowWriter::PngRowWriter(const fs::path& path, uint32_t width, uint32_t height) : _impl(std::make_unique<Impl>()) {
    Impl& p = *_impl;
    p.path = path;
    p.partial = path.string() + ".partial";
    p.width = width;
    p.height = height;
    p.file = std::fopen(p.partial.c_str(), "wb");
    if (!p.file) p.fail("does the folder exist and is it writable?");
    p.png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, jumpBack, ignoreWarning);
    if (p.png) p.info = png_create_info_struct(p.png);
    if (!p.png || !p.info) p.fail("out of memory");
    if (!startImage(p.png, p.info, p.file, width, height)) p.fail("write error");
}

PngRowWriter::~PngRowWriter() {
    if (_impl->finished) return;
    _impl->close();
    std::error_code ignored;
    fs::remove(_impl->partial, ignored);
}

void PngRowWriter::writeRows(const uint8_t* rows, uint32_t count) {
    Impl& p = *_impl;
    if (!p.png || p.written + count > p.height) p.fail("more rows than the image has");
    if (!writeRowsTo(p.png, rows, count, size_t(p.width) * 4)) p.fail("write error: is the disk full?");
    p.written += count;
}

void PngRowWriter::finish() {
    Impl& p = *_impl;
    if (!p.png || p.written != p.height) p.fail("only " + std::to_string(p.written) + " of its rows were given");
    if (!endImage(p.png, p.info)) p.fail("write error: is the disk full?");
    png_destroy_write_struct(&p.png, &p.info);
    p.png = nullptr;
    const bool flushed = std::fflush(p.file) == 0;
    const bool closed = std::fclose(p.file) == 0;
    p.file = nullptr;
    if (!flushed || !closed) p.fail("write error: is the disk full?");
    std::error_code ec;
    fs::rename(p.partial, p.path, ec);
    if (ec) p.fail(ec.message());
    p.finished = true;
}

} // namespace app
