#pragma once
// H.264 in MP4 (yuv420p, playable everywhere) through FFmpeg's libraries. Frames are encoded on a
// worker thread while the next ones render; FFmpeg writes a geo::OutputFile's temp file, committed on
// finish(), so a stopped recording still leaves a playable file and a failed one no half file.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace geo {
class OutputFile;
}

namespace app {

class VideoEncoder {
public:
    //! Opens the encoder and the file; throws UsageError or geo::OutputError naming the file on failure. `quality`
    //! 0..100 (higher is better) maps onto x264's constant rate factor.
    VideoEncoder(const std::filesystem::path& file, int width, int height, int fps, int quality);
    ~VideoEncoder();
    VideoEncoder(const VideoEncoder&) = delete;
    VideoEncoder& operator=(const VideoEncoder&) = delete;

    //! Queues the next frame (tightly packed RGBA, top row first); blocks while a few are waiting.
    void push(std::vector<uint8_t> rgba);
    //! Encodes what is queued, flushes, writes the MP4 index and moves the file into place.
    void finish();
    //! Seconds the encoder thread spent encoding (colour conversion, H.264, writing), for reports.
    double busySeconds() const { return _busySeconds; }
    std::string encoderName() const { return _encoderName; }

private:
    struct Impl;
    void run();
    void encodeOne(const std::vector<uint8_t>& rgba);
    std::unique_ptr<geo::OutputFile> _output; //!< outlives _impl: FFmpeg closes its file before the temp goes
    Impl* _impl;
    std::filesystem::path _file;
    int _width, _height;
    int _written = 0;
    double _busySeconds = 0;
    std::string _encoderName;
    std::mutex _mutex;
    std::condition_variable _changed;
    std::deque<std::vector<uint8_t>> _queue;
    bool _closing = false;
    std::string _error;
    std::thread _worker;
};

} // namespace app
