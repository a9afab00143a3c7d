#include "app/VideoEncoder.h"

#include "app/UsageError.h"
#include "geo/OutputFile.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

#include <algorithm>
#include <chrono>
#include <cmath>

namespace app {

namespace {
constexpr size_t kQueueDepth = 4; //!< frames rendered ahead of the encoder

std::string averror(int code) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return text;
}
} // namespace

struct VideoEncoder::Impl {
    AVFormatContext* format = nullptr;
    AVCodecContext* codec = nullptr;
    AVStream* stream = nullptr;
    SwsContext* scale = nullptr;
    AVFrame* frame = nullptr;
    AVPacket* packet = nullptr;
    bool headerWritten = false;
    ~Impl() {
        if (packet) av_packet_free(&packet);
        if (frame) av_frame_free(&frame);
        if (scale) sws_freeContext(scale);
        if (codec) avcodec_free_context(&codec);
        if (format) {
            if (format->pb) avio_closep(&format->pb);
            avformat_free_context(format);
        }
    }
};

VideoEncoder::VideoEncoder(const std::filesystem::path& file, int width, int height, int fps, int quality)
    : _output(std::make_unique<geo::OutputFile>(file)), _impl(new Impl), _file(file), _width(width), _height(height) {
    auto fail = [&](const std::string& what) {
        delete _impl;
        _impl = nullptr;
        throw UsageError(file.string() + ": " + what);
    };
    auto failWriting = [&](int error) {
        delete _impl;
        _impl = nullptr;
        _output->fail(averror(error));
    };
    const std::string temp = _output->tempPath().string();
    av_log_set_level(AV_LOG_ERROR); // FFmpeg's chatter stays out of the user's terminal
    const AVCodec* h264 = avcodec_find_encoder_by_name("libx264");
    if (!h264) h264 = avcodec_find_encoder(AV_CODEC_ID_H264);
    if (!h264) fail("no H.264 encoder in this FFmpeg (install libavcodec with libx264)");
    _encoderName = h264->name;
    if (avformat_alloc_output_context2(&_impl->format, nullptr, "mp4", temp.c_str()) < 0 || !_impl->format)
        fail("cannot make an MP4 file");
    _impl->stream = avformat_new_stream(_impl->format, nullptr);
    _impl->codec = avcodec_alloc_context3(h264);
    AVCodecContext* c = _impl->codec;
    c->width = width;
    c->height = height;
    c->pix_fmt = AV_PIX_FMT_YUV420P;
    c->time_base = AVRational{1, fps};
    c->framerate = AVRational{fps, 1};
    c->gop_size = fps * 2;
    c->max_b_frames = 2;
    if (_impl->format->oformat->flags & AVFMT_GLOBALHEADER) c->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    const int crf = int(std::lround(40.0 - 0.28 * std::clamp(quality, 0, 100)));
    av_opt_set(c->priv_data, "crf", std::to_string(crf).c_str(), 0);
    av_opt_set(c->priv_data, "preset", "veryfast", 0);
    // One encoder thread: the renderer needs the other core (and frames stay identical run to run).
    c->thread_count = 1;
    if (const int r = avcodec_open2(c, h264, nullptr); r < 0) fail("cannot open the H.264 encoder: " + averror(r));
    avcodec_parameters_from_context(_impl->stream->codecpar, c);
    _impl->stream->time_base = c->time_base;
    if (const int r = avio_open(&_impl->format->pb, temp.c_str(), AVIO_FLAG_WRITE); r < 0) failWriting(r);
    AVDictionary* options = nullptr;
    av_dict_set(&options, "movflags", "+faststart", 0); // the index up front: plays while downloading
    const int header = avformat_write_header(_impl->format, &options);
    av_dict_free(&options);
    if (header < 0) failWriting(header);
    _impl->headerWritten = true;
    _impl->scale = sws_getContext(width, height, AV_PIX_FMT_RGBA, width, height, AV_PIX_FMT_YUV420P, SWS_BICUBIC,
                                  nullptr, nullptr, nullptr);
    _impl->frame = av_frame_alloc();
    _impl->frame->format = AV_PIX_FMT_YUV420P;
    _impl->frame->width = width;
    _impl->frame->height = height;
    av_frame_get_buffer(_impl->frame, 0);
    _impl->packet = av_packet_alloc();
    _worker = std::thread([this] { run(); });
}

