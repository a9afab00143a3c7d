#pragma once
// The military symbol a scenario feature gets when its file gives no `sidc`: derived from its kind,
// name, lead nation, personnel and status, so every default scenario shows standard symbols.
#include "geo/Scenario.h"
#include "geo/Sidc.h"

#include <cstdint>
#include <string>

namespace geo {

//! Status as the symbol shows it: illustrative → planned (dashed frame), announced and reported → present.
SymbolStatus symbolStatus(FeatureStatus status);
//! Friend for the allies and Ukraine, hostile for Russia and Belarus (the lead nation decides).
StandardIdentity symbolIdentity(const ScenarioFeature& feature);
//! Positions 9-10 for a unit of that many people: 11 team .. 23 army.
int echelonFor(std::int64_t personnel);

//! The 20-digit SIDC for a feature without one: hub → military base installation, equipment site →
//! supply point, force → combined-arms manoeuvre unit, station → by what its name says it is (air
//! base, training camp, supply, engineers, a contingent) else a military base. Empty for lines and
//! areas, which have no default symbol.
std::string defaultSidc(const ScenarioFeature& feature);

//! The code the feature is drawn with: its own `sidc`, else the default.
std::string symbolCode(const ScenarioFeature& feature);

//! Whether the feature is drawn as a symbol: every marker, and lines and areas whose file gives a `sidc`.
bool hasSymbol(const ScenarioFeature& feature);

} // namespace geo
