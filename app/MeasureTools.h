#pragma once
// The viewer's measuring tools: range and bearing between two clicks, the length of a clicked path (geodesic, km
// and nautical miles) with the terrain profile along it, the area of a clicked polygon (geodesic, km²); or the
// same of a line or area selected in edit mode. Which tool is in use is chosen by commands (UseTool,
// MeasureFeature, M for range and bearing); while one is, a click on the ground is its next point. geo/Measure
// does the geodesy; this keeps the points, the readings and the Measure window.
#include "app/ViewerCommand.h"
#include "geo/HeightGrid.h"
#include "geo/Measure.h"

#include <optional>
#include <string>
#include <vector>

namespace app {

struct EditScene;

class MeasureTools {
public:
    explicit MeasureTools(const geo::Terrain& terrain) : _terrain(terrain) {}

    command::Tool tool() const { return _tool; }
    //! Takes up `tool` (None: stops measuring), with no points yet.
    void use(command::Tool tool);
    //! A click on the ground: the next point of the tool in use. Range and bearing takes two (a third starts
    //! again); a path or polygon takes any number, and a second click at the same place within half a second
    //! ends it (the next click starts a new one). `pixel` and `seconds` tell the double click.
    void click(glm::dvec2 lonLat, glm::dvec2 pixel, double seconds);
    //! Measures a line (its length and profile, with the path tool) or an area (its area, with the area tool).
    void measure(const geo::ScenarioFeature& feature);

    const std::vector<glm::dvec2>& points() const { return _points; }
    //! The reading: "Range 12.3 km (6.6 NM), bearing 87.0° true", "Path 12.34 km (6.66 NM), 3 points", "Area
    //! 12.345 km², perimeter 14.2 km"; empty until there are enough points.
    const std::string& text() const { return _text; }
    //! What to do next, for the panel, while there is no reading.
    std::string prompt() const;
    //! The terrain along the path (the path tool), with its highest point.
    const std::optional<geo::TerrainProfile>& profile() const { return _profile; }
    const std::optional<geo::PolygonMeasure>& area() const { return _area; }

    //! The Measure window (the tools, the reading, the profile plot) and, over the scene, what is measured.
    void draw(const EditScene& scene, ViewerCommands& commands);

private:
    void update();
    void report() const;
    const geo::Terrain& _terrain;
    command::Tool _tool = command::Tool::None;
    std::vector<glm::dvec2> _points;
    bool _ended = false; //!< the path or polygon is complete: the next click starts a new one
    std::string _of;     //!< the feature measured, if any
    glm::dvec2 _lastClickPixel{-100};
    double _lastClickSeconds = -1;
    std::string _text;
    std::optional<geo::TerrainProfile> _profile;
    std::vector<float> _plot;
    std::optional<geo::PolygonMeasure> _area;
};

//! The area of every polygon of an area feature (outer rings less their holes) and the outer rings' perimeter.
geo::PolygonMeasure featureArea(const geo::ScenarioFeature& feature);

//! In the Edit window for a selected line or area: its length or area, and a button to measure it (MeasureFeature).
void drawFeatureMeasure(const geo::ScenarioFeature& feature, ViewerCommands& commands);

} // namespace app
