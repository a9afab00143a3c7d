#include "geo/OutputFile.h"

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <mutex>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

namespace geo {

namespace fs = std::filesystem;

namespace {

constexpr size_t kBufferBytes = 256 * 1024; //!< small writes (libpng's chunks) gathered into few system calls

std::string errorText(int error) {
    return std::strerror(error);
}

// The temp files being written, for the signal handler: fixed storage it can read without locks or
// allocation. A slot is claimed under the mutex and published by `live`; the handler reads only
// slots whose flag is set.
struct TempSlot {
    std::atomic<bool> live{false};
    char path[4096] = {};
};
static_assert(std::atomic<bool>::is_always_lock_free, "the signal handler reads these flags");
std::array<TempSlot, 64> gTemps;
std::mutex gTempsMutex;

//! -1 when the list is full or the path too long: the file is still written, just not removed on a signal.
int rememberTemp(const fs::path& temp) {
    std::error_code ec;
    const std::string path = fs::absolute(temp, ec).string();
    if (ec || path.size() >= sizeof TempSlot::path) return -1;
    std::lock_guard lock(gTempsMutex);
    for (size_t i = 0; i < gTemps.size(); ++i)
        if (!gTemps[i].live.load(std::memory_order_acquire)) {
            std::memcpy(gTemps[i].path, path.c_str(), path.size() + 1);
            gTemps[i].live.store(true, std::memory_order_release);
            return int(i);
        }
    return -1;
}

void forgetTemp(int slot) {
    if (slot >= 0) gTemps[size_t(slot)].live.store(false, std::memory_order_release);
}

// Async-signal-safe: unlink, sigaction and raise only. With the default action restored, the raised
// signal ends the process as it would have without us (exit status 128 + signal in a shell).
extern "C" void removeTempsThenDie(int signal) {
    for (TempSlot& slot : gTemps)
        if (slot.live.load(std::memory_order_acquire)) unlink(slot.path);
    struct sigaction fallback {};
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    sigaction(signal, &fallback, nullptr);
    raise(signal);
}

//! The process's umask, read without changing it (umask() sets it, racing other threads creating files).
mode_t processUmask() {
    static const mode_t mask = [] {
        std::ifstream status("/proc/self/status");
        for (std::string line; std::getline(status, line);)
            if (line.rfind("Umask:", 0) == 0) return mode_t(std::stoul(line.substr(6), nullptr, 8));
        const mode_t old = umask(022);
        umask(old);
        return old;
    }();
    return mask;
}

const char* kindOf(mode_t mode) {
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a regular file";
}

struct Resolved {
    fs::path real;                  //!< the target with its symlinks followed
    std::optional<struct stat> old; //!< the regular file there now, if any
};

Resolved resolveOutput(const fs::path& target) {
    if (target.empty()) throw OutputError({"", "an empty output file name: say which file to write"});
    auto refuse = [&](const std::string& what) { throw OutputError({target.string(), what}); };
    fs::path real = target;
    struct stat st {};
    bool exists = false;
    for (int hops = 0;; ++hops) {
        if (lstat(real.c_str(), &st) != 0) {
            if (errno != ENOENT && errno != ENOTDIR) refuse("cannot write (" + errorText(errno) + ")");
            break;
        }
        if (!S_ISLNK(st.st_mode)) {
            exists = true;
            break;
        }
        if (hops == 40) refuse("cannot write (too many levels of symbolic links)");
        std::error_code ec;
        const fs::path link = fs::read_symlink(real, ec);
        if (ec) refuse("cannot write (" + ec.message() + ")");
        real = link.is_absolute() ? link : real.parent_path() / link;
    }
    if (exists && S_ISDIR(st.st_mode)) refuse("is a folder: give a file name to write");
    if (exists && !S_ISREG(st.st_mode))
        refuse(std::string("is ") + kindOf(st.st_mode) + ", not a regular file: Bulwark writes only regular files");
    if (!exists && !real.has_filename()) refuse("names a folder: give a file name to write");

    const fs::path folder = real.parent_path().empty() ? fs::path(".") : real.parent_path();
    struct stat dir {};
    if (stat(folder.c_str(), &dir) != 0) {
        if (errno == ENOENT) refuse("cannot write: the folder " + folder.string() + " does not exist");
        if (errno == ENOTDIR) refuse("cannot write: " + folder.string() + " is not a folder");
        refuse("cannot write into " + folder.string() + " (" + errorText(errno) + ")");
    }
    if (!S_ISDIR(dir.st_mode)) refuse("cannot write: " + folder.string() + " is not a folder");
    if (access(folder.c_str(), W_OK | X_OK) != 0)
        refuse("cannot write into " + folder.string() + " (" + errorText(errno) + ")");
    Resolved r{real, std::nullopt};
    if (exists) r.old = st;
    return r;
}

//! Writes all of it, retrying short writes and interruptions; errno on failure.
bool writeAll(int fd, const char* data, size_t size) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            if (n == 0) errno = ENOSPC;
            return false;
        }
        data += n;
        size -= size_t(n);
    }
    return true;
}

} // namespace

