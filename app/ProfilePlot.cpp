#include "app/ProfilePlot.h"

#include <algorithm>
#include <cstdio>
#include <imgui.h>

namespace app {

std::vector<float> profileValues(const geo::TerrainProfile& profile, int count) {
    const std::vector<geo::ProfileSample>& s = profile.samples;
    if (s.empty() || count < 2) return {};
    std::vector<float> values(static_cast<size_t>(count));
    size_t j = 0; // the sample at or before the distance
    for (int i = 0; i < count; ++i) {
        const double d = profile.lengthM * i / (count - 1);
        while (j + 1 < s.size() && s[j + 1].distanceM <= d) ++j;
        if (j + 1 >= s.size() || s[j + 1].distanceM <= s[j].distanceM) {
            values[size_t(i)] = float(s[j].heightM);
            continue;
        }
        const double t = (d - s[j].distanceM) / (s[j + 1].distanceM - s[j].distanceM);
        values[size_t(i)] = float(s[j].heightM + t * (s[j + 1].heightM - s[j].heightM));
    }
    return values;
}

std::string highestText(const geo::TerrainProfile& profile) {
    if (profile.samples.empty()) return {};
    const geo::ProfileSample& top = profile.samples[profile.highest];
    char text[160];
    std::snprintf(text, sizeof text, "Highest %.0f m at %.2f km (%.5f E, %.5f N)", top.heightM, top.distanceM / 1000.0,
                  top.lonLat.x, top.lonLat.y);
    return text;
}

void drawProfilePlot(const geo::TerrainProfile& profile, const std::vector<float>& values, float width) {
    if (values.empty() || profile.samples.empty()) return;
    const float em = ImGui::GetFontSize();
    // The scale is fixed here, not left to PlotLines, so the highest point can be placed on it.
    float low = *std::min_element(values.begin(), values.end());
    const geo::ProfileSample& top = profile.samples[profile.highest];
    float high = std::max(float(top.heightM), *std::max_element(values.begin(), values.end()));
    const float margin = std::max(1.0f, 0.08f * (high - low));
    low -= margin, high += margin;
    char overlay[64];
    std::snprintf(overlay, sizeof overlay, "%.0f .. %.0f m", low + margin, high - margin);
    ImGui::PlotLines("##profile", values.data(), int(values.size()), 0, overlay, low, high, ImVec2(width, 7 * em));
    const ImVec2 pad = ImGui::GetStyle().FramePadding;
    const ImVec2 min(ImGui::GetItemRectMin().x + pad.x, ImGui::GetItemRectMin().y + pad.y);
    const ImVec2 max(ImGui::GetItemRectMax().x - pad.x, ImGui::GetItemRectMax().y - pad.y);
    const float x = min.x + float(profile.lengthM > 0 ? top.distanceM / profile.lengthM : 0) * (max.x - min.x);
    const float y = min.y + (1 - (float(top.heightM) - low) / (high - low)) * (max.y - min.y);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 mark = IM_COL32(255, 80, 60, 255);
    draw->AddTriangleFilled(ImVec2(x, y - 0.1f * em), ImVec2(x - 0.35f * em, y - 0.7f * em),
                            ImVec2(x + 0.35f * em, y - 0.7f * em), mark);
    ImGui::Text("0 km%*s%.1f km", 8, "", profile.lengthM / 1000.0);
    ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.35f, 1.0f), "%s", highestText(profile).c_str());
}

} // namespace app
