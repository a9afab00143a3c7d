#include "app/FileWatch.h"

namespace app {

FileWatch::FileWatch(std::vector<std::filesystem::path> files) {
    watch(std::move(files));
}

void FileWatch::watch(std::vector<std::filesystem::path> files) {
    _files = std::move(files);
    _stamps.clear();
    for (const auto& f : _files) _stamps.push_back(stampOf(f));
}

FileWatch::Stamp FileWatch::stampOf(const std::filesystem::path& file) {
    std::error_code ec;
    Stamp s;
    s.time = std::filesystem::last_write_time(file, ec);
    if (ec) return {};
    s.size = std::filesystem::file_size(file, ec);
    s.exists = !ec;
    return s;
}

bool FileWatch::changed(double now) {
    if (now - _lastCheck < 0.5) return false;
    _lastCheck = now;
    bool any = false;
    for (size_t i = 0; i < _files.size(); ++i) {
        const Stamp s = stampOf(_files[i]);
        if (!(s == _stamps[i])) {
            _stamps[i] = s;
            any = true;
        }
    }
    return any;
}

} // namespace app
