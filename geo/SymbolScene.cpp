#include "geo/SymbolScene.h"

#include "geo/Spatial.h"
#include "geo/SymbolDefaults.h"
#include "geo/SymbolLibrary.h"

#include <algorithm>
#include <map>

namespace geo {

std::optional<glm::dvec2> symbolPoint(const ScenarioFeature& f) {
    if (!f.polygons.empty()) {
        // The outer ring's vertex mean when it falls inside (convex-ish zones), else its first vertex.
        const auto largest =
            std::max_element(f.polygons.begin(), f.polygons.end(),
                             [](const Polygon& a, const Polygon& b) { return areaDegrees({a}) < areaDegrees({b}); });
        if (largest->rings.empty() || largest->rings[0].empty()) return std::nullopt;
        const Ring& outer = largest->rings[0];
        glm::dvec2 sum{0.0};
        for (const glm::dvec2& p : outer) sum += p;
        const glm::dvec2 mean = sum / double(outer.size());
        return contains({*largest}, mean) ? mean : outer.front();
    }
    if (f.points.empty()) return std::nullopt;
    return f.points[f.points.size() / 2];
}

const FeatureSymbol* SymbolScene::forFeature(size_t index) const {
    const auto it = std::lower_bound(symbols.begin(), symbols.end(), index,
                                     [](const FeatureSymbol& s, size_t i) { return s.feature < i; });
    return it != symbols.end() && it->feature == index ? &*it : nullptr;
}

SymbolScene buildSymbolScene(const ScenarioSet& set, SymbolLibrary* library, const std::string& libraryProblem) {
    SymbolScene scene;
    scene.libraryProblem = libraryProblem;
    std::map<std::string, size_t> distinct; // code -> index in `asked`
    std::vector<SymbolRequest> asked;
    for (size_t i = 0; i < set.features.size(); ++i) {
        const ScenarioFeature& f = set.features[i];
        if (!hasSymbol(f)) continue;
        const auto point = symbolPoint(f);
        if (!point) continue;
        FeatureSymbol s;
        s.feature = i;
        s.code = symbolCode(f);
        s.lonLat = *point;
        if (auto parsed = parseSidc(s.code)) {
            s.sidc = std::move(parsed.value());
            if (distinct.emplace(s.code, asked.size()).second) asked.push_back({s.code, 48, {}, {}, false});
        } else {
            s.problem = parsed.failure().what;
        }
        scene.symbols.push_back(std::move(s));
    }
    std::vector<SymbolDrawing> known;
    if (library && !asked.empty()) {
        auto answer = library->draw(asked);
        if (answer)
            known = std::move(answer.value());
        else
            scene.libraryProblem = answer.failure().message();
    }
    std::map<std::string, std::uint16_t> nationIndex;
    std::vector<SymbolSite> sites;
    sites.reserve(scene.symbols.size());
    for (FeatureSymbol& s : scene.symbols) {
        const ScenarioFeature& f = set.features[s.feature];
        if (s.sidc && !known.empty()) {
            const SymbolDrawing& d = known[distinct.at(s.code)];
            if (!d.error.empty())
                s.problem = "the symbol library cannot draw it: " + d.error;
            else if (!d.icon)
                s.problem = "SIDC '" + s.code + "': entity " + s.sidc->entity + " is not one the symbol library knows";
            else
                s.words = describeSidc(*s.sidc, d.entityName());
        } else if (s.sidc && s.words.empty()) {
            s.words = describeSidc(*s.sidc, ""); // the library's names are missing; the frame's words are not
        }
        if (!s.problem.empty()) s.words = "Unknown symbol";
        const auto [it, fresh] = nationIndex.emplace(f.lead(), std::uint16_t(scene.nations.size()));
        if (fresh) scene.nations.push_back(f.lead());
        sites.push_back({s.lonLat, f.scenarioMask, it->second,
                         std::uint8_t(s.sidc ? int(s.sidc->identity) : int(StandardIdentity::Unknown))});
    }
    scene.clusters = buildClusters(sites, int(set.scenarios.size()));
    return scene;
}

} // namespace geo
