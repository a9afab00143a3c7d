#include "geo/SymbolClusters.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <future>
#include <unordered_map>

namespace geo {

namespace {

constexpr double kEarthRadiusM = 6371008.8;

//! Metres on a sinusoidal projection: true distances for the few hundred kilometres clusters span
//! (away from the poles and the antimeridian, where Bulwark's scenarios never are).
glm::dvec2 metres(const glm::dvec2& lonLat) {
    const double lat = glm::radians(lonLat.y);
    return {kEarthRadiusM * glm::radians(lonLat.x) * std::cos(lat), kEarthRadiusM * lat};
}

struct Work {
    glm::dvec2 xy;
    int seed;     //!< the input index of the site it stands at
    int maxLevel; //!< the finest level it is drawn at
    std::uint32_t count = 1;
    std::vector<std::pair<std::uint16_t, std::uint32_t>> nations; //!< sorted by nation
    std::array<std::uint32_t, 8> identities{};
    bool lone = true; //!< a single site, never merged
};

void addVotes(Work& into, const Work& from) {
    for (const auto& [nation, n] : from.nations) {
        auto it = std::lower_bound(into.nations.begin(), into.nations.end(), std::pair{nation, std::uint32_t(0)});
        if (it != into.nations.end() && it->first == nation)
            it->second += n;
        else
            into.nations.insert(it, {nation, n});
    }
    for (size_t i = 0; i < into.identities.size(); ++i) into.identities[i] += from.identities[i];
}

ClusterItem itemOf(const Work& w, const std::vector<SymbolSite>& sites, int minLevel, std::uint32_t mask) {
    ClusterItem item;
    item.lonLat = sites[size_t(w.seed)].lonLat;
    item.scenarioMask = mask;
    item.minLevel = minLevel;
    item.maxLevel = w.maxLevel;
    item.count = w.count;
    item.site = w.lone ? w.seed : -1;
    std::uint32_t best = 0;
    for (const auto& [nation, n] : w.nations)
        if (n > best) best = n, item.nation = nation; // sorted by nation: ties keep the lower index
    best = 0;
    for (size_t i = 0; i < w.identities.size(); ++i)
        if (w.identities[i] > best) best = w.identities[i], item.identity = std::uint8_t(i);
    return item;
}

std::uint64_t cellKey(std::int64_t x, std::int64_t y) {
    return (std::uint64_t(x) << 32) ^ (std::uint64_t(y) & 0xffffffffull);
}

//! The items of one scenario, each with the scenario's bit.
void clusterScenario(const std::vector<SymbolSite>& sites, std::uint32_t bit, std::vector<ClusterItem>& out) {
    std::vector<Work> items;
    for (size_t i = 0; i < sites.size(); ++i) {
        if (!(sites[i].scenarioMask & bit)) continue;
        Work w{metres(sites[i].lonLat), int(i), kClusterLevels};
        w.nations = {{sites[i].nation, 1}};
        w.identities[std::min<size_t>(sites[i].identity, 7)] = 1;
        items.push_back(std::move(w));
    }
    std::unordered_map<std::uint64_t, std::vector<int>> grid;
    std::vector<char> taken;
    for (int level = kClusterLevels - 1; level >= 0 && items.size() > 1; --level) {
        const double radius = clusterRadius(level);
        grid.clear();
        const auto cellOf = [&](const glm::dvec2& xy) {
            return glm::i64vec2(std::int64_t(std::floor(xy.x / radius)), std::int64_t(std::floor(xy.y / radius)));
        };
        for (size_t i = 0; i < items.size(); ++i) {
            const auto c = cellOf(items[i].xy);
            grid[cellKey(c.x, c.y)].push_back(int(i));
        }
        taken.assign(items.size(), 0);
        std::vector<Work> next;
        std::vector<int> members;
        for (size_t i = 0; i < items.size(); ++i) {
            if (taken[i]) continue;
            taken[i] = 1;
            members.assign(1, int(i));
            const auto c = cellOf(items[i].xy);
            for (std::int64_t dy = -1; dy <= 1; ++dy)
                for (std::int64_t dx = -1; dx <= 1; ++dx) {
                    const auto cell = grid.find(cellKey(c.x + dx, c.y + dy));
                    if (cell == grid.end()) continue;
                    for (int j : cell->second)
                        if (!taken[size_t(j)] && glm::distance(items[size_t(j)].xy, items[i].xy) <= radius) {
                            taken[size_t(j)] = 1;
                            members.push_back(j);
                        }
                }
            if (members.size() == 1) {
                next.push_back(std::move(items[i]));
                continue;
            }
            std::sort(members.begin(), members.end()); // votes and output in input order
            Work merged{items[i].xy, items[i].seed, level};
            merged.count = 0;
            merged.lone = false;
            for (int m : members) {
                const Work& w = items[size_t(m)];
                out.push_back(itemOf(w, sites, level + 1, bit));
                merged.count += w.count;
                addVotes(merged, w);
            }
            next.push_back(std::move(merged));
        }
        items = std::move(next);
    }
    for (const Work& w : items) out.push_back(itemOf(w, sites, 0, bit));
}

} // namespace

double splitDistance(const ClusterItem& item, double pixelsPerRadian, double separationPx) {
    // clusterLevel() >= maxLevel + 1 where kClusterRadius0M * pixelsPerRadian / (separationPx * d) >= 2^(maxLevel + 1).
    const int split = std::min(item.maxLevel + 1, kClusterLevels);
    const double farthest = double(kClusterRadius0M) * pixelsPerRadian / (separationPx * std::ldexp(1.0, split));
    return 0.7 * farthest;
}

std::vector<ClusterItem> buildClusters(const std::vector<SymbolSite>& sites, int scenarios) {
    // Scenarios cluster independently: on every core, then in scenario order.
    std::vector<std::vector<ClusterItem>> per(size_t(std::clamp(scenarios, 0, 32)));
    std::vector<std::future<void>> running;
    for (size_t s = 0; s < per.size(); ++s)
        running.push_back(std::async(std::launch::async, [&, s] { clusterScenario(sites, 1u << s, per[s]); }));
    for (auto& r : running) r.get();
    std::vector<ClusterItem> all;
    for (auto& items : per) all.insert(all.end(), items.begin(), items.end());
    // One item for what several scenarios draw alike: it then stays on screen through a switch.
    struct KeyHash {
        size_t operator()(const std::array<std::int64_t, 6>& k) const {
            size_t h = 1469598103934665603ull;
            for (std::int64_t v : k) h = (h ^ size_t(v)) * 1099511628211ull;
            return h;
        }
    };
    std::unordered_map<std::array<std::int64_t, 6>, size_t, KeyHash> seen;
    std::vector<ClusterItem> merged;
    merged.reserve(all.size());
    for (const ClusterItem& item : all) {
        const std::array<std::int64_t, 6> key{item.site >= 0 ? item.site : -1 - std::int64_t(item.count),
                                              std::int64_t(std::llround(item.lonLat.x * 1e7)),
                                              std::int64_t(std::llround(item.lonLat.y * 1e7)),
                                              item.minLevel * 64 + item.maxLevel,
                                              item.nation,
                                              item.identity};
        const auto [it, fresh] = seen.emplace(key, merged.size());
        if (fresh)
            merged.push_back(item);
        else
            merged[it->second].scenarioMask |= item.scenarioMask;
    }
    return merged;
}

} // namespace geo
