#pragma once
// The one way Bulwark writes a file (a still, a poster, a frame, a video, a tour, the viewer's
// settings) so that a full disk, an error or Ctrl-C never costs the good file already there:
//
//     geo::OutputFile out(path);       // refuses a bad target up front, opens a temp file beside it
//     out.write(bytes, size);          // or a library writes out.tempPath() by name (FFmpeg)
//     out.commit();                    // fsync, the old file's permissions, rename over it, fsync the folder
//
// A symlinked target is written where the link points (the link stays a link). Anything that is
// not a regular file (a folder, a device node, a FIFO, a socket) is refused, never replaced. The
// temp file is removed when the OutputFile is destroyed without commit() (errors, exceptions) and,
// once removeOutputTempsOnSignal() is installed, when the process dies of SIGINT, SIGTERM or SIGHUP.
#include "geo/Result.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace geo {

//! An output that cannot be written. what() is one line naming the file, e.g.
//! "still.png: cannot write (No space left on device); the previous file is unchanged".
class OutputError : public std::runtime_error {
public:
    explicit OutputError(Failure failure) : std::runtime_error(failure.message()), failure(std::move(failure)) {}
    Failure failure;
};

//! Synced: the file and its folder reach the disk before commit() returns (the user's work).
//! Cache: only the rename's atomicity (a file that can be made again: a crash may lose it, never half-write it).
enum class Durability { Synced, Cache };

class OutputFile {
public:
    //! Checks `target` (as checkOutputPath) and opens a temp file beside the file it names; throws OutputError.
    explicit OutputFile(const std::filesystem::path& target);
    ~OutputFile(); //!< removes the temp file unless commit() succeeded
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    //! Appends bytes; throws OutputError on any failure (a full disk, an I/O error).
    void write(const void* data, size_t size);
    //! As write() for C callbacks that must not throw (libpng, stb): false on failure, which
    //! fail() and commit() then report.
    bool append(const void* data, size_t size) noexcept;

    //! Flushes, syncs the file, gives it the old file's permissions (or 0666 less the umask), renames it
    //! over the target and syncs the folder. Throws OutputError; the old file is then untouched.
    void commit(Durability durability = Durability::Synced);

    //! Throws the OutputError for this target: `why`, or the error a write met when `why` is empty.
    [[noreturn]] void fail(const std::string& why = {}) const;

    //! The temp file, for libraries that write by name (FFmpeg's avio_open): write it, close it, commit().
    const std::filesystem::path& tempPath() const { return _temp; }
    const std::filesystem::path& target() const { return _target; }

private:
    bool flushBuffer() noexcept;
    void discard() noexcept;

    std::filesystem::path _target; //!< as the user gave it, for messages
    std::filesystem::path _real;   //!< where it is written: the target with its symlinks followed
    std::filesystem::path _temp;   //!< beside _real, unique
    bool _existed = false;         //!< a regular file was there: it stays untouched until the rename
    unsigned _mode = 0;            //!< the permissions the file gets
    std::optional<std::pair<unsigned, unsigned>> _owner; //!< the old file's user and group
    int _fd = -1;
    int _slot = -1; //!< in the signal handler's list of live temp files
    int _error = 0; //!< errno of the first failed write
    bool _committed = false;
    std::vector<char> _buffer;
};

//! Refuses, with one line naming `target`, what can never be written: an empty name, a folder, a
//! device node, FIFO or socket, a missing or unwritable folder. Returns the file that would be
//! written (symlinks followed). Commands call it before long work; OutputFile calls it too.
std::filesystem::path checkOutputPath(const std::filesystem::path& target);

//! Writes `contents` to `target` through an OutputFile; throws OutputError.
void writeOutputFile(const std::filesystem::path& target, std::string_view contents,
                     Durability durability = Durability::Synced);

//! Installs handlers for SIGINT, SIGTERM and SIGHUP (those not ignored) that remove every live temp
//! file and then die of the signal as before. Once, from main(), before any output is written.
void removeOutputTempsOnSignal();

} // namespace geo
