#include "app/Viewer.h"

#include "app/CameraController.h"
#include "app/Commands.h"
#include "app/CoverageTool.h"
#include "app/EditMode.h"
#include "app/FeaturePicker.h"
#include "app/FileWatch.h"
#include "app/MeasureTools.h"
#include "app/Monitors.h"
#include "app/MouseCursor.h"
#include "app/Panel.h"
#include "app/PanelRenderer.h"
#include "app/Presenter.h"
#include "app/RuleWarnings.h"
#include "app/ScenarioEdits.h"
#include "app/ScenarioSwitch.h"
#include "app/TourEditor.h"
#include "app/UsageError.h"
#include "app/ViewerCommand.h"
#include "app/ViewerInput.h"
#include "app/ViewerSettings.h"
#include "app/ViewerWindow.h"
#include "geo/CursorReadout.h"
#include "geo/LineIndex.h"
#include "geo/Measure.h"
#include "geo/Picking.h"
#include "renderer/DisplayScale.h"
#include "renderer/SceneRenderer.h"
#include "renderer/SymbolLayer.h"
#include "renderer/TerrainLayer.h"
#include "renderer/VulkanError.h"
#include "renderer/WindowTarget.h"

#define GLFW_INCLUDE_VULKAN
#include <GLFW/glfw3.h>
#include <chrono>
#include <cmath>
#include <imgui.h>
#include <iostream>
#include <stdexcept>
#include <utility>

namespace app {

namespace {

//! Seconds the mouse rests before its cursor hides.
constexpr double kCursorRestSeconds = 2.5;

//! The viewer between frames: the camera, the scenario shown, the selection, presenter mode, the tour
//! timeline, and the scenarios as last loaded. A frame is input → state → scene view: keys and the
//! panel become commands (apply()), the mouse moves the camera and picks (mouse()), a saved scenario
//! file is reloaded (reload()), and sceneView() says what the renderer draws.
class Viewer {
public:
    //! `scenarios`: the ones the scene renderer draws, which hot reload replaces.
    Viewer(const LoadedScene& scene, const ViewerOptions& options, geo::ScenarioSet& scenarios, ViewerWindow& window,
           renderer::SceneRenderer& sceneRenderer, PanelRenderer& panelRenderer, std::string deviceName, float uiScale);

    //! The command a key press stands for, if any. Presenter mode takes its clicker keys first.
    std::optional<ViewerCommand> keyCommand(const KeyPress& press, double seconds);
    //! Carries out one command; true when it changed the window's size (the frame starts again).
    bool apply(const ViewerCommand& command, double seconds);
    //! The mouse and held keys: camera, picking, selection.
    void mouse(const InputFrame& in, glm::dvec2 framebuffer, double dt, double seconds);
    //! Hot reload: a saved scenario file shows within a second; a broken one keeps the last good data on
    //! screen and says what is wrong in the panel.
    void reload(double seconds);
    //! "Symbol: Friend · Infantry · Battalion · Planned (SIDC)", or why it is the unknown symbol.
    std::string symbolWords(const geo::ScenarioFeature& feature) const;
    //! Presenter and tour playback, and the camera's easing.
    void update(double dt, double seconds);
    //! The panel, the tour timeline and presenter overlay (ImGui, between NewFrame and Render); their
    //! commands are appended to `commands`, for the next frame.
    void drawUi(double dt, float displayScale, double seconds, ViewerCommands& commands);
    renderer::SceneView sceneView(float displayScale, double seconds) const;

    //! Closing asks first when the tour or the scenarios have unsaved changes: true once the window may close.
    bool mayClose(bool closeRequested);
    //! After the commands of a frame: an edit redraws the scenarios and checks the rules again.
    void afterEdits();
    void setStats(const renderer::FrameStats& stats) { _panel.stats = stats; }
    const geo::CameraPose& pose() const { return _camera.pose(); }
    float uiScale() const { return _panel.uiScale; }

private:
    void togglePresenter();
    //! The selected site's coverage: a new sweep when it moved, the newest level to the scene.
    void showCoverage();
    std::optional<CoverageSite> coverageSite() const;
    //! A click at `cursor` on a symbols' cluster drawn in half `half` of the last frame: flies to where it splits.
    bool flyIntoCluster(glm::dvec2 cursor, uint32_t half, const renderer::View& view);
    void applyEdit(const ViewerCommand& c);
    void replaceScenarios(geo::ScenarioSet loaded);
    void drawQuestions();
    void logWarnings();
    void indexContactLine();
    EditScene editScene(const renderer::View& view, glm::dvec2 origin, glm::dvec2 pixelsPerPoint, int scenario) const;
    std::string titleOf(int index) const;

