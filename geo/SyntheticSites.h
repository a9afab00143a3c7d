#pragma once
// A deterministic scenario set of N point sites for measuring symbols at scale (`bulwark bench --sites N`):
// two scenarios, sites over Ukraine and its neighbours with mixed SIDCs (identities, land, air, sea,
// installations, echelons, planned and present) and nations. The same N always gives the same files.
#include <cstddef>
#include <filesystem>

namespace geo {

//! Distinct SIDCs the sites draw from.
constexpr size_t kSyntheticSidcs = 192;

//! Writes `dir`/scenarios.json and `dir`/features.geojson with `sites` sites (through OutputFile);
//! returns the manifest. Every third site is in the second scenario only, the rest in both.
std::filesystem::path writeSyntheticSites(const std::filesystem::path& dir, size_t sites);

} // namespace geo
