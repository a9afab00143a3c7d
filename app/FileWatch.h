#pragma once
// Notices when files change on disk (an analyst saved a scenario from QGIS), by modification time
// and size, polled at most twice a second.
#include <filesystem>
#include <vector>

namespace app {

class FileWatch {
public:
    explicit FileWatch(std::vector<std::filesystem::path> files);
    //! True once after any watched file changed (or appeared, or went away) since the last check.
    bool changed(double nowSeconds);
    void watch(std::vector<std::filesystem::path> files); //!< replaces the watched files

private:
    struct Stamp {
        std::filesystem::file_time_type time{};
        std::uintmax_t size = 0;
        bool exists = false;
        bool operator==(const Stamp&) const = default;
    };
    static Stamp stampOf(const std::filesystem::path& file);
    std::vector<std::filesystem::path> _files;
    std::vector<Stamp> _stamps;
    double _lastCheck = -1e9;
};

} // namespace app
