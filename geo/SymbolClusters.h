#pragma once
// Clusters of military symbols for views from afar: one aggregate symbol (count, dominant nation,
// dominant identity) where many units stand close, splitting level by level as the view comes closer.
//
// Built once per scenario set, for every scenario: at each level l (ClusterLevel.h) the items drawn,
// clusters and lone sites, stand more than clusterRadius(l) apart. Each item knows the levels it is
// drawn at and the scenarios it belongs to (a mask), so the GPU picks what to draw from the view's
// distance alone and a scenario switch uploads nothing. Greedy and deterministic: sites are taken in
// input order; a cluster stands at its first site (its seed), so the spacing holds exactly.
#include "geo/ClusterLevel.h"

#include <cstdint>
#include <glm/glm.hpp>
#include <vector>

namespace geo {

struct SymbolSite {
    glm::dvec2 lonLat;
    std::uint32_t scenarioMask = 0;
    std::uint16_t nation = 0;  //!< the lead nation, as an index the caller keeps
    std::uint8_t identity = 0; //!< StandardIdentity
};

struct ClusterItem {
    glm::dvec2 lonLat;              //!< where it stands: the seed site's position
    std::uint32_t scenarioMask = 0; //!< the scenarios it is drawn in
    int minLevel = 0, maxLevel = 0; //!< drawn while minLevel <= clusterLevel(...) <= maxLevel
    std::uint32_t count = 1;        //!< sites in it
    std::int32_t site = -1;         //!< a lone site: its index in the input; -1 for a cluster
    std::uint16_t nation = 0;       //!< the nation leading the most of its sites (ties: the lower index)
    std::uint8_t identity = 0;      //!< the identity of the most of its sites (ties: the lower value)
    bool drawnAt(int level) const { return minLevel <= level && level <= maxLevel; }
};

//! How far from a cluster the eye must come for it to split: at this distance (and nearer) the view
//! shows its members instead (clusterLevel() there exceeds its maxLevel), with a margin for rounding.
//! `pixelsPerRadian` and `separationPx` as clusterLevel() takes them. The viewer flies there on a click.
double splitDistance(const ClusterItem& item, double pixelsPerRadian, double separationPx);

//! The items of every scenario (bits 0..scenarios-1 of the masks), identical items of several scenarios
//! merged into one with both bits.
std::vector<ClusterItem> buildClusters(const std::vector<SymbolSite>& sites, int scenarios);

} // namespace geo
