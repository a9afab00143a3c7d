#pragma once
// What a briefing frame says about itself, drawn in the scene so stills, videos and the viewer show
// the same: the title (top left, with any captions under it), the legend of the scenario shown
// (bottom left: lead nations and their colours, the kinds of feature and their symbols, and what
// solid and hatched mean) and the data credits (bottom right). Text and backplates are label
// quads in screen space, drawn by the label pipeline after the place names.
#include "geo/Scenario.h"
#include "renderer/GlyphAtlas.h"
#include "renderer/GpuTypes.h"
#include "renderer/SceneStyle.h"

#include <glm/glm.hpp>
#include <map>
#include <string>
#include <vector>

namespace renderer {

//! One line of the legend: a symbol glyph in a colour, and what it stands for.
struct LegendEntry {
    char32_t symbol;
    glm::vec4 color;
    std::string text;
};

struct LegendSection {
    std::string heading;
    std::vector<LegendEntry> entries;
};

//! The legend of the features whose scenario mask meets `scenarios`: the nations leading markers
//! and air zones (most features first), the kinds present, and the status key. Empty when no
//! feature is shown. `names` maps ISO alpha-2 codes to country names (the code where missing).
std::vector<LegendSection> legendFor(const geo::ScenarioSet& set, uint32_t scenarios,
                                     const std::map<std::string, std::string>& names, Palette palette);

//! What the overlay shows on one view (one half of the frame in compare mode).
struct OverlayContent {
    std::string title;                //!< empty: none
    std::vector<std::string> caption; //!< smaller lines under the title
    uint32_t legendScenarios = 0;     //!< scenario bits the legend explains; 0: no legend
    bool attribution = false;
    std::string credits; //!< what this frame shows besides the scene's data (Layer::credit), after the attribution
};

class Overlay {
public:
    //! `atlas` must hold codepointsOf(...) and outlive the overlay.
    Overlay(const GlyphAtlas& atlas, const geo::ScenarioSet* scenarios, std::map<std::string, std::string> nationNames,
            std::string attribution, SceneStyle style);

    //! Appends the quads for a view of `size` pixels to `out`, no more than `maxVertices` in all.
    //! `scale` grows everything for large outputs (1 at 1080 lines).
    void append(const OverlayContent& content, glm::vec2 size, float scale, size_t maxVertices,
                std::vector<LabelVertex>& out) const;

    //! Every code point the overlay may draw besides titles: symbols, headings, nation names.
    static std::vector<char32_t> codepointsOf(const geo::ScenarioSet* scenarios,
                                              const std::map<std::string, std::string>& nationNames);

private:
    //! A text run on a baseline starting at `pen`; returns its width.
    float text(const std::string& utf8, glm::vec2 pen, float size, glm::vec4 color, size_t maxVertices,
               std::vector<LabelVertex>& out) const;
    void plate(glm::vec2 topLeft, glm::vec2 bottomRight, size_t maxVertices, std::vector<LabelVertex>& out) const;
    void legend(uint32_t scenarios, glm::vec2 size, float scale, float bottomMargin, size_t maxVertices,
                std::vector<LabelVertex>& out) const;

    const GlyphAtlas& _atlas;
    const geo::ScenarioSet* _scenarios;
    std::map<std::string, std::string> _nationNames;
    std::string _attribution;
    SceneStyle _style;
    TextLook _look;
};

} // namespace renderer
