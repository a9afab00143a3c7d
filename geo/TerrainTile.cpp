#include "geo/TerrainTile.h"

#include "geo/Ellipsoid.h"

#include <algorithm>
#include <cmath>

namespace geo {

GeoExtent tileExtent(const TileKey& k) {
    const double size = 180.0 / std::ldexp(1.0, k.level);
    const double west = -180.0 + k.x * size, north = 90.0 - k.y * size;
    return {west, north - size, west + size, north};
}

namespace {

constexpr double kMetresPerDegree = kWgs84A * 3.14159265358979323846 / 180.0;

TerrainVertex makeVertex(const glm::dvec3& origin, double lon, double lat, float height, float skirt, glm::vec2 slope) {
    TerrainVertex v{};
    const glm::dvec3 p = toEcef({lon, lat, 0.0}) - origin;
    const glm::dvec3 up = upAt(lon, lat);
    for (int i = 0; i < 3; ++i) {
        v.position[i] = static_cast<float>(p[i]);
        v.up[i] = static_cast<float>(up[i]);
    }
    v.height = height;
    v.skirt = skirt;
    v.slope[0] = slope.x;
    v.slope[1] = slope.y;
    v.lonLat[0] = static_cast<float>(lon);
    v.lonLat[1] = static_cast<float>(lat);
    return v;
}

} // namespace

TerrainTileMesh buildTileMesh(const Terrain& terrain, const TileKey& key, int n) {
    const GeoExtent e = tileExtent(key);
    const double dLon = (e.east - e.west) / (n - 1), dLat = (e.north - e.south) / (n - 1);
    TerrainTileMesh mesh;
    mesh.key = key;
    const double midLat = std::clamp(0.5 * (e.north + e.south), -89.9, 89.9);
    mesh.origin = toEcef({0.5 * (e.west + e.east), midLat, 0.0});

    // Heights with a one-sample border so slopes at the edges match the neighbour tiles.
    std::vector<float> h(static_cast<size_t>(n + 2) * (n + 2));
    auto H = [&](int i, int j) -> float& { return h[static_cast<size_t>(j + 1) * (n + 2) + (i + 1)]; };
    for (int j = -1; j <= n; ++j)
        for (int i = -1; i <= n; ++i)
            H(i, j) = terrain.heightAt(e.west + i * dLon, std::clamp(e.north - j * dLat, -90.0, 90.0));

    mesh.minHeight = mesh.maxHeight = H(0, 0);
    mesh.vertices.reserve(static_cast<size_t>(n) * n + 4 * (n - 1));
    for (int j = 0; j < n; ++j) {
        const double lat = e.north - j * dLat;
        const double metresEast = std::max(kMetresPerDegree * dLon * std::cos(glm::radians(lat)), 1.0);
        const double metresNorth = kMetresPerDegree * dLat;
        for (int i = 0; i < n; ++i) {
            // Slopes of the land surface: the sea is flat, so clamp depths to sea level first.
            auto land = [&](int a, int b) { return std::max(H(a, b), 0.0f); };
            const glm::vec2 slope{static_cast<float>((land(i + 1, j) - land(i - 1, j)) / (2 * metresEast)),
                                  static_cast<float>((land(i, j - 1) - land(i, j + 1)) / (2 * metresNorth))};
            const float height = H(i, j);
            mesh.minHeight = std::min(mesh.minHeight, height);
            mesh.maxHeight = std::max(mesh.maxHeight, height);
            mesh.vertices.push_back(makeVertex(mesh.origin, e.west + i * dLon, lat, height, 0.0f, slope));
        }
    }
    // What the next level would add: the terrain at each cell's middle against this mesh there.
    for (int j = 0; j + 1 < n; ++j)
        for (int i = 0; i + 1 < n; ++i) {
            auto land = [&](int a, int b) { return std::max(H(a, b), 0.0f); };
            const float mesh4 = 0.25f * (land(i, j) + land(i + 1, j) + land(i, j + 1) + land(i + 1, j + 1));
            const float actual =
                std::max(terrain.heightAt(e.west + (i + 0.5) * dLon, e.north - (j + 0.5) * dLat), 0.0f);
            mesh.heightError = std::max(mesh.heightError, std::abs(actual - mesh4));
        }
    const double cellMetres = kMetresPerDegree * std::max(dLat, dLon * std::cos(glm::radians(midLat)));
    mesh.curvatureError = cellMetres * cellMetres / (8.0 * kWgs84A);

    // Skirt: a copy of the edge ring, dropped by a depth that covers the error of a coarser neighbour.
    const float skirtDepth = static_cast<float>(std::max(200.0, kMetresPerDegree * dLat * 0.5));
    auto addSkirt = [&](int i, int j) {
        TerrainVertex v = mesh.vertices[static_cast<size_t>(j) * n + i];
        v.skirt = skirtDepth;
        mesh.vertices.push_back(v);
    };
    for (int i = 0; i < n - 1; ++i) addSkirt(i, 0);         // north edge, west to east
    for (int j = 0; j < n - 1; ++j) addSkirt(n - 1, j);     // east edge, north to south
    for (int i = n - 1; i > 0; --i) addSkirt(i, n - 1);     // south edge, east to west
    for (int j = n - 1; j > 0; --j) addSkirt(0, j);         // west edge, south to north

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
