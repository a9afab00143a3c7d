#include "geo/Coverage.h"

#include "geo/Ellipsoid.h"
#include "geo/LonLat.h"

#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/GeodesicLine.hpp>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace geo {

namespace {

std::string metresText(const char* what, double m) {
    char text[96];
    std::snprintf(text, sizeof text, "%s %.6g m", what, m);
    return text;
}

//! Degrees into [0, 360).
double wrapDegrees(double deg) {
    const double d = std::fmod(deg, 360.0);
    return d < 0 ? d + 360.0 : d;
}

//! Whether azimuth `a` lies on the clockwise arc from..to (degrees); from == to - 360 is every azimuth.
bool onArc(double a, double from, double to) {
    if (to - from >= 360.0) return true;
    const double span = wrapDegrees(to - from);
    return wrapDegrees(a - from) <= span;
}

} // namespace

double meanRadiusAt(double latDeg) {
    const double e2 = kWgs84F * (2 - kWgs84F);
    const double s = std::sin(latDeg * M_PI / 180.0);
    const double w = 1 - e2 * s * s;
    const double meridian = kWgs84A * (1 - e2) / (w * std::sqrt(w)), normal = kWgs84A / std::sqrt(w);
    return std::sqrt(meridian * normal);
}

std::optional<Failure> checkCoverage(const Terrain& terrain, const CoverageRequest& r) {
    char site[96];
    std::snprintf(site, sizeof site, "--site %.6g,%.6g", r.site.x, r.site.y);
    if (!isLonLat(r.site.x, r.site.y) || r.site.x > 180)
        return Failure{site, "not a lon/lat within -180..180 E, -90..90 N"};
    if (!terrain.firstCovers(r.site.x, r.site.y))
        return Failure{site, "outside the DEM" +
                                 (terrain.empty() ? std::string() : " (" + terrain.firstSource() + ")")};
    return checkCoverageValues(r);
}

std::optional<Failure> checkCoverageValues(const CoverageRequest& r) {
    const auto height = [](double m, double lowest) {
        return std::isfinite(m) && m >= lowest && m <= kMaxCoverageHeightM;
    };
    if (!height(r.antennaAglM, 0))
        return Failure{metresText("antenna height", r.antennaAglM), "expected 0 to 100000 m above the ground"};
    if (!height(r.targetM, r.targetAboveSea ? kMinHeightM : 0))
        return Failure{metresText("target height", r.targetM), r.targetAboveSea
                                                                   ? "expected -12000 to 100000 m above sea level"
                                                                   : "expected 0 to 100000 m above the ground"};
    if (!(r.rangeM > 0 && r.rangeM <= kMaxCoverageRangeM))
        return Failure{metresText("range", r.rangeM), "expected more than 0 and at most 2000 km"};
    if (!(r.refraction > 0 && std::isfinite(r.refraction)))
        return Failure{"refraction factor", "expected a positive number (4/3 for standard refraction)"};
    return std::nullopt;
}

std::vector<CoverageDetail> coverageLevels(const Terrain& terrain, const CoverageRequest& r) {
    // Half the finest cell at the site, in metres along a meridian (cells are narrower east-west, but a
    // ray crosses them at every angle); never finer than 50 m, never more than 4000 samples a ray.
    const double cellM = terrain.finestCellAt(r.site.x, r.site.y) * M_PI / 180.0 * meanRadiusAt(r.site.y);
    const double finest = std::max({cellM / 2, 50.0, r.rangeM / 4000});
    const int rays = std::clamp(int(std::ceil(2 * M_PI * r.rangeM / finest / 8)) * 8, 64, 8192);
    std::vector<CoverageDetail> levels;
    for (int coarser = 4; coarser >= 1; coarser /= 2)
        if (rays / coarser >= 64 || coarser == 1) levels.push_back({rays / coarser, finest * coarser});
    return levels;
}

CoverageFan computeCoverage(const Terrain& terrain, const CoverageRequest& r, const CoverageDetail& detail,
                            const std::atomic<bool>* cancel) {
    CoverageFan fan;
    fan.request = r;
    fan.detail = detail;
    fan.samples = std::max(1, int(std::ceil(r.rangeM / detail.stepM - 1e-9)));
    fan.visible.assign(size_t(detail.rays) * fan.samples, 0);
    fan.points.resize(fan.visible.size());
    // Heights below sea level are the sea's surface to a radar (the DEMs hold bathymetry).
    const auto surface = [&](double lon, double lat) { return std::max(0.0, double(terrain.groundHeightAt(lon, lat))); };
    fan.groundM = surface(r.site.x, r.site.y);
    const double antenna = fan.groundM + r.antennaAglM;
    // The Earth's surface falls away from the tangent plane by d^2 / 2kR: refraction makes R look k times larger.
    const double twiceEffectiveRadius = 2 * r.refraction * meanRadiusAt(r.site.y);
    const GeographicLib::Geodesic& earth = GeographicLib::Geodesic::WGS84();
    for (int ray = 0; ray < detail.rays; ++ray) {
        if (cancel && cancel->load(std::memory_order_relaxed)) break;
        const double azimuth = 360.0 * ray / detail.rays;
        const GeographicLib::GeodesicLine line =
            earth.Line(r.site.y, r.site.x, azimuth,
                       GeographicLib::Geodesic::LATITUDE | GeographicLib::Geodesic::LONGITUDE |
                           GeographicLib::Geodesic::DISTANCE_IN);
        double steepest = -std::numeric_limits<double>::infinity(); // the slope of the terrain seen so far
        const size_t row = size_t(ray) * fan.samples;
        for (int s = 0; s < fan.samples; ++s) {
            const double d = std::min(r.rangeM, (s + 1) * detail.stepM);
            double lat = 0, lon = 0;
            line.Position(d, lat, lon);
            fan.points[row + s] = {lon, lat};
            const double drop = d * d / twiceEffectiveRadius;
            const double ground = surface(lon, lat);
            const double target = r.targetAboveSea ? r.targetM : ground + r.targetM;
            const double targetSlope = (target - drop - antenna) / d;
            fan.visible[row + s] = target >= ground && targetSlope >= steepest;
            steepest = std::max(steepest, (ground - drop - antenna) / d);
        }
    }
    return fan;
}

bool CoverageFan::visibleAt(double azimuthDeg, double distanceM) const {
    if (distanceM < detail.stepM / 2) return true;
    if (distanceM > request.rangeM || samples == 0) return false;
    const int ray = int(std::lround(wrapDegrees(azimuthDeg) / 360.0 * detail.rays)) % detail.rays;
    const int sample = std::clamp(int(std::lround(distanceM / detail.stepM)) - 1, 0, samples - 1);
    return seen(ray, sample);
}

double CoverageFan::farthestSeenM(int ray) const {
    for (int s = samples - 1; s >= 0; --s)
        if (seen(ray, s)) return std::min(request.rangeM, (s + 1) * detail.stepM);
    return 0;
}

double CoverageFan::coveredFraction(double fromDeg, double toDeg, double nearM, double farM) const {
    double seenArea = 0, area = 0;
    for (int ray = 0; ray < detail.rays; ++ray) {
        if (!onArc(360.0 * ray / detail.rays, fromDeg, toDeg)) continue;
        for (int s = 0; s < samples; ++s) {
            const double d = (s + 1) * detail.stepM;
            if (d < nearM || d > farM) continue;
            area += d; // a sample stands for a ring sector whose area grows with its distance
            seenArea += seen(ray, s) ? d : 0;
        }
    }
    return area > 0 ? seenArea / area : 0;
}

} // namespace geo
