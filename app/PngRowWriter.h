#pragma once
// Writes a PNG a band of rows at a time (libpng's row API), for images too large to hold at once
// (posters). Written through geo::OutputFile: a failed, abandoned or interrupted write leaves the
// file that was there untouched and no temp file behind.
#include <cstdint>
#include <filesystem>
#include <memory>

namespace app {

class PngRowWriter {
public:
    //! Starts an RGBA8 PNG of `width` x `height`; throws geo::OutputError naming `path` when it cannot.
    PngRowWriter(const std::filesystem::path& path, uint32_t width, uint32_t height);
    ~PngRowWriter(); //!< removes the temp file unless finish() succeeded
    PngRowWriter(const PngRowWriter&) = delete;
    PngRowWriter& operator=(const PngRowWriter&) = delete;

    //! Appends `count` tightly packed RGBA8 rows, top first; throws geo::OutputError naming the file.
    void writeRows(const uint8_t* rows, uint32_t count);
    //! After the last row: completes the file and renames it over the target; throws geo::OutputError.
    void finish();

private:
    struct Impl;
    std::unique_ptr<Impl> _impl;
};

} // namespace app
