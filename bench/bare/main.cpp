// The benchmark's yardstick: the least a Dear ImGui page can do. It opens a WebGL 2 context,
// loads the same embedded Noto Sans faces as the app, and draws one window with a line of
// text, on animation frames, as the app does. It exposes window.ruvoya.frames() and
// wasmMemory() so bench/run.mjs measures it exactly as it measures the app.
// cmake/Bare.cmake builds it when RUVOYA_BENCH_BARE is on (bench/build.sh does that).
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include <GLES3/gl3.h>

#include "backends/imgui_impl_opengl3.h"
#include "imgui.h"
#include "imgui_internal.h"

extern "C" {
extern const unsigned char ruvoya_font_regular[];
extern const unsigned long ruvoya_font_regular_size;
extern const unsigned char ruvoya_font_bold[];
extern const unsigned long ruvoya_font_bold_size;
}

// the imgui library is built with IMGUI_ENABLE_TEST_ENGINE for the app's screen view; the
// bare window records nothing, so its hooks are empty
void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, ImGuiID, const ImRect&, const ImGuiLastItemData*) {}
void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID, const char*, ImGuiItemStatusFlags) {}
void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) {
    return nullptr;
}

namespace {

int g_frames_wanted = 0;

EM_JS(void, bare_hooks, (), {
    window.ruvoya = window.ruvoya || {};
    window.ruvoya.frameCount = 0;
    window.ruvoya.frames = function() {
        return window.ruvoya.frameCount;
    };
    window.ruvoya.wasmMemory = function() {
        return HEAP8.buffer.byteLength;
    };
    window.ruvoya.ready = true;
});

EM_JS(void, bare_frame_done, (), { window.ruvoya.frameCount++; });

ImFont* add_font(const unsigned char* data, unsigned long size) {
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(data),
                                                      static_cast<int>(size), 16.0f, &cfg);
}

void render_frame() {
    double w = 0;
    double h = 0;
    emscripten_get_element_css_size("#canvas", &w, &h);
    emscripten_set_canvas_element_size("#canvas", static_cast<int>(w), static_cast<int>(h));
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(w), static_cast<float>(h));
    io.DeltaTime = 1.0f / 60.0f;

    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(20, 20), ImGuiCond_Always);
    ImGui::Begin("Bare", nullptr, ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::TextUnformatted("A bare Dear ImGui window: Здравствуйте!");
    ImGui::End();
    ImGui::Render();

    glViewport(0, 0, static_cast<int>(w), static_cast<int>(h));
    glClearColor(1.0f, 1.0f, 1.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    bare_frame_done();
}

// a few frames after start-up, like the app's settle frames, then idle
EM_BOOL on_animation_frame(double, void*) {
    render_frame();
    if (--g_frames_wanted > 0) {
        emscripten_request_animation_frame(on_animation_frame, nullptr);
    }
    return EM_FALSE;
}

}  // namespace

int main() {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.alpha = EM_FALSE;
    attrs.depth = EM_FALSE;
    attrs.stencil = EM_FALSE;
    attrs.antialias = EM_FALSE;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = emscripten_webgl_create_context("#canvas", &attrs);
    if (gl <= 0) {
        return 1;
    }
    emscripten_webgl_make_context_current(gl);

    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    add_font(ruvoya_font_regular, ruvoya_font_regular_size);
    add_font(ruvoya_font_bold, ruvoya_font_bold_size);
    ImGui_ImplOpenGL3_Init("#version 300 es");

    bare_hooks();
    g_frames_wanted = 3;
    emscripten_request_animation_frame(on_animation_frame, nullptr);
    emscripten_exit_with_live_runtime();
    return 0;
}
