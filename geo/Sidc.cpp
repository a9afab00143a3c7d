#include "geo/Sidc.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

namespace geo {

namespace {

struct Named {
    int code;
    const char* word;
};

//! Symbol sets of 2525D/E and APP-6D/E (position 5-6).
constexpr std::array kSymbolSets{
    Named{1, "Air"},
    Named{2, "Air missile"},
    Named{5, "Space"},
    Named{6, "Space missile"},
    Named{10, "Land unit"},
    Named{11, "Land civilian"},
    Named{15, "Land equipment"},
    Named{20, "Land installation"},
    Named{25, "Control measure"},
    Named{27, "Dismounted individual"},
    Named{30, "Sea surface"},
    Named{35, "Sea subsurface"},
    Named{36, "Mine warfare"},
    Named{40, "Activity"},
    Named{45, "Atmospheric"},
    Named{46, "Oceanographic"},
    Named{47, "Meteorological space"},
    Named{50, "Signals intelligence, space"},
    Named{51, "Signals intelligence, air"},
    Named{52, "Signals intelligence, land"},
    Named{53, "Signals intelligence, surface"},
    Named{54, "Signals intelligence, subsurface"},
    Named{60, "Cyberspace"},
};

//! Echelons (positions 9-10 of land units and installations), as the legend says them.
constexpr std::array kEchelons{
    Named{11, "Team"},      Named{12, "Squad"},      Named{13, "Section"}, Named{14, "Platoon"},  Named{15, "Company"},
    Named{16, "Battalion"}, Named{17, "Regiment"},   Named{18, "Brigade"}, Named{21, "Division"}, Named{22, "Corps"},
    Named{23, "Army"},      Named{24, "Army group"}, Named{25, "Region"},  Named{26, "Command"},
};

//! Mobility and towed-array amplifiers (positions 9-10 of equipment and sea symbols).
constexpr std::array kMobilities{31, 32, 33, 34, 35, 36, 37, 41, 42, 51, 52, 61, 62};

const char* find(const auto& table, int code) {
    for (const Named& n : table)
        if (n.code == code) return n.word;
    return nullptr;
}

bool echelonSet(int symbolSet) {
    // Control measures (25) carry one too: a boundary's echelon is drawn on it.
    return symbolSet == 10 || symbolSet == 11 || symbolSet == 20 || symbolSet == 25;
}
bool mobilitySet(int symbolSet) {
    return symbolSet == 15 || symbolSet == 30 || symbolSet == 35;
}

int digits(const std::string& s, size_t from, size_t count) {
    return std::stoi(s.substr(from, count));
}

Failure at(const std::string& text, int position, const std::string& what) {
    return {"", "SIDC '" + text + "': position " + std::to_string(position) + " " + what};
}

Result<Sidc> parseNumeric(const std::string& text) {
    for (size_t i = 0; i < text.size(); ++i)
        if (!std::isdigit(static_cast<unsigned char>(text[i])))
            return at(text, int(i) + 1, "is not a digit (a 20-digit code has only digits 0-9)");
    Sidc s;
    s.code = s.numeric = text;
    s.version = digits(text, 0, 2);
    if (s.version != 10 && s.version != 11 && s.version != 13)
        return at(text, 1, "(version) is " + text.substr(0, 2) + ": 10 or 11 (2525D / APP-6D) or 13 (2525E / APP-6E)");
    s.context = text[2] - '0';
    if (s.context > 2) return at(text, 3, "(context) must be 0 reality, 1 exercise or 2 simulation");
    const int identity = text[3] - '0';
    if (identity > 6)
        return at(text, 4,
                  "(standard identity) must be 0 pending, 1 unknown, 2 assumed friend, 3 friend, 4 neutral, "
                  "5 suspect or 6 hostile");
    s.identity = StandardIdentity(identity);
    s.symbolSet = digits(text, 4, 2);
    if (!symbolSetWord(s.symbolSet)) return at(text, 5, "(symbol set) " + text.substr(4, 2) + " is no symbol set");
    const int status = text[6] - '0';
    if (status > 5)
        return at(
            text, 7,
            "(status) must be 0 present, 1 planned, 2 fully capable, 3 damaged, 4 destroyed or 5 full to capacity");
    s.status = SymbolStatus(status);
    s.hqTfDummy = text[7] - '0';
    if (s.hqTfDummy > 7) return at(text, 8, "(headquarters / task force / dummy) must be 0-7");
    s.amplifier = digits(text, 8, 2);
    const bool echelon = find(kEchelons, s.amplifier) != nullptr;
    const bool mobility = std::find(kMobilities.begin(), kMobilities.end(), s.amplifier) != kMobilities.end();
    if (s.amplifier != 0 && !(echelon && echelonSet(s.symbolSet)) && !(mobility && mobilitySet(s.symbolSet)))
        return at(text, 9,
                  "(echelon / mobility) " + text.substr(8, 2) + " is not valid for symbol set " + text.substr(4, 2) +
                      " (" + symbolSetWord(s.symbolSet) + ")");
    s.entity = text.substr(10, 6);
    return s;
}

//! 2525C / APP-6B affiliation letters: identity, and whether the code is an exercise.
std::optional<std::pair<StandardIdentity, bool>> letterIdentity(char c) {
    switch (c) {
    case 'P': return std::pair{StandardIdentity::Pending, false};
    case 'U': return std::pair{StandardIdentity::Unknown, false};
    case 'A': return std::pair{StandardIdentity::AssumedFriend, false};
    case 'F': return std::pair{StandardIdentity::Friend, false};
    case 'N': return std::pair{StandardIdentity::Neutral, false};
    case 'S': return std::pair{StandardIdentity::Suspect, false};
    case 'H': return std::pair{StandardIdentity::Hostile, false};
    case 'G': return std::pair{StandardIdentity::Pending, true};
    case 'W': return std::pair{StandardIdentity::Unknown, true};
    case 'M': return std::pair{StandardIdentity::AssumedFriend, true};
    case 'D': return std::pair{StandardIdentity::Friend, true};
    case 'L': return std::pair{StandardIdentity::Neutral, true};
    case 'J': return std::pair{StandardIdentity::Suspect, true}; // joker
    case 'K': return std::pair{StandardIdentity::Hostile, true}; // faker
    default: return std::nullopt;
    }
}

Result<Sidc> parseLetters(const std::string& original) {
    std::string text = original;
    for (char& c : text) c = char(std::toupper(static_cast<unsigned char>(c)));
    for (size_t i = 0; i < text.size(); ++i)
        if (!std::isalnum(static_cast<unsigned char>(text[i])) && text[i] != '-' && text[i] != '*')
            return at(original, int(i) + 1, "is not a letter, digit, '-' or '*'");
    Sidc s;
    s.code = text;
    s.fromLetters = true;
    if (text[0] != 'S')
        return at(original, 1,
                  "(coding scheme) '" + text.substr(0, 1) +
                      "': only S (warfighting) letter codes are symbols; write others as 20-digit codes");
    const auto identity = letterIdentity(text[1]);
    if (!identity) return at(original, 2, "(affiliation) must be one of P U A F N S H G W M D L J K");
    s.identity = identity->first;
    s.context = identity->second ? 1 : 0;
    s.entity = text.substr(4, 6);
    switch (text[2]) {
    case 'P': s.symbolSet = 5; break;
    case 'A': s.symbolSet = 1; break;
    case 'S': s.symbolSet = 30; break;
    case 'U': s.symbolSet = 35; break;
    case 'F': s.symbolSet = 10; break; // special operations forces are land units in 2525D
    case 'G': s.symbolSet = text[4] == 'E' ? 15 : text[4] == 'I' || text[10] == 'H' ? 20 : 10; break;
    default:
        return at(original, 3, "(battle dimension) must be P space, A air, G ground, S sea, U subsurface or F SOF");
    }
    constexpr std::string_view statuses = "APCDXF"; // planned, present, fully capable, damaged, destroyed, full
    const size_t status = statuses.find(text[3]);
    if (status == std::string_view::npos)
        return at(original, 4, "(status) must be A anticipated, P present, C, D, X or F");
    s.status = status == 0 ? SymbolStatus::Planned : status == 1 ? SymbolStatus::Present : SymbolStatus(status);
    // Position 11 (headquarters, task force, feint/dummy) as position 8 of 2525D: 1 dummy, 2 HQ, 4 task force.
    const char modifier = text[10];
    constexpr std::string_view modifiers = "AEFBCGD"; // HQ, TF, dummy, TF HQ, dummy HQ, dummy TF, dummy TF HQ
    constexpr int kHqTfDummy[] = {2, 4, 1, 6, 3, 5, 7};
    if (const size_t m = modifiers.find(modifier); m != std::string_view::npos)
        s.hqTfDummy = kHqTfDummy[m];
    else if (modifier != '-' && modifier != '*' && modifier != 'H' && modifier != 'M' && modifier != 'N')
        return at(original, 11, "(symbol modifier) must be -, A-H, M or N");
    const char echelon = text[11];
    if (echelon != '-' && echelon != '*') {
        constexpr std::string_view echelons = "ABCDEFGHIJKLMN";
        const size_t e = echelons.find(echelon);
        if (e == std::string_view::npos || modifier == 'M' || modifier == 'N') {
            if (modifier != 'M' && modifier != 'N')
                return at(original, 12, "(echelon) must be -, or A team .. N command");
        } else {
            s.amplifier = kEchelons[e].code;
        }
    }
    s.numeric = numericSidc(s.identity, s.symbolSet, s.status, s.hqTfDummy, s.amplifier, "000000");
    s.numeric[2] = char('0' + s.context);
    return s;
}

} // namespace

int Sidc::echelon() const {
    return echelonSet(symbolSet) && find(kEchelons, amplifier) ? amplifier : 0;
}

Result<Sidc> parseSidc(const std::string& text) {
    if (text.size() == 20) return parseNumeric(text);
    if (text.size() == 15) return parseLetters(text);
    return Failure{"", "SIDC '" + text + "': " + std::to_string(text.size()) +
                           " characters; a SIDC has 20 digits (2525D / APP-6D) or 15 letters (2525C)"};
}

std::string numericSidc(StandardIdentity identity, int symbolSet, SymbolStatus status, int hqTfDummy, int amplifier,
                        const std::string& entity6) {
    char text[32];
    std::snprintf(text, sizeof text, "100%d%02d%d%d%02d%.6s0000", int(identity), symbolSet, int(status), hqTfDummy,
                  amplifier, entity6.c_str());
    return text;
}

const char* identityWord(StandardIdentity identity) {
    constexpr const char* words[] = {"Pending", "Unknown", "Assumed friend", "Friend", "Neutral", "Suspect", "Hostile"};
    return words[int(identity)];
}

const char* statusWord(SymbolStatus status) {
    constexpr const char* words[] = {"Present", "Planned", "Fully capable", "Damaged", "Destroyed", "Full to capacity"};
    return words[int(status)];
}

const char* symbolSetWord(int symbolSet) {
    return find(kSymbolSets, symbolSet);
}

const char* echelonWord(int echelon) {
    return find(kEchelons, echelon);
}

std::string describeSidc(const Sidc& sidc, const std::string& entity) {
    std::string out = identityWord(sidc.identity);
    out += " · ";
    out += entity.empty() ? symbolSetWord(sidc.symbolSet) : entity;
    if (sidc.headquarters()) out += " · Headquarters";
    if (sidc.taskForce()) out += " · Task force";
    if (sidc.dummy()) out += " · Dummy";
    if (const int e = sidc.echelon()) out += std::string(" · ") + echelonWord(e);
    out += std::string(" · ") + statusWord(sidc.status);
    if (sidc.context == 1) out += " · Exercise";
    if (sidc.context == 2) out += " · Simulation";
    return out;
}

} // namespace geo
