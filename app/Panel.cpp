#include "app/Panel.h"

#include "renderer/SceneLayers.h"

#include <cstdint>
#include <filesystem>
#include <imgui.h>
#include <map>
#include <set>

namespace app {

std::string personnelByLead(const geo::ScenarioSet& set, size_t index) {
    struct Sum {
        std::int64_t count = 0;
        bool saturated = false;
    };
    std::map<std::string, Sum> byNation;
    for (const geo::ScenarioFeature& f : set.features) {
        if (!f.inScenario(index) || !f.personnel || f.nations.empty()) continue;
        Sum& sum = byNation[f.lead()];
        if (sum.saturated) continue;
        if (__builtin_add_overflow(sum.count, *f.personnel, &sum.count)) {
            sum.count = *f.personnel > 0 ? INT64_MAX : INT64_MIN;
            sum.saturated = true;
        }
    }
    std::string text;
    for (const auto& [nation, sum] : byNation)
        text += (text.empty() ? "" : ", ") + nation + " " +
                (sum.saturated ? (sum.count > 0 ? "over " : "under ") : "") + std::to_string(sum.count);
    return text;
}

namespace {

//! The chosen scenario's facts: features by kind, personnel by nation, nations, and the status mix.
void drawScenarioSummary(const geo::ScenarioSet& set, size_t index) {
    std::map<std::string, int> byKind;
    std::set<std::string> nations;
    int statuses[3] = {0, 0, 0};
    for (const geo::ScenarioFeature& f : set.features) {
        if (!f.inScenario(index)) continue;
        byKind[geo::kindName(f.kind)]++;
        statuses[int(f.status)]++;
        for (const std::string& n : f.nations) nations.insert(n);
    }
    ImGui::TextWrapped("%s", set.scenarios[index].description.c_str());
    ImGui::Text("%zu nations; status: %d announced, %d reported, %d illustrative", nations.size(), statuses[0],
                statuses[1], statuses[2]);
    std::string kinds;
    for (const auto& [kind, count] : byKind) kinds += (kinds.empty() ? "" : ", ") + std::to_string(count) + " " + kind;
    ImGui::TextWrapped("Features: %s", kinds.c_str());
    if (const std::string people = personnelByLead(set, index); !people.empty())
        ImGui::TextWrapped("Personnel by lead nation: %s", people.c_str());
    ImGui::TextColored(ImVec4(1.0f, 0.8f, 0.3f, 1.0f), "Illustrative planning, not fact.");
    ImGui::TextWrapped("Solid: announced or reported. Hatched: illustrative placement.");
}

//! Presenting, fullscreen and the display scale.
void drawDisplaySection(PanelState& s, ViewerCommands& commands) {
    ImGui::TextUnformatted("Briefing");
    if (s.presentable || s.presenting) {
        if (ImGui::Button(s.presenting ? "Stop presenting (P)" : "Present the tour (P)"))
            commands.push_back(command::TogglePresenter{});
        if (s.presenting)
            ImGui::TextWrapped("PgDn/Right/Space/Enter: next step. PgUp/Left/Backspace: back. Home/End: first/last. "
                               "B or .: black screen. W: white screen. Esc: stop presenting (F5 starts again).");
    } else {
        ImGui::TextDisabled("Presenter mode: open a tour with --tour, or run `bulwark present`.");
    }
    if (!s.presenterError.empty()) ImGui::TextColored(ImVec4(1.0f, 0.4f, 0.3f, 1.0f), "%s", s.presenterError.c_str());
    if (ImGui::Button("Fullscreen (F11)")) commands.push_back(command::ToggleFullscreen{});
    ImGui::SameLine();
    ImGui::TextDisabled("Tab hides this panel");
    if (s.uiScaleDraft <= 0) s.uiScaleDraft = s.uiScale;
    ImGui::SliderFloat("Size", &s.uiScaleDraft, 0.5f, 4.0f, "%.2fx");
    if (ImGui::IsItemDeactivatedAfterEdit()) // the font is baked again once, on release
        commands.push_back(command::SetUiScale{s.uiScaleDraft});
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Your size for panel, labels, lines and markers, on top of the monitor's own scale");
    ImGui::Text("Drawn at %.2fx the 1080p size", s.displayScale);
}

} // namespace

void drawPanel(PanelState& s, ViewerCommands& commands) {
    // Sized in ems, so it follows the display scale; never taller than the screen (it scrolls). On the
    // right, so the scene's title (top left) and legend (bottom left) stay in sight.
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowPos(ImVec2(ImGui::GetIO().DisplaySize.x - 0.8f * em, 0.8f * em), ImGuiCond_Always,
                            ImVec2(1.0f, 0.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(22 * em, 0), ImVec2(22 * em, ImGui::GetIO().DisplaySize.y - 1.6f * em));
    ImGui::SetNextWindowSize(ImVec2(22 * em, 0), ImGuiCond_Always);
    ImGui::Begin("Bulwark");
    ImGui::PushItemWidth(-7.5f * em); // room for the longest slider label
    if (s.scenarios && !s.scenarios->scenarios.empty()) {
        ImGui::TextUnformatted("Scenario (1-9, Up/Down)");
        for (size_t i = 0; i < s.scenarios->scenarios.size(); ++i) {
            const std::string label = std::to_string(i + 1) + "  " + s.scenarios->scenarios[i].name;
            if (ImGui::Selectable(label.c_str(), int(i) == s.currentScenario))
                commands.push_back(command::SelectScenario{int(i)});
        }
        bool compare = s.compareScenario >= 0;
        if (ImGui::Checkbox("Compare side by side", &compare))
            s.compareScenario = compare ? int(s.scenarios->scenarios.size()) - 1 : -1;
        if (compare) {
            ImGui::SameLine();
            const std::string current = s.scenarios->scenarios[size_t(s.compareScenario)].name;
            ImGui::SetNextItemWidth(10 * em);
            if (ImGui::BeginCombo("##compare", current.c_str())) {
                for (size_t i = 0; i < s.scenarios->scenarios.size(); ++i)
                    if (ImGui::Selectable(s.scenarios->scenarios[i].name.c_str(), int(i) == s.compareScenario))
                        s.compareScenario = int(i);
                ImGui::EndCombo();
            }
        }
        drawScenarioSummary(*s.scenarios, size_t(s.currentScenario));
        if (!s.selected.empty()) {
            ImGui::Text("Range rings 100/200/300 km: %s", s.selected.c_str());
            ImGui::SameLine();
            if (ImGui::SmallButton("Clear")) commands.push_back(command::ClearSelection{});
        } else {
            ImGui::TextDisabled("Click a site for range rings.");
        }
        if (ImGui::Button(s.editing ? "Stop editing (E)" : "Edit (E)")) commands.push_back(command::ToggleEditMode{});
        ImGui::SameLine();
        if (s.ruleWarnings > 0)
            ImGui::TextColored(ImVec4(1.0f, 0.4f, 0.3f, 1.0f), "%zu rule warning(s)%s", s.ruleWarnings,
                               s.unsaved ? ", unsaved edits" : "");
        else
            ImGui::TextDisabled("Rules kept%s", s.unsaved ? ", unsaved edits" : "");
        if (!s.reloadError.empty()) {
            ImGui::TextColored(ImVec4(1.0f, 0.4f, 0.3f, 1.0f), "Edit not loaded (the last good data stays):");
            ImGui::TextWrapped("%s", s.reloadError.c_str());
        }
        ImGui::Separator();
    }
    ImGui::TextUnformatted("Layers");
    for (const renderer::LayerEntry& layer : renderer::sceneLayers()) {
        const std::string name(layer.name), title(layer.title);
        bool shown = !s.hidden.contains(name);
        if (ImGui::Checkbox(title.c_str(), &shown)) {
            if (shown)
                s.hidden.erase(name);
            else
                s.hidden.insert(name);
        }
        if (layer.name == "imagery")
            for (size_t i = 0; i < s.imageryNames.size() && i < s.imageryOpacity.size(); ++i) {
                const std::string label = std::filesystem::path(s.imageryNames[i]).filename().string() + "##imagery" +
                                          std::to_string(i);
                ImGui::SliderFloat(label.c_str(), &s.imageryOpacity[i], 0.0f, 1.0f, "opacity %.2f");
            }
        for (const auto& [layerName, problem] : s.stats.problems) // one line: a tile it cannot read, say
            if (layerName == name) {
                ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.4f, 0.3f, 1.0f));
                ImGui::TextWrapped("%s", problem.c_str());
                ImGui::PopStyleColor();
            }
    }
    ImGui::Checkbox("Title", &s.showTitle);
    ImGui::SameLine();
    ImGui::Checkbox("Legend", &s.showLegend);
    ImGui::SameLine();
    ImGui::Checkbox("Data credits", &s.showAttribution);
    ImGui::Checkbox("Military symbols (APP-6)", &s.symbols);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Off: coloured prisms by lead nation (--markers prisms)");
    bool highContrast = s.style.theme == renderer::Theme::HighContrast;
    if (ImGui::Checkbox("High contrast", &highContrast)) {
        renderer::SceneStyle style = s.style;
        style.theme = highContrast ? renderer::Theme::HighContrast : renderer::Theme::Standard;
        commands.push_back(command::SetStyle{style});
    }
    ImGui::SameLine();
    bool colourBlind = s.style.palette == renderer::Palette::ColourBlind;
    if (ImGui::Checkbox("Colour-blind palette", &colourBlind)) {
        renderer::SceneStyle style = s.style;
        style.palette = colourBlind ? renderer::Palette::ColourBlind : renderer::Palette::Standard;
        commands.push_back(command::SetStyle{style});
    }
    ImGui::SliderFloat("Exaggeration", &s.exaggeration, 0.0f, 20.0f, "%.1fx");
    if (ImGui::Button("Home view (H)")) commands.push_back(command::Home{});
    ImGui::Separator();
    ImGui::Text("Target %.3fN %.3fE  range %.0f km", s.pose.lat, s.pose.lon, s.pose.range / 1000.0);
    ImGui::Text("Heading %.0f  tilt %.0f", s.pose.heading, s.pose.tilt);
    if (!s.cursor.empty()) ImGui::TextUnformatted(s.cursor.c_str());
    if (ImGui::Button(s.measuring ? "Stop measuring (M)" : "Measure (M)")) commands.push_back(command::ToggleMeasure{});
    ImGui::SameLine();
    if (s.measuring)
        ImGui::TextWrapped("%s", s.measure.empty() ? "Click two points on the ground." : s.measure.c_str());
    if (ImGui::Button("Copy --camera")) ImGui::SetClipboardText(("--camera " + geo::formatCamera(s.pose)).c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("For `bulwark render`: renders this view as a still");
    ImGui::Separator();
    drawDisplaySection(s, commands);
    ImGui::Separator();
    ImGui::TextWrapped("GPU: %s", s.deviceName.c_str());
    ImGui::Text("Frame %.1f ms (%.0f fps)", s.frameMs, s.frameMs > 0 ? 1000.0 / s.frameMs : 0.0);
    ImGui::Text("%u tiles, %llu triangles, %zu labels%s", s.stats.tiles,
                static_cast<unsigned long long>(s.stats.triangles), s.stats.labels,
                s.stats.complete ? "" : ", loading");
    const renderer::TerrainStreaming& t = s.stats.streaming;
    ImGui::Text("terrain: %zu tiles resident, %zu loading, %.0f of %.0f MB", t.resident, t.loading,
                double(t.cacheBytes) / (1 << 20), double(t.cacheBudget) / (1 << 20));
    if (!t.lastError.empty()) ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.35f, 1.0f), "%s", t.lastError.c_str());
    ImGui::Separator();
    ImGui::TextWrapped("Drag: pan. Wheel: zoom to cursor. Right/middle drag: turn and tilt. "
                       "WASD: move. Left/Right: turn. PgUp/PgDn: zoom. H: home. F11: fullscreen. Tab: hide this "
                       "panel. P: presenter mode. E: edit mode. M: measure. Ctrl+Z/Ctrl+Y: undo/redo. Ctrl+S: save. "
                       "Ctrl+Q: quit.");
    if (!s.attribution.empty()) ImGui::TextWrapped("%s", s.attribution.c_str());
    ImGui::PopItemWidth();
    ImGui::End();
    if (!s.hovered.empty()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32.0f);
        ImGui::TextUnformatted(s.hovered.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

} // namespace app
