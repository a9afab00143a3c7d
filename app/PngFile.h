#pragma once
// Writes RGBA8 pixels as a PNG, by write-then-rename so a failed write never leaves half a file.
#include <cstdint>
#include <filesystem>
#include <vector>

namespace app {

//! Throws UsageError naming the file when it cannot be written.
void writePng(const std::filesystem::path& path, const std::vector<uint8_t>& rgba, uint32_t width, uint32_t height);

} // namespace app