fs::path checkOutputPath(const fs::path& target) {
    return resolveOutput(target).real;
}

OutputFile::OutputFile(const fs::path& target) : _target(target) {
    const Resolved r = resolveOutput(target);
    _real = r.real;
    _existed = r.old.has_value();
    _mode = _existed ? unsigned(r.old->st_mode & 07777) : unsigned(0666 & ~processUmask());
    if (_existed) _owner = {r.old->st_uid, r.old->st_gid};
    // Hidden and unique beside the real file: the rename stays on one file system, and two writers
    // (or a crashed run's leftover) never share a temp file.
    std::string name(1, '.');
    name += _real.filename().string();       // (not "." + ...: GCC 12 warns falsely, -Wrestrict)
    if (name.size() > 200) name.resize(200); // room for the suffix within NAME_MAX
    std::string pattern = (_real.parent_path() / (name + ".XXXXXX")).string();
    _fd = mkostemp(pattern.data(), O_CLOEXEC);
    if (_fd < 0) fail(errorText(errno));
    _temp = pattern;
    _slot = rememberTemp(_temp);
}

OutputFile::~OutputFile() {
    discard();
}

void OutputFile::discard() noexcept {
    if (_fd >= 0) close(_fd);
    _fd = -1;
    if (!_committed && !_temp.empty()) unlink(_temp.c_str());
    forgetTemp(_slot);
    _slot = -1;
}

bool OutputFile::flushBuffer() noexcept {
    if (_error) return false;
    if (_buffer.empty()) return true;
    if (!writeAll(_fd, _buffer.data(), _buffer.size())) {
        _error = errno;
        return false;
    }
    _buffer.clear();
    return true;
}

bool OutputFile::append(const void* data, size_t size) noexcept {
    if (_error || _fd < 0) return false;
    const char* bytes = static_cast<const char*>(data);
    if (_buffer.size() + size > kBufferBytes) {
        if (!flushBuffer()) return false;
        if (size >= kBufferBytes) {
            if (writeAll(_fd, bytes, size)) return true;
            _error = errno;
            return false;
        }
    }
    try {
        if (_buffer.capacity() < kBufferBytes) _buffer.reserve(kBufferBytes);
        _buffer.insert(_buffer.end(), bytes, bytes + size);
    } catch (const std::bad_alloc&) {
        _error = ENOMEM;
        return false;
    }
    return true;
}

void OutputFile::write(const void* data, size_t size) {
    if (!append(data, size)) fail();
}

void OutputFile::fail(const std::string& why) const {
    const std::string reason = !why.empty() ? why : _error ? errorText(_error) : "write error";
    throw OutputError(
        {_target.string(), "cannot write (" + reason + ")" + (_existed ? "; the previous file is unchanged" : "")});
}

void OutputFile::commit(Durability durability) {
    if (_committed || _fd < 0) fail("written twice");
    if (!flushBuffer()) fail();
    // Root saving a user's tour gives it back to the user. Anyone else cannot give a file away, and
    // then owns the new one, as with any editor's save: not a reason to refuse it. (Before fchmod:
    // a change of owner clears set-user-ID bits.)
    if (_owner && (_owner->first != geteuid() || _owner->second != getegid()))
        (void)!fchown(_fd, _owner->first, _owner->second);
    if (fchmod(_fd, mode_t(_mode)) != 0) fail(errorText(errno));
    if (durability == Durability::Synced && fsync(_fd) != 0) fail(errorText(errno));
    const int fd = _fd;
    _fd = -1;
    if (close(fd) != 0) fail(errorText(errno)); // NFS and quotas report a full disk here
    if (std::rename(_temp.c_str(), _real.c_str()) != 0) fail(errorText(errno));
    _committed = true;
    forgetTemp(_slot);
    _slot = -1;
    if (durability == Durability::Cache) return;
    // The rename is durable only once the folder is synced. File systems that cannot sync a folder say EINVAL.
    const fs::path folder = _real.parent_path().empty() ? fs::path(".") : _real.parent_path();
    const int dir = open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0) return;
    const int synced = fsync(dir), error = errno;
    close(dir);
    if (synced != 0 && error != EINVAL && error != ENOTSUP)
        throw OutputError({_target.string(), "written, but its folder could not be synced (" + errorText(error) + ")"});
}

void writeOutputFile(const fs::path& target, std::string_view contents, Durability durability) {
    OutputFile out(target);
    out.write(contents.data(), contents.size());
    out.commit(durability);
}

void removeOutputTempsOnSignal() {
    for (const int signal : {SIGINT, SIGTERM, SIGHUP}) {
        struct sigaction previous {};
        if (sigaction(signal, nullptr, &previous) != 0 || previous.sa_handler == SIG_IGN) continue; // nohup's choice
        struct sigaction action {};
        action.sa_handler = removeTempsThenDie;
        sigemptyset(&action.sa_mask);
        sigaction(signal, &action, nullptr);
    }
}

} // namespace geo