    const LoadedScene& _scene;
    const ViewerOptions& _options;
    ViewerWindow& _window;
    renderer::SceneRenderer& _sceneRenderer;
    PanelRenderer& _panelRenderer;
    //! The scenarios as last loaded without error: hot reload replaces them when a file is saved.
    geo::ScenarioSet& _scenarios;
    FileWatch _scenarioFiles;
    CameraController _camera;
    PanelState _panel;
    ScenarioSwitch _scenarioSwitch;
    std::unique_ptr<Presenter> _presenter;
    std::unique_ptr<TourEditor> _tourEditor;
    std::optional<Presenter::Shown> _presenterShown;
    std::optional<TourEditor::Shown> _tourShown;
    bool _panelShown = true;
    bool _closing = false;
    // The mouse.
    double _lastMouseMove = 0;
    glm::dvec2 _lastMouse{-1, -1};
    bool _panning = false, _turning = false;
    glm::dvec2 _press{0};
    const geo::ScenarioFeature* _pressedOn = nullptr;
    const geo::ScenarioFeature* _hovered = nullptr;
    std::string _lastPickKey;
    bool _cursorResting = false;
    // Editing.
    EditMode _edit;
    ScenarioEdits _edits{_scenarios, _scene.inputs.highlight};
    std::uint64_t _shownGeneration = 0;
    std::vector<RuleWarning> _warnings;
    std::string _refusal, _saveStatus;
    std::string _loggedWarnings;
    bool _loggedDirty = false;
    bool _askCloseEdits = false, _closeEditsAnswered = false, _closeEditsCancelled = false;
    std::optional<geo::ScenarioSet> _theirs; //!< loaded from disk while edits were unsaved: keep mine or take theirs?
    CoverageTool _coverage{_scene.terrain};
    std::uint64_t _loggedCoverage = 0; //!< the sweep whose finest level was logged
    // The cursor readout and measuring.
    std::optional<geo::LineIndex> _contact; //!< the line of contact of the set shown
    std::string _readoutKey;
    MeasureTools _tools{_scene.terrain};
    renderer::View _editView;          //!< the view edit mode draws over (the left or only half)
    glm::dvec2 _pixelsPerPoint{1};
};

Viewer::Viewer(const LoadedScene& scene, const ViewerOptions& options, geo::ScenarioSet& scenarios,
               ViewerWindow& window, renderer::SceneRenderer& sceneRenderer, PanelRenderer& panelRenderer,
               std::string deviceName, float uiScale)
    : _scene(scene), _options(options), _window(window), _sceneRenderer(sceneRenderer), _panelRenderer(panelRenderer),
      _scenarios(scenarios), _scenarioFiles({_scenarios.manifest, _scenarios.featuresFile}),
      _camera(scene.terrain, options.start),
      _scenarioSwitch(int(scene.scenarios.scenarios.size()), options.startScenario) {
    _panel.exaggeration = static_cast<float>(options.exaggeration);
    _panel.hidden = options.hidden;
    _panel.deviceName = std::move(deviceName);
    _panel.attribution = scene.inputs.attribution;
    for (const renderer::ImageryInput& imagery : scene.inputs.imagery) {
        _panel.imageryNames.push_back(imagery.source->path());
        _panel.imageryOpacity.push_back(imagery.opacity);
    }
    _panel.showAttribution = options.attribution;
    _panel.scenarios = &_scenarios;
    _panel.uiScale = uiScale;
    _panel.style = scene.inputs.style;
    _panel.showTitle = options.showTitle;
    _panel.showLegend = options.legend;
    _panel.symbols = options.symbols;
    _panelRenderer.setTheme(_panel.style.theme);
    _panel.presentable = options.presentation.has_value() || !options.tour.empty();
    if (!options.tour.empty()) _tourEditor = std::make_unique<TourEditor>(options.tour, _scenarios);
    if (options.present) togglePresenter();
    _warnings = _edits.warnings();
    _sceneRenderer.setRuleWarnings(_edits.sceneWarnings());
    logWarnings();
    indexContactLine();
}

void Viewer::indexContactLine() {
    _contact.reset();
    for (const geo::ScenarioFeature& f : _scenarios.features)
        if (f.kind == geo::FeatureKind::ContactLine && f.points.size() >= 2) _contact.emplace(f.points);
    _readoutKey.clear();
}

// Presenter mode plays the tour being edited, else the one the command named (or the default).
void Viewer::togglePresenter() {
    if (_presenter) {
        _presenter.reset();
        std::cout << "bulwark: presenter mode off" << std::endl;
        return;
    }
    const geo::Tour* tour = _tourEditor             ? &_tourEditor->tour()
                            : _options.presentation ? &*_options.presentation
                                                    : nullptr;
    if (!tour || tour->keyframes.empty()) {
        _panel.presenterError = !_options.presentationProblem.empty()
                                    ? "No tour to present: " + _options.presentationProblem
                                    : "No tour to present: open one with --tour, or add keyframes.";
        return;
    }
    _presenter = std::make_unique<Presenter>(*tour, _scenarios);
    _panel.presenterError.clear();
}

bool Viewer::mayClose(bool closeRequested) {
    if (closeRequested) _closing = true;
    if (!_closing) return false;
    // The scenario edits first, then the tour: each asks in turn.
    if (_edits.dirty() && !_closeEditsAnswered) {
        if (std::exchange(_closeEditsCancelled, false)) {
            _closing = false;
            return false;
        }
        _askCloseEdits = true;
        return false;
    }
    const auto answer = _tourEditor ? _tourEditor->mayClose() : TourEditor::CloseAnswer::Close;
    if (answer == TourEditor::CloseAnswer::Stay) _closing = false, _closeEditsAnswered = false;
    return answer == TourEditor::CloseAnswer::Close;
}

std::optional<ViewerCommand> Viewer::keyCommand(const KeyPress& press, double seconds) {
    const int key = press.key;
    if (key == GLFW_KEY_TAB) return command::TogglePanel{};
    if (key == GLFW_KEY_P || (key == GLFW_KEY_ESCAPE && _presenter) || (key == GLFW_KEY_F5 && !_presenter))
        return command::TogglePresenter{}; // F5 and Esc as a clicker's start and stop of a slide show
    if (_presenter && _presenter->key(key, _camera.pose(), seconds)) return std::nullopt;
    if (key == GLFW_KEY_F11) return command::ToggleFullscreen{};
    if (key == GLFW_KEY_H || key == GLFW_KEY_HOME) return command::Home{};
    if (key >= GLFW_KEY_1 && key <= GLFW_KEY_9) return command::SelectScenario{key - GLFW_KEY_1};
    if (key == GLFW_KEY_UP || key == GLFW_KEY_DOWN) return command::StepScenario{key == GLFW_KEY_UP ? -1 : 1};
    if (key == GLFW_KEY_Q && (press.mods & GLFW_MOD_CONTROL)) return command::Quit{};
    const bool control = press.mods & GLFW_MOD_CONTROL, shift = press.mods & GLFW_MOD_SHIFT;
    if (control && (key == GLFW_KEY_Y || (key == GLFW_KEY_Z && shift))) return command::Redo{};
    if (control && key == GLFW_KEY_Z) return command::Undo{};
    if (control && key == GLFW_KEY_S) return command::Save{};
    if (key == GLFW_KEY_E && !control) return command::ToggleEditMode{};
    if (key == GLFW_KEY_M && !control) return command::ToggleMeasure{};
    if (key == GLFW_KEY_C && !control) return command::ToggleCoverage{};
    return _edit.key(press);
}

bool Viewer::apply(const ViewerCommand& c, double seconds) {
    if (std::holds_alternative<command::TogglePanel>(c)) {
        _panelShown = !_panelShown;
        std::cout << "bulwark: panel " << (_panelShown ? "shown" : "hidden") << std::endl;
    } else if (std::holds_alternative<command::TogglePresenter>(c)) {
        togglePresenter();
    } else if (std::holds_alternative<command::ToggleFullscreen>(c)) {
        _window.toggleFullscreen();
        return true;
    } else if (std::holds_alternative<command::Home>(c)) {
        _camera.home();
    } else if (const auto* select = std::get_if<command::SelectScenario>(&c)) {
        _scenarioSwitch.select(select->index, seconds);
    } else if (const auto* step = std::get_if<command::StepScenario>(&c)) {
        _scenarioSwitch.step(step->delta, seconds);
    } else if (std::holds_alternative<command::ClearSelection>(c)) {
        _sceneRenderer.setRangeRings(std::nullopt);
        _panel.selected.clear();
    } else if (const auto* style = std::get_if<command::SetStyle>(&c)) { // colours are rebuilt, nothing else
        _panel.style = style->style;
        _sceneRenderer.setStyle(_panel.style);
        _panelRenderer.setTheme(_panel.style.theme);
    } else if (const auto* scale = std::get_if<command::SetUiScale>(&c)) {
        _panel.uiScale = scale->scale;
    } else if (std::holds_alternative<command::Quit>(c)) {
        glfwSetWindowShouldClose(_window.handle(), GLFW_TRUE);
    } else if (const auto* fly = std::get_if<command::FlyTo>(&c)) {
        _camera.flyTo(fly->lonLat.x, fly->lonLat.y);
    } else if (std::holds_alternative<command::ToggleMeasure>(c)) {
        _tools.use(_tools.tool() == command::Tool::None ? command::Tool::Range : command::Tool::None);
    } else if (const auto* tool = std::get_if<command::UseTool>(&c)) {
        _tools.use(tool->tool);
    } else if (const auto* measure = std::get_if<command::MeasureFeature>(&c)) {
        for (const geo::ScenarioFeature& f : _scenarios.features)
            if (f.id == measure->id) _tools.measure(f);
    } else if (std::holds_alternative<command::ToggleCoverage>(c)) {
        CoverageSettings settings = _coverage.settings();
        settings.on = !settings.on;
        _coverage.set(settings); // the values in use were taken already: only on/off changes
        std::cout << "bulwark: coverage " << (settings.on ? "on" : "off") << std::endl;
    } else if (std::holds_alternative<command::ToggleEditMode>(c)) {
        _edit.toggle();
        std::cout << "bulwark: edit mode " << (_edit.active() ? "on" : "off") << std::endl;
    } else {
        applyEdit(c);
    }
    return false;
}

void Viewer::applyEdit(const ViewerCommand& c) {
    std::string refusal;
    std::vector<std::string> added;
    if (const auto* move = std::get_if<command::MoveSites>(&c)) {
        refusal = _edits.apply(*move);
    } else if (const auto* add = std::get_if<command::AddSite>(&c)) {
        std::string id;
        refusal = _edits.apply(*add, _scenarioSwitch.current(), &id);
        if (!id.empty()) added = {id};
    } else if (const auto* remove = std::get_if<command::DeleteFeatures>(&c)) {
        refusal = _edits.apply(*remove);
    } else if (const auto* duplicate = std::get_if<command::DuplicateFeatures>(&c)) {
        refusal = _edits.apply(*duplicate, &added);
    } else if (const auto* set = std::get_if<command::SetFeature>(&c)) {
        refusal = _edits.apply(*set);
    } else if (const auto* shape = std::get_if<command::AddShape>(&c)) {
        std::string id;
        refusal = _edits.apply(*shape, _scenarioSwitch.current(), &id);
        if (!id.empty()) added = {id};
        for (const geo::ScenarioFeature& f : _scenarios.features) // a drawn shape is measured at once
            if (f.id == id) _tools.measure(f);
    } else if (const auto* vertex = std::get_if<command::EditVertex>(&c)) {
        refusal = _edits.apply(*vertex);
    } else if (std::holds_alternative<command::Undo>(c)) {
        if (!_edits.undo()) refusal = "nothing to undo";
    } else if (std::holds_alternative<command::Redo>(c)) {
        if (!_edits.redo()) refusal = "nothing to redo";
    } else if (std::holds_alternative<command::Save>(c)) {
        if (const std::string failure = _edits.save(); !failure.empty()) {
            _saveStatus = "Not saved (your edits stay): " + failure;
            std::cout << "bulwark: not saved: " << failure << std::endl;
        } else {
            _scenarioFiles.watch({_scenarios.manifest, _scenarios.featuresFile}); // our own write is no news
            _saveStatus = "Saved " + _scenarios.featuresFile.filename().string();
            std::cout << "bulwark: saved " << _scenarios.featuresFile.string() << std::endl;
        }
        return;
    } else {
        return;
    }
    _refusal = refusal;
    if (!refusal.empty()) std::cout << "bulwark: edit refused: " << refusal << std::endl;
    if (!added.empty()) {
        _edit.select(added);
        for (const std::string& id : added) std::cout << "bulwark: added " << id << std::endl;
    }
}

void Viewer::afterEdits() {
    if (_edits.generation() != _shownGeneration) {
        _shownGeneration = _edits.generation();
        // Feature pointers from picking point into the set that changed.
        _pressedOn = _hovered = nullptr;
        _lastPickKey.clear();
        _edit.prune(_scenarios);
        _sceneRenderer.setScenarios(&_scenarios);
        _warnings = _edits.warnings();
        _sceneRenderer.setRuleWarnings(_edits.sceneWarnings());
        logWarnings();
        indexContactLine();
    }
    if (_edits.dirty() == _loggedDirty) return;
    _loggedDirty = _edits.dirty();
    glfwSetWindowTitle(_window.handle(), _loggedDirty ? "Bulwark (unsaved)" : "Bulwark");
    std::cout << "bulwark: " << (_loggedDirty ? "unsaved edits" : "no unsaved edits") << std::endl;
}

// What the panel lists, in the log as well when it changes: scripts and tests follow the rules there.
void Viewer::logWarnings() {
    std::string text;
    for (const RuleWarning& w : _warnings) text += "bulwark: rule broken: " + w.featureId + ": " + w.text + "\n";
    if (text == _loggedWarnings) return;
    std::cout << "bulwark: " << _warnings.size() << " planning rule(s) broken\n" << text << std::flush;
    _loggedWarnings = std::move(text);
}

void Viewer::mouse(const InputFrame& in, glm::dvec2 framebuffer, double dt, double seconds) {
    // The panel gets the mouse when it is over it.
    const ImGuiIO& io = ImGui::GetIO();
    const double mx = in.mouse.x, my = in.mouse.y;
    // In compare mode each half is its own view under the shared camera: the mouse acts in the
    // half it is over, in that half's pixels.
    const bool split = _panel.compareScenario >= 0;
    const double viewWidth = split ? int(framebuffer.x) / 2 : framebuffer.x;
    const bool rightHalf = split && mx * in.pixelsPerPoint.x >= viewWidth;
    const glm::dvec2 cursor{mx * in.pixelsPerPoint.x - (rightHalf ? viewWidth : 0.0), my * in.pixelsPerPoint.y};
    _camera.setViewport(viewWidth, framebuffer.y);
    _camera.setExaggeration(_panel.exaggeration);
    const bool left = in.left(), right = in.right();
    _pixelsPerPoint = in.pixelsPerPoint;
    _editView = renderer::View::make(_camera.pose(), viewWidth, framebuffer.y);
    ViewerCommands edits;
    const bool editing = _edit.mouse(in, cursor, io.WantCaptureMouse,
                                     editScene(_editView, {rightHalf ? viewWidth : 0.0, 0.0}, in.pixelsPerPoint,
                                               rightHalf ? _panel.compareScenario : _scenarioSwitch.current()),
                                     edits);
    for (const ViewerCommand& c : edits) applyEdit(c);
    // What is under the cursor: a tooltip, and on a click (a press and release that did not
    // drag) the site's range rings.
    const renderer::View pickView = renderer::View::make(_camera.pose(), viewWidth, framebuffer.y);
    const int pickScenario = rightHalf ? _panel.compareScenario : _scenarioSwitch.current();
    // Picked again only when the cursor, the camera or the scenario moved: areas are tested with GEOS.
    const bool idle = io.WantCaptureMouse || _panning || editing || _panel.hidden.contains("scenarios");
    const std::string pickKey = geo::formatCamera(_camera.pose()) + "|" + std::to_string(cursor.x) + "," +
                                std::to_string(cursor.y) + "|" + std::to_string(pickScenario);
    if (idle) {
        _hovered = nullptr;
        _lastPickKey.clear();
    } else if (pickKey != _lastPickKey) {
        _hovered = featureAt(_scenarios, pickScenario, _scene.terrain, pickView, _panel.exaggeration, cursor);
        _lastPickKey = pickKey;
    }
    _panel.hovered = _hovered ? describe(*_hovered, _scenarios) + symbolWords(*_hovered) : std::string();
    // The ground under the cursor, read out when the cursor or the camera moved.
    if (io.WantCaptureMouse) {
        _readoutKey.clear();
    } else if (pickKey != _readoutKey) {
        _readoutKey = pickKey;
        const auto ground = _camera.pick(cursor.x, cursor.y);
        _panel.cursor =
            ground
                ? geo::cursorReadout({ground->lon, ground->lat}, _scene.terrain, _contact ? &*_contact : nullptr).text()
                : std::string();
    }
    // The presenter grabbing the view takes it from a flight under way.
    if (_presenter && !io.WantCaptureMouse && (left || right || in.scroll != 0)) _presenter->interrupt();
    // The cursor hides when the mouse rests, for a clean picture.
    if (in.mouse != _lastMouse || left || right) _lastMouseMove = seconds;
    const glm::dvec2 moved = in.mouse - _lastMouse;
    _lastMouse = in.mouse;
    _cursorResting = seconds - _lastMouseMove > kCursorRestSeconds;
    if (left && !_panning && !io.WantCaptureMouse && !editing) {
        _camera.beginPan(cursor.x, cursor.y);
        _panning = true;
        _press = in.mouse;
        _pressedOn = _hovered;
    } else if (left && _panning) {
        _camera.pan(cursor.x, cursor.y);
    } else if (!left && _panning) {
        _camera.endPan();
        _panning = false;
        const bool measuring = _tools.tool() != command::Tool::None && !_edit.drawing();
        const auto ground =
            measuring && glm::length(in.mouse - _press) < 4.0 ? _camera.pick(cursor.x, cursor.y) : std::nullopt;
        if (ground) {
            _tools.click({ground->lon, ground->lat}, cursor, in.seconds);
        } else if (glm::length(in.mouse - _press) < 4.0 && flyIntoCluster(cursor, rightHalf ? 1 : 0, pickView)) {
            // a cluster's units come apart as the camera arrives
        } else if (glm::length(in.mouse - _press) < 4.0 && _pressedOn && geo::isMarker(_pressedOn->kind) &&
                   !_edit.active()) {
            _sceneRenderer.setRangeRings(_pressedOn->points.front());
            _panel.selected = _pressedOn->name;
        }
    }
    if (right && (_turning || !io.WantCaptureMouse)) {
        if (_turning) _camera.turnAndTilt(moved.x, moved.y);
        _turning = true;
    } else {
        _turning = false;
    }
    if (in.scroll != 0 && !io.WantCaptureMouse) _camera.zoomAt(cursor.x, cursor.y, in.scroll);
    // Presenter mode: these keys are the clicker's; with Ctrl they are shortcuts (Ctrl+S saves, Ctrl+D duplicates).
    if (!io.WantCaptureKeyboard && !_presenter && !in.control) {
        const double step = dt * 0.6;
        if (in.held(GLFW_KEY_A)) _camera.move(-step, 0);
        if (in.held(GLFW_KEY_D)) _camera.move(step, 0);
        if (in.held(GLFW_KEY_W)) _camera.move(0, step);
        if (in.held(GLFW_KEY_S)) _camera.move(0, -step);
        if (in.held(GLFW_KEY_LEFT)) _camera.turnAndTilt(-dt * 240.0, 0);
        if (in.held(GLFW_KEY_RIGHT)) _camera.turnAndTilt(dt * 240.0, 0);
        if (in.held(GLFW_KEY_PAGE_UP)) _camera.zoom(1.0 - dt * 1.5);
        if (in.held(GLFW_KEY_PAGE_DOWN)) _camera.zoom(1.0 + dt * 1.5);
    }
}

std::string Viewer::symbolWords(const geo::ScenarioFeature& feature) const {
    const auto* layer = dynamic_cast<const renderer::SymbolLayer*>(_sceneRenderer.layer("symbols"));
    if (!layer || _scenarios.features.empty()) return {};
    const geo::FeatureSymbol* s = layer->scene().forFeature(size_t(&feature - _scenarios.features.data()));
    if (!s) return {};
    return "\nSymbol: " + s->words + (s->ok() ? " (" + s->code + ")" : ": " + s->problem);
}

bool Viewer::flyIntoCluster(glm::dvec2 cursor, uint32_t half, const renderer::View& view) {
    const auto* layer = dynamic_cast<const renderer::SymbolLayer*>(_sceneRenderer.layer("symbols"));
    if (!layer || !_panel.symbols) return false;
    const float scale = renderer::strokeScale(renderer::resolveDisplayScale(_panel.displayScale, uint32_t(view.height)));
    const auto to = clusterFlight(_sceneRenderer.placed(half), layer->scene(), cursor, _camera.pose(), view, scale);
    if (!to) return false;
    _camera.flyTo(*to);
    std::cout << "bulwark: into the cluster at " << geo::formatCamera(*to) << std::endl;
    return true;
}

void Viewer::reload(double seconds) {
    if (_scenarios.manifest.empty() || !_scenarioFiles.changed(seconds)) return;
    geo::ScenarioLoad load = geo::loadScenarios(_scenarios.manifest);
    if (!load.problems.empty()) {
        _panel.reloadError = load.problems.front().text();
        if (load.problems.size() > 1)
            _panel.reloadError += " (and " + std::to_string(load.problems.size() - 1) + " more)";
        return;
    }
    if (_edits.dirty()) { // someone else saved over unsaved edits: the user decides
        _theirs = std::move(load.set);
        std::cout << "bulwark: " << _scenarios.featuresFile.string() << " changed on disk while edits are unsaved"
                  << std::endl;
        return;
    }
    replaceScenarios(std::move(load.set));
}

void Viewer::replaceScenarios(geo::ScenarioSet loaded) {
    _scenarios = std::move(loaded);
    _edits.reset();
    _shownGeneration = _edits.generation();
    _edit.prune(_scenarios);
    _warnings = _edits.warnings();
    _sceneRenderer.setRuleWarnings(_edits.sceneWarnings());
    logWarnings();
    _loggedDirty = false;
    indexContactLine();
    glfwSetWindowTitle(_window.handle(), "Bulwark");
    _sceneRenderer.setScenarios(&_scenarios);
    _scenarioFiles.watch({_scenarios.manifest, _scenarios.featuresFile});
    const int count = int(_scenarios.scenarios.size());
    _scenarioSwitch = ScenarioSwitch(count, std::min(_scenarioSwitch.current(), count - 1));
    _panel.compareScenario = std::min(_panel.compareScenario, count - 1);
    _pressedOn = _hovered = nullptr;
    _lastPickKey.clear();
    _panel.reloadError.clear();
    std::cout << "bulwark: reloaded " << _scenarios.manifest.string() << std::endl;
}

void Viewer::update(double dt, double seconds) {
    _presenterShown.reset();
    if (_presenter) {
        _presenterShown = _presenter->update(seconds);
        if (_presenterShown->camera)
            _camera.setPose(geo::groundPose(*_presenterShown->camera, _scene.terrain, _panel.exaggeration));
        if (_presenterShown->scenario >= 0) _scenarioSwitch.select(_presenterShown->scenario, seconds);
    }
    _camera.update(dt);
    showCoverage();
}

std::optional<CoverageSite> Viewer::coverageSite() const {
    for (const std::string& id : _edit.selection())
        for (const geo::ScenarioFeature& f : _scenarios.features)
            if (f.id == id && geo::isMarker(f.kind) && !f.points.empty()) return CoverageSite{f.id, f.points.front()};
    return std::nullopt;
}

void Viewer::showCoverage() {
    const std::optional<CoverageSite> site = coverageSite();
    _coverage.update(site);
    const auto answer = _coverage.latest();
    _sceneRenderer.setCoverage(answer.get()); // uploads only a level not shown yet
    if (!answer || !answer->finest() || !site || answer->request == _loggedCoverage) return;
    _loggedCoverage = answer->request; // scripts and tests follow the sweeps in the log
    const glm::dvec2 at = answer->fan.request.site;
    char text[96];
    std::snprintf(text, sizeof text, " at %.4f,%.4f: %.0f%% of %.0f km seen (%zu levels)", at.x, at.y,
                  100 * answer->fan.coveredFraction(), answer->fan.request.rangeM / 1000, answer->levels);
    std::cout << "bulwark: coverage of " << site->id << text << std::endl;
}

void Viewer::drawUi(double dt, float displayScale, double seconds, ViewerCommands& commands) {
    _panel.frameMs = dt * 1000.0;
    _panel.pose = _camera.pose();
    _panel.presenting = _presenter != nullptr;
    _panel.displayScale = displayScale;
    _panel.currentScenario = _scenarioSwitch.current();
    _panel.editing = _edit.active();
    _panel.unsaved = _edits.dirty();
    _panel.ruleWarnings = _warnings.size();
    if (_panelShown) drawPanel(_panel, commands);
    _tourShown.reset();
    if (_tourEditor && !_presenter) { // presenting takes the camera from the timeline
        if (_panelShown) _tourEditor->draw(_camera.pose(), _scenarioSwitch.current());
        _tourShown = _tourEditor->update(seconds);
        if (_tourShown) _camera.setPose(geo::groundPose(_tourShown->camera, _scene.terrain, _panel.exaggeration));
    }
    if (_panelShown || _edit.active()) {
        EditStatus status;
        status.dirty = _edits.dirty();
        status.canUndo = _edits.canUndo();
        status.canRedo = _edits.canRedo();
        status.file = _scenarios.featuresFile.filename().string();
        status.refusal = _refusal;
        status.saved = _saveStatus;
        status.warnings = &_warnings;
        _edit.draw(editScene(_editView, {0, 0}, _pixelsPerPoint, _scenarioSwitch.current()), status, commands);
        if (_edit.active()) _coverage.draw();
    }
    _panel.measuring = _tools.tool() != command::Tool::None;
    _panel.measure = _tools.text().empty() ? _tools.prompt() : _tools.text();
    _tools.draw(editScene(_editView, {0, 0}, _pixelsPerPoint, _scenarioSwitch.current()), commands);
    drawQuestions();
    if (_presenter) _presenter->drawOverlay(displayScale);
    if (_cursorResting) ImGui::SetMouseCursor(ImGuiMouseCursor_None);
}

EditScene Viewer::editScene(const renderer::View& view, glm::dvec2 origin, glm::dvec2 pixelsPerPoint,
                            int scenario) const {
    return EditScene{_scenarios,
                     _scene.terrain,
                     view,
                     _panel.exaggeration,
                     scenario,
                     origin,
                     pixelsPerPoint,
                     [this](glm::dvec2 pixel) -> std::optional<glm::dvec2> {
                         const auto ground = _camera.pick(pixel.x, pixel.y);
                         if (!ground) return std::nullopt;
                         return glm::dvec2(ground->lon, ground->lat);
                     }};
}

//! The questions that hold something back: closing over unsaved edits, a file saved by someone else over them.
void Viewer::drawQuestions() {
    if (_askCloseEdits) ImGui::OpenPopup("Unsaved edits");
    if (ImGui::BeginPopupModal("Unsaved edits", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::Text("The scenarios have unsaved edits.");
        if (ImGui::Button("Save and close")) {
            applyEdit(command::Save{});
            _closeEditsAnswered = !_edits.dirty();
            _askCloseEdits = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Discard")) _closeEditsAnswered = true, _askCloseEdits = false, ImGui::CloseCurrentPopup();
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) _closeEditsCancelled = true, _askCloseEdits = false, ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    if (_theirs) ImGui::OpenPopup("Changed on disk");
    if (ImGui::BeginPopupModal("Changed on disk", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::Text("%s was changed on disk, and your edits are not saved.",
                    _scenarios.featuresFile.filename().c_str());
        if (ImGui::Button("Keep mine")) {
            _theirs.reset();
            _edits.keepMine(); // saving writes mine over theirs
            std::cout << "bulwark: kept the unsaved edits" << std::endl;
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Take theirs")) {
            replaceScenarios(std::move(*_theirs));
            _theirs.reset();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

// The title names the scenario shown and says it is illustrative; captions narrate under it.
std::string Viewer::titleOf(int index) const {
    if (!_panel.showTitle || index < 0 || index >= int(_scenarios.scenarios.size())) return {};
    return _options.title.empty() ? scenarioTitle(_scenarios.scenarios[size_t(index)]) : _options.title;
}

renderer::SceneView Viewer::sceneView(float displayScale, double seconds) const {
    renderer::SceneView view;
    view.pose = _camera.pose();
    view.exaggeration = _panel.exaggeration;
    view.hidden = _panel.hidden;
    view.imageryOpacity = _panel.imageryOpacity;
    view.attribution = _panel.showAttribution;
    view.legend = _panel.showLegend;
    view.markers = _panel.symbols ? renderer::MarkerStyle::Symbols : renderer::MarkerStyle::Prisms;
    view.displayScale = displayScale;
    int shownScenario = _scenarioSwitch.current();
    _scenarioSwitch.apply(view, seconds);
    if (_tourShown && _tourShown->scenario.to >= 0) { // playing or scrubbing the tour: it decides
        showSwitch(view, _tourShown->scenario.from, _tourShown->scenario.to, _tourShown->scenario.progress);
        shownScenario = _tourShown->scenario.to;
    }
    view.title = titleOf(shownScenario);
    if (_tourShown && !_tourShown->caption.empty()) view.caption = {_tourShown->caption};
    if (_presenterShown && !_presenterShown->caption.empty()) view.caption = {_presenterShown->caption};
    if (_panel.compareScenario >= 0 && _panel.compareScenario < int(_scenarios.scenarios.size())) {
        const uint32_t bit = 1u << _panel.compareScenario;
        view.compare = renderer::ScenarioShown{bit, bit, 1.0f, {}, titleOf(_panel.compareScenario)};
    }
    return view;
}

renderer::Context makeContext() {
    renderer::ContextOptions contextOptions = contextOptionsFromEnvironment();
    uint32_t extensionCount = 0;
    const char** extensions = glfwGetRequiredInstanceExtensions(&extensionCount);
    if (!extensions) throw UsageError("this display offers no Vulkan surface");
    contextOptions.instanceExtensions.assign(extensions, extensions + extensionCount);
    contextOptions.swapchain = true;
    return renderer::Context(contextOptions);
}

//! The frame loop: input → viewer state → scene view → the window's frame, until the window closes.
void runFrames(const renderer::Context& context, ViewerWindow& window, const LoadedScene& scene,
               const ViewerOptions& options, ViewerSettings& settings) {
    GLFWwindow* const handle = window.handle();
    ViewerInput input(handle); // before ImGui's callbacks, which chain to it
    VkSurfaceKHR surface = VK_NULL_HANDLE;
    VK_CHECK(glfwCreateWindowSurface(context.instance(), handle, nullptr, &surface));
    int fbw = 0, fbh = 0;
    glfwGetFramebufferSize(handle, &fbw, &fbh);
    renderer::WindowTarget target(context, surface, {uint32_t(fbw), uint32_t(fbh)});
    static_assert(renderer::WindowTarget::kFrameSlots == renderer::SceneRenderer::kFrameSlots);
    // The scenarios as last loaded without error: hot reload replaces them when a file is saved.
    geo::ScenarioSet liveScenarios = scene.scenarios;
    renderer::SceneInputs inputs = scene.inputs;
    if (inputs.scenarios) inputs.scenarios = &liveScenarios;
    renderer::SceneRenderer sceneRenderer(context, inputs, target.extent());
    // The panel, drawn in the window's overlay render pass at the display's scale.
    PanelRenderer panelRenderer(context, handle, target.overlayPass(), target.imageCount(), scene.inputs.font);
    MouseCursor pointer(handle);
    const float userScale = options.uiScale > 0 ? options.uiScale : settings.uiScale;
    Viewer viewer(scene, options, liveScenarios, window, sceneRenderer, panelRenderer,
                  context.deviceName() + " (" + context.deviceType() + ")", userScale);
    {
        const MonitorInfo m = window.monitor();
        std::cout << "bulwark: window " << fbw << "x" << fbh << (window.fullscreen() ? " fullscreen" : "")
                  << " on monitor " << m.number << " (" << m.name << ", " << m.width << "x" << m.height
                  << "), display scale " << displayScaleOn(m, userScale) << std::endl;
    }

    ViewerCommands panelCommands; // from the panel drawn last frame
    auto last = std::chrono::steady_clock::now();
    for (int frame = 0;; ++frame) {
        if (options.exitAfterFrames > 0 && frame >= options.exitAfterFrames) break;
        const bool closeRequested = glfwWindowShouldClose(handle);
        if (closeRequested) glfwSetWindowShouldClose(handle, GLFW_FALSE);
        if (viewer.mayClose(closeRequested)) break;
        glfwPollEvents();
        glfwGetFramebufferSize(handle, &fbw, &fbh);
        if (fbw == 0 || fbh == 0) { // minimised: render nothing until the window is back
            glfwWaitEvents();
            continue;
        }
        const double seconds = glfwGetTime();
        // Commands: the panel's from last frame, then the keys', each applied before the next key is read
        // (presenter mode, switched on by one, takes the clicker keys that follow).
        const InputFrame in = input.poll();
        bool windowChanged = false;
        for (const ViewerCommand& c : std::exchange(panelCommands, {})) windowChanged |= viewer.apply(c, seconds);
        for (const KeyPress& key : in.keys)
            if (const std::optional<ViewerCommand> c = viewer.keyCommand(key, seconds))
                windowChanged |= viewer.apply(*c, seconds);
        viewer.afterEdits();
        if (windowChanged) { // the window is made again first; this frame's button change waits for the next
            input.unpollButton();
            continue;
        }
        if (target.resize({uint32_t(fbw), uint32_t(fbh)})) {
            panelRenderer.setImageCount(target.imageCount());
            sceneRenderer.resize(target.extent());
        }
        // Everything in pixels is drawn at the scale of the monitor the window is on (it may have
        // been dragged to another) times the user's setting.
        const float displayScale = displayScaleOn(window.monitor(), viewer.uiScale());
        panelRenderer.setScale(displayScale);
        const auto now = std::chrono::steady_clock::now();
        const double dt = std::chrono::duration<double>(now - last).count();
        last = now;

        // The panel's frame first, so that whether the mouse is over it is known for this frame's cursor.
        panelRenderer.newFrame(in);
        viewer.mouse(in, {double(fbw), double(fbh)}, dt, seconds);
        viewer.afterEdits();
        viewer.reload(seconds);
        viewer.update(dt, seconds);
        viewer.drawUi(dt, displayScale, seconds, panelCommands);
        ImGui::Render();
        pointer.show(ImGui::GetMouseCursor());

        const std::optional<renderer::WindowTarget::Frame> windowFrame = target.beginFrame();
        if (!windowFrame) continue; // out of date: rebuilt at the top of the next round
        const renderer::SceneView view = viewer.sceneView(displayScale, seconds);
        viewer.setStats(
            sceneRenderer.record(windowFrame->cmd, windowFrame->slot, view, renderer::TileLoading::Background));
        target.endFrame(*windowFrame, sceneRenderer.colorImage(),
                        [&](VkCommandBuffer cmd) { panelRenderer.render(cmd); });
    }

    VK_CHECK(vkDeviceWaitIdle(context.device()));
    // The last view, ready to reuse: `bulwark render --camera ...` renders exactly this.
    std::cout << "bulwark: last view --camera " << geo::formatCamera(viewer.pose()) << std::endl;
    settings.uiScale = viewer.uiScale();
}

} // namespace

int runViewer(const LoadedScene& scene, const ViewerOptions& options) {
    const std::filesystem::path settingsFile = viewerSettingsPath();
    std::string settingsWarning;
    ViewerSettings settings = loadViewerSettings(settingsFile, &settingsWarning);
    if (!settingsWarning.empty()) std::cerr << "bulwark: warning: " << settingsWarning << std::endl;
    ViewerWindow window(options.window, settings.window);
    renderer::Context context = makeContext();
    std::cout << "bulwark: rendering on " << context.deviceName() << " [" << context.deviceType() << "]" << std::endl;
    // Everything drawn into the window is gone before the validation layer's count is read.
    runFrames(context, window, scene, options, settings);
    // Opens here next time.
    settings.window = window.placement();
    if (std::string error; !saveViewerSettings(settings, settingsFile, &error))
        std::cerr << "bulwark: warning: could not remember the window: " << error << std::endl;
    return finishWithValidation(context, 0);
}

} // namespace app
