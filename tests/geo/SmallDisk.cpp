#include "SmallDisk.h"

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/mount.h>
#include <unistd.h>
#include <vector>

namespace geo::test {

SmallDisk::SmallDisk(size_t bytes) {
    static std::atomic<int> counter{0};
    _path = std::filesystem::temp_directory_path() /
            ("bulwark-disk-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(_path);
    const std::string options = "size=" + std::to_string(bytes) + ",mode=0755";
    if (mount("tmpfs", _path.c_str(), "tmpfs", 0, options.c_str()) == 0)
        _mounted = true;
    else
        _why = "cannot mount a small tmpfs to fill (" + std::string(std::strerror(errno)) +
               "): the full-disk tests need root or CAP_SYS_ADMIN";
}

SmallDisk::~SmallDisk() {
    if (_mounted) umount2(_path.c_str(), MNT_DETACH);
    std::error_code ignored;
    std::filesystem::remove_all(_path, ignored);
}

void SmallDisk::fill() const {
    const int fd = open((_path / "filler").c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0) return;
    const std::vector<char> block(4096, 'x');
    for (size_t size = block.size(); size > 0;)
        if (write(fd, block.data(), size) < 0) size /= 2; // the last page may take less than a block
    close(fd);
}

bool SmallDisk::makeReadOnly() const {
    return _mounted && mount("tmpfs", _path.c_str(), "tmpfs", MS_REMOUNT | MS_RDONLY, nullptr) == 0;
}

bool runningInCi() {
    const char* ci = std::getenv("CI");
    return ci && *ci && std::string(ci) != "0" && std::string(ci) != "false";
}

} // namespace geo::test
