#pragma once
// The nearest point of a lon/lat polyline to another point, along geodesics on the WGS84 ellipsoid,
// for many points at once: the planning rules ask it for every site and every line of contact.
#include <cstdint>
#include <glm/glm.hpp>
#include <optional>
#include <vector>

namespace geo {

//! Where a line comes closest to a point: the geodesic distance and the point of the line there.
struct NearestOnLine {
    double distanceM = 0;  //!< geodesic, WGS84, metres
    glm::dvec2 nearest{0}; //!< lon/lat, on the line
    size_t segment = 0;    //!< the nearest point lies on the geodesic from line[segment] to line[segment + 1]
};

//! A polyline whose segments (geodesics between its points) sit in a tree of bounding spheres, so a
//! query solves the exact point-to-geodesic problem only for the few segments that can be nearest.
//! Build it once per line and ask it for as many points as needed:
//!
//!     const LineIndex contact(line.points);
//!     if (auto near = contact.nearestWithin(site, 150e3)) report(near->distanceM, near->nearest);
class LineIndex {
public:
    explicit LineIndex(std::vector<glm::dvec2> line);

    //! The nearest point of the line, exact to well under a metre. A line of one point is that point;
    //! an empty line gives nothing.
    std::optional<NearestOnLine> nearest(glm::dvec2 lonLat) const;
    //! As nearest(), but only when the line comes closer than `maxMetres`: far lines cost a few
    //! sphere tests.
    std::optional<NearestOnLine> nearestWithin(glm::dvec2 lonLat, double maxMetres) const;

    const std::vector<glm::dvec2>& points() const { return _line; }

private:
    //! Holds segments [first, last); a leaf when `left` is 0 (the root is never a child).
    struct Node {
        glm::dvec3 centre{0};
        double radius = 0;
        std::uint32_t first = 0, last = 0, left = 0, right = 0;
    };
    std::uint32_t build(std::uint32_t first, std::uint32_t last);

    std::vector<glm::dvec2> _line;
    std::vector<glm::dvec3> _ecef; //!< the points on the ellipsoid, earth-centred, metres
    std::vector<double> _bulge;    //!< per segment: how far its geodesic can stray from the chord between its ends
    std::vector<Node> _nodes;
};

//! The nearest point of `line` to `lonLat` (geodesic, WGS84); for one query. Empty line: infinite distance.
NearestOnLine nearestOnLine(glm::dvec2 lonLat, const std::vector<glm::dvec2>& line);

} // namespace geo
