#include "geo/InputPath.h"

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace geo {

namespace {

//! What a non-regular file is, for the message; empty for a regular file.
std::string notAFile(mode_t mode, InputKind kind) {
    if (S_ISREG(mode)) return {};
    if (S_ISDIR(mode)) return kind == InputKind::FileOrFolder ? std::string() : "is a folder, not a file";
    if (S_ISFIFO(mode)) return "is a named pipe (FIFO), not a file";
    if (S_ISSOCK(mode)) return "is a socket, not a file";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "is a device, not a file";
    return "is not a regular file";
}

std::string sizeText(std::size_t bytes) {
    return std::to_string((bytes + (1u << 20) - 1) >> 20) + " MB";
}

//! Closes a descriptor when it goes out of scope.
struct Descriptor {
    int fd;
    ~Descriptor() {
        if (fd >= 0) ::close(fd);
    }
};

} // namespace

bool isGdalVirtualPath(const std::string& path) {
    if (path.rfind("/vsi", 0) == 0) return true;
    // "DRIVER:rest" or "scheme://": a prefix of two or more letters, digits or '_' and a colon.
    const size_t colon = path.find(':');
    if (colon == std::string::npos || colon < 2) return false;
    for (size_t i = 0; i < colon; ++i)
        if (!std::isalnum(static_cast<unsigned char>(path[i])) && path[i] != '_') return false;
    return true;
}

std::optional<Failure> checkInputPath(const std::filesystem::path& path, InputKind kind) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        const int error = errno;
        if (error == ENOENT || error == ENOTDIR) return Failure{path.string(), "file not found"};
        return Failure{path.string(), std::string("cannot be read: ") + std::strerror(error)};
    }
    if (std::string problem = notAFile(info.st_mode, kind); !problem.empty()) return Failure{path.string(), problem};
    return std::nullopt;
}

std::optional<Failure> checkGdalInputPath(const std::filesystem::path& path, InputKind kind) {
    struct stat info {};
    // A connection string that happens to name an existing file is checked as that file.
    if (isGdalVirtualPath(path.string()) && ::stat(path.c_str(), &info) != 0) return std::nullopt;
    return checkInputPath(path, kind);
}

Result<std::string> readInputFile(const std::filesystem::path& path, std::size_t maxBytes) {
    if (auto refused = checkInputPath(path)) return *refused;
    // O_NONBLOCK: should the path have become a FIFO since, opening it does not wait for a writer.
    Descriptor file{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
    if (file.fd < 0) {
        const int error = errno;
        return Failure{path.string(), error == ENOENT ? std::string("file not found")
                                                      : std::string("cannot be read: ") + std::strerror(error)};
    }
    struct stat info {};
    if (::fstat(file.fd, &info) != 0)
        return Failure{path.string(), std::string("cannot be read: ") + std::strerror(errno)};
    if (std::string problem = notAFile(info.st_mode, InputKind::File); !problem.empty())
        return Failure{path.string(), problem};
    if (static_cast<std::size_t>(info.st_size) > maxBytes)
        return Failure{path.string(), "is " + sizeText(static_cast<std::size_t>(info.st_size)) + ", more than the " +
                                          sizeText(maxBytes) + " such a file may be"};
    ::fcntl(file.fd, F_SETFL, ::fcntl(file.fd, F_GETFL) & ~O_NONBLOCK);
    std::string content;
    content.reserve(static_cast<std::size_t>(info.st_size));
    char buffer[1 << 16];
    for (;;) {
        const ssize_t n = ::read(file.fd, buffer, sizeof buffer);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            return Failure{path.string(), std::string("cannot be read: ") + std::strerror(errno)};
        }
        content.append(buffer, static_cast<std::size_t>(n));
        if (content.size() > maxBytes) // it grew while we read
            return Failure{path.string(), "is more than the " + sizeText(maxBytes) + " such a file may be"};
    }
    return content;
}

} // namespace geo
