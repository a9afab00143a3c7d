#pragma once
// tests/tools/range_server.py run as a child process: an HTTP server on 127.0.0.1 that honours Range
// requests, as GDAL's /vsicurl/ needs, and that a test can stop and start again on the same port.
#include <filesystem>
#include <string>
#include <sys/types.h>

namespace geo::test {

class RangeServer {
public:
    //! Serves `folder`, logging one line per request to `log`; starts at once (throws if it cannot).
    RangeServer(std::filesystem::path folder, std::filesystem::path log);
    ~RangeServer();
    RangeServer(const RangeServer&) = delete;
    RangeServer& operator=(const RangeServer&) = delete;

    void stop();                                    //!< the server goes away (connections are then refused)
    void start();                                   //!< comes back, on the same port as before
    std::string url(const std::string& file) const; //!< "/vsicurl/http://127.0.0.1:PORT/file"
    int requests() const;                           //!< lines in the log so far

private:
    std::filesystem::path _folder, _log, _portFile;
    int _port = 0;
    pid_t _pid = -1;
};

} // namespace geo::test
