#pragma once
// Lines and areas as the standard's tactical graphics (APP-6D / MIL-STD-2525D symbol set 25, control
// measures), drawn by the US Army's mil-sym-ts (npm @armyc2.c5isr.renderer/mil-sym-ts-web, Apache-2.0)
// in the symbol helper (assets/symbols/helper.js) as lon/lat lines and labels: the line of contact with
// its semicircles on both sides, areas with their labels (an air zone's MIN ALT and MAX ALT).
//
//     auto library = geo::SymbolLibrary::start();
//     auto graphics = geo::buildTacticalGraphics(set, library.value().get());
//     for (const geo::FeatureGraphic& g : graphics.graphics) g.drawing->lines ...  // draped by the renderer
//
// Which feature gets which graphic (graphicFor): a line or area whose `sidc` is a control measure (symbol
// set 25) is drawn as that; else by kind: the contact line → Line of Contact (25140200), the monitoring
// band → Named Area of Interest (25120200: where the monitoring collects), the occupied area → the hostile
// Area (25150100, its edge marked "ENY"), an air zone → Restricted Operations Zone (25171000) with its
// designation and floor and ceiling (field X, metres AMSL). Sea zones and corridors have no graphic the
// standard draws for them and stay plain. Status as the symbols: illustrative → planned, which the library
// draws dashed.
#include "geo/Result.h"
#include "geo/Scenario.h"

#include <glm/glm.hpp>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace geo {

class SymbolLibrary;

//! The map scale the graphics are drawn for (1:2,000,000, a theatre map): it sets the size of their
//! decoration on the ground (the line of contact's semicircles are about 10 km across) and of the
//! dashes of planned graphics.
constexpr double kGraphicScale = 2e6;

//! Control measures: the symbol set of tactical graphics.
constexpr int kControlMeasureSet = 25;

struct GraphicRequest {
    std::string code;                             //!< a 20-digit SIDC of symbol set 25
    std::vector<glm::dvec2> points;               //!< lon/lat control points; none: only what the library knows
    std::map<std::string, std::string> modifiers; //!< mil-sym-ts Modifiers: T_UNIQUE_DESIGNATION_1, X_ALTITUDE_DEPTH
    std::map<std::string, std::string> attributes; //!< mil-sym-ts MilStdAttributes: ALTITUDEUNITS
    double scale = kGraphicScale;
};

struct GraphicLine {
    glm::vec4 color{0, 0, 0, 1}; //!< as the library colours it (red: the hostile side)
    float widthPx = 3;
    std::vector<glm::dvec2> points; //!< lon/lat
};

struct GraphicLabel {
    std::string text;       //!< "MIN ALT: 8000 M AMSL"
    glm::dvec2 at{0.0};     //!< lon/lat of its anchor
    glm::vec2 offsetPx{0};  //!< from the anchor, pixels, y down
    int align = 0;          //!< -1: ends at the anchor, 0: centred on it, 1: starts there
    glm::vec4 color{0, 0, 0, 1}, halo{1, 1, 1, 1};
};

struct GraphicDrawing {
    bool known = false;      //!< the library knows the code
    std::string name;        //!< "Line of Contact"
    std::string geometry;    //!< "Line", "Area", "Point"
    int minPoints = 0;
    std::vector<GraphicLine> lines;
    std::vector<GraphicLabel> labels;
    std::string error;       //!< the library failed on it
};

//! What a feature is drawn as by the standard, or nothing (sea zones, corridors, points).
std::optional<GraphicRequest> graphicFor(const ScenarioFeature& feature);

//! Whether the feature's own `sidc` names its tactical graphic (a line or area with a symbol set 25 code).
bool sidcIsGraphic(const ScenarioFeature& feature);

struct FeatureGraphic {
    size_t feature = 0;          //!< index in the set's features
    uint32_t scenarioMask = 0;
    std::shared_ptr<const GraphicDrawing> drawing;
};

struct TacticalGraphics {
    std::vector<FeatureGraphic> graphics; //!< one per polygon of an area, one per line
    std::string problem;                  //!< why none were drawn (no library), or the first failure
    //! Whether feature `index` is drawn as a graphic (then its plain line is left out).
    bool draws(size_t index) const;
};

//! Every feature's graphic, asked of `library` in one request (cached there); null library: none, and
//! `libraryProblem` is the problem.
TacticalGraphics buildTacticalGraphics(const ScenarioSet& set, SymbolLibrary* library,
                                       const std::string& libraryProblem = {});

//! `bulwark validate` for lines and areas whose `sidc` is a control measure: the library knows it, and it
//! is a line for a line feature, an area for an area.
std::vector<Problem> checkGraphics(const ScenarioSet& set, SymbolLibrary* library);

} // namespace geo
