#pragma once
// What a file on disk was when a program last read or wrote it, to notice another program writing it.
#include <cstdint>
#include <filesystem>
#include <string>

namespace geo {

//! Size, modification time and a hash of the contents (FNV-1a, 64 bits) of a file as read.
struct FileStamp {
    bool exists = false;
    std::uintmax_t size = 0;
    std::filesystem::file_time_type modified{};
    std::uint64_t hash = 0;

    //! The stamp of `bytes` just read from (or written to) `path`.
    static FileStamp of(const std::filesystem::path& path, const std::string& bytes);
    //! True when `path` holds something else now. Size and time decide when they differ from the stamp;
    //! when only the time differs the contents are hashed, so a touch or a save of the same bytes is no change.
    bool differsFrom(const std::filesystem::path& path) const;
};

std::uint64_t fnv1a(const std::string& bytes);

} // namespace geo
