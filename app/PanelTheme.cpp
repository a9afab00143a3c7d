#include "app/PanelTheme.h"

#include <imgui.h>

namespace app {

void applyPanelTheme(renderer::Theme theme) {
    ImGuiStyle& style = ImGui::GetStyle();
    ImGui::StyleColorsDark(&style);
    style.WindowBorderSize = 1.0f;
    style.FrameBorderSize = 0.0f;
    if (theme != renderer::Theme::HighContrast) return;
    style.WindowBorderSize = 2.0f;
    style.FrameBorderSize = 1.0f;
    style.PopupBorderSize = 2.0f;
    const ImVec4 black{0, 0, 0, 1}, white{1, 1, 1, 1}, yellow{1.0f, 0.86f, 0.0f, 1}, olive{0.36f, 0.31f, 0.0f, 1},
        grey{0.75f, 0.75f, 0.75f, 1};
    ImVec4* c = style.Colors;
    for (ImGuiCol i : {ImGuiCol_WindowBg, ImGuiCol_ChildBg, ImGuiCol_PopupBg, ImGuiCol_FrameBg, ImGuiCol_TitleBg,
                       ImGuiCol_TitleBgCollapsed, ImGuiCol_MenuBarBg, ImGuiCol_ScrollbarBg, ImGuiCol_Button,
                       ImGuiCol_Header, ImGuiCol_Tab, ImGuiCol_TabUnfocused})
        c[i] = black;
    c[ImGuiCol_Text] = white;
    c[ImGuiCol_TextDisabled] = grey;
    for (ImGuiCol i : {ImGuiCol_Border, ImGuiCol_Separator, ImGuiCol_ScrollbarGrab, ImGuiCol_ResizeGrip}) c[i] = white;
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    // Yellow marks what is set or grabbed; backgrounds under text stay dark (olive) so white reads on them.
    for (ImGuiCol i : {ImGuiCol_CheckMark, ImGuiCol_SliderGrab, ImGuiCol_SliderGrabActive, ImGuiCol_SeparatorActive,
                       ImGuiCol_ResizeGripActive, ImGuiCol_ScrollbarGrabActive, ImGuiCol_PlotLines,
                       ImGuiCol_PlotHistogram, ImGuiCol_NavHighlight, ImGuiCol_DragDropTarget})
        c[i] = yellow;
    for (ImGuiCol i : {ImGuiCol_FrameBgHovered, ImGuiCol_FrameBgActive, ImGuiCol_ButtonHovered, ImGuiCol_ButtonActive,
                       ImGuiCol_HeaderHovered, ImGuiCol_HeaderActive, ImGuiCol_TitleBgActive, ImGuiCol_TabActive,
                       ImGuiCol_TabHovered, ImGuiCol_TextSelectedBg, ImGuiCol_SeparatorHovered,
                       ImGuiCol_ResizeGripHovered, ImGuiCol_ScrollbarGrabHovered})
        c[i] = olive;
}

} // namespace app
