#include "HeightGrid.h"

#include <algorithm>
#include <cmath>

namespace geo {

namespace {

//! Number of columns that make up a full turn of longitude when the grid wraps around the globe, else 0.
int columnsPerTurn(const HeightGrid& grid) {
    if (grid.dLon <= 0) return 0;
    const double columns = 360.0 / grid.dLon;
    const double rounded = std::round(columns);
    const bool wholeTurn = std::abs(columns - rounded) < 1e-6 * columns;
    return wholeTurn && rounded <= grid.width ? static_cast<int>(rounded) : 0;
}

int wrapIndex(int i, int n) {
    return ((i % n) + n) % n;
}

} // namespace

std::optional<float> HeightGrid::sample(double lon, double lat) const {
    if (width <= 0 || height <= 0 || dLon <= 0 || dLat <= 0 || metres.size() < size_t(width) * size_t(height))
        return std::nullopt;
    if (!std::isfinite(lon) || !std::isfinite(lat) || lat > north || lat < south()) return std::nullopt;
    // Bring lon into [west, west + 360): a grid in 0..360 (ETOPO5) then answers for -180..180 and back.
    double x = west + std::fmod(std::fmod(lon - west, 360.0) + 360.0, 360.0);
    if (x > east()) return std::nullopt;

    // Fractional sample coordinates; sample (i, j) sits at the centre of its cell.
    const double fx = (x - west) / dLon - 0.5;
    const double fy = std::clamp((north - lat) / dLat - 0.5, 0.0, double(height - 1));
    const int turn = columnsPerTurn(*this);
    int i0, i1;
    double tx;
    if (turn > 0) { // across the seam of a global grid the last column neighbours the first
        i0 = static_cast<int>(std::floor(fx));
        tx = fx - i0;
        i1 = wrapIndex(i0 + 1, turn);
        i0 = wrapIndex(i0, turn);
    } else { // within half a cell of the edge, hold the edge value
        const double cx = std::clamp(fx, 0.0, double(width - 1));
        i0 = static_cast<int>(std::floor(cx));
        tx = cx - i0;
        i1 = std::min(i0 + 1, width - 1);
    }
    const int j0 = static_cast<int>(std::floor(fy));
    const int j1 = std::min(j0 + 1, height - 1);
    const double ty = fy - j0;

    // Samples that carry no weight may be nodata without spoiling the result.
    const double weights[4] = {(1 - tx) * (1 - ty), tx * (1 - ty), (1 - tx) * ty, tx * ty};
    const float values[4] = {at(i0, j0), at(i1, j0), at(i0, j1), at(i1, j1)};
    double sum = 0;
    for (int k = 0; k < 4; ++k) {
        if (weights[k] == 0) continue;
        if (std::isnan(values[k])) return std::nullopt;
        sum += weights[k] * values[k];
    }
    return static_cast<float>(sum);
}

} // namespace geo
