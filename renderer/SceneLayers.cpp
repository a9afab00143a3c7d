#include "renderer/SceneLayers.h"

#include "renderer/HighlightLayer.h"
#include "renderer/ImageryLayer.h"
#include "renderer/MapLinesLayer.h"
#include "renderer/ScenarioLayer.h"
#include "renderer/SkyLayer.h"
#include "renderer/TerrainLayer.h"
#include "renderer/TextLayers.h"

#include <array>

namespace renderer {

std::span<const LayerEntry> sceneLayers() {
    static const std::array<LayerEntry, 11> kLayers{{
        {"terrain", "Terrain", &TerrainLayer::make},
        {"sky", "Sky", &SkyLayer::make},
        {"globe-imagery", "Blue Marble (from far away)", &ImageryLayer::globe},
        {"imagery", "Imagery", &ImageryLayer::user},
        {"highlight", "Ukraine highlight", &HighlightLayer::make},
        {"coastlines", "Coastlines", &MapLinesLayer::coastlines},
        {"borders", "Borders", &MapLinesLayer::borders},
        {"rings", "Range rings", &MapLinesLayer::rings},
        {"scenarios", "Scenario features", &ScenarioLayer::make},
        {"labels", "Place names", &PlaceNamesLayer::make},
        {"overlay", "Title, legend and credits", &OverlayLayer::make},
    }};
    return kLayers;
}

} // namespace renderer
