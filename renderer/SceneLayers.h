#pragma once
// The scene's layers in drawing order: the one list the renderer builds, and `--hide`, the
// panel's toggles and the tests enumerate. A new layer is a new file and one entry here.
#include "renderer/Layer.h"

#include <memory>
#include <span>
#include <string_view>

namespace renderer {

struct LayerEntry {
    std::string_view name;  //!< stable: --hide NAME, SceneView::hidden
    std::string_view title; //!< as the panel shows it
    //! Builds the layer, or null when the inputs have nothing for it (no highlight, say).
    std::unique_ptr<Layer> (*make)(const LayerSetup& setup);
};

std::span<const LayerEntry> sceneLayers();

} // namespace renderer
