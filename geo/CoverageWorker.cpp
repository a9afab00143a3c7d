#include "geo/CoverageWorker.h"

namespace geo {

CoverageWorker::CoverageWorker(const Terrain& terrain) : _terrain(terrain), _thread([this] { run(); }) {}

CoverageWorker::~CoverageWorker() {
    {
        std::lock_guard lock(_mutex);
        _stop = true;
        _cancel = true;
    }
    _changed.notify_all();
    _thread.join();
}

std::optional<Failure> CoverageWorker::request(const CoverageRequest& request) {
    if (auto refused = checkCoverage(_terrain, request)) return refused;
    {
        std::lock_guard lock(_mutex);
        _pending = request;
        ++_requests;
        _cancel = true; // the sweep under way stops at its next ray
    }
    _changed.notify_all();
    return std::nullopt;
}

void CoverageWorker::clear() {
    {
        std::lock_guard lock(_mutex);
        _pending.reset();
        ++_requests;
        _cancel = true;
        _latest.reset();
    }
    _changed.notify_all();
}

std::shared_ptr<const CoverageWorker::Answer> CoverageWorker::latest() const {
    std::lock_guard lock(_mutex);
    return _latest;
}

bool CoverageWorker::waitForFinest(std::chrono::milliseconds timeout) const {
    std::unique_lock lock(_mutex);
    return _changed.wait_for(lock, timeout,
                             [this] { return _latest && _latest->request == _requests && _latest->finest(); });
}

void CoverageWorker::run() {
    for (;;) {
        CoverageRequest request;
        std::uint64_t id = 0;
        {
            std::unique_lock lock(_mutex);
            _changed.wait(lock, [this] { return _stop || _pending; });
            if (_stop) return;
            request = *_pending;
            _pending.reset();
            id = _requests;
            _cancel = false;
        }
        const std::vector<CoverageDetail> levels = coverageLevels(_terrain, request);
        for (size_t level = 0; level < levels.size(); ++level) {
            auto answer = std::make_shared<Answer>();
            answer->fan = computeCoverage(_terrain, request, levels[level], &_cancel);
            if (_cancel) break; // a newer request (or the end): this one is stale
            answer->mask = coverageMask(answer->fan);
            answer->request = id, answer->level = level, answer->levels = levels.size();
            std::lock_guard lock(_mutex);
            if (_cancel || id != _requests) break;
            _latest = std::move(answer);
            _changed.notify_all();
        }
        std::lock_guard lock(_mutex); // wake waiters on a request that finished or was dropped
        _changed.notify_all();
    }
}

} // namespace geo
