#include "geo/SymbolDefaults.h"

#include "geo/TacticalGraphics.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace geo {

namespace {

struct Entity {
    int symbolSet;
    const char* code; //!< positions 11-16
};

constexpr Entity kMilitaryBase{20, "120802"}, kSupplyPoint{25, "321700"}, kCombinedArms{10, "121000"},
    kAirBase{20, "121301"}, kTrainingCamp{20, "111902"}, kSupply{10, "163400"}, kEngineer{10, "140700"};

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return text;
}

//! What a station is, from the words of its name; the first rule that matches wins.
Entity stationEntity(const std::string& name) {
    struct Rule {
        const char* word;
        Entity entity;
    };
    constexpr std::array rules{
        Rule{"air", kAirBase},
        Rule{"training", kTrainingCamp},
        Rule{"logistic", kSupply},
        Rule{"supply", kSupply},
        Rule{"engineer", kEngineer},
        Rule{"battlegroup", kCombinedArms},
        Rule{"contingent", kCombinedArms},
        Rule{"force", kCombinedArms},
    };
    const std::string text = lower(name);
    for (const Rule& r : rules)
        if (text.find(r.word) != std::string::npos) return r.entity;
    return kMilitaryBase;
}

} // namespace

SymbolStatus symbolStatus(FeatureStatus status) {
    return status == FeatureStatus::Illustrative ? SymbolStatus::Planned : SymbolStatus::Present;
}

StandardIdentity symbolIdentity(const ScenarioFeature& feature) {
    const std::string& lead = feature.lead();
    return lead == "RU" || lead == "BY" ? StandardIdentity::Hostile : StandardIdentity::Friend;
}

int echelonFor(std::int64_t personnel) {
    struct Step {
        std::int64_t upTo;
        int echelon;
    };
    constexpr std::array steps{Step{4, 11},    Step{12, 12},   Step{20, 13},   Step{60, 14},    Step{250, 15},
                               Step{1000, 16}, Step{3000, 17}, Step{6000, 18}, Step{25000, 21}, Step{60000, 22}};
    for (const Step& s : steps)
        if (personnel <= s.upTo) return s.echelon;
    return 23;
}

std::string defaultSidc(const ScenarioFeature& feature) {
    Entity entity{};
    switch (feature.kind) {
    case FeatureKind::Hub: entity = kMilitaryBase; break;
    case FeatureKind::EquipmentSite: entity = kSupplyPoint; break;
    case FeatureKind::Force: entity = kCombinedArms; break;
    case FeatureKind::Station: entity = stationEntity(feature.name); break;
    default: return {};
    }
    // Echelons belong to units; installations and control measures have none.
    const int echelon = entity.symbolSet == 10 && feature.personnel ? echelonFor(*feature.personnel) : 0;
    return numericSidc(symbolIdentity(feature), entity.symbolSet, symbolStatus(feature.status), 0, echelon,
                       entity.code);
}

std::string symbolCode(const ScenarioFeature& feature) {
    return feature.sidc.empty() ? defaultSidc(feature) : feature.sidc;
}

bool hasSymbol(const ScenarioFeature& feature) {
    return isMarker(feature.kind) || (!feature.sidc.empty() && !sidcIsGraphic(feature)); // a graphic is drawn as one
}

} // namespace geo
