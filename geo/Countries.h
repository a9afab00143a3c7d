#pragma once
// Country names by ISO 3166-1 alpha-2 code, from Debian's iso-codes (the same table the scenario
// loader checks nation codes against).
#include <map>
#include <string>

namespace geo {

//! Where the codes and names come from: Debian's iso-codes package.
inline constexpr const char* kIsoCodesFile = "/usr/share/iso-codes/json/iso_3166-1.json";

//! Every alpha-2 code with its short English name ("GB" → "United Kingdom", "MD" → "Moldova": the
//! common name where iso-codes gives one). Read once; empty when iso-codes is not installed.
const std::map<std::string, std::string>& countryNames();

//! The short name of `iso2`, or the code itself when it is unknown.
std::string countryName(const std::string& iso2);

} // namespace geo
