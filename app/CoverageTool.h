#pragma once
// Coverage of the selected site in the viewer: the panel's Coverage section (antenna height, target height
// above the ground or sea, range, on/off) and the sweep behind it. The sweep runs on a geo::CoverageWorker,
// off the frame thread, coarse to fine; each level finished is shown as it arrives, and a site dragged on
// drops the sweep under way and starts again from where it stands now. The frame never waits for a sweep.
//
//     CoverageTool coverage(scene.terrain);
//     coverage.update(selectedSite());                        // every frame: asks again only when something changed
//     sceneRenderer.setCoverage(coverage.latest().get());     // uploads only a new level
//     coverage.draw();                                        // in the Edit window (ImGui)
#include "geo/CoverageWorker.h"

#include <cstdint>
#include <glm/vec2.hpp>
#include <memory>
#include <optional>
#include <string>

namespace app {

//! What the panel sets. The limits are those of `bulwark coverage` (geo::checkCoverageValues).
struct CoverageSettings {
    bool on = false;
    double antennaAglM = 30;
    double targetM = 100;
    bool targetAboveSea = false; //!< targetM above sea level (an aircraft's altitude), else above the ground
    double rangeKm = 150;
};

//! The site whose coverage is shown.
struct CoverageSite {
    std::string id;
    glm::dvec2 lonLat{0};
};

class CoverageTool {
public:
    //! `terrain` outlives the tool; the worker thread starts the first time coverage is switched on.
    explicit CoverageTool(const geo::Terrain& terrain);
    ~CoverageTool();

    //! New settings, if geo::checkCoverageValues() takes them: else they are refused, the old ones stay,
    //! and the reason is returned (and shown in the panel).
    std::optional<std::string> set(const CoverageSettings& settings);
    const CoverageSettings& settings() const { return _settings; }

    //! Once a frame, with the site selected (none: nothing shown). Starts a sweep when coverage is on and the
    //! site, where it stands or the settings changed since the last; never waits for one.
    void update(const std::optional<CoverageSite>& site);
    //! The newest level finished for the site and settings now, or null (off, no site, refused, not yet).
    std::shared_ptr<const geo::CoverageWorker::Answer> latest() const;
    //! Waits for the finest level of the last sweep started (tests, stills); false after `timeout`.
    bool waitForFinest(std::chrono::milliseconds timeout) const;
    //! Sweeps started so far (each cancels the one before).
    std::uint64_t sweeps() const { return _sweeps; }
    //! Why the last settings were refused, else why the last sweep asked for was not started (a site outside
    //! the DEM); empty: neither.
    const std::string& refusal() const { return _settingsRefusal.empty() ? _siteRefusal : _settingsRefusal; }
    //! "Seen: 63% within 150 km (level 3 of 3)", or what coverage waits for.
    std::string status() const;

    //! The Coverage section of the Edit window (ImGui, between NewFrame and Render).
    void draw();

private:
    const geo::Terrain& _terrain;
    std::unique_ptr<geo::CoverageWorker> _worker;
    CoverageSettings _settings;
    CoverageSettings _draft;                    //!< the panel's fields while they are typed in
    std::optional<geo::CoverageRequest> _asked; //!< swept (or refused) last; none while nothing is shown
    std::string _siteId;                        //!< the site _asked is for
    std::uint64_t _sweeps = 0;
    std::string _settingsRefusal, _siteRefusal;
    bool _siteSelected = false;
};

} // namespace app
