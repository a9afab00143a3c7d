#include "FuzzFiles.h"

#include <cstdio>
#include <stdexcept>
#include <string>
#include <unistd.h>

namespace fuzz {

namespace {

//! A folder of this process's own, removed at exit (a crash leaves it in /dev/shm until reboot).
struct ScratchFolder {
    std::filesystem::path path;
    ScratchFolder() {
        std::string pattern =
            (std::filesystem::is_directory("/dev/shm") ? "/dev/shm" : "/tmp") + std::string("/bulwark-fuzz-XXXXXX");
        if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot make a scratch folder");
        path = pattern;
    }
    ~ScratchFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
};

const std::filesystem::path& scratchFolder() {
    static const ScratchFolder folder;
    return folder.path;
}

} // namespace

std::filesystem::path writeInput(const std::string& name, const uint8_t* data, size_t size) {
    const std::filesystem::path path = scratchFolder() / name;
    FILE* file = std::fopen(path.c_str(), "wb");
    if (!file) throw std::runtime_error("cannot write " + path.string());
    const bool written = std::fwrite(data, 1, size, file) == size;
    if (std::fclose(file) != 0 || !written) throw std::runtime_error("cannot write " + path.string());
    return path;
}

std::pair<std::string_view, std::string_view> splitAtNul(const uint8_t* data, size_t size) {
    const std::string_view all(reinterpret_cast<const char*>(data), size);
    const size_t nul = all.find('\0');
    if (nul == std::string_view::npos) return {all, {}};
    return {all.substr(0, nul), all.substr(nul + 1)};
}

} // namespace fuzz
