#pragma once
// The coverage options `bulwark coverage` and `bulwark render` share: the site, the antenna's and the
// target's heights, the range and the refraction, each checked as CLI11 parses it (the same limits and
// one-line errors in both), then turned into a geo::CoverageRequest.
#include "geo/Coverage.h"
#include "geo/CoverageWorker.h"

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace app {

struct CoverageOptions {
    //! Adds `siteName` (LON,LAT), --height-agl, --target-agl, --target-amsl, --range-km and --refraction to
    //! `command`. With `required`, the site, antenna height and range must be given (`coverage`); without,
    //! they are optional but need one another (`render`: no coverage unless the site is given).
    void addTo(CLI::App& command, const std::string& siteName, const std::string& siteHelp, bool required);
    //! Whether the site was given.
    bool given() const { return _site && _site->count() > 0; }
    //! The request the options ask for; throws UsageError when no target height is given.
    geo::CoverageRequest request() const;
    //! geo::checkCoverage(), its failure thrown as a UsageError naming this command's site option.
    void check(const geo::Terrain& terrain, const geo::CoverageRequest& request) const;

    std::string siteName = "--site";

private:
    std::vector<double> _lonLat;
    double _antennaAgl = 0, _targetAgl = 0, _targetAmsl = 0, _rangeKm = 0, _refraction = geo::kStandardRefraction;
    CLI::Option *_site = nullptr, *_agl = nullptr, *_amsl = nullptr;
};

//! The finest level of a sweep (geo::coverageLevels), with its mask, as the viewer's last answer: what a still
//! drapes. The request must have passed check().
geo::CoverageWorker::Answer finestCoverage(const geo::Terrain& terrain, const geo::CoverageRequest& request);

} // namespace app
