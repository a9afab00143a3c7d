#include "renderer/SceneLayers.h"

#include "renderer/CoverageLayer.h"
#include "renderer/GraphicsLayer.h"
#include "renderer/HighlightLayer.h"
#include "renderer/ImageryLayer.h"
#include "renderer/MapLinesLayer.h"
#include "renderer/ScenarioLayer.h"
#include "renderer/SkyLayer.h"
#include "renderer/SymbolLayer.h"
#include "renderer/TerrainLayer.h"
#include "renderer/TextLayers.h"
#include "renderer/WarningLayer.h"

namespace renderer {

std::span<const LayerEntry> sceneLayers() {
    static const LayerEntry kLayers[]{
        {"terrain", "Terrain", &TerrainLayer::make},
        {"sky", "Sky", &SkyLayer::make},
        {"globe-imagery", "Blue Marble (from far away)", &ImageryLayer::globe},
        {"imagery", "Imagery", &ImageryLayer::user},
        {"highlight", "Ukraine highlight", &HighlightLayer::make},
        {"coverage", "Coverage", &CoverageLayer::make},
        {"coastlines", "Coastlines", &MapLinesLayer::coastlines},
        {"borders", "Borders", &MapLinesLayer::borders},
        {"rings", "Range rings", &MapLinesLayer::rings},
        {"graphics", "Tactical graphics (lines and areas)", &GraphicsLayer::make}, // before: it replaces lines there
        {"scenarios", "Scenario features", &ScenarioLayer::make},
        {"warnings", "Planning rule warnings", &WarningLayer::make},
        // The symbols before the names: they place their boxes first (Declutter.h), so names keep clear of them.
        {"symbols", "Military symbols", &SymbolLayer::make},
        {"labels", "Place names", &PlaceNamesLayer::make},
        {"overlay", "Title, legend and credits", &OverlayLayer::make},
    };
    return kLayers;
}

} // namespace renderer
