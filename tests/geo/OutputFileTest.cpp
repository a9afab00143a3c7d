// geo::OutputFile, the one way outputs are written: a full disk, an error or a signal never costs
// the good file already there, and nothing that is not a regular file is ever replaced.
#include "geo/OutputFile.h"
#include "Fixtures.h"
#include "SmallDisk.h"
#include "geo/Tour.h"

#include <algorithm>
#include <csignal>
#include <cstring>
#include <fstream>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

namespace geo {
namespace {

namespace fs = std::filesystem;
using test::namesIn;
using test::readBytes;

unsigned permissionsOf(const fs::path& file) {
    struct stat st {};
    stat(file.c_str(), &st);
    return st.st_mode & 07777;
}

//! What OutputError says when `write` throws it; "" when nothing is thrown.
template <class Write> std::string errorOf(Write write) {
    try {
        write();
    } catch (const OutputError& e) {
        return e.what();
    }
    return "";
}

TEST(OutputFile, WritesANewFileWithTheUsualPermissionsAndNoTempLeft) {
    test::TempDir dir;
    writeOutputFile(dir / "new.txt", "hello\n");
    EXPECT_EQ(readBytes(dir / "new.txt"), "hello\n");
    const mode_t mask = umask(0);
    umask(mask);
    EXPECT_EQ(permissionsOf(dir / "new.txt"), 0666u & ~mask) << "not mkstemp's 0600";
    EXPECT_EQ(namesIn(dir.path()), std::vector<std::string>{"new.txt"});
}

TEST(OutputFile, KeepsTheOldFilesPermissionsAndOwner) {
    test::TempDir dir;
    test::writeText(dir / "tour.json", "old");
    fs::permissions(dir / "tour.json", fs::perms(0600));
    const bool root = geteuid() == 0;
    if (root) {
        ASSERT_EQ(chown((dir / "tour.json").c_str(), 1234, 5678), 0); // a user's tour, saved by root
    }
    writeOutputFile(dir / "tour.json", "new");
    EXPECT_EQ(readBytes(dir / "tour.json"), "new");
    EXPECT_EQ(permissionsOf(dir / "tour.json"), 0600u);
    struct stat st {};
    ASSERT_EQ(stat((dir / "tour.json").c_str(), &st), 0);
    if (root) {
        EXPECT_EQ(st.st_uid, 1234u);
        EXPECT_EQ(st.st_gid, 5678u);
    }
}

TEST(OutputFile, WritesWhereASymlinkPointsAndKeepsTheLink) {
    test::TempDir dir;
    fs::create_directories(dir / "real");
    test::writeText(dir / "real" / "still.png", "old");
    fs::create_symlink("real/still.png", dir / "link.png");
    writeOutputFile(dir / "link.png", "new");
    EXPECT_TRUE(fs::is_symlink(dir / "link.png"));
    EXPECT_EQ(fs::read_symlink(dir / "link.png"), "real/still.png");
    EXPECT_EQ(readBytes(dir / "real" / "still.png"), "new");
    EXPECT_EQ(namesIn(dir.path()), (std::vector<std::string>{"link.png", "real"}));
    EXPECT_EQ(namesIn(dir / "real"), std::vector<std::string>{"still.png"});
    // A link to a file not made yet: the file appears where it points.
    fs::create_symlink("real/later.png", dir / "later.png");
    writeOutputFile(dir / "later.png", "made");
    EXPECT_TRUE(fs::is_symlink(dir / "later.png"));
    EXPECT_EQ(readBytes(dir / "real" / "later.png"), "made");
}

TEST(OutputFile, RefusesWhatIsNotARegularFileInOneLineNamingIt) {
    test::TempDir dir;
    ASSERT_EQ(mkfifo((dir / "fifo").c_str(), 0644), 0);
    const int sock = test::bindUnixSocket(dir / "socket");
    fs::create_directories(dir / "folder");
    struct Case {
        fs::path target;
        std::string says;
    };
    for (const Case& c : std::vector<Case>{{"", "empty output file name"},
                                           {dir / "folder", "is a folder"},
                                           {dir.path().string() + "/new/", "names a folder"},
                                           {dir / "fifo", "FIFO"},
                                           {dir / "socket", "socket"},
                                           {dir / "missing" / "x.png", "does not exist"},
                                           {dir / "fifo" / "x.png", "is not a folder"}}) {
        const std::string error = errorOf([&] { OutputFile out(c.target); });
        EXPECT_NE(error.find(c.target.string()), std::string::npos) << error;
        EXPECT_NE(error.find(c.says), std::string::npos) << c.target << ": " << error;
        EXPECT_EQ(error.find('\n'), std::string::npos) << error;
        EXPECT_EQ(errorOf([&] { checkOutputPath(c.target); }), error);
    }
    close(sock);
    EXPECT_TRUE(fs::is_fifo(dir / "fifo"));
    EXPECT_TRUE(fs::is_socket(dir / "socket"));
    EXPECT_EQ(namesIn(dir.path()), (std::vector<std::string>{"fifo", "folder", "socket"}));
}

TEST(OutputFile, RefusesADeviceNodeAndLeavesIt) {
    test::TempDir dir;
    if (mknod((dir / "null").c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0)
        SKIP_UNLESS_CI(std::string("cannot make a device node here (") + std::strerror(errno) + "): needs root");
    const std::string error = errorOf([&] { writeOutputFile(dir / "null", "pixels"); });
    EXPECT_NE(error.find("character device"), std::string::npos) << error;
    EXPECT_TRUE(fs::is_character_file(dir / "null"));
    EXPECT_EQ(namesIn(dir.path()), std::vector<std::string>{"null"});
}

TEST(OutputFile, AnAbandonedWriteLeavesTheOldFileAndNoTemp) {
    test::TempDir dir;
    test::writeText(dir / "still.png", "good");
    EXPECT_THROW(
        {
            OutputFile out(dir / "still.png");
            out.write("half", 4);
            EXPECT_TRUE(fs::exists(out.tempPath()));
            EXPECT_EQ(out.tempPath().parent_path(), dir.path()); // beside the target: the rename stays on its disk
            throw std::runtime_error("the renderer failed");
        },
        std::runtime_error);
    EXPECT_EQ(readBytes(dir / "still.png"), "good");
    EXPECT_EQ(namesIn(dir.path()), std::vector<std::string>{"still.png"});
}

TEST(OutputFile, AFullDiskKeepsTheOldFileByteForByte) {
    test::SmallDisk disk(256 * 1024);
    if (!disk.mounted()) SKIP_UNLESS_CI(disk.why());
    const std::string good(20000, 'g');
    writeOutputFile(disk / "still.png", good);
    disk.fill();
    const std::string error = errorOf([&] { writeOutputFile(disk / "still.png", std::string(100000, 'n')); });
    EXPECT_EQ(error, (disk / "still.png").string() +
                         ": cannot write (No space left on device); the previous file is unchanged");
    EXPECT_EQ(readBytes(disk / "still.png"), good);
    EXPECT_EQ(namesIn(disk.path()), (std::vector<std::string>{"filler", "still.png"}));
    // Small writes gathered in the buffer meet the full disk at commit(): reported there, not lost.
    const std::string late = errorOf([&] {
        OutputFile out(disk / "still.png");
        out.write("abc", 3);
        out.commit();
    });
    EXPECT_NE(late.find("No space left on device"), std::string::npos) << late;
    EXPECT_EQ(readBytes(disk / "still.png"), good);
    EXPECT_EQ(namesIn(disk.path()), (std::vector<std::string>{"filler", "still.png"}));
}

TEST(OutputFile, ATourSavedOnAFullDiskKeepsTheSavedOne) {
    test::SmallDisk disk(256 * 1024);
    if (!disk.mounted()) SKIP_UNLESS_CI(disk.why());
    Tour tour;
    tour.title = "Briefing";
    tour.keyframes.resize(2);
    tour.keyframes[1].duration = 4;
    ASSERT_TRUE(saveTour(tour, disk / "tour.json").ok());
    fs::permissions(disk / "tour.json", fs::perms(0600));
    const std::string saved = readBytes(disk / "tour.json");
    disk.fill();
    tour.keyframes.resize(2000); // larger than the space left
    const Result<bool> full = saveTour(tour, disk / "tour.json");
    ASSERT_FALSE(full.ok());
    EXPECT_EQ(full.failure().message(), (disk / "tour.json").string() +
                                            ": cannot write (No space left on device); the previous file is unchanged");
    EXPECT_EQ(readBytes(disk / "tour.json"), saved);
    EXPECT_EQ(permissionsOf(disk / "tour.json"), 0600u);
    EXPECT_EQ(namesIn(disk.path()), (std::vector<std::string>{"filler", "tour.json"}));
}

TEST(OutputFile, ASignalWhileWritingRemovesTheTempFile) {
    test::TempDir dir;
    test::writeText(dir / "poster.png", "good");
    for (const int signal : {SIGINT, SIGTERM}) {
        const pid_t child = fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            std::signal(signal, SIG_DFL); // as a shell leaves it for a program in the foreground
            removeOutputTempsOnSignal();
            OutputFile out(dir / "poster.png");
            out.write("half a poster", 13);
            kill(getpid(), signal); // Ctrl-C in the middle of the write
            _exit(0);               // not reached: the handler ends the process with the signal
        }
        int status = 0;
        ASSERT_EQ(waitpid(child, &status, 0), child);
        EXPECT_TRUE(WIFSIGNALED(status)) << "the process must still die of the signal";
        if (WIFSIGNALED(status)) {
            EXPECT_EQ(WTERMSIG(status), signal);
        }
        EXPECT_EQ(readBytes(dir / "poster.png"), "good");
        EXPECT_EQ(namesIn(dir.path()), std::vector<std::string>{"poster.png"});
    }
}

} // namespace
} // namespace geo
