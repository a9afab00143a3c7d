#include "app/Panel.h"

#include <imgui.h>

namespace app {

void drawPanel(PanelState& s) {
    ImGui::SetNextWindowPos(ImVec2(12, 12), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(320, 0), ImGuiCond_FirstUseEver);
    ImGui::Begin("Bulwark");
    ImGui::TextUnformatted("Layers");
    ImGui::Checkbox("Terrain", &s.layers.terrain);
    ImGui::Checkbox("Borders", &s.layers.borders);
    ImGui::Checkbox("Coastlines", &s.layers.coastlines);
    ImGui::Checkbox("Place names", &s.layers.labels);
    ImGui::Checkbox("Ukraine highlight", &s.layers.highlight);
    ImGui::Checkbox("Data credits", &s.showAttribution);
    ImGui::SliderFloat("Exaggeration", &s.exaggeration, 0.0f, 20.0f, "%.1fx");
    if (ImGui::Button("Home view (H)")) s.homeRequested = true;
    ImGui::Separator();
    ImGui::Text("Target %.3fN %.3fE  range %.0f km", s.pose.lat, s.pose.lon, s.pose.range / 1000.0);
    ImGui::Text("Heading %.0f  tilt %.0f", s.pose.heading, s.pose.tilt);
    if (ImGui::Button("Copy --camera")) ImGui::SetClipboardText(("--camera " + geo::formatCamera(s.pose)).c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("For `bulwark render`: renders this view as a still");
    ImGui::Separator();
    ImGui::TextWrapped("GPU: %s", s.deviceName.c_str());
    ImGui::Text("Frame %.1f ms (%.0f fps)", s.frameMs, s.frameMs > 0 ? 1000.0 / s.frameMs : 0.0);
    ImGui::Text("%u tiles, %llu triangles, %zu labels%s", s.stats.tiles,
                static_cast<unsigned long long>(s.stats.triangles), s.stats.labels,
                s.stats.complete ? "" : ", loading");
    ImGui::Separator();
    ImGui::TextWrapped("Drag: pan. Wheel: zoom to cursor. Right/middle drag: turn and tilt. "
                       "Arrows: move. PgUp/PgDn: zoom. H: home. F11: fullscreen. Ctrl+Q: quit.");
    if (!s.attribution.empty()) ImGui::TextWrapped("%s", s.attribution.c_str());
    ImGui::End();
}

} // namespace app
