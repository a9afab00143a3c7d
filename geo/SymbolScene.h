#pragma once
// The military symbols of a scenario set, ready for the renderer and the viewer: one per feature that
// has one (SymbolDefaults.h), with its code, where it stands, what it means in words and, when it cannot
// be drawn, why; and the clusters (SymbolClusters.h) of all of them, for every scenario.
#include "geo/Scenario.h"
#include "geo/Sidc.h"
#include "geo/SymbolClusters.h"

#include <optional>
#include <string>
#include <vector>

namespace geo {

class SymbolLibrary;

struct FeatureSymbol {
    size_t feature = 0; //!< index in ScenarioSet::features
    std::string code;   //!< as given to the library: the file's sidc or the default
    std::optional<Sidc> sidc;
    glm::dvec2 lonLat{}; //!< the point; an area's inner point, a line's middle vertex
    std::string words;   //!< "Friend · Infantry · Battalion · Planned", or "Unknown symbol"
    std::string problem; //!< why it is drawn as the unknown symbol; empty when it is drawn as coded
    bool ok() const { return problem.empty(); }
};

struct SymbolScene {
    std::vector<FeatureSymbol> symbols;
    std::vector<std::string> nations;  //!< ClusterItem::nation indexes this: lead nations in first-seen order
    std::vector<ClusterItem> clusters; //!< ClusterItem::site indexes `symbols`
    std::string libraryProblem;        //!< the symbol library could not start or answer: every entity unchecked
    //! The symbol of feature `index`, or null.
    const FeatureSymbol* forFeature(size_t index) const;
};

//! Builds the symbols of `set`. `library` names entities and checks them (null: codes are only parsed,
//! and `libraryProblem` should say why). One library call for all distinct codes.
SymbolScene buildSymbolScene(const ScenarioSet& set, SymbolLibrary* library, const std::string& libraryProblem = {});

//! Where a feature's symbol stands: a marker's point, an area's inner point, a line's middle vertex.
std::optional<glm::dvec2> symbolPoint(const ScenarioFeature& feature);

} // namespace geo
