#pragma once
// Writes RGBA8 pixels as a PNG through geo::OutputFile: a full disk or Ctrl-C never costs the file there.
#include <cstdint>
#include <filesystem>
#include <vector>

namespace app {

//! Throws geo::OutputError naming the file when it cannot be written.
void writePng(const std::filesystem::path& path, const std::vector<uint8_t>& rgba, uint32_t width, uint32_t height);

} // namespace app
