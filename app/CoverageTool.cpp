#include "app/CoverageTool.h"

#include <cstdio>
#include <imgui.h>

namespace app {

namespace {

const ImVec4 kRefusedColour(1.0f, 0.4f, 0.3f, 1.0f);

geo::CoverageRequest requestFor(const CoverageSettings& s, glm::dvec2 site) {
    geo::CoverageRequest r;
    r.site = site;
    r.antennaAglM = s.antennaAglM;
    r.targetM = s.targetM;
    r.targetAboveSea = s.targetAboveSea;
    r.rangeM = s.rangeKm * 1000;
    return r;
}

bool sameRequest(const geo::CoverageRequest& a, const geo::CoverageRequest& b) {
    return a.site == b.site && a.antennaAglM == b.antennaAglM && a.targetM == b.targetM &&
           a.targetAboveSea == b.targetAboveSea && a.rangeM == b.rangeM && a.refraction == b.refraction;
}

} // namespace

CoverageTool::CoverageTool(const geo::Terrain& terrain) : _terrain(terrain), _draft(_settings) {}

CoverageTool::~CoverageTool() = default;

std::optional<std::string> CoverageTool::set(const CoverageSettings& settings) {
    if (const auto refused = geo::checkCoverageValues(requestFor(settings, {0, 0}))) {
        _settingsRefusal = refused->message();
        return _settingsRefusal;
    }
    _settingsRefusal.clear();
    _settings = settings;
    return std::nullopt;
}

void CoverageTool::update(const std::optional<CoverageSite>& site) {
    _siteSelected = site.has_value();
    if (!_settings.on || !site) {
        if (_asked && _worker) _worker->clear();
        _asked.reset();
        _siteRefusal.clear();
        return;
    }
    const geo::CoverageRequest request = requestFor(_settings, site->lonLat);
    if (_asked && sameRequest(*_asked, request) && _siteId == site->id) return;
    _asked = request;
    _siteId = site->id;
    if (!_worker) _worker = std::make_unique<geo::CoverageWorker>(_terrain);
    if (const auto refused = _worker->request(request)) { // checkCoverage names the option of `bulwark coverage`
        _worker->clear();
        _siteRefusal = site->id + ": " + refused->what;
        return;
    }
    _siteRefusal.clear();
    ++_sweeps;
}

std::shared_ptr<const geo::CoverageWorker::Answer> CoverageTool::latest() const {
    if (!_worker || !_asked || !_siteRefusal.empty()) return nullptr;
    return _worker->latest();
}

bool CoverageTool::waitForFinest(std::chrono::milliseconds timeout) const {
    return _worker && _worker->waitForFinest(timeout);
}

std::string CoverageTool::status() const {
    if (!_settings.on) return "Off.";
    if (!_siteSelected) return "Select a site to see what it sees.";
    if (!_siteRefusal.empty()) return "Not swept: " + _siteRefusal;
    const auto answer = latest();
    if (!answer) return "Sweeping...";
    char text[160];
    std::snprintf(text, sizeof text, "Seen: %.0f%% within %.0f km (level %zu of %zu: %d rays, a sample every %.1f km)",
                  100 * answer->fan.coveredFraction(), answer->fan.request.rangeM / 1000, answer->level + 1,
                  answer->levels, answer->fan.detail.rays, answer->fan.detail.stepM / 1000);
    return text;
}

void CoverageTool::draw() {
    const float em = ImGui::GetFontSize();
    // Appended to the Edit window (ImGui adds to a window begun again in the same frame).
    ImGui::Begin("Edit");
    if (!ImGui::CollapsingHeader("Coverage", ImGuiTreeNodeFlags_DefaultOpen)) {
        ImGui::End();
        return;
    }
    if (!ImGui::IsAnyItemActive()) _draft = _settings; // a refused value goes back to the one in use
    CoverageSettings changed = _settings;
    bool apply = false;
    if (ImGui::Checkbox("Show what the selected site sees (C)", &changed.on)) apply = true;
    ImGui::PushItemWidth(-7.5f * em); // room for the field names
    ImGui::InputDouble("Antenna, m AGL", &_draft.antennaAglM, 0, 0, "%.0f");
    if (ImGui::IsItemDeactivatedAfterEdit()) changed.antennaAglM = _draft.antennaAglM, apply = true;
    ImGui::InputDouble(_draft.targetAboveSea ? "Target, m AMSL###target" : "Target, m AGL###target", &_draft.targetM, 0,
                       0, "%.0f");
    if (ImGui::IsItemDeactivatedAfterEdit()) changed.targetM = _draft.targetM, apply = true;
    if (ImGui::RadioButton("above ground", !changed.targetAboveSea)) changed.targetAboveSea = false, apply = true;
    ImGui::SameLine();
    if (ImGui::RadioButton("above sea level", changed.targetAboveSea)) changed.targetAboveSea = true, apply = true;
    ImGui::InputDouble("Range, km", &_draft.rangeKm, 0, 0, "%.0f");
    if (ImGui::IsItemDeactivatedAfterEdit()) changed.rangeKm = _draft.rangeKm, apply = true;
    ImGui::PopItemWidth();
    if (apply) set(changed);
    if (!_settingsRefusal.empty()) ImGui::TextColored(kRefusedColour, "Refused: %s", _settingsRefusal.c_str());
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(status().c_str());
    ImGui::PopTextWrapPos();
    ImGui::End();
}

} // namespace app
