#pragma once
// Symbol identification codes (SIDC) of APP-6 / MIL-STD-2525: the 20-digit numeric codes of
// 2525D/E and APP-6D/E, and the 15-character letter codes of 2525C / APP-6B, read into one struct.
//
//     auto sidc = geo::parseSidc("10031000161211000000");   // Friend · Infantry · Battalion
//     if (!sidc) std::cerr << sidc.failure().what;          // "position 4 (standard identity) ..."
//
// A letter code is converted field by field (context, identity, symbol set, status, headquarters /
// task force / dummy, echelon); its function id has no table-free numeric twin, so it is kept and the
// letter code is what the symbol library draws (milsymbol draws both). The entity's names come from
// the symbol library (SymbolLibrary), not from here.
#include "geo/Result.h"

#include <optional>
#include <string>

namespace geo {

enum class StandardIdentity { Pending, Unknown, AssumedFriend, Friend, Neutral, Suspect, Hostile };
enum class SymbolStatus { Present, Planned, FullyCapable, Damaged, Destroyed, FullToCapacity };

struct Sidc {
    std::string code;    //!< as the symbol library is given it (20 digits, or the 15-letter code)
    std::string numeric; //!< the 20-digit form; for a letter code the entity digits are 000000
    bool fromLetters = false;
    int version = 10; //!< 10: 2525D / APP-6D, 11: 2525D change 1, 13: 2525E / APP-6E
    int context = 0;  //!< 0 reality, 1 exercise, 2 simulation
    StandardIdentity identity = StandardIdentity::Unknown;
    int symbolSet = 10; //!< 10 land unit, 20 land installation, 01 air, 30 sea surface...
    SymbolStatus status = SymbolStatus::Present;
    int hqTfDummy = 0;  //!< position 8: 1 dummy, 2 headquarters, 4 task force, sums of them
    int amplifier = 0;  //!< positions 9-10: the echelon (11 team .. 26 command) or mobility
    std::string entity; //!< positions 11-16 (numeric) or the letter function id (5-10)

    bool headquarters() const { return hqTfDummy & 2; }
    bool taskForce() const { return hqTfDummy & 4; }
    bool dummy() const { return hqTfDummy & 1; }
    bool planned() const { return status == SymbolStatus::Planned; }
    //! The echelon code 11..26 where positions 9-10 are one (land units and installations), else 0.
    int echelon() const;
};

//! Reads a 20-digit or 15-character SIDC; the failure names the position and what it should be.
Result<Sidc> parseSidc(const std::string& text);

//! Builds a 20-digit code from its fields (version 10, reality).
std::string numericSidc(StandardIdentity identity, int symbolSet, SymbolStatus status, int hqTfDummy, int amplifier,
                        const std::string& entity6);

const char* identityWord(StandardIdentity identity); //!< "Friend"
const char* statusWord(SymbolStatus status);         //!< "Planned"
const char* symbolSetWord(int symbolSet);            //!< "Land unit"; nullptr when not a symbol set
const char* echelonWord(int echelon);                //!< "Battalion/squadron"; nullptr when not an echelon

//! The symbol in words for the legend and tooltips: "Friend · Infantry · Battalion · Planned", with
//! `entity` the entity's name from the symbol library (the symbol set's name when empty).
std::string describeSidc(const Sidc& sidc, const std::string& entity);

} // namespace geo
