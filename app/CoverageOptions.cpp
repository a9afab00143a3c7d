#include "app/CoverageOptions.h"

#include "app/SceneOptions.h"
#include "app/UsageError.h"
#include "geo/CoverageFile.h"

namespace app {

void CoverageOptions::addTo(CLI::App& c, const std::string& name, const std::string& siteHelp, bool required) {
    siteName = name;
    _site = c.add_option(name, _lonLat, siteHelp)->delimiter(',')->expected(2)->check(finiteWithin(-180, 180));
    CLI::Option* height = c.add_option("--height-agl", _antennaAgl, "The antenna's height above the ground, metres")
                              ->check(finiteWithin(0, geo::kMaxCoverageHeightM));
    _agl = c.add_option("--target-agl", _targetAgl, "The target's height above the ground, metres")
               ->check(finiteWithin(0, geo::kMaxCoverageHeightM));
    _amsl = c.add_option("--target-amsl", _targetAmsl, "Or the target's height above sea level (an aircraft), metres")
                ->check(finiteWithin(geo::kMinHeightM, geo::kMaxCoverageHeightM));
    _agl->excludes(_amsl);
    CLI::Option* range = c.add_option("--range-km", _rangeKm, "How far to look, km (more than 0, at most 2000)")
                             ->check(finiteWithin(0, geo::kMaxCoverageRangeM / 1000));
    CLI::Option* refraction =
        c.add_option("--refraction", _refraction,
                     "k of the effective Earth radius k*R: 4/3 is standard refraction, 1 none (the geometric horizon)")
            ->check(finiteWithin(0.1, 100));
    if (required) {
        _site->required(), height->required(), range->required();
        return;
    }
    _site->needs(height), _site->needs(range);
    for (CLI::Option* o : {height, _agl, _amsl, range, refraction}) o->needs(_site);
}

geo::CoverageRequest CoverageOptions::request() const {
    if (_agl->count() == 0 && _amsl->count() == 0)
        throw UsageError("--target-agl or --target-amsl: the target's height is needed");
    geo::CoverageRequest r;
    r.site = {_lonLat.at(0), _lonLat.at(1)};
    r.antennaAglM = _antennaAgl;
    r.targetAboveSea = _amsl->count() > 0;
    r.targetM = r.targetAboveSea ? _targetAmsl : _targetAgl;
    r.rangeM = _rangeKm * 1000;
    r.refraction = _refraction;
    return r;
}

void CoverageOptions::check(const geo::Terrain& terrain, const geo::CoverageRequest& request) const {
    std::optional<geo::Failure> refused = geo::checkCoverage(terrain, request);
    if (!refused) return;
    constexpr std::string_view kSite = "--site"; // checkCoverage names the site as `coverage` takes it
    if (refused->where.starts_with(kSite)) refused->where = siteName + refused->where.substr(kSite.size());
    throw UsageError(refused->message());
}

geo::CoverageWorker::Answer finestCoverage(const geo::Terrain& terrain, const geo::CoverageRequest& request) {
    const std::vector<geo::CoverageDetail> levels = geo::coverageLevels(terrain, request);
    geo::CoverageWorker::Answer answer;
    answer.fan = geo::computeCoverage(terrain, request, levels.back());
    answer.mask = geo::coverageMask(answer.fan);
    answer.request = 1, answer.level = 0, answer.levels = 1;
    return answer;
}

} // namespace app
