#pragma once
// What a site can see: the area where a target at a given height is in line of sight of an antenna
// over the terrain, out to a range, on an Earth whose radius standard refraction stretches by 4/3
// (the radar horizon). A radial sweep: rays fanned out by azimuth along geodesics (GeographicLib),
// each walked outwards keeping the steepest slope the terrain has shown so far; a target is seen
// where the slope to it is at least that steep. Plain C++ on a Terrain, no window:
//
//     CoverageRequest r{.site = {24.7, 48.9}, .antennaAglM = 30, .targetM = 100, .rangeM = 300e3};
//     if (auto refused = checkCoverage(terrain, r)) fail(*refused);
//     for (const CoverageDetail& d : coverageLevels(terrain, r))   // coarse first, then finer
//         show(computeCoverage(terrain, r, d));                    // each a complete answer
#include "geo/Terrain.h"
#include "geo/Result.h"

#include <atomic>
#include <cstdint>
#include <glm/glm.hpp>
#include <optional>
#include <vector>

namespace geo {

//! Standard atmospheric refraction bends radio waves down as if the Earth's radius were 4/3 of its own.
constexpr double kStandardRefraction = 4.0 / 3.0;
//! The longest range asked of coverage: beyond, the radar horizon of any mast or mountain is passed.
constexpr double kMaxCoverageRangeM = 2000e3;
//! The highest antenna or target: the edge of space.
constexpr double kMaxCoverageHeightM = 100e3;

struct CoverageRequest {
    glm::dvec2 site{0};          //!< lon/lat, degrees
    double antennaAglM = 10;     //!< the antenna above the ground at the site
    double targetM = 100;        //!< the target above the ground or, with targetAboveSea, above sea level
    bool targetAboveSea = false; //!< targetM is a height above sea level (an aircraft's altitude)
    double rangeM = 300e3;
    double refraction = kStandardRefraction; //!< k of the effective Earth radius k*R; 1: geometric, no refraction
};

//! How finely a sweep looks: `rays` azimuths, samples every `stepM` metres along each.
struct CoverageDetail {
    int rays = 360;
    double stepM = 1000;
};

//! The answer on the sweep's own polar grid. Ray r points at azimuth r*360/rays (true, clockwise from north);
//! its sample s lies (s+1)*stepM from the site.
struct CoverageFan {
    CoverageRequest request;
    CoverageDetail detail;
    int samples = 0;                   //!< per ray
    double groundM = 0;                //!< the terrain at the site
    std::vector<std::uint8_t> visible; //!< rays x samples, ray-major: 1 where a target there is seen
    std::vector<glm::dvec2> points;    //!< lon/lat of every sample, as `visible`

    bool seen(int ray, int sample) const { return visible[size_t(ray) * samples + sample] != 0; }
    //! Whether a target at this azimuth (degrees) and distance (metres) is seen: the nearest ray and sample.
    //! False beyond the range; true at the site itself.
    bool visibleAt(double azimuthDeg, double distanceM) const;
    //! The farthest distance seen along ray `ray` (0 when none).
    double farthestSeenM(int ray) const;
    //! The share of the area within range that is seen (samples weighted by the area they stand for),
    //! over the azimuths from..to (degrees, clockwise; to < from wraps through north) and distances near..far.
    double coveredFraction(double fromDeg = 0, double toDeg = 360, double nearM = 0, double farM = 1e300) const;
};

//! Refuses, in one line, what cannot be swept: a site not on the globe or outside the first layer of
//! `terrain` (the DEM asked for), heights that are not finite or outside 0..kMaxCoverageHeightM (a target
//! above sea level may be below it, down to kMinHeightM), a range that is not within (0, kMaxCoverageRangeM],
//! a refraction factor that is not positive.
std::optional<Failure> checkCoverage(const Terrain& terrain, const CoverageRequest& request);
//! checkCoverage() without the site: the heights, the range and the refraction factor alone (a viewer's
//! panel checks them before any site is chosen).
std::optional<Failure> checkCoverageValues(const CoverageRequest& request);

//! The details to sweep one after another, coarse to fine: the last samples at half the finest DEM cell
//! at the site, with rays as far apart at the range as the samples are along them.
std::vector<CoverageDetail> coverageLevels(const Terrain& terrain, const CoverageRequest& request);

//! The sweep. The request must have passed checkCoverage. Heights below sea level count as the sea's
//! surface, which is what a radar sees there. When `cancel` becomes true the sweep stops early and returns
//! what it has (rays not yet swept read as unseen): for a viewer whose site was dragged on.
CoverageFan computeCoverage(const Terrain& terrain, const CoverageRequest& request, const CoverageDetail& detail,
                            const std::atomic<bool>* cancel = nullptr);

//! The radius of curvature of the WGS84 ellipsoid at a latitude, averaged over azimuths (sqrt(M*N)), metres.
double meanRadiusAt(double latDeg);

} // namespace geo
