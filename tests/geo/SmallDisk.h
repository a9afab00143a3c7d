#pragma once
// A tiny tmpfs for the full-disk tests: mounted (as root) on a fresh folder and filled on request,
// so the next write meets ENOSPC exactly as on a full disk.
#include <filesystem>
#include <gtest/gtest.h>
#include <string>

namespace geo::test {

class SmallDisk {
public:
    //! Mounts a tmpfs of `bytes` on a new folder under the temp directory. When that is not
    //! permitted (not root, no CAP_SYS_ADMIN), mounted() is false and why() says so, for GTEST_SKIP.
    explicit SmallDisk(size_t bytes);
    ~SmallDisk(); //!< unmounts and removes the folder
    SmallDisk(const SmallDisk&) = delete;
    SmallDisk& operator=(const SmallDisk&) = delete;

    bool mounted() const { return _mounted; }
    const std::string& why() const { return _why; }
    std::filesystem::path operator/(const std::string& name) const { return _path / name; }
    const std::filesystem::path& path() const { return _path; }
    //! Writes the file "filler" until the disk has no byte left.
    void fill() const;
    //! Mounts the disk again read-only (as a write-protected medium or a read-only share): every write
    //! then fails with EROFS, even for root. False when the remount is refused.
    bool makeReadOnly() const;

private:
    std::filesystem::path _path;
    bool _mounted = false;
    std::string _why;
};

//! True under CI (the CI variable set, as .ci/run has it): CI runs as root, so a test that needs root (a tmpfs,
//! a device node) must fail there rather than skip and hide what it checks.
bool runningInCi();

} // namespace geo::test

//! Skips the test with `why` on a developer's machine without root; fails it under CI.
#define SKIP_UNLESS_CI(why)                                                                                       \
    do {                                                                                                           \
        if (::geo::test::runningInCi()) FAIL() << (why) << " (CI runs as root: this test must run there)";       \
        GTEST_SKIP() << (why);                                                                                     \
    } while (0)