VideoEncoder::~VideoEncoder() {
    if (_worker.joinable()) {
        {
            std::lock_guard lock(_mutex);
            _closing = true;
        }
        _changed.notify_all();
        _worker.join();
    }
    delete _impl; // FFmpeg closes the temp file; _output then removes it unless finish() committed it
}

void VideoEncoder::push(std::vector<uint8_t> rgba) {
    std::unique_lock lock(_mutex);
    _changed.wait(lock, [&] { return _queue.size() < kQueueDepth || !_error.empty(); });
    if (!_error.empty()) throw UsageError(_error);
    _queue.push_back(std::move(rgba));
    _changed.notify_all();
}

void VideoEncoder::run() {
    for (;;) {
        std::vector<uint8_t> rgba;
        {
            std::unique_lock lock(_mutex);
            _changed.wait(lock, [&] { return _closing || !_queue.empty(); });
            if (_queue.empty()) return;
            rgba = std::move(_queue.front());
            _queue.pop_front();
        }
        _changed.notify_all();
        try {
            const auto start = std::chrono::steady_clock::now();
            encodeOne(rgba);
            _busySeconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        } catch (const geo::OutputError& e) {
            std::lock_guard lock(_mutex);
            _error = e.what(); // names the file already
            _changed.notify_all();
            return;
        } catch (const std::exception& e) {
            std::lock_guard lock(_mutex);
            _error = _file.string() + ": " + e.what();
            _changed.notify_all();
            return;
        }
    }
}

void VideoEncoder::encodeOne(const std::vector<uint8_t>& rgba) {
    AVFrame* f = _impl->frame;
    if (av_frame_make_writable(f) < 0) throw std::runtime_error("cannot reuse the video frame");
    const uint8_t* src[1] = {rgba.data()};
    const int stride[1] = {_width * 4};
    sws_scale(_impl->scale, src, stride, 0, _height, f->data, f->linesize);
    f->pts = _written++;
    auto drain = [&](AVFrame* in) {
        if (const int r = avcodec_send_frame(_impl->codec, in); r < 0 && r != AVERROR_EOF)
            throw std::runtime_error("encoding failed: " + averror(r));
        for (;;) {
            const int r = avcodec_receive_packet(_impl->codec, _impl->packet);
            if (r == AVERROR(EAGAIN) || r == AVERROR_EOF) return;
            if (r < 0) throw std::runtime_error("encoding failed: " + averror(r));
            if (_impl->packet->duration == 0) _impl->packet->duration = 1; // one frame: the last one counts too
            av_packet_rescale_ts(_impl->packet, _impl->codec->time_base, _impl->stream->time_base);
            _impl->packet->stream_index = _impl->stream->index;
            if (const int w = av_interleaved_write_frame(_impl->format, _impl->packet); w < 0)
                _output->fail(averror(w));
        }
    };
    drain(f);
}

void VideoEncoder::finish() {
    {
        std::lock_guard lock(_mutex);
        _closing = true;
    }
    _changed.notify_all();
    _worker.join();
    if (!_error.empty()) throw UsageError(_error);
    // Flush what the encoder holds back (B-frames), then the MP4 index.
    avcodec_send_frame(_impl->codec, nullptr);
    for (;;) {
        const int r = avcodec_receive_packet(_impl->codec, _impl->packet);
        if (r < 0) break;
        if (_impl->packet->duration == 0) _impl->packet->duration = 1;
        av_packet_rescale_ts(_impl->packet, _impl->codec->time_base, _impl->stream->time_base);
        _impl->packet->stream_index = _impl->stream->index;
        if (const int w = av_interleaved_write_frame(_impl->format, _impl->packet); w < 0) _output->fail(averror(w));
    }
    if (const int r = av_write_trailer(_impl->format); r < 0) _output->fail(averror(r));
    // avio_close drops a failed last flush on the floor: flush first and look.
    avio_flush(_impl->format->pb);
    if (const int r = _impl->format->pb->error; r < 0) _output->fail(averror(r));
    if (const int r = avio_closep(&_impl->format->pb); r < 0) _output->fail(averror(r));
    _output->commit();
}

} // namespace app
