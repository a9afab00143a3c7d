#include "geo/SymbolRules.h"

#include "geo/Sidc.h"
#include "geo/SymbolDefaults.h"
#include "geo/SymbolLibrary.h"
#include "geo/TacticalGraphics.h"

#include <algorithm>

namespace geo {

namespace {

struct Amplifier {
    const char* field;
    std::string SymbolAmplifiers::*text;
    size_t maxLength;
    bool landOnly; //!< the standard has it for land units, equipment and installations only
};

bool land(int symbolSet) {
    return symbolSet == 10 || symbolSet == 11 || symbolSet == 15 || symbolSet == 20 || symbolSet == 27;
}

} // namespace

std::vector<Problem> checkSymbols(const ScenarioSet& set, SymbolLibrary* library, const std::string& libraryFailure) {
    std::vector<Problem> problems;
    const std::string file = set.featuresFile.string();
    std::vector<SymbolRequest> asked;
    std::vector<const ScenarioFeature*> askedFor;
    constexpr Amplifier amplifiers[] = {
        {"unique_designation", &SymbolAmplifiers::uniqueDesignation, kMaxDesignation, false},
        {"higher_formation", &SymbolAmplifiers::higherFormation, kMaxDesignation, true},
        {"staff_comments", &SymbolAmplifiers::staffComments, kMaxComments, false},
        {"additional_information", &SymbolAmplifiers::additionalInformation, kMaxComments, false},
    };
    for (const ScenarioFeature& f : set.features) {
        if (f.sidc.empty()) {
            if (!f.amplifiers.empty() && !isMarker(f.kind))
                problems.push_back({file, f.id, "sidc", "amplifiers given but no sidc: lines and areas need one"});
            continue;
        }
        auto sidc = parseSidc(f.sidc);
        if (!sidc) {
            problems.push_back({file, f.id, "sidc", sidc.failure().what});
            continue;
        }
        const Sidc& s = sidc.value();
        if ((s.status == SymbolStatus::Planned) != (f.status == FeatureStatus::Illustrative))
            problems.push_back({file, f.id, "sidc",
                                std::string("status (position 7) says ") + statusWord(s.status) +
                                    " but the feature is " + statusName(f.status) +
                                    ": illustrative features are planned (1), others present (0)"});
        for (const Amplifier& a : amplifiers) {
            const std::string& text = f.amplifiers.*a.text;
            if (text.empty()) continue;
            if (text.size() > a.maxLength)
                problems.push_back({file, f.id, a.field, "longer than " + std::to_string(a.maxLength) + " characters"});
            if (a.landOnly && !land(s.symbolSet))
                problems.push_back({file, f.id, a.field,
                                    std::string("not an amplifier of symbol set ") + symbolSetWord(s.symbolSet) +
                                        " (land units, equipment and installations only)"});
        }
        if (sidcIsGraphic(f)) continue; // a control measure: checkGraphics asks mil-sym-ts
        asked.push_back({s.code, 48, {}, {}, false});
        askedFor.push_back(&f);
    }
    for (Problem& p : checkGraphics(set, library)) problems.push_back(std::move(p));
    const bool graphics = std::any_of(set.features.begin(), set.features.end(), sidcIsGraphic);
    if (asked.empty() && (library || !graphics)) return problems; // else: say once that nothing was checked
    if (!library) {
        problems.push_back({file, "", "sidc", "cannot check the symbols' entities: " + libraryFailure});
        return problems;
    }
    auto known = library->draw(asked);
    if (!known) {
        problems.push_back({file, "", "sidc", "cannot check the symbols' entities: " + known.failure().message()});
        return problems;
    }
    for (size_t i = 0; i < asked.size(); ++i) {
        const SymbolDrawing& d = known.value()[i];
        if (!d.error.empty())
            problems.push_back({file, askedFor[i]->id, "sidc", "the symbol library cannot draw it: " + d.error});
        else if (!d.icon)
            problems.push_back({file, askedFor[i]->id, "sidc",
                                "SIDC '" + asked[i].code + "': entity " + parseSidc(asked[i].code).value().entity +
                                    " is not one the symbol library (milsymbol " + library->version() + ") knows"});
    }
    return problems;
}

} // namespace geo
