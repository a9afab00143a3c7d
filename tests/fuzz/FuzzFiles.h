#pragma once
// For the fuzz targets: the loaders read files by path, so each input is written to a file in a
// folder of this process's own (in /dev/shm when there is one: no disk traffic at 10k runs/s).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string_view>

namespace fuzz {

//! Writes `size` bytes to `name` in the process's scratch folder and returns its path.
std::filesystem::path writeInput(const std::string& name, const uint8_t* data, size_t size);

//! The input cut at its first NUL byte: what comes before, and what comes after (empty without one).
//! Lets one input carry two files, e.g. a scenario manifest and its features.
std::pair<std::string_view, std::string_view> splitAtNul(const uint8_t* data, size_t size);

} // namespace fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
