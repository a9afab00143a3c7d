#include "geo/SymbolLibrary.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace geo {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr int kAnswerTimeoutMs = 10'000; //!< a thousand symbols take ~0.1 s; ten seconds is a hung helper
constexpr const char* kSetupHint = "run scripts/setup (it installs nodejs and runs npm ci in assets/symbols)";

//! The last line node wrote on stderr (its own error), for the one-line message; at most 200 bytes.
std::string lastErrorLine(int fd) {
    if (fd < 0) return {};
    std::string text;
    char buffer[4096];
    for (ssize_t n; (n = read(fd, buffer, sizeof buffer)) > 0;) text.append(buffer, size_t(n));
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    const size_t start = text.find_last_of('\n');
    std::string line = start == std::string::npos ? text : text.substr(start + 1);
    if (line.size() > 200) line = line.substr(0, 200) + "...";
    return line;
}

json amplifierJson(const SymbolRequest& r) {
    json a = json::object();
    const auto put = [&](const char* key, const std::string& value) {
        if (!value.empty()) a[key] = value;
    };
    put("uniqueDesignation", r.amplifiers.uniqueDesignation);
    put("higherFormation", r.amplifiers.higherFormation);
    put("staffComments", r.amplifiers.staffComments);
    put("additionalInformation", r.amplifiers.additionalInformation);
    put("country", r.country);
    return a;
}

SymbolDrawing readDrawing(const json& j) {
    SymbolDrawing d;
    if (!j.is_object()) {
        d.error = "the helper answered no object";
        return d;
    }
    d.error = j.value("error", "");
    d.svg = j.value("svg", "");
    d.width = j.value("width", 0.0);
    d.height = j.value("height", 0.0);
    if (const auto a = j.find("anchor"); a != j.end() && a->is_array() && a->size() == 2) {
        d.anchorX = (*a)[0].is_number() ? (*a)[0].get<double>() : 0;
        d.anchorY = (*a)[1].is_number() ? (*a)[1].get<double>() : 0;
    }
    d.icon = j.value("icon", false);
    d.dimension = j.value("dimension", "");
    if (const auto e = j.find("entity"); e != j.end() && e->is_array() && e->size() == 3) {
        d.named = true;
        for (size_t i = 0; i < 3; ++i) d.entity[i] = (*e)[i].is_string() ? (*e)[i].get<std::string>() : "";
    }
    return d;
}

} // namespace

std::string SymbolDrawing::entityName() const {
    for (int i = 2; i >= 0; --i)
        if (!entity[size_t(i)].empty()) return entity[size_t(i)];
    return {};
}

fs::path symbolLibraryDir() {
    if (const char* env = std::getenv("BULWARK_SYMBOLS"); env && *env) return env;
    return BULWARK_SYMBOLS_DIR; // set by geo/CMakeLists.txt to the source tree's assets/symbols
}

Result<std::unique_ptr<SymbolLibrary>> SymbolLibrary::start(const fs::path& dir) {
    std::unique_ptr<SymbolLibrary> library(new SymbolLibrary(dir));
    if (auto failure = library->launch()) return *failure;
    return library;
}

SymbolLibrary::~SymbolLibrary() {
    stop();
}

std::optional<Failure> SymbolLibrary::launch() {
    const fs::path helper = _dir / "helper.js";
    const std::string where = "symbol library " + _dir.string();
    std::error_code ec;
    if (!fs::is_regular_file(helper, ec)) return Failure{where, "no helper.js there"};
    if (!fs::is_directory(_dir / "node_modules" / "milsymbol", ec))
        return Failure{where, std::string("milsymbol is not installed: ") + kSetupHint};
    int sockets[2], errors[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sockets) != 0)
        return Failure{where, std::string("cannot connect to the helper: ") + std::strerror(errno)};
    if (pipe2(errors, O_CLOEXEC) != 0) {
        close(sockets[0]);
        close(sockets[1]);
        return Failure{where, std::string("cannot connect to the helper: ") + std::strerror(errno)};
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, sockets[1], 0);
    posix_spawn_file_actions_adddup2(&actions, sockets[1], 1);
    posix_spawn_file_actions_adddup2(&actions, errors[1], 2);
    const char* node = std::getenv("BULWARK_NODE");
    const std::string program = node && *node ? node : "node";
    const std::string script = helper.string();
    char* argv[] = {const_cast<char*>(program.c_str()), const_cast<char*>(script.c_str()), nullptr};
    pid_t pid = -1;
    const int spawned = posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    close(sockets[1]);
    close(errors[1]);
    if (spawned != 0) {
        close(sockets[0]);
        close(errors[0]);
        return Failure{where, "cannot run " + program + " (" + std::strerror(spawned) + "): " + kSetupHint};
    }
    _pid = pid;
    _socket = sockets[0];
    _stderr = errors[0];
    fcntl(_stderr, F_SETFL, O_NONBLOCK);
    _pending.clear();
    auto hello = exchange(R"({"hello":true})");
    if (!hello) {
        stop();
        return hello.failure();
    }
    const json answer = json::parse(hello.value(), nullptr, false);
    if (!answer.is_object() || !answer.contains("milsymbol")) {
        stop();
        return Failure{where, "the helper did not answer its hello"};
    }
    _version = answer.value("milsymbol", "");
    return std::nullopt;
}

