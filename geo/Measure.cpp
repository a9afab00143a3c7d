#include "geo/Measure.h"

#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/GeodesicLine.hpp>
#include <GeographicLib/PolygonArea.hpp>
#include <algorithm>
#include <cmath>

namespace geo {

namespace {

using GeographicLib::Geodesic;

double compassDegrees(double azimuth) {
    const double d = std::fmod(azimuth, 360.0);
    return d < 0 ? d + 360.0 : d;
}

} // namespace

RangeBearing rangeAndBearing(glm::dvec2 from, glm::dvec2 to) {
    RangeBearing out;
    double azi1 = 0, azi2 = 0;
    Geodesic::WGS84().Inverse(from.y, from.x, to.y, to.x, out.metres, azi1, azi2);
    if (out.metres == 0) return {};
    out.bearingDeg = compassDegrees(azi1);
    out.arrivalDeg = compassDegrees(azi2);
    return out;
}

double pathLengthM(const std::vector<glm::dvec2>& path) {
    double total = 0;
    for (size_t i = 1; i < path.size(); ++i) total += rangeAndBearing(path[i - 1], path[i]).metres;
    return total;
}

PolygonMeasure polygonArea(const std::vector<glm::dvec2>& ring) {
    size_t n = ring.size();
    if (n > 1 && ring.front() == ring.back()) --n; // PolygonArea closes the ring itself
    if (n < 3) return {};
    GeographicLib::PolygonArea polygon(Geodesic::WGS84());
    for (size_t i = 0; i < n; ++i) polygon.AddPoint(ring[i].y, ring[i].x);
    PolygonMeasure out;
    // Signed by orientation, and a clockwise ring encloses the rest of the Earth: the remainder (within
    // +-half the Earth) taken absolute is the area meant, whichever way the ring runs.
    polygon.Compute(false, true, out.perimeterM, out.squareMetres);
    out.squareMetres = std::fabs(out.squareMetres);
    return out;
}

TerrainProfile terrainProfile(const Terrain& terrain, const std::vector<glm::dvec2>& path, int count) {
    TerrainProfile out;
    if (path.empty()) return out;
    out.lengthM = pathLengthM(path);
    const double step = out.lengthM / std::max(1, count - 1);
    const auto add = [&](double distance, double lat, double lon) {
        out.samples.push_back({distance, terrain.groundHeightAt(lon, lat), {lon, lat}});
    };
    add(0, path[0].y, path[0].x);
    double start = 0; // distance along the path to the segment's first point
    for (size_t i = 1; i < path.size(); ++i) {
        double length = 0, azi1 = 0, azi2 = 0;
        Geodesic::WGS84().Inverse(path[i - 1].y, path[i - 1].x, path[i].y, path[i].x, length, azi1, azi2);
        const GeographicLib::GeodesicLine line = Geodesic::WGS84().Line(path[i - 1].y, path[i - 1].x, azi1);
        // The evenly spaced samples within this segment, then its end vertex.
        for (double d = std::floor(start / step + 1) * step; step > 0 && d < start + length - step * 1e-6; d += step) {
            double lat = 0, lon = 0;
            line.Position(d - start, lat, lon);
            add(d, lat, lon);
        }
        start += length;
        add(start, path[i].y, path[i].x);
    }
    for (size_t i = 1; i < out.samples.size(); ++i)
        if (out.samples[i].heightM > out.samples[out.highest].heightM) out.highest = i;
    return out;
}

} // namespace geo
