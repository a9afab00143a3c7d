#include "geo/edit/FileStamp.h"

#include "geo/InputPath.h"

#include <limits>

namespace geo {

std::uint64_t fnv1a(const std::string& bytes) {
    std::uint64_t hash = 0xcbf29ce484222325ull;
    for (unsigned char c : bytes) hash = (hash ^ c) * 0x100000001b3ull;
    return hash;
}

FileStamp FileStamp::of(const std::filesystem::path& path, const std::string& bytes) {
    FileStamp stamp;
    std::error_code error;
    stamp.modified = std::filesystem::last_write_time(path, error);
    stamp.exists = !error;
    stamp.size = bytes.size();
    stamp.hash = fnv1a(bytes);
    return stamp;
}

bool FileStamp::differsFrom(const std::filesystem::path& path) const {
    std::error_code error;
    const auto modifiedNow = std::filesystem::last_write_time(path, error);
    if (error) return exists; // gone (or unreadable) since
    if (!exists) return true;
    const auto sizeNow = std::filesystem::file_size(path, error);
    if (error || sizeNow != size) return true;
    if (modifiedNow == modified) return false;
    const auto bytes = readInputFile(path, std::numeric_limits<std::size_t>::max());
    return !bytes || fnv1a(bytes.value()) != hash;
}

} // namespace geo
