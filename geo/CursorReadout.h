#pragma once
// The cursor's position as the panel shows it: decimal degrees, degrees-minutes-seconds and MGRS
// (GeographicLib), the ground height, and how far the line of contact is.
#include "geo/Terrain.h"
#include "geo/LineIndex.h"

#include <glm/glm.hpp>
#include <optional>
#include <string>

namespace geo {

//! "48.92000° N, 24.71000° E": five decimals, about a metre.
std::string formatDecimalDegrees(glm::dvec2 lonLat);
//! "48°55'12.0\" N, 24°42'36.0\" E": tenths of a second, about 3 m.
std::string formatDms(glm::dvec2 lonLat);
//! "35U LP 12345 67890": the Military Grid Reference System (UPS near the poles) to `digits` digits an axis
//! (5: 1 m, 3: 100 m, 1: 10 km); "" where there is no such reference (a latitude beyond +-90).
std::string formatMgrs(glm::dvec2 lonLat, int digits = 5);

struct CursorReadout {
    std::string decimal, dms, mgrs;
    double groundM = 0;                  //!< the terrain under the cursor
    std::optional<double> contactM;      //!< geodesic distance to the line of contact, when there is one
    std::optional<glm::dvec2> contactAt; //!< the nearest point of the line
    //! Lines for the panel: the three positions, "Ground 312 m", "Line of contact 184.2 km".
    std::string text() const;
};
//! The readout at `lonLat`; `contact` is the line of contact (built once, asked every frame), or null.
CursorReadout cursorReadout(glm::dvec2 lonLat, const Terrain& terrain, const LineIndex* contact);

} // namespace geo
