#include "RangeServer.h"

#include <chrono>
#include <csignal>
#include <fstream>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace geo::test {

RangeServer::RangeServer(std::filesystem::path folder, std::filesystem::path log)
    : _folder(std::move(folder)), _log(std::move(log)), _portFile(_log.string() + ".port") {
    start();
}

RangeServer::~RangeServer() {
    stop();
}

void RangeServer::start() {
    if (_pid > 0) return;
    std::filesystem::remove(_portFile);
    const std::string script = std::string(BULWARK_TEST_TOOLS_DIR) + "/range_server.py";
    const std::string port = std::to_string(_port);
    _pid = ::fork();
    if (_pid < 0) throw std::runtime_error("fork failed");
    if (_pid == 0) {
        ::execlp("python3", "python3", script.c_str(), "--dir", _folder.c_str(), "--port", port.c_str(), "--port-file",
                 _portFile.c_str(), "--log", _log.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!std::filesystem::exists(_portFile)) {
        int status = 0;
        if (::waitpid(_pid, &status, WNOHANG) == _pid) {
            _pid = -1;
            throw std::runtime_error("range_server.py exited at start (is python3 installed?)");
        }
        if (std::chrono::steady_clock::now() > deadline) throw std::runtime_error("range_server.py did not start");
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    std::ifstream(_portFile) >> _port;
}

void RangeServer::stop() {
    if (_pid <= 0) return;
    ::kill(_pid, SIGTERM);
    int status = 0;
    ::waitpid(_pid, &status, 0);
    _pid = -1;
}

std::string RangeServer::url(const std::string& file) const {
    return "/vsicurl/http://127.0.0.1:" + std::to_string(_port) + "/" + file;
}

int RangeServer::requests() const {
    std::ifstream in(_log);
    int lines = 0;
    for (std::string line; std::getline(in, line);) ++lines;
    return lines;
}

} // namespace geo::test
