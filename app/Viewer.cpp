#include "app/Viewer.h"

#include "app/CameraController.h"
#include "app/Commands.h"
#include "app/FeaturePicker.h"
#include "app/FileWatch.h"
#include "app/Monitors.h"
#include "app/Panel.h"
#include "app/PanelRenderer.h"
#include "app/Presenter.h"
#include "app/ScenarioSwitch.h"
#include "app/Swapchain.h"
#include "app/TourEditor.h"
#include "app/UsageError.h"
#include "app/ViewerSettings.h"
#include "app/ViewerWindow.h"
#include "geo/Picking.h"
#include "renderer/SceneRenderer.h"
#include "renderer/TerrainLayer.h"
#include "renderer/VulkanError.h"

#define GLFW_INCLUDE_VULKAN
#include <GLFW/glfw3.h>
#include <array>
#include <chrono>
#include <cmath>
#include <imgui.h>
#include <iostream>
#include <stdexcept>
#include <utility>

namespace app {

namespace {

struct InputState {
    double scroll = 0;
    std::vector<std::pair<int, int>> keys; //!< presses since the last frame: GLFW key, modifiers
};

InputState* inputOf(GLFWwindow* w) {
    return static_cast<InputState*>(glfwGetWindowUserPointer(w));
}

struct FrameSlot {
    VkCommandBuffer cmd = VK_NULL_HANDLE;
    VkFence fence = VK_NULL_HANDLE;
    VkSemaphore imageAvailable = VK_NULL_HANDLE;
};

//! Seconds the mouse rests before its cursor hides.
constexpr double kCursorRestSeconds = 2.5;

} // namespace

int runViewer(const LoadedScene& scene, const ViewerOptions& options) {
    const std::filesystem::path settingsFile = viewerSettingsPath();
    std::string settingsWarning;
    ViewerSettings settings = loadViewerSettings(settingsFile, &settingsWarning);
    if (!settingsWarning.empty()) std::cerr << "bulwark: warning: " << settingsWarning << std::endl;
    ViewerWindow window(options.window, settings.window);
    GLFWwindow* const handle = window.handle();
    InputState input;
    glfwSetWindowUserPointer(handle, &input);
    // Installed before ImGui's, which chains to them.
    glfwSetScrollCallback(handle, [](GLFWwindow* w, double, double dy) { inputOf(w)->scroll += dy; });
    glfwSetKeyCallback(handle, [](GLFWwindow* w, int key, int, int action, int mods) {
        // Only typing into a panel field holds the shortcuts back: a slider or button clicked last keeps ImGui's
        // keyboard focus (WantCaptureKeyboard) until the scene is clicked, which left P, digits and arrows dead.
        if (action != GLFW_PRESS || ImGui::GetIO().WantTextInput) return;
        inputOf(w)->keys.emplace_back(key, mods);
    });

    renderer::ContextOptions contextOptions = contextOptionsFromEnvironment();
    uint32_t extensionCount = 0;
    const char** extensions = glfwGetRequiredInstanceExtensions(&extensionCount);
    if (!extensions) throw UsageError("this display offers no Vulkan surface");
    contextOptions.instanceExtensions.assign(extensions, extensions + extensionCount);
    contextOptions.swapchain = true;
    renderer::Context context(contextOptions);
    std::cout << "bulwark: rendering on " << context.deviceName() << " [" << context.deviceType() << "]" << std::endl;

    VkSurfaceKHR surface = VK_NULL_HANDLE;
    VK_CHECK(glfwCreateWindowSurface(context.instance(), handle, nullptr, &surface));
    struct SurfaceOwner {
        VkInstance instance;
        VkSurfaceKHR surface;
        ~SurfaceOwner() { vkDestroySurfaceKHR(instance, surface, nullptr); }
    } surfaceOwner{context.instance(), surface};

    int fbw = 0, fbh = 0;
    glfwGetFramebufferSize(handle, &fbw, &fbh);
    auto swapchain = std::make_unique<Swapchain>(context, surface, VkExtent2D{uint32_t(fbw), uint32_t(fbh)});
    // The scenarios as last loaded without error: hot reload replaces them when a file is saved.
    geo::ScenarioSet liveScenarios = scene.scenarios;
    renderer::SceneInputs inputs = scene.inputs;
    if (inputs.scenarios) inputs.scenarios = &liveScenarios;
    auto sceneRenderer = std::make_unique<renderer::SceneRenderer>(context, inputs, swapchain->extent());
    FileWatch scenarioFiles({liveScenarios.manifest, liveScenarios.featuresFile});

    std::array<FrameSlot, renderer::SceneRenderer::kFrameSlots> slots;
    for (FrameSlot& s : slots) {
        VkCommandBufferAllocateInfo ai{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
        ai.commandPool = context.commandPool();
        ai.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
        ai.commandBufferCount = 1;
        VK_CHECK(vkAllocateCommandBuffers(context.device(), &ai, &s.cmd));
        VkFenceCreateInfo fi{VK_STRUCTURE_TYPE_FENCE_CREATE_INFO};
        fi.flags = VK_FENCE_CREATE_SIGNALED_BIT;
        VK_CHECK(vkCreateFence(context.device(), &fi, nullptr, &s.fence));
        VkSemaphoreCreateInfo si{VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO};
        VK_CHECK(vkCreateSemaphore(context.device(), &si, nullptr, &s.imageAvailable));
    }

    // The panel, drawn in the swapchain's overlay render pass at the display's scale.
    PanelRenderer panelRenderer(context, handle, swapchain->overlayPass(), swapchain->imageCount(), scene.inputs.font);
    const float userScale = options.uiScale > 0 ? options.uiScale : settings.uiScale;

    CameraController camera(scene.terrain, options.start);
    PanelState panel;
    panel.exaggeration = static_cast<float>(options.exaggeration);
    panel.hidden = options.hidden;
    panel.deviceName = context.deviceName() + " (" + context.deviceType() + ")";
    panel.attribution = scene.inputs.attribution;
    panel.showAttribution = options.attribution;
    panel.scenarios = &liveScenarios;
    panel.uiScale = userScale;
    panel.style = scene.inputs.style;
    panel.showTitle = options.showTitle;
    panel.showLegend = options.legend;
    panelRenderer.setTheme(panel.style.theme);
    panel.presentable = options.presentation.has_value() || !options.tour.empty();
    ScenarioSwitch scenarioSwitch(int(scene.scenarios.scenarios.size()), options.startScenario);
    std::unique_ptr<Presenter> presenter;
    bool panelShown = true;
    double lastMouseMove = 0;
    double lastMouseX = -1, lastMouseY = -1;
    {
        const MonitorInfo m = window.monitor();
        std::cout << "bulwark: window " << fbw << "x" << fbh << (window.fullscreen() ? " fullscreen" : "")
                  << " on monitor " << m.number << " (" << m.name << ", " << m.width << "x" << m.height
                  << "), display scale " << displayScaleOn(m, userScale) << std::endl;
    }

    bool rebuild = false;
    uint32_t frameIndex = 0;
    double lastX = 0, lastY = 0;
    bool panning = false, turning = false;
    double pressX = 0, pressY = 0;
    const geo::ScenarioFeature* pressedOn = nullptr;
    const geo::ScenarioFeature* hovered = nullptr;
    std::string lastPickKey;
    auto last = std::chrono::steady_clock::now();
    std::unique_ptr<TourEditor> tourEditor;
    if (!options.tour.empty()) tourEditor = std::make_unique<TourEditor>(options.tour, liveScenarios);
    // Presenter mode plays the tour being edited, else the one the command named (or the default).
    const auto togglePresenter = [&]() {
        if (presenter) {
            presenter.reset();
            std::cout << "bulwark: presenter mode off" << std::endl;
            return;
        }
        const geo::Tour* tour = tourEditor             ? &tourEditor->tour()
                                : options.presentation ? &*options.presentation
                                                       : nullptr;
        if (!tour || tour->keyframes.empty()) {
            panel.presenterError = !options.presentationProblem.empty()
                                       ? "No tour to present: " + options.presentationProblem
                                       : "No tour to present: open one with --tour, or add keyframes.";
            return;
        }
        presenter = std::make_unique<Presenter>(*tour, liveScenarios);
        panel.presenterError.clear();
    };
    if (options.present) togglePresenter();
    bool closing = false;
    for (int frame = 0;; ++frame) {
        if (options.exitAfterFrames > 0 && frame >= options.exitAfterFrames) break;
        // Closing asks first when the tour has unsaved changes.
        if (glfwWindowShouldClose(handle)) {
            closing = true;
            glfwSetWindowShouldClose(handle, GLFW_FALSE);
        }
        if (closing) {
            const auto answer = tourEditor ? tourEditor->mayClose() : TourEditor::CloseAnswer::Close;
            if (answer == TourEditor::CloseAnswer::Close) break;
            if (answer == TourEditor::CloseAnswer::Stay) closing = false;
        }
        glfwPollEvents();
        glfwGetFramebufferSize(handle, &fbw, &fbh);
        if (fbw == 0 || fbh == 0) { // minimised: render nothing until the window is back
            glfwWaitEvents();
            continue;
        }
        const double seconds = glfwGetTime();
        // Keys: the panel (Tab), presenter mode (P) and its clicker keys first, then the viewer's.
        bool toggleFullscreen = panel.fullscreenRequested;
        panel.fullscreenRequested = false;
        if (panel.presentRequested) togglePresenter();
        panel.presentRequested = false;
        for (const auto& [key, mods] : std::exchange(input.keys, {})) {
            if (key == GLFW_KEY_TAB) {
                panelShown = !panelShown;
                std::cout << "bulwark: panel " << (panelShown ? "shown" : "hidden") << std::endl;
            } else if (key == GLFW_KEY_P || (key == GLFW_KEY_ESCAPE && presenter) ||
                       (key == GLFW_KEY_F5 && !presenter)) {
                togglePresenter(); // F5 and Esc as a clicker's start and stop of a slide show
            } else if (presenter && presenter->key(key, camera.pose(), seconds)) {
            } else if (key == GLFW_KEY_F11) {
                toggleFullscreen = true;
            } else if (key == GLFW_KEY_H || key == GLFW_KEY_HOME) {
                camera.home();
            } else if (key >= GLFW_KEY_1 && key <= GLFW_KEY_9) {
                scenarioSwitch.select(key - GLFW_KEY_1, seconds);
            } else if (key == GLFW_KEY_UP || key == GLFW_KEY_DOWN) {
                scenarioSwitch.step(key == GLFW_KEY_UP ? -1 : 1, seconds);
            } else if (key == GLFW_KEY_Q && (mods & GLFW_MOD_CONTROL)) {
                glfwSetWindowShouldClose(handle, GLFW_TRUE);
            }
        }
        if (toggleFullscreen) {
            window.toggleFullscreen();
            continue;
        }
        if (rebuild || swapchain->extent().width != uint32_t(fbw) || swapchain->extent().height != uint32_t(fbh)) {
            swapchain->recreate({uint32_t(fbw), uint32_t(fbh)});
            panelRenderer.setImageCount(swapchain->imageCount());
            sceneRenderer->resize(swapchain->extent());
            rebuild = false;
        }
        // Everything in pixels is drawn at the scale of the monitor the window is on (it may have
        // been dragged to another) times the user's setting.
        const float displayScale = displayScaleOn(window.monitor(), panel.uiScale);
        panelRenderer.setScale(displayScale);
        const auto now = std::chrono::steady_clock::now();
        const double dt = std::chrono::duration<double>(now - last).count();
        last = now;

        // Input: the panel gets the mouse when it is over it.
        const ImGuiIO& io = ImGui::GetIO();
        double mx, my;
        glfwGetCursorPos(handle, &mx, &my);
        int ww, wh;
        glfwGetWindowSize(handle, &ww, &wh);
        const double sx = double(fbw) / std::max(ww, 1), sy = double(fbh) / std::max(wh, 1);
        // In compare mode each half is its own view under the shared camera: the mouse acts in the
        // half it is over, in that half's pixels.
        const bool split = panel.compareScenario >= 0;
        const double viewWidth = split ? fbw / 2 : fbw;
        const bool rightHalf = split && mx * sx >= viewWidth;
        const glm::dvec2 cursor{mx * sx - (rightHalf ? viewWidth : 0.0), my * sy};
        camera.setViewport(viewWidth, fbh);
        camera.setExaggeration(panel.exaggeration);
        const bool left = glfwGetMouseButton(handle, GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS;
        const bool right = glfwGetMouseButton(handle, GLFW_MOUSE_BUTTON_RIGHT) == GLFW_PRESS ||
                           glfwGetMouseButton(handle, GLFW_MOUSE_BUTTON_MIDDLE) == GLFW_PRESS;
        // What is under the cursor: a tooltip, and on a click (a press and release that did not
        // drag) the site's range rings.
        const renderer::View pickView = renderer::View::make(camera.pose(), viewWidth, fbh);
        const int pickScenario = rightHalf ? panel.compareScenario : scenarioSwitch.current();
        // Picked again only when the cursor, the camera or the scenario moved: areas are tested with GEOS.
        const bool idle = io.WantCaptureMouse || panning || panel.hidden.contains("scenarios");
        const std::string pickKey = geo::formatCamera(camera.pose()) + "|" + std::to_string(cursor.x) + "," +
                                    std::to_string(cursor.y) + "|" + std::to_string(pickScenario);
        if (idle) {
            hovered = nullptr;
            lastPickKey.clear();
        } else if (pickKey != lastPickKey) {
            hovered = featureAt(liveScenarios, pickScenario, scene.terrain, pickView, panel.exaggeration, cursor);
            lastPickKey = pickKey;
        }
        panel.hovered = hovered ? describe(*hovered, liveScenarios) : std::string();
        // The presenter grabbing the view takes it from a flight under way.
        if (presenter && !io.WantCaptureMouse && (left || right || input.scroll != 0)) presenter->interrupt();
        // The cursor hides when the mouse rests, for a clean picture.
        if (mx != lastMouseX || my != lastMouseY || left || right) lastMouseMove = seconds;
        lastMouseX = mx, lastMouseY = my;
        const bool cursorResting = seconds - lastMouseMove > kCursorRestSeconds;
        if (left && !panning && !io.WantCaptureMouse) {
            camera.beginPan(cursor.x, cursor.y);
            panning = true;
            pressX = mx, pressY = my;
            pressedOn = hovered;
        } else if (left && panning) {
            camera.pan(cursor.x, cursor.y);
        } else if (!left && panning) {
            camera.endPan();
            panning = false;
            if (std::hypot(mx - pressX, my - pressY) < 4.0 && pressedOn && geo::isMarker(pressedOn->kind)) {
                sceneRenderer->setRangeRings(pressedOn->points.front());
                panel.selected = pressedOn->name;
            }
        }
        if (panel.clearSelection) {
            sceneRenderer->setRangeRings(std::nullopt);
            panel.selected.clear();
            panel.clearSelection = false;
        }
        if (right && (turning || !io.WantCaptureMouse)) {
            if (turning) camera.turnAndTilt(mx - lastX, my - lastY);
            turning = true;
        } else {
            turning = false;
        }
        if (input.scroll != 0 && !io.WantCaptureMouse) camera.zoomAt(cursor.x, cursor.y, input.scroll);
        input.scroll = 0;
        if (!io.WantCaptureKeyboard && !presenter) { // presenter mode: these keys are the clicker's
            const double step = dt * 0.6;
            auto held = [&](int key) { return glfwGetKey(handle, key) == GLFW_PRESS; };
            if (held(GLFW_KEY_A)) camera.move(-step, 0);
            if (held(GLFW_KEY_D)) camera.move(step, 0);
            if (held(GLFW_KEY_W)) camera.move(0, step);
            if (held(GLFW_KEY_S)) camera.move(0, -step);
            if (held(GLFW_KEY_LEFT)) camera.turnAndTilt(-dt * 240.0, 0);
            if (held(GLFW_KEY_RIGHT)) camera.turnAndTilt(dt * 240.0, 0);
            if (glfwGetKey(handle, GLFW_KEY_PAGE_UP) == GLFW_PRESS) camera.zoom(1.0 - dt * 1.5);
            if (glfwGetKey(handle, GLFW_KEY_PAGE_DOWN) == GLFW_PRESS) camera.zoom(1.0 + dt * 1.5);
        }
        // Hot reload: a saved scenario file shows within a second; a broken one keeps the last
        // good data on screen and says what is wrong in the panel.
        if (!liveScenarios.manifest.empty() && scenarioFiles.changed(seconds)) {
            geo::ScenarioLoad load = geo::loadScenarios(liveScenarios.manifest);
            if (!load.problems.empty()) {
                panel.reloadError = load.problems.front().text();
                if (load.problems.size() > 1)
                    panel.reloadError += " (and " + std::to_string(load.problems.size() - 1) + " more)";
            } else {
                liveScenarios = std::move(load.set);
                sceneRenderer->setScenarios(&liveScenarios);
                scenarioFiles.watch({liveScenarios.manifest, liveScenarios.featuresFile});
                const int count = int(liveScenarios.scenarios.size());
                scenarioSwitch = ScenarioSwitch(count, std::min(scenarioSwitch.current(), count - 1));
                panel.compareScenario = std::min(panel.compareScenario, count - 1);
                pressedOn = hovered = nullptr;
                lastPickKey.clear();
                panel.reloadError.clear();
                std::cout << "bulwark: reloaded " << liveScenarios.manifest.string() << std::endl;
            }
        }
        if (panel.requestedScenario >= 0) scenarioSwitch.select(panel.requestedScenario, seconds);
        panel.requestedScenario = -1;
        if (panel.homeRequested) camera.home();
        panel.homeRequested = false;
        if (panel.styleChanged) { // theme or palette: colours are rebuilt, nothing else
            sceneRenderer->setStyle(panel.style);
            panelRenderer.setTheme(panel.style.theme);
            panel.styleChanged = false;
        }
        std::optional<Presenter::Shown> presenterShown;
        if (presenter) {
            presenterShown = presenter->update(seconds);
            if (presenterShown->camera)
                camera.setPose(geo::groundPose(*presenterShown->camera, scene.terrain, panel.exaggeration));
            if (presenterShown->scenario >= 0) scenarioSwitch.select(presenterShown->scenario, seconds);
        }
        lastX = mx;
        lastY = my;
        camera.update(dt);

        FrameSlot& slot = slots[frameIndex];
        VK_CHECK(vkWaitForFences(context.device(), 1, &slot.fence, VK_TRUE, UINT64_MAX));
        uint32_t imageIndex = 0;
        const VkResult acquired = vkAcquireNextImageKHR(context.device(), swapchain->vk(), UINT64_MAX,
                                                        slot.imageAvailable, VK_NULL_HANDLE, &imageIndex);
        if (acquired == VK_ERROR_OUT_OF_DATE_KHR) {
            rebuild = true;
            continue;
        }
        if (acquired != VK_SUBOPTIMAL_KHR) VK_CHECK(acquired);
        VK_CHECK(vkResetFences(context.device(), 1, &slot.fence));

        panelRenderer.newFrame();
        panel.frameMs = dt * 1000.0;
        panel.pose = camera.pose();
        panel.presenting = presenter != nullptr;
        panel.displayScale = displayScale;
        if (panelShown) drawPanel(panel);
        std::optional<TourEditor::Shown> tourShown;
        if (tourEditor && !presenter) { // presenting takes the camera from the timeline
            if (panelShown) tourEditor->draw(camera.pose(), scenarioSwitch.current());
            tourShown = tourEditor->update(seconds);
            if (tourShown) camera.setPose(geo::groundPose(tourShown->camera, scene.terrain, panel.exaggeration));
        }
        if (presenter) presenter->drawOverlay(displayScale);
        if (cursorResting) ImGui::SetMouseCursor(ImGuiMouseCursor_None);
        ImGui::Render();

        renderer::SceneView view;
        view.pose = camera.pose();
        view.exaggeration = panel.exaggeration;
        view.hidden = panel.hidden;
        view.attribution = panel.showAttribution;
        view.legend = panel.showLegend;
        view.displayScale = displayScale;
        int shownScenario = scenarioSwitch.current();
        scenarioSwitch.apply(view, seconds);
        if (tourShown && tourShown->scenario.to >= 0) { // playing or scrubbing the tour: it decides
            showSwitch(view, tourShown->scenario.from, tourShown->scenario.to, tourShown->scenario.progress);
            shownScenario = tourShown->scenario.to;
        }
        // The title names the scenario shown and says it is illustrative; captions narrate under it.
        const auto titleOf = [&](int index) -> std::string {
            if (!panel.showTitle || index < 0 || index >= int(liveScenarios.scenarios.size())) return {};
            return options.title.empty() ? scenarioTitle(liveScenarios.scenarios[size_t(index)]) : options.title;
        };
        view.title = titleOf(shownScenario);
        if (tourShown && !tourShown->caption.empty()) view.caption = {tourShown->caption};
        if (presenterShown && !presenterShown->caption.empty()) view.caption = {presenterShown->caption};
        if (panel.compareScenario >= 0 && panel.compareScenario < int(liveScenarios.scenarios.size())) {
            const uint32_t bit = 1u << panel.compareScenario;
            view.compare = renderer::ScenarioShown{bit, bit, 1.0f, {}, titleOf(panel.compareScenario)};
        }
        panel.currentScenario = scenarioSwitch.current();
        VK_CHECK(vkResetCommandBuffer(slot.cmd, 0));
        VkCommandBufferBeginInfo bi{VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
        bi.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
        VK_CHECK(vkBeginCommandBuffer(slot.cmd, &bi));
        panel.stats = sceneRenderer->record(slot.cmd, frameIndex, view, renderer::TileLoading::Background);

        // Blit the scene into the swapchain image, then draw the panel over it.
        VkImageMemoryBarrier toDst{VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER};
        toDst.srcQueueFamilyIndex = toDst.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
        toDst.image = swapchain->image(imageIndex);
        toDst.subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1};
        toDst.oldLayout = VK_IMAGE_LAYOUT_UNDEFINED;
        toDst.newLayout = VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL;
        toDst.dstAccessMask = VK_ACCESS_TRANSFER_WRITE_BIT;
        vkCmdPipelineBarrier(slot.cmd, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT, 0, 0, nullptr, 0,
                             nullptr, 1, &toDst);
        const VkExtent2D e = sceneRenderer->extent();
        VkImageBlit blit{};
        blit.srcSubresource = blit.dstSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
        blit.srcOffsets[1] = blit.dstOffsets[1] = {int32_t(e.width), int32_t(e.height), 1};
        vkCmdBlitImage(slot.cmd, sceneRenderer->colorImage().vk(), VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                       swapchain->image(imageIndex), VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &blit, VK_FILTER_NEAREST);
        VkRenderPassBeginInfo rp{VK_STRUCTURE_TYPE_RENDER_PASS_BEGIN_INFO};
        rp.renderPass = swapchain->overlayPass();
        rp.framebuffer = swapchain->framebuffer(imageIndex);
        rp.renderArea = {{0, 0}, swapchain->extent()};
        vkCmdBeginRenderPass(slot.cmd, &rp, VK_SUBPASS_CONTENTS_INLINE);
        panelRenderer.render(slot.cmd);
        vkCmdEndRenderPass(slot.cmd);
        VK_CHECK(vkEndCommandBuffer(slot.cmd));

        const VkPipelineStageFlags waitStage = VK_PIPELINE_STAGE_TRANSFER_BIT;
        const VkSemaphore finished = swapchain->renderFinished(imageIndex);
        VkSubmitInfo si{VK_STRUCTURE_TYPE_SUBMIT_INFO};
        si.waitSemaphoreCount = 1;
        si.pWaitSemaphores = &slot.imageAvailable;
        si.pWaitDstStageMask = &waitStage;
        si.commandBufferCount = 1;
        si.pCommandBuffers = &slot.cmd;
        si.signalSemaphoreCount = 1;
        si.pSignalSemaphores = &finished;
        VK_CHECK(vkQueueSubmit(context.queue(), 1, &si, slot.fence));
        VkPresentInfoKHR pi{VK_STRUCTURE_TYPE_PRESENT_INFO_KHR};
        pi.waitSemaphoreCount = 1;
        pi.pWaitSemaphores = &finished;
        pi.swapchainCount = 1;
        const VkSwapchainKHR sc = swapchain->vk();
        pi.pSwapchains = &sc;
        pi.pImageIndices = &imageIndex;
        const VkResult presented = vkQueuePresentKHR(context.queue(), &pi);
        if (presented == VK_ERROR_OUT_OF_DATE_KHR || presented == VK_SUBOPTIMAL_KHR)
            rebuild = true;
        else
            VK_CHECK(presented);
        frameIndex = (frameIndex + 1) % renderer::SceneRenderer::kFrameSlots;
    }

    VK_CHECK(vkDeviceWaitIdle(context.device()));
    // The last view, ready to reuse: `bulwark render --camera ...` renders exactly this.
    std::cout << "bulwark: last view --camera " << geo::formatCamera(camera.pose()) << std::endl;
    // Opens here next time.
    settings.window = window.placement();
    settings.uiScale = panel.uiScale;
    if (std::string error; !saveViewerSettings(settings, settingsFile, &error))
        std::cerr << "bulwark: warning: could not remember the window: " << error << std::endl;
    for (FrameSlot& s : slots) {
        vkDestroySemaphore(context.device(), s.imageAvailable, nullptr);
        vkDestroyFence(context.device(), s.fence, nullptr);
        vkFreeCommandBuffers(context.device(), context.commandPool(), 1, &s.cmd);
    }
    sceneRenderer.reset();
    swapchain.reset();
    return finishWithValidation(context, 0);
}

} // namespace app
