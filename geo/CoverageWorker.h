#pragma once
// Coverage recomputed away from the frame thread, coarse to fine, while a site is dragged: the API a
// viewer's coverage layer calls. Each request cancels the sweep under way; every level finished is
// published with its lon/lat mask, ready to drape over the terrain as a texture.
//
//     CoverageWorker worker(scene.terrain);              // the terrain outlives the worker
//     if (auto refused = worker.request(r)) panel.error(refused->message());   // on every drag step
//     auto answer = worker.latest();                     // each frame: cheap, never blocks on a sweep
//     if (answer && answer->generation != uploaded) upload(answer->mask), uploaded = answer->generation;
#include "geo/Coverage.h"
#include "geo/CoverageFile.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>

namespace geo {

class CoverageWorker {
public:
    //! One finished level of one request.
    struct Answer {
        CoverageFan fan;
        CoverageMask mask;            //!< the fan on a lon/lat grid: 1 seen, 0 hidden, 255 beyond the range
        std::uint64_t request = 0;    //!< which request() it answers (they count up from 1)
        size_t level = 0, levels = 0; //!< coverageLevels() index; level + 1 == levels: the finest
        bool finest() const { return level + 1 == levels; }
    };

    explicit CoverageWorker(const Terrain& terrain);
    ~CoverageWorker(); //!< cancels the sweep under way and joins the thread
    CoverageWorker(const CoverageWorker&) = delete;
    CoverageWorker& operator=(const CoverageWorker&) = delete;

    //! Sweeps `request` from the coarsest level, dropping any sweep under way. A request checkCoverage()
    //! refuses is not swept: its Failure comes back and the last answer stays.
    std::optional<Failure> request(const CoverageRequest& request);
    //! Stops sweeping and forgets the answer (the layer is switched off).
    void clear();
    //! The newest finished level, or null before the first.
    std::shared_ptr<const Answer> latest() const;
    //! Waits until the finest level of the last request is published, or `timeout` passes (stills, tests).
    bool waitForFinest(std::chrono::milliseconds timeout) const;

private:
    void run();

    const Terrain& _terrain;
    mutable std::mutex _mutex;
    mutable std::condition_variable _changed;
    std::optional<CoverageRequest> _pending;
    std::uint64_t _requests = 0;
    std::atomic<bool> _cancel{false};
    bool _stop = false;
    std::shared_ptr<const Answer> _latest;
    std::thread _thread; //!< last: starts once everything above is ready
};

} // namespace geo
