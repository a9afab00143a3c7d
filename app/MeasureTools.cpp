#include "app/MeasureTools.h"

#include "app/EditMode.h"
#include "app/FeaturePicker.h"
#include "app/ProfilePlot.h"

#include <cstdio>
#include <imgui.h>
#include <iostream>

namespace app {

namespace {

constexpr double kDoubleClickSeconds = 0.5;
constexpr double kDoubleClickPixels = 8;
const ImU32 kMeasureColour = IM_COL32(80, 200, 255, 255);

std::string pathText(double metres, size_t points) {
    char text[128];
    std::snprintf(text, sizeof text, "Path %.2f km (%.2f NM), %zu points", metres / 1000.0,
                  metres / geo::kMetresPerNauticalMile, points);
    return text;
}

std::string areaText(const geo::PolygonMeasure& area) {
    char text[128];
    std::snprintf(text, sizeof text, "Area %.3f km², perimeter %.1f km", area.squareKm(), area.perimeterM / 1000.0);
    return text;
}

} // namespace

geo::PolygonMeasure featureArea(const geo::ScenarioFeature& feature) {
    geo::PolygonMeasure total;
    for (const geo::Polygon& polygon : feature.polygons)
        for (size_t r = 0; r < polygon.rings.size(); ++r) {
            const geo::PolygonMeasure ring = geo::polygonArea(polygon.rings[r]);
            total.squareMetres += r == 0 ? ring.squareMetres : -ring.squareMetres;
            if (r == 0) total.perimeterM += ring.perimeterM;
        }
    return total;
}

void MeasureTools::use(command::Tool tool) {
    _tool = tool;
    _points.clear();
    _ended = false;
    _of.clear();
    update();
}

void MeasureTools::click(glm::dvec2 lonLat, glm::dvec2 pixel, double seconds) {
    if (_tool == command::Tool::None) return;
    const bool second =
        seconds - _lastClickSeconds < kDoubleClickSeconds && glm::length(pixel - _lastClickPixel) < kDoubleClickPixels;
    _lastClickSeconds = second ? -1 : seconds;
    _lastClickPixel = pixel;
    if (second && _tool != command::Tool::Range && !_ended && !_points.empty()) {
        _ended = true; // the double click's first click was the last point
        return;
    }
    const size_t most = _tool == command::Tool::Range ? 2 : SIZE_MAX;
    if (_ended || _points.size() >= most || !_of.empty()) {
        _points.clear();
        _ended = false;
        _of.clear();
    }
    _points.push_back(lonLat);
    update();
    report();
}

void MeasureTools::measure(const geo::ScenarioFeature& feature) {
    if (geo::isMarker(feature.kind)) return;
    _ended = true;
    _of = feature.id;
    if (geo::isArea(feature.kind)) {
        _tool = command::Tool::Area;
        _points = feature.polygons.empty() || feature.polygons[0].rings.empty() ? std::vector<glm::dvec2>()
                                                                                : feature.polygons[0].rings[0];
    } else {
        _tool = command::Tool::Path;
        _points = feature.points;
    }
    update();
    if (geo::isArea(feature.kind) && !feature.polygons.empty()) {
        _area = featureArea(feature); // every polygon and hole, not only the outline drawn
        _text = areaText(*_area);
    }
    report();
}

void MeasureTools::update() {
    _text.clear();
    _profile.reset();
    _plot.clear();
    _area.reset();
    if (_tool == command::Tool::Range && _points.size() == 2) {
        const geo::RangeBearing rb = geo::rangeAndBearing(_points[0], _points[1]);
        char text[128];
        std::snprintf(text, sizeof text, "Range %.1f km (%.1f NM), bearing %.1f° true", rb.km(), rb.nauticalMiles(),
                      rb.bearingDeg);
        _text = text;
    } else if (_tool == command::Tool::Path && _points.size() >= 2) {
        _profile = geo::terrainProfile(_terrain, _points);
        _plot = profileValues(*_profile);
        _text = pathText(_profile->lengthM, _points.size());
    } else if (_tool == command::Tool::Area && _points.size() >= 3) {
        _area = geo::polygonArea(_points);
        _text = areaText(*_area);
    }
}

// In the log as well: scripts and tests read the readings there.
void MeasureTools::report() const {
    if (_text.empty()) return;
    std::cout << "bulwark: measured " << (_of.empty() ? "" : _of + ": ") << _text << std::endl;
    if (_profile) std::cout << "bulwark: profile " << highestText(*_profile) << std::endl;
}

std::string MeasureTools::prompt() const {
    switch (_tool) {
    case command::Tool::Range: return "Click two points on the ground.";
    case command::Tool::Path: return "Click the points of a path; a double click ends it.";
    case command::Tool::Area: return "Click the corners of a polygon; a double click ends it.";
    case command::Tool::None: break;
    }
    return {};
}

void MeasureTools::draw(const EditScene& scene, ViewerCommands& commands) {
    if (_tool == command::Tool::None) return;
    // What is measured, on the ground.
    const std::string label = _tool == command::Tool::Range ? _text : std::string();
    for (size_t i = 1; i < _points.size(); ++i)
        drawGroundLine(scene, _points[i - 1], _points[i], kMeasureColour, label);
    if (_tool == command::Tool::Area && _points.size() >= 3 && _points.front() != _points.back())
        drawGroundLine(scene, _points.back(), _points.front(), kMeasureColour, "");
    ImDrawList* overlay = ImGui::GetForegroundDrawList();
    const float em = ImGui::GetFontSize();
    const auto toPoints = [&](glm::dvec2 lonLat) -> std::optional<ImVec2> {
        const auto px = groundPixel(lonLat, scene.terrain, scene.view, scene.exaggeration);
        if (!px) return std::nullopt;
        const glm::dvec2 p = (*px + scene.viewOrigin) / scene.pixelsPerPoint;
        return ImVec2(float(p.x), float(p.y));
    };
    for (const glm::dvec2& p : _points)
        if (const auto at = toPoints(p)) overlay->AddCircleFilled(*at, 0.2f * em, kMeasureColour);
    if (_profile && !_profile->samples.empty())
        if (const auto top = toPoints(_profile->samples[_profile->highest].lonLat)) {
            const ImU32 mark = IM_COL32(255, 80, 60, 255);
            overlay->AddTriangleFilled(ImVec2(top->x, top->y), ImVec2(top->x - 0.4f * em, top->y - 0.8f * em),
                                       ImVec2(top->x + 0.4f * em, top->y - 0.8f * em), mark);
            char height[32];
            std::snprintf(height, sizeof height, "%.0f m", _profile->samples[_profile->highest].heightM);
            overlay->AddText(ImVec2(top->x + 0.5f * em, top->y - 1.4f * em), mark, height);
        }

    // The Measure window: held to the bottom right corner as it grows (the Edit window is at the left), sized in
    // ems like the panel.
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x - 0.8f * em, display.y - 2.0f * em), ImGuiCond_Always, ImVec2(1, 1));
    ImGui::SetNextWindowSizeConstraints(ImVec2(24 * em, 0), ImVec2(24 * em, display.y - 6 * em));
    ImGui::Begin("Measure", nullptr, ImGuiWindowFlags_AlwaysAutoResize);
    constexpr std::pair<command::Tool, const char*> kTools[] = {
        {command::Tool::Range, "Range (M)"}, {command::Tool::Path, "Path & profile"}, {command::Tool::Area, "Area"}};
    for (const auto& [tool, name] : kTools) {
        if (tool != command::Tool::Range) ImGui::SameLine();
        if (ImGui::RadioButton(name, _tool == tool)) commands.push_back(command::UseTool{tool});
    }
    if (!_of.empty()) ImGui::Text("Of %s", _of.c_str());
    ImGui::TextWrapped("%s", _text.empty() ? prompt().c_str() : _text.c_str());
    if (_profile) drawProfilePlot(*_profile, _plot, ImGui::GetContentRegionAvail().x);
    if (ImGui::SmallButton("Clear")) commands.push_back(command::UseTool{_tool});
    ImGui::SameLine();
    if (ImGui::SmallButton("Close")) commands.push_back(command::UseTool{command::Tool::None});
    ImGui::End();
}

void drawFeatureMeasure(const geo::ScenarioFeature& feature, ViewerCommands& commands) {
    if (geo::isArea(feature.kind)) {
        const geo::PolygonMeasure area = featureArea(feature);
        ImGui::Text("Area %.3f km², perimeter %.1f km", area.squareKm(), area.perimeterM / 1000.0);
    } else {
        const double metres = geo::pathLengthM(feature.points);
        ImGui::Text("Length %.2f km (%.2f NM)", metres / 1000.0, metres / geo::kMetresPerNauticalMile);
    }
    if (ImGui::SmallButton(geo::isArea(feature.kind) ? "Measure the area" : "Measure, with the terrain profile"))
        commands.push_back(command::MeasureFeature{feature.id});
}

} // namespace app
