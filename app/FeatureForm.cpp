#include "app/FeatureForm.h"

#include "geo/SymbolRules.h"

#include <charconv>
#include <cmath>
#include <imgui.h>
#include <imgui_stdlib.h>

namespace app {

std::string metresText(std::optional<double> metres) {
    if (!metres) return {};
    char text[32];
    std::snprintf(text, sizeof text, "%g", *metres);
    return text;
}

std::optional<std::string> readMetres(const std::string& text, const char* what, std::optional<double>& out) {
    const size_t first = text.find_first_not_of(' '), last = text.find_last_not_of(' ');
    if (first == std::string::npos) {
        out.reset();
        return std::nullopt;
    }
    double value = 0;
    const char *begin = text.data() + first, *end = text.data() + last + 1;
    const auto [ptr, ec] = std::from_chars(begin, end, value);
    if (ec != std::errc() || ptr != end || !std::isfinite(value) || value < 0)
        return std::string("Refused: the ") + what + " '" + text + "' is not a height in metres, 0 or more";
    out = value;
    return std::nullopt;
}

namespace {

//! A one-line text field with its tooltip; true when changed and left.
bool textField(const char* label, std::string& text, const char* tooltip) {
    ImGui::InputText(label, &text);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tooltip);
    return ImGui::IsItemDeactivatedAfterEdit();
}

} // namespace

bool drawMoreFields(geo::ScenarioFeature& draft, std::string& floorText, std::string& ceilingText,
                    std::string& problem) {
    bool commit = textField("Why not later", draft.whyNotLater,
                            "Why the feature is not in the rung after one it is in (the superset rule)");
    static const std::string designationLimit = std::to_string(geo::kMaxDesignation) + " characters at most",
                             commentsLimit = std::to_string(geo::kMaxComments) + " characters at most";
    if (ImGui::TreeNode("Symbol amplifiers")) {
        const auto field = [&](const char* label, std::string& text, const char* name, const std::string& limit) {
            const std::string tooltip = std::string(name) + ": " + limit;
            commit |= textField(label, text, tooltip.c_str());
        };
        field("Designation", draft.amplifiers.uniqueDesignation, "unique_designation (field T)", designationLimit);
        field("Higher formation", draft.amplifiers.higherFormation, "higher_formation (field M)", designationLimit);
        field("Staff comments", draft.amplifiers.staffComments, "staff_comments (field G)", commentsLimit);
        field("More info", draft.amplifiers.additionalInformation, "additional_information (field H)", commentsLimit);
        ImGui::TreePop();
    }
    if (draft.kind != geo::FeatureKind::AirZone) return commit;
    const auto height = [&](const char* label, const char* what, std::string& text, std::optional<double>& value) {
        ImGui::InputText(label, &text, ImGuiInputTextFlags_CharsDecimal);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Metres above sea level; the floor below the ceiling");
        if (!ImGui::IsItemDeactivatedAfterEdit()) return;
        if (std::optional<std::string> why = readMetres(text, what, value))
            problem = *why;
        else
            commit = true;
    };
    height("Floor (m)", "floor", floorText, draft.floorM);
    height("Ceiling (m)", "ceiling", ceilingText, draft.ceilingM);
    return commit;
}

} // namespace app
