#pragma once
// One priority order for everything the scene draws as a box on screen, so none hides another: the
// military symbols (clusters first, then lone units, then their amplifier text), the symbol legend,
// the scenario features' names and the place names, in that order. Layers place boxes while they
// prepare a frame, in the list's order (sceneLayers(): the symbols before the names); a box that
// meets one placed earlier is left out (a name, a symbol overlapping a cluster) or drawn without its
// extra (a symbol's amplifiers).
// SceneRenderer keeps each half's boxes of the last frame: the viewer picks clusters from them, tests
// check that no two overlap.
#include <cstdint>
#include <optional>
#include <vector>

namespace renderer {

//! Pixels of a view: x right, y down.
struct ScreenBox {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    //! True when the two share any area, each grown by `margin` pixels on every side.
    bool overlaps(const ScreenBox& o, float margin = 0) const {
        return x0 - margin < o.x1 + margin && o.x0 - margin < x1 + margin && y0 - margin < o.y1 + margin &&
               o.y0 - margin < y1 + margin;
    }
    bool contains(float x, float y) const { return x0 <= x && x <= x1 && y0 <= y && y <= y1; }
};

//! What a box holds, in the order of priority.
enum class BoxKind : uint8_t { Cluster, Symbol, Legend, FeatureName, PlaceName };

struct PlacedBox {
    ScreenBox box;
    BoxKind kind;
    int32_t feature = -1; //!< ScenarioSet::features index: a lone symbol (with its amplifiers), a feature's name
    int32_t cluster = -1; //!< SymbolScene::clusters index: a symbol or cluster
};

//! The boxes one half of a frame has placed so far.
class Declutter {
public:
    //! True when `box` meets no box placed so far (grown by `margin`), leaving out the one at `except`.
    bool isFree(const ScreenBox& box, float margin = 0, size_t except = ~size_t(0)) const;
    void place(const PlacedBox& placed) { _placed.push_back(placed); }
    //! Box `i` grows to `box` (a symbol now drawn with its amplifiers).
    void grow(size_t i, const ScreenBox& box) { _placed.at(i).box = box; }
    //! Places `placed` when its box is free; true if it was.
    bool tryPlace(const PlacedBox& placed, float margin = 0);
    //! Where in placed() the box of feature `index`'s lone symbol is (with its amplifiers when they are
    //! drawn); none when its symbol is not drawn alone (in a cluster, left out, off screen).
    std::optional<size_t> symbolOf(size_t index) const;
    //! The box drawn last over pixel (x, y) of kind `kind`, or null.
    const PlacedBox* at(float x, float y, BoxKind kind) const;
    const std::vector<PlacedBox>& placed() const { return _placed; }
    //! Set by the symbols layer when it drew military symbols: feature names then stand beside them.
    bool symbols = false;
    void clear() {
        _placed.clear();
        symbols = false;
    }

private:
    std::vector<PlacedBox> _placed;
};

} // namespace renderer
