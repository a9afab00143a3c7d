#include "geo/TerrainTile.h"

#include "geo/Ellipsoid.h"

#include <algorithm>
#include <cmath>

namespace geo {

namespace {

constexpr double kMetresPerDegree = kWgs84A * 3.14159265358979323846 / 180.0;

TerrainVertex makeVertex(const glm::dvec3& origin, double lon, double lat, float height, glm::vec2 uv) {
    TerrainVertex v{};
    const glm::dvec3 p = toEcef({lon, lat, 0.0}) - origin;
    const glm::dvec3 up = upAt(lon, lat);
    for (int i = 0; i < 3; ++i) {
        v.position[i] = static_cast<float>(p[i]);
        v.up[i] = static_cast<float>(up[i]);
    }
    v.height = height;
    v.tileUv[0] = uv.x;
    v.tileUv[1] = uv.y;
    return v;
}

} // namespace

TerrainTileMesh buildTileMesh(std::shared_ptr<const TileHeights> heights, const TileKey& key, int n) {
    const GeoExtent e = tileExtent(key);
    const int k = std::max((heights->size - 1) / std::max(n - 1, 1), 1);
    TerrainTileMesh mesh;
    mesh.key = key;
    const double midLat = std::clamp(0.5 * (e.north + e.south), -89.9, 89.9);
    mesh.origin = toEcef({0.5 * (e.west + e.east), midLat, 0.0});
    mesh.heights = std::move(heights);
    const TileHeights& h = *mesh.heights;

    mesh.minHeight = mesh.maxHeight = h.at(0, 0);
    mesh.vertices.reserve(static_cast<size_t>(n) * n + 4 * (n - 1));
    for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i) {
            const float height = h.at(i * k, j * k);
            mesh.minHeight = std::min(mesh.minHeight, height);
            mesh.maxHeight = std::max(mesh.maxHeight, height);
            mesh.vertices.push_back(makeVertex(mesh.origin, e.west + i * k * h.step, e.north - j * k * h.step, height,
                                               {float(i) / (n - 1), float(j) / (n - 1)}));
        }
    // What refining would add: every finer sample against the mesh's bilinear surface there.
    auto land = [&](int i, int j) { return std::max(h.at(i, j), 0.0f); };
    for (int j = 0; j + 1 < n; ++j)
        for (int i = 0; i + 1 < n; ++i) {
            const float a = land(i * k, j * k), b = land((i + 1) * k, j * k), c = land(i * k, (j + 1) * k),
                        d = land((i + 1) * k, (j + 1) * k);
            for (int y = 0; y <= k; ++y)
                for (int x = 0; x <= k; ++x) {
                    const float fx = float(x) / k, fy = float(y) / k;
                    const float surface = (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy;
                    mesh.heightError = std::max(mesh.heightError, std::abs(land(i * k + x, j * k + y) - surface));
                }
        }
    const double cellDeg = h.step * k;
    const double cellMetres = kMetresPerDegree * std::max(cellDeg, cellDeg * std::cos(glm::radians(midLat)));
    mesh.curvatureError = cellMetres * cellMetres / (8.0 * kWgs84A);

    // Skirt: a copy of the edge ring, dropped by a depth that covers the error of a coarser neighbour.
    const float skirtDepth = static_cast<float>(std::max(200.0, kMetresPerDegree * cellDeg * 0.5));
    auto addSkirt = [&](int i, int j) {
        TerrainVertex v = mesh.vertices[static_cast<size_t>(j) * n + i];
        v.skirt = skirtDepth;
        mesh.vertices.push_back(v);
    };
    for (int i = 0; i < n - 1; ++i) addSkirt(i, 0);     // north edge, west to east
    for (int j = 0; j < n - 1; ++j) addSkirt(n - 1, j); // east edge, north to south
    for (int i = n - 1; i > 0; --i) addSkirt(i, n - 1); // south edge, east to west
    for (int j = n - 1; j > 0; --j) addSkirt(0, j);     // west edge, south to north

    for (const TerrainVertex& v : mesh.vertices) {
        const glm::dvec3 p{v.position[0], v.position[1], v.position[2]};
        mesh.radius = std::max(mesh.radius, glm::length(p));
    }
    return mesh;
}

std::vector<std::uint32_t> tileIndices(int n) {
    std::vector<std::uint32_t> idx;
    idx.reserve(static_cast<size_t>(n - 1) * (n - 1) * 6 + 4 * (n - 1) * 6);
    auto grid = [n](int i, int j) { return static_cast<std::uint32_t>(j * n + i); };
    for (int j = 0; j < n - 1; ++j)
        for (int i = 0; i < n - 1; ++i) {
            const std::uint32_t a = grid(i, j), b = grid(i + 1, j), c = grid(i, j + 1), d = grid(i + 1, j + 1);
            idx.insert(idx.end(), {a, c, b, b, c, d});
        }
    // The edge ring in the same order the skirt was built, so skirt vertex k hangs under ring[k].
    std::vector<std::uint32_t> ring;
    for (int i = 0; i < n - 1; ++i) ring.push_back(grid(i, 0));
    for (int j = 0; j < n - 1; ++j) ring.push_back(grid(n - 1, j));
    for (int i = n - 1; i > 0; --i) ring.push_back(grid(i, n - 1));
    for (int j = n - 1; j > 0; --j) ring.push_back(grid(0, j));
    const std::uint32_t skirtBase = static_cast<std::uint32_t>(n * n);
    const std::uint32_t count = static_cast<std::uint32_t>(ring.size());
    for (std::uint32_t k = 0; k < count; ++k) {
        const std::uint32_t top0 = ring[k], top1 = ring[(k + 1) % count];
        const std::uint32_t bot0 = skirtBase + k, bot1 = skirtBase + (k + 1) % count;
        idx.insert(idx.end(), {top0, bot0, top1, top1, bot0, bot1});
    }
    return idx;
}

} // namespace geo
