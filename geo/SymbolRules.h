#pragma once
// `bulwark validate` for military symbols: every `sidc` a scenario file gives is read (length, digits,
// version, standard identity, symbol set, status, echelon), asked of the symbol library (is the entity
// one it knows), and its amplifiers checked against the symbol set; each problem names file, feature, field.
#include "geo/Scenario.h"

#include <vector>

namespace geo {

class SymbolLibrary;

//! Amplifier text limits (characters) of APP-6 / MIL-STD-2525.
constexpr size_t kMaxDesignation = 30, kMaxComments = 50;

//! The problems of the symbols of `set`. `library` may be null when it could not start: then one problem
//! says so (`libraryFailure`) if any feature gives a `sidc`, and the entities are not checked.
std::vector<Problem> checkSymbols(const ScenarioSet& set, SymbolLibrary* library, const std::string& libraryFailure);

} // namespace geo
