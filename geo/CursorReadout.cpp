#include "geo/CursorReadout.h"

#include <GeographicLib/MGRS.hpp>
#include <GeographicLib/UTMUPS.hpp>
#include <algorithm>
#include <cmath>
#include <cstdio>

namespace geo {

namespace {

//! "48°55'12.0\" N": one axis in whole degrees, minutes and tenths of seconds, carried so 59.95" never shows as 60.0".
std::string dmsAxis(double value, char positive, char negative) {
    const long tenths = std::lround(std::fabs(value) * 36000.0);
    char text[40];
    std::snprintf(text, sizeof text, "%ld\u00b0%02ld'%04.1f\" %c", tenths / 36000, tenths / 600 % 60,
                  double(tenths % 600) / 10.0, value < 0 ? negative : positive);
    return text;
}

} // namespace

std::string formatDecimalDegrees(glm::dvec2 p) {
    char text[64];
    std::snprintf(text, sizeof text, "%.5f\u00b0 %c, %.5f\u00b0 %c", std::fabs(p.y), p.y < 0 ? 'S' : 'N',
                  std::fabs(p.x), p.x < 0 ? 'W' : 'E');
    return text;
}

std::string formatDms(glm::dvec2 p) {
    return dmsAxis(p.y, 'N', 'S') + ", " + dmsAxis(p.x, 'E', 'W');
}

std::string formatMgrs(glm::dvec2 p, int digits) {
    try {
        int zone = 0;
        bool north = true;
        double x = 0, y = 0;
        GeographicLib::UTMUPS::Forward(p.y, p.x, zone, north, x, y);
        std::string mgrs;
        const int precision = std::clamp(digits, 0, 5);
        GeographicLib::MGRS::Forward(zone, north, x, y, p.y, precision, mgrs);
        // "35ULP1234567890" as the grid is read aloud: zone and band, square, easting, northing.
        const size_t square = mgrs.size() - 2 * size_t(precision) - 2;
        std::string out = mgrs.substr(0, square);
        out.append(1, ' ').append(mgrs, square, 2); // (append, not +: GCC 12's false -Wrestrict)
        if (precision > 0)
            out.append(1, ' ').append(mgrs, square + 2, precision).append(1, ' ').append(mgrs, square + 2 + precision);
        return out;
    } catch (const GeographicLib::GeographicErr&) {
        return {};
    }
}

std::string CursorReadout::text() const {
    char line[96];
    std::snprintf(line, sizeof line, "Ground %.0f m", groundM);
    std::string out =
        decimal + "\n" + dms + "\n" + (mgrs.empty() ? std::string("MGRS: none") : "MGRS " + mgrs) + "\n" + line;
    if (contactM) {
        std::snprintf(line, sizeof line, "\nLine of contact %.1f km", *contactM / 1000);
        out += line;
    }
    return out;
}

CursorReadout cursorReadout(glm::dvec2 lonLat, const Terrain& terrain, const LineIndex* contact) {
    CursorReadout out;
    out.decimal = formatDecimalDegrees(lonLat);
    out.dms = formatDms(lonLat);
    out.mgrs = formatMgrs(lonLat);
    out.groundM = terrain.groundHeightAt(lonLat.x, lonLat.y);
    if (contact)
        if (const auto near = contact->nearest(lonLat)) {
            out.contactM = near->distanceM;
            out.contactAt = near->nearest;
        }
    return out;
}

} // namespace geo
