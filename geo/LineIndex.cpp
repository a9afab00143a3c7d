#include "geo/LineIndex.h"

#include "geo/Ellipsoid.h"

#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/GeodesicLine.hpp>
#include <GeographicLib/Gnomonic.hpp>
#include <algorithm>
#include <cmath>
#include <limits>

namespace geo {

namespace {

namespace gl = GeographicLib;

//! The smallest radius of curvature of the WGS84 ellipsoid, b²/a (along the meridian at the equator):
//! no geodesic bends more tightly than this.
constexpr double kTightestRadius = kWgs84A * (1 - kWgs84F) * (1 - kWgs84F);
constexpr std::uint32_t kLeafSegments = 4;
constexpr int kMaxIterations = 30;
constexpr double kConvergedMetres = 1e-4;

glm::dvec3 ecef(glm::dvec2 lonLat) {
    return toEcef({lonLat.x, lonLat.y, 0.0});
}

double geodesicMetres(glm::dvec2 p, glm::dvec2 q) {
    double metres = 0;
    gl::Geodesic::WGS84().Inverse(p.y, p.x, q.y, q.x, metres);
    return metres;
}

//! How far the geodesic between two points `chord` metres apart (straight through the earth) can stray
//! from that chord. A curve bending no more than 1/R strays at most L²/(8R) for a length L, and L is
//! within 0.2% of the chord up to 1,000 km; beyond that, the chord's own length bounds the stray.
double bulgeOf(double chord) {
    if (chord > 1.0e6) return chord;
    return 1.01 * chord * chord / (8.0 * kTightestRadius) + 1.0e-3;
}

//! Straight-line (3D) distance from `q` to the chord from `a` to `b`.
double toChord(const glm::dvec3& q, const glm::dvec3& a, const glm::dvec3& b) {
    const glm::dvec3 ab = b - a;
    const double length2 = glm::dot(ab, ab);
    const double t = length2 > 0 ? std::clamp(glm::dot(q - a, ab) / length2, 0.0, 1.0) : 0.0;
    return glm::length(q - (a + t * ab));
}

//! Fallback for a point too far from the segment for the gnomonic projection (a quarter of the globe):
//! golden-section search of the distance along the geodesic, which has one minimum there.
glm::dvec2 searchAlong(glm::dvec2 p, const gl::GeodesicLine& geodesic) {
    auto at = [&](double s) {
        double lat = 0, lon = 0;
        geodesic.Position(s, lat, lon);
        return glm::dvec2{lon, lat};
    };
    const double ratio = (std::sqrt(5.0) - 1) / 2;
    double lo = 0, hi = geodesic.Distance();
    while (hi - lo > kConvergedMetres) {
        const double s1 = hi - ratio * (hi - lo), s2 = lo + ratio * (hi - lo);
        if (geodesicMetres(p, at(s1)) < geodesicMetres(p, at(s2)))
            hi = s2;
        else
            lo = s1;
    }
    const glm::dvec2 ends[3] = {at(0), at(geodesic.Distance()), at((lo + hi) / 2)};
    return *std::min_element(std::begin(ends), std::end(ends),
                             [&](glm::dvec2 x, glm::dvec2 y) { return geodesicMetres(p, x) < geodesicMetres(p, y); });
}

//! The point of the geodesic from `a` to `b` nearest to `p`: Karney's solution of the interception
//! problem (Algorithms for geodesics, 2013, sec. 8). In the ellipsoidal gnomonic projection centred on
//! a point of the geodesic, the geodesic is a straight line through the centre and azimuths at the
//! centre are true, so the foot of the perpendicular from `p` is exact once the centre is the foot;
//! re-centring on each estimate gets there in a few steps. The foot is kept within the segment, so an
//! end is the answer when the perpendicular falls outside.
glm::dvec2 nearestOnGeodesic(glm::dvec2 p, glm::dvec2 a, glm::dvec2 b) {
    const gl::Geodesic& wgs84 = gl::Geodesic::WGS84();
    static const gl::Gnomonic gnomonic(wgs84);
    const gl::GeodesicLine geodesic = wgs84.InverseLine(a.y, a.x, b.y, b.x);
    if (geodesic.Distance() < kConvergedMetres) return a;
    glm::dvec2 centre{0.0};
    geodesic.Position(geodesic.Distance() / 2, centre.y, centre.x);
    for (int i = 0; i < kMaxIterations; ++i) {
        glm::dvec2 pa, pb, pp;
        gnomonic.Forward(centre.y, centre.x, a.y, a.x, pa.x, pa.y);
        gnomonic.Forward(centre.y, centre.x, b.y, b.x, pb.x, pb.y);
        gnomonic.Forward(centre.y, centre.x, p.y, p.x, pp.x, pp.y);
        if (!std::isfinite(pa.x + pa.y + pb.x + pb.y + pp.x + pp.y)) break; // beyond the projection's hemisphere
        const glm::dvec2 ab = pb - pa;
        const double t = std::clamp(glm::dot(pp - pa, ab) / glm::dot(ab, ab), 0.0, 1.0);
        const glm::dvec2 foot = pa + t * ab; // metres from the centre
        glm::dvec2 next = t == 0.0 ? a : t == 1.0 ? b : centre;
        if (t > 0.0 && t < 1.0) gnomonic.Reverse(centre.y, centre.x, foot.x, foot.y, next.y, next.x);
        if (glm::length(foot) < kConvergedMetres) return next;
        centre = next;
    }
    return searchAlong(p, geodesic);
}

} // namespace

LineIndex::LineIndex(std::vector<glm::dvec2> line) : _line(std::move(line)) {
    _ecef.reserve(_line.size());
    for (const glm::dvec2& p : _line) _ecef.push_back(ecef(p));
    if (_line.size() < 2) return;
    for (size_t i = 0; i + 1 < _line.size(); ++i) _bulge.push_back(bulgeOf(glm::length(_ecef[i + 1] - _ecef[i])));
    _nodes.reserve(2 * (_bulge.size() / kLeafSegments + 1));
    build(0, static_cast<std::uint32_t>(_bulge.size()));
}

std::uint32_t LineIndex::build(std::uint32_t first, std::uint32_t last) {
    // A sphere around the run's points holds the chords between them; the largest bulge covers the geodesics.
    Node node;
    node.first = first, node.last = last;
    glm::dvec3 lo(std::numeric_limits<double>::infinity()), hi(-std::numeric_limits<double>::infinity());
    for (std::uint32_t i = first; i <= last; ++i) lo = glm::min(lo, _ecef[i]), hi = glm::max(hi, _ecef[i]);
    node.centre = (lo + hi) / 2.0;
    double bulge = 0;
    for (std::uint32_t i = first; i < last; ++i) bulge = std::max(bulge, _bulge[i]);
    for (std::uint32_t i = first; i <= last; ++i)
        node.radius = std::max(node.radius, glm::length(_ecef[i] - node.centre));
    node.radius += bulge;
    const auto index = static_cast<std::uint32_t>(_nodes.size());
    _nodes.push_back(node);
    if (last - first > kLeafSegments) {
        const std::uint32_t middle = first + (last - first) / 2;
        const std::uint32_t left = build(first, middle), right = build(middle, last);
        _nodes[index].left = left, _nodes[index].right = right;
    }
    return index;
}

std::optional<NearestOnLine> LineIndex::nearest(glm::dvec2 lonLat) const {
    return nearestWithin(lonLat, std::numeric_limits<double>::infinity());
}

std::optional<NearestOnLine> LineIndex::nearestWithin(glm::dvec2 p, double maxMetres) const {
    if (_line.empty()) return std::nullopt;
    if (_line.size() == 1) {
        const double d = geodesicMetres(p, _line[0]);
        return d < maxMetres ? std::optional(NearestOnLine{d, _line[0], 0}) : std::nullopt;
    }
    // Branch and bound: a geodesic is never shorter than the straight line through the earth, so the
    // 3D distance to a sphere or a segment's chord (less its bulge) is a lower bound for anything in it.
    const glm::dvec3 q = ecef(p);
    const auto floorOf = [&](const Node& n) { return glm::length(q - n.centre) - n.radius; };
    std::optional<NearestOnLine> best;
    double bound = maxMetres;
    std::vector<std::uint32_t> pending{0};
    while (!pending.empty()) {
        const Node& node = _nodes[pending.back()];
        pending.pop_back();
        if (floorOf(node) >= bound) continue;
        if (node.left == 0) {
            for (std::uint32_t i = node.first; i < node.last; ++i) {
                if (toChord(q, _ecef[i], _ecef[i + 1]) - _bulge[i] >= bound) continue;
                const glm::dvec2 on = nearestOnGeodesic(p, _line[i], _line[i + 1]);
                const double d = geodesicMetres(p, on);
                if (d < bound) bound = d, best = NearestOnLine{d, on, i};
            }
            continue;
        }
        const bool leftFirst = floorOf(_nodes[node.left]) < floorOf(_nodes[node.right]);
        pending.push_back(leftFirst ? node.right : node.left); // the nearer child goes last, to be searched first
        pending.push_back(leftFirst ? node.left : node.right);
    }
    return best;
}

NearestOnLine nearestOnLine(glm::dvec2 lonLat, const std::vector<glm::dvec2>& line) {
    const auto near = LineIndex(line).nearest(lonLat);
    return near ? *near : NearestOnLine{std::numeric_limits<double>::infinity(), lonLat, 0};
}

} // namespace geo