void SymbolLibrary::stop() {
    if (_socket >= 0) close(_socket); // the helper sees its stdin end and exits
    if (_pid > 0) {
        int status = 0;
        // Give it a moment to leave by itself; a hung helper is killed.
        for (int i = 0; i < 50 && waitpid(_pid, &status, WNOHANG) == 0; ++i) usleep(2000);
        if (waitpid(_pid, &status, WNOHANG) == 0) {
            kill(_pid, SIGKILL);
            waitpid(_pid, &status, 0);
        }
    }
    if (_stderr >= 0) close(_stderr);
    _pid = _socket = _stderr = -1;
}

Result<std::string> SymbolLibrary::exchange(const std::string& line) {
    const std::string where = "symbol library " + _dir.string();
    const auto died = [&](const std::string& what) {
        std::string why = lastErrorLine(_stderr);
        return Failure{where, what + (why.empty() ? "" : ": " + why)};
    };
    std::string out = line + "\n";
    for (size_t sent = 0; sent < out.size();) {
        const ssize_t n = send(_socket, out.data() + sent, out.size() - sent, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return died("the helper stopped");
        sent += size_t(n);
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kAnswerTimeoutMs);
    for (;;) {
        if (const size_t end = _pending.find('\n'); end != std::string::npos) {
            std::string answer = _pending.substr(0, end);
            _pending.erase(0, end + 1);
            return answer;
        }
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return Failure{where, "the helper did not answer within 10 s"};
        pollfd p{_socket, POLLIN, 0};
        const int ready = poll(&p, 1, int(left.count()));
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) continue;
        char buffer[65536];
        const ssize_t n = recv(_socket, buffer, sizeof buffer, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return died("the helper stopped");
        _pending.append(buffer, size_t(n));
    }
}

Result<std::string> SymbolLibrary::call(const std::string& line) {
    auto answer = _socket >= 0 ? exchange(line) : Result<std::string>(Failure{"", "not running"});
    if (!answer) { // one restart: a helper killed from outside, or one that hung
        stop();
        if (auto failure = launch()) return *failure;
        answer = exchange(line);
    }
    return answer;
}

Result<std::vector<SymbolDrawing>> SymbolLibrary::draw(const std::vector<SymbolRequest>& requests) {
    std::lock_guard lock(_mutex);
    json symbols = json::array();
    for (const SymbolRequest& r : requests)
        symbols.push_back({{"sidc", r.code},
                           {"size", r.size},
                           {"svg", r.svg},
                           {"readable", r.readable},
                           {"amplifiers", amplifierJson(r)}});
    const std::string line = json{{"symbols", std::move(symbols)}}.dump(-1, ' ', false, json::error_handler_t::replace);
    auto answer = call(line);
    if (!answer) return answer.failure();
    const json parsed = json::parse(answer.value(), nullptr, false);
    const auto list = parsed.is_object() ? parsed.find("symbols") : parsed.end();
    if (!parsed.is_object() || list == parsed.end() || !list->is_array() || list->size() != requests.size())
        return Failure{"symbol library " + _dir.string(),
                       "unexpected answer from the helper: " + answer.value().substr(0, 120)};
    std::vector<SymbolDrawing> out;
    out.reserve(requests.size());
    for (const json& j : *list) out.push_back(readDrawing(j));
    return out;
}

} // namespace geo
