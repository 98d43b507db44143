// The web platform layer: Emscripten's html5 API fed straight into Dear ImGui.
//
// Why not the GLFW emulation: it ignores devicePixelRatio, taps press at the previous mouse
// position, finger drags do not move, and it has no clipboard, cursor or phone keyboard.
//
// Index (greppable banners):
//   [SECTION] State
//   [SECTION] Frame loop: idle until something changes
//   [SECTION] Mouse and wheel
//   [SECTION] Touch: taps click where the finger is, drags scroll
//   [SECTION] Keyboard and text
//   [SECTION] ImGui platform hooks: clipboard, links, IME
//   [SECTION] platform.hpp
//   [SECTION] Start-up
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include <GLES3/gl3.h>

#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>

#include "core/input/scroll.hpp"
#include "imgui.h"
#include "imgui_internal.h"
#include "platform/platform.hpp"
#include "platform/webgl_renderer.hpp"
#include "ui/app.hpp"
#include "ui/semantics.hpp"

// [SECTION] State ---------------------------------------------------------------------------

extern "C" {
void ruvoya_web_init();
void ruvoya_web_frame_done(double cpu_ms);
void ruvoya_web_sync_canvas(float* css, int* px);
void ruvoya_web_set_cursor(const char* css);
void ruvoya_web_set_clipboard(const char* text);
int ruvoya_web_open_url(const char* url);
void ruvoya_web_text_input(int active, float x, float y, float line_height);
int ruvoya_web_text_input_focused();
double ruvoya_web_now_ms();
char* ruvoya_web_storage_get(const char* key);
char* ruvoya_web_take_bodies(unsigned long* size, int* failed);
int ruvoya_web_storage_set(const char* key, const char* value);
void ruvoya_web_storage_remove(const char* key);
void ruvoya_web_set_title(const char* title);
void ruvoya_web_set_hash(const char* hash, int replace);
char* ruvoya_web_get_hash();
void ruvoya_web_set_language(const char* lang);
void ruvoya_web_set_timeout(int ms);
void ruvoya_web_request_idle();
void ruvoya_web_listen_hash();
char* ruvoya_web_preferred_language();
void ruvoya_a11y_frame_done();
int ruvoya_a11y_wants_key(const char* key);
char* ruvoya_web_url_param(const char* name);
void ruvoya_web_save_file(const char* name, const char* mime, const char* data);
void ruvoya_web_open_file(const char* accept);
int ruvoya_web_storage_persisted();
char* ruvoya_web_storage_keys(const char* prefix);
char* ruvoya_web_page_url();
void ruvoya_web_set_timer(int ms);
void ruvoya_web_lock_down();
}

namespace {

// a finger that moves further than this (CSS px) is scrolling, not tapping
constexpr float kTapSlop = 8.0f;

// frames kept running after an input, so hover and layout changes settle
constexpr int kSettleFrames = 3;

struct Finger {
    long id = -1;
    float start_x = 0, start_y = 0;
    float last_y = 0;
    bool scrolling = false;
};

struct State {
    ruvoya::ui::App* app = nullptr;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    int frames_wanted = 0;
    bool frame_scheduled = false;
    bool in_frame = false;
    // frames drawn so far; the DOM tree is first built in the second, which start-up asks
    // for at once, so that the first frame reaches the screen sooner
    long frames_drawn = 0;
    double last_frame_ms = 0;
    int width_px = 0, height_px = 0;
    ruvoya::input::ScrollPhysics scroll;
    Finger finger;
    bool touch = false;
    std::string clipboard;
    ImVec2 ime_pos{0, 0};
    float ime_line_height = 16;
    ImGuiMouseCursor cursor = ImGuiMouseCursor_COUNT;
    double last_input_ms = 0;
};

State s;

}  // namespace

// [SECTION] Frame loop: idle until something changes -----------------------------------------

namespace {

const char* css_cursor(ImGuiMouseCursor c) {
    switch (c) {
        case ImGuiMouseCursor_None: return "none";
        case ImGuiMouseCursor_TextInput: return "text";
        case ImGuiMouseCursor_ResizeAll: return "move";
        case ImGuiMouseCursor_ResizeNS: return "ns-resize";
        case ImGuiMouseCursor_ResizeEW: return "ew-resize";
        case ImGuiMouseCursor_ResizeNESW: return "nesw-resize";
        case ImGuiMouseCursor_ResizeNWSE: return "nwse-resize";
        case ImGuiMouseCursor_Hand: return "pointer";
        case ImGuiMouseCursor_Wait: return "wait";
        case ImGuiMouseCursor_Progress: return "progress";
        case ImGuiMouseCursor_NotAllowed: return "not-allowed";
        default: return "default";
    }
}

void render_frame() {
    if (s.in_frame) {
        return;
    }
    s.in_frame = true;
    const double started = emscripten_get_now();
    ImGuiIO& io = ImGui::GetIO();

    // the drawing buffer is CSS size x devicePixelRatio, re-read every frame so that resize,
    // zoom and moving to another screen all land here
    float css[2];
    int px[2];
    ruvoya_web_sync_canvas(css, px);
    io.DisplaySize = ImVec2(css[0], css[1]);
    io.DisplayFramebufferScale =
        ImVec2(css[0] > 0 ? px[0] / css[0] : 1.0f, css[1] > 0 ? px[1] / css[1] : 1.0f);
    s.width_px = px[0];
    s.height_px = px[1];

    // long idle gaps count as one short step, so nothing animates in a jump
    double now = ruvoya_web_now_ms();
    double dt = s.last_frame_ms > 0 ? (now - s.last_frame_ms) / 1000.0 : 1.0 / 60.0;
    io.DeltaTime = static_cast<float>(std::fmin(std::fmax(dt, 0.0001), 0.1));
    s.last_frame_ms = now;

    ImGui::NewFrame();
    s.app->frame();
    ImGui::Render();

    ruvoya::webgl::render(ImGui::GetDrawData(), s.width_px, s.height_px,
                          s.app->clear_color());

    // the cursor shape ImGui asks for, set only when it changes
    ImGuiMouseCursor cursor = s.touch ? ImGuiMouseCursor_Arrow : ImGui::GetMouseCursor();
    if (cursor != s.cursor) {
        s.cursor = cursor;
        ruvoya_web_set_cursor(css_cursor(cursor));
    }

    // the hidden textarea holds focus exactly while ImGui edits text
    ruvoya_web_text_input(io.WantTextInput ? 1 : 0, s.ime_pos.x, s.ime_pos.y,
                          s.ime_line_height);
    if (s.frames_drawn > 0) {
        ruvoya_a11y_frame_done();
    }
    s.frames_drawn++;
    ruvoya_web_frame_done(emscripten_get_now() - started);
    s.in_frame = false;
}

EM_BOOL on_animation_frame(double, void*) {
    s.frame_scheduled = false;
    render_frame();
    if (s.frames_wanted > 0) {
        s.frames_wanted--;
    }
    if (s.frames_wanted > 0 || s.scroll.animating() || s.app->animating()) {
        ruvoya::platform::request_frames(1);
    }
    return EM_FALSE;
}

// runs frames now, inside the event handler, until ImGui has taken every queued event:
// a click's effect (opening a link, focusing a text field) then happens within the
// user's gesture, where the browser allows it
void render_now() {
    ImGuiContext& g = *GImGui;
    for (int i = 0; i < 4; ++i) {
        render_frame();
        if (g.InputEventsQueue.Size == 0) {
            break;
        }
    }
    ruvoya::platform::request_frames(kSettleFrames);
}

}  // namespace

// [SECTION] Mouse and wheel --------------------------------------------------------------------

namespace {

void mouse_source(bool touch) {
    s.touch = touch;
    s.last_input_ms = ruvoya_web_now_ms();
    ImGui::GetIO().AddMouseSourceEvent(touch ? ImGuiMouseSource_TouchScreen
                                             : ImGuiMouseSource_Mouse);
}

EM_BOOL on_mouse_move(int, const EmscriptenMouseEvent* e, void*) {
    mouse_source(false);
    ImGui::GetIO().AddMousePosEvent(static_cast<float>(e->clientX),
                                    static_cast<float>(e->clientY));
    ruvoya::platform::request_frames(kSettleFrames);
    return EM_FALSE;
}

EM_BOOL on_mouse_button(int type, const EmscriptenMouseEvent* e, void*) {
    if (e->button > 2) {
        return EM_FALSE;
    }
    mouse_source(false);
    ImGuiIO& io = ImGui::GetIO();

    // DOM buttons are 0 left, 1 middle, 2 right; ImGui's are 0 left, 1 right, 2 middle
    const int button = e->button == 1 ? 2 : (e->button == 2 ? 1 : 0);
    const bool down = type == EMSCRIPTEN_EVENT_MOUSEDOWN;
    io.AddMousePosEvent(static_cast<float>(e->clientX), static_cast<float>(e->clientY));
    io.AddMouseButtonEvent(button, down);
    if (down) {
        ruvoya::platform::request_frames(kSettleFrames);
    } else {
        render_now();
    }
    return EM_TRUE;
}

EM_BOOL on_mouse_leave(int, const EmscriptenMouseEvent*, void*) {
    ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    ruvoya::platform::request_frames(kSettleFrames);
    return EM_FALSE;
}

// moves the content dy CSS px further down the page, easing like a wheel notch; with
// reduced motion at once, as a finger's drag does
void scroll_content(double dy) {
    if (ruvoya::ui::semantics::reduced_motion()) {
        const double now = ruvoya_web_now_ms();
        s.scroll.touch_begin(now);
        s.scroll.touch_move(-dy, now);
        s.scroll.touch_end(1e300);
    } else {
        s.scroll.wheel(-dy);
    }
    ruvoya::platform::request_frames(kSettleFrames);
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    // ctrl + wheel is the browser's zoom (and a trackpad pinch): leave it to the browser
    if (e->mouse.ctrlKey) {
        return EM_FALSE;
    }
    double dy = e->deltaY;
    if (e->deltaMode == DOM_DELTA_LINE) {
        dy *= 40.0;
    } else if (e->deltaMode == DOM_DELTA_PAGE) {
        dy *= ImGui::GetIO().DisplaySize.y * 0.9;
    }
    mouse_source(false);
    ImGui::GetIO().AddMousePosEvent(static_cast<float>(e->mouse.clientX),
                                    static_cast<float>(e->mouse.clientY));
    scroll_content(dy);
    return EM_TRUE;
}

}  // namespace

// [SECTION] Touch: taps click where the finger is, drags scroll ---------------------------------

namespace {

const EmscriptenTouchPoint* find_finger(const EmscriptenTouchEvent* e, bool changed_only) {
    for (int i = 0; i < e->numTouches; ++i) {
        const EmscriptenTouchPoint& t = e->touches[i];
        if ((!changed_only || t.isChanged) && (s.finger.id < 0 || t.identifier == s.finger.id)) {
            return &t;
        }
    }
    return nullptr;
}

EM_BOOL on_touch_start(int, const EmscriptenTouchEvent* e, void*) {
    // a second finger is ignored: pinch zoom is off, and one finger drives everything
    if (s.finger.id >= 0) {
        return EM_TRUE;
    }
    const EmscriptenTouchPoint* t = find_finger(e, true);
    if (!t) {
        return EM_TRUE;
    }
    const float x = static_cast<float>(t->clientX), y = static_cast<float>(t->clientY);
    s.finger = Finger{t->identifier, x, y, y, false};

    // the press shows at once; it turns into a scroll if the finger moves
    mouse_source(true);
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(x, y);
    io.AddMouseButtonEvent(0, true);
    s.scroll.touch_begin(ruvoya_web_now_ms());
    ruvoya::platform::request_frames(kSettleFrames);
    return EM_TRUE;
}

EM_BOOL on_touch_move(int, const EmscriptenTouchEvent* e, void*) {
    if (s.finger.id < 0) {
        return EM_TRUE;
    }
    const EmscriptenTouchPoint* t = find_finger(e, true);
    if (!t) {
        return EM_TRUE;
    }
    const float x = static_cast<float>(t->clientX), y = static_cast<float>(t->clientY);
    ImGuiIO& io = ImGui::GetIO();

    // past the slop the press is cancelled: released away from any item, so nothing clicks;
    // the content then follows the finger from where it first touched
    if (!s.finger.scrolling &&
        std::hypot(x - s.finger.start_x, y - s.finger.start_y) > kTapSlop) {
        s.finger.scrolling = true;
        io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
        io.AddMouseButtonEvent(0, false);
    }
    if (s.finger.scrolling) {
        s.scroll.touch_move(y - s.finger.last_y, ruvoya_web_now_ms());
        s.finger.last_y = y;
    }
    ruvoya::platform::request_frames(kSettleFrames);
    return EM_TRUE;
}

EM_BOOL on_touch_end(int type, const EmscriptenTouchEvent* e, void*) {
    if (s.finger.id < 0) {
        return EM_TRUE;
    }
    const EmscriptenTouchPoint* t = find_finger(e, true);
    if (!t) {
        return EM_TRUE;
    }
    ImGuiIO& io = ImGui::GetIO();
    const bool cancelled = type == EMSCRIPTEN_EVENT_TOUCHCANCEL;
    if (s.finger.scrolling || cancelled) {
        if (!s.finger.scrolling) {
            io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
            io.AddMouseButtonEvent(0, false);
        }
        // a flick glides on, unless the system asks for reduced motion
        const bool glide = !cancelled && !ruvoya::ui::semantics::reduced_motion();
        s.scroll.touch_end(glide ? ruvoya_web_now_ms() : 1e300);
    } else {
        // a tap: release where the finger is, inside this handler, so that what it opens
        // counts as the user's gesture
        io.AddMousePosEvent(static_cast<float>(t->clientX), static_cast<float>(t->clientY));
        io.AddMouseButtonEvent(0, false);
        s.scroll.touch_end(ruvoya_web_now_ms());
    }

    // nothing stays hovered under a lifted finger
    io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    s.finger = Finger{};
    render_now();
    return EM_TRUE;
}

}  // namespace

// [SECTION] Keyboard and text -------------------------------------------------------------------

namespace {

ImGuiKey key_from_code(const char* code) {
    struct Entry {
        const char* code;
        ImGuiKey key;
    };
    static const Entry table[] = {
        {"Tab", ImGuiKey_Tab},
        {"ArrowLeft", ImGuiKey_LeftArrow},
        {"ArrowRight", ImGuiKey_RightArrow},
        {"ArrowUp", ImGuiKey_UpArrow},
        {"ArrowDown", ImGuiKey_DownArrow},
        {"PageUp", ImGuiKey_PageUp},
        {"PageDown", ImGuiKey_PageDown},
        {"Home", ImGuiKey_Home},
        {"End", ImGuiKey_End},
        {"Insert", ImGuiKey_Insert},
        {"Delete", ImGuiKey_Delete},
        {"Backspace", ImGuiKey_Backspace},
        {"Space", ImGuiKey_Space},
        {"Enter", ImGuiKey_Enter},
        {"NumpadEnter", ImGuiKey_KeypadEnter},
        {"Escape", ImGuiKey_Escape},
        {"ShiftLeft", ImGuiKey_LeftShift},
        {"ShiftRight", ImGuiKey_RightShift},
        {"ControlLeft", ImGuiKey_LeftCtrl},
        {"ControlRight", ImGuiKey_RightCtrl},
        {"AltLeft", ImGuiKey_LeftAlt},
        {"AltRight", ImGuiKey_RightAlt},
        {"MetaLeft", ImGuiKey_LeftSuper},
        {"MetaRight", ImGuiKey_RightSuper},
        {"F1", ImGuiKey_F1},
        {"F2", ImGuiKey_F2},
        {"F3", ImGuiKey_F3},
        {"F4", ImGuiKey_F4},
        {"F5", ImGuiKey_F5},
        {"F6", ImGuiKey_F6},
        {"F7", ImGuiKey_F7},
        {"F8", ImGuiKey_F8},
        {"F9", ImGuiKey_F9},
        {"F10", ImGuiKey_F10},
        {"F11", ImGuiKey_F11},
        {"F12", ImGuiKey_F12},
    };
    for (const Entry& entry : table) {
        if (std::strcmp(code, entry.code) == 0) {
            return entry.key;
        }
    }
    return ImGuiKey_None;
}

// letters and digits follow the layout (Ctrl+C is Ctrl+C on any keyboard); others the code
ImGuiKey key_from_event(const EmscriptenKeyboardEvent* e) {
    const char* k = e->key;
    if (k[0] != 0 && k[1] == 0) {
        char c = k[0];
        if (c >= 'a' && c <= 'z') {
            return static_cast<ImGuiKey>(ImGuiKey_A + (c - 'a'));
        }
        if (c >= 'A' && c <= 'Z') {
            return static_cast<ImGuiKey>(ImGuiKey_A + (c - 'A'));
        }
        if (c >= '0' && c <= '9') {
            return static_cast<ImGuiKey>(ImGuiKey_0 + (c - '0'));
        }
    }
    return key_from_code(e->code);
}

void update_modifiers(const EmscriptenKeyboardEvent* e) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, e->ctrlKey);
    io.AddKeyEvent(ImGuiMod_Shift, e->shiftKey);
    io.AddKeyEvent(ImGuiMod_Alt, e->altKey);
    io.AddKeyEvent(ImGuiMod_Super, e->metaKey);
}

// a single printable character (one code point), as `key` holds it
bool is_printable(const char* key) {
    const unsigned char c = static_cast<unsigned char>(key[0]);
    if (c == 0) {
        return false;
    }
    size_t len = std::strlen(key);
    size_t cp_len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
    return len == cp_len && c >= 0x20;
}

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
    s.last_input_ms = ruvoya_web_now_ms();
    const bool command = e->ctrlKey || e->metaKey;
    const bool editing = ruvoya_web_text_input_focused() != 0;

    // a phone keyboard or an IME composing: its text comes through the input event
    if (std::strcmp(e->key, "Unidentified") == 0 || std::strcmp(e->key, "Process") == 0) {
        return EM_FALSE;
    }

    // Tab, and keys while the semantic DOM tree has focus, are the tree's (a11y.js)
    if (ruvoya_a11y_wants_key(e->key)) {
        return EM_FALSE;
    }

    // paste comes as the browser's paste event, which only fires if not prevented here
    const ImGuiKey key = key_from_event(e);
    if (command && key == ImGuiKey_V) {
        return EM_FALSE;
    }

    update_modifiers(e);
    if (key != ImGuiKey_None) {
        io.AddKeyEvent(key, down);
    }

    // typed text: in the textarea its input event brings it; elsewhere the key itself
    bool printable = is_printable(e->key);
    if (down && printable && !command && !editing) {
        io.AddInputCharactersUTF8(e->key);
    }
    // a typed character in the textarea is drawn when its input event brings the text
    if (down && !(editing && printable && !command)) {
        render_now();
    } else {
        ruvoya::platform::request_frames(kSettleFrames);
    }

    // keep the browser's own shortcuts (reload, zoom, devtools, tab switching)
    if (printable && (editing || command)) {
        const bool edit_shortcut = command && (key == ImGuiKey_A || key == ImGuiKey_C ||
                                               key == ImGuiKey_X || key == ImGuiKey_Z ||
                                               key == ImGuiKey_Y);
        return edit_shortcut && io.WantTextInput ? EM_TRUE : EM_FALSE;
    }
    if (key >= ImGuiKey_F1 && key <= ImGuiKey_F12) {
        return EM_FALSE;
    }
    return key != ImGuiKey_None || printable ? EM_TRUE : EM_FALSE;
}

EM_BOOL on_focus(int type, const EmscriptenFocusEvent*, void*) {
    ImGui::GetIO().AddFocusEvent(type == EMSCRIPTEN_EVENT_FOCUS);
    ruvoya::platform::request_frames(kSettleFrames);
    return EM_FALSE;
}

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
    ruvoya::platform::request_frames(kSettleFrames);
    return EM_FALSE;
}

}  // namespace

// called from platform.js: text from the hidden textarea, and keys a phone keyboard sends
// only as input events
extern "C" EMSCRIPTEN_KEEPALIVE void ruvoya_on_text(const char* utf8) {
    s.last_input_ms = ruvoya_web_now_ms();
    ImGui::GetIO().AddInputCharactersUTF8(utf8);
    render_now();
}

// pasted text goes through ImGui's own paste (Ctrl+V with our clipboard), which replaces a
// selection and, unlike typed characters, is not ignored while Ctrl is held
extern "C" EMSCRIPTEN_KEEPALIVE void ruvoya_on_paste(const char* utf8) {
    ImGuiIO& io = ImGui::GetIO();
    s.clipboard = utf8;
    const bool ctrl = io.KeyCtrl;
    io.AddKeyEvent(ImGuiMod_Ctrl, true);
    io.AddKeyEvent(ImGuiKey_V, true);
    io.AddKeyEvent(ImGuiKey_V, false);
    io.AddKeyEvent(ImGuiMod_Ctrl, ctrl);
    render_now();
}

extern "C" EMSCRIPTEN_KEEPALIVE void ruvoya_on_key_tap(int which) {
    ImGuiIO& io = ImGui::GetIO();
    const ImGuiKey key = which == 1 ? ImGuiKey_Backspace : ImGuiKey_Enter;
    io.AddKeyEvent(key, true);
    io.AddKeyEvent(key, false);
    render_now();
}

// called from a11y.js: the semantic DOM tree activated, focused or edited an item, or
// asked to close what is open; each runs a frame inside the user's own event
extern "C" EMSCRIPTEN_KEEPALIVE void ruvoya_a11y_activate(unsigned id) {
    ruvoya::ui::semantics::request_activation(id);
    render_now();
}

extern "C" EMSCRIPTEN_KEEPALIVE void ruvoya_a11y_focus(unsigned id, int in_tree) {
    ruvoya::ui::semantics::set_dom_focus(id, in_tree != 0);
    render_now();
}

extern "C" EMSCRIPTEN_KEEPALIVE void ruvoya_a11y_set_text(unsigned id, const char* utf8) {
    ruvoya::ui::semantics::set_text(id, utf8 ? utf8 : "");
    render_now();
}

extern "C" EMSCRIPTEN_KEEPALIVE void ruvoya_a11y_escape() {
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiKey_Escape, true);
    io.AddKeyEvent(ImGuiKey_Escape, false);
    render_now();
}

// the arrow, page, Home and End keys scroll the content (dy CSS px down the page)
extern "C" EMSCRIPTEN_KEEPALIVE void ruvoya_a11y_scroll(double dy) {
    scroll_content(dy);
}

// a few frames, so that what the timer reveals (a popup sizes itself first) settles
extern "C" EMSCRIPTEN_KEEPALIVE void ruvoya_on_file(const char* name, const char* text) {
    if (s.app) {
        s.app->on_file_opened(name, text);
    }
    ruvoya::platform::request_frames(kSettleFrames);
}

// the loader has fetched the guides' bodies, or failed to
extern "C" EMSCRIPTEN_KEEPALIVE void ruvoya_on_bodies() {
    if (s.app != nullptr) {
        s.app->take_bodies();
    }
}

// the browser is idle for about budget_ms
extern "C" EMSCRIPTEN_KEEPALIVE void ruvoya_on_idle(double budget_ms) {
    if (s.app != nullptr) {
        s.app->idle_work(budget_ms);
    }
}

extern "C" EMSCRIPTEN_KEEPALIVE void ruvoya_on_timer() {
    ruvoya::platform::request_frames(kSettleFrames);
}

extern "C" EMSCRIPTEN_KEEPALIVE void ruvoya_on_hash_change() {
    if (s.app) {
        s.app->on_hash_change();
    }
    ruvoya::platform::request_frames(kSettleFrames);
}

// [SECTION] ImGui platform hooks: clipboard, links, IME ------------------------------------------

namespace {

const char* get_clipboard(ImGuiContext*) {
    return s.clipboard.c_str();
}

void set_clipboard(ImGuiContext*, const char* text) {
    s.clipboard = text ? text : "";
    ruvoya_web_set_clipboard(s.clipboard.c_str());
}

bool open_in_shell(ImGuiContext*, const char* url) {
    return ruvoya_web_open_url(url) != 0;
}

void set_ime_data(ImGuiContext*, ImGuiViewport*, ImGuiPlatformImeData* data) {
    s.ime_pos = data->InputPos;
    s.ime_line_height = data->InputLineHeight;
}

}  // namespace

// [SECTION] platform.hpp ----------------------------------------------------------------------

namespace ruvoya::platform {

void request_frames(int n) {
    if (n > s.frames_wanted) {
        s.frames_wanted = n;
    }
    if (!s.frame_scheduled) {
        s.frame_scheduled = true;
        emscripten_request_animation_frame(on_animation_frame, nullptr);
    }
}

void wake_after(int ms) {
    ruvoya_web_set_timeout(ms);
}

void request_idle_work() {
    ruvoya_web_request_idle();
}

float take_scroll() {
    return static_cast<float>(s.scroll.step(ruvoya_web_now_ms()));
}

bool open_url(const std::string& url) {
    return ruvoya_web_open_url(url.c_str()) != 0;
}

bool touch_input() {
    return s.touch;
}

double now_ms() {
    return ruvoya_web_now_ms();
}

std::string_view take_content_bodies(bool* failed) {
    unsigned long size = 0;
    int gave_up = 0;
    const char* bytes = ruvoya_web_take_bodies(&size, &gave_up);
    *failed = gave_up != 0;
    return bytes != nullptr ? std::string_view(bytes, size) : std::string_view();
}

std::optional<std::string> storage_get(const std::string& key) {
    char* v = ruvoya_web_storage_get(key.c_str());
    if (!v) {
        return std::nullopt;
    }
    std::string out(v);
    std::free(v);
    return out;
}

bool storage_set(const std::string& key, const std::string& value) {
    return ruvoya_web_storage_set(key.c_str(), value.c_str()) != 0;
}

void storage_remove(const std::string& key) {
    ruvoya_web_storage_remove(key.c_str());
}

void set_title(const std::string& title) {
    ruvoya_web_set_title(title.c_str());
}

void set_hash(const std::string& hash, bool replace) {
    ruvoya_web_set_hash(hash.c_str(), replace ? 1 : 0);
}

std::string current_hash() {
    char* h = ruvoya_web_get_hash();
    std::string out(h ? h : "#/");
    std::free(h);
    return out;
}

std::string preferred_language() {
    char* l = ruvoya_web_preferred_language();
    std::string out(l ? l : "en");
    std::free(l);
    return out;
}

void copy_text(const std::string& text) {
    s.clipboard = text;
    ruvoya_web_set_clipboard(text.c_str());
}

namespace {

std::string take_string(char* p) {
    std::string out(p ? p : "");
    std::free(p);
    return out;
}

}  // namespace

void save_file(const std::string& name, const std::string& mime, const std::string& data) {
    ruvoya_web_save_file(name.c_str(), mime.c_str(), data.c_str());
}

void open_file(const std::string& accept) {
    ruvoya_web_open_file(accept.c_str());
}

int storage_persisted() {
    return ruvoya_web_storage_persisted();
}

std::string url_param(const std::string& name) {
    return take_string(ruvoya_web_url_param(name.c_str()));
}

std::string page_url() {
    return take_string(ruvoya_web_page_url());
}

std::vector<std::string> storage_keys(const std::string& prefix) {
    // the keys come joined by newlines, which a key cannot usefully hold here
    const std::string joined = take_string(ruvoya_web_storage_keys(prefix.c_str()));
    std::vector<std::string> out;
    size_t start = 0;
    while (start < joined.size()) {
        size_t end = joined.find('\n', start);
        if (end == std::string::npos) {
            end = joined.size();
        }
        if (end > start) {
            out.push_back(joined.substr(start, end - start));
        }
        start = end + 1;
    }
    return out;
}

double last_input_ms() {
    return s.last_input_ms;
}

void set_timer(int ms) {
    ruvoya_web_set_timer(ms);
}

void lock_down() {
    ruvoya_web_lock_down();
}

void set_language(const std::string& bcp47) {
    ruvoya_web_set_language(bcp47.c_str());
}

}  // namespace ruvoya::platform

// [SECTION] Start-up ----------------------------------------------------------------------------

namespace {

bool create_gl_context() {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = EM_FALSE;
    attrs.depth = EM_FALSE;
    attrs.stencil = EM_FALSE;
    attrs.antialias = EM_FALSE;
    attrs.powerPreference = EM_WEBGL_POWER_PREFERENCE_LOW_POWER;
    s.gl = emscripten_webgl_create_context("#canvas", &attrs);
    if (s.gl <= 0) {
        return false;
    }
    emscripten_webgl_make_context_current(s.gl);
    return true;
}

void register_callbacks() {
    const char* canvas = "#canvas";
    const char* win = EMSCRIPTEN_EVENT_TARGET_WINDOW;
    emscripten_set_mousedown_callback(canvas, nullptr, EM_TRUE, on_mouse_button);
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_TRUE,
                                    on_mouse_button);
    emscripten_set_mousemove_callback(canvas, nullptr, EM_TRUE, on_mouse_move);
    emscripten_set_mouseleave_callback(canvas, nullptr, EM_TRUE, on_mouse_leave);
    emscripten_set_wheel_callback(canvas, nullptr, EM_TRUE, on_wheel);
    emscripten_set_touchstart_callback(canvas, nullptr, EM_TRUE, on_touch_start);
    emscripten_set_touchmove_callback(canvas, nullptr, EM_TRUE, on_touch_move);
    emscripten_set_touchend_callback(canvas, nullptr, EM_TRUE, on_touch_end);
    emscripten_set_touchcancel_callback(canvas, nullptr, EM_TRUE, on_touch_end);
    emscripten_set_keydown_callback(win, nullptr, EM_TRUE, on_key);
    emscripten_set_keyup_callback(win, nullptr, EM_TRUE, on_key);
    emscripten_set_focus_callback(win, nullptr, EM_TRUE, on_focus);
    emscripten_set_blur_callback(win, nullptr, EM_TRUE, on_focus);
    emscripten_set_resize_callback(win, nullptr, EM_TRUE, on_resize);
    ruvoya_web_listen_hash();
}

}  // namespace

int main() {
    ruvoya_web_init();
    if (!create_gl_context()) {
        EM_ASM(window.ruvoyaFail && window.ruvoyaFail('webgl'));
        return 1;
    }

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    io.BackendPlatformName = "ruvoya_web";

    // a steady caret: no timer needed to blink it, and nothing flashes (WCAG 2.3)
    io.ConfigInputTextCursorBlink = false;

    // the screen view records items through ImGui's test-engine hooks
    GImGui->TestEngineHookItems = true;

    ImGuiPlatformIO& pio = ImGui::GetPlatformIO();
    pio.Platform_GetClipboardTextFn = get_clipboard;
    pio.Platform_SetClipboardTextFn = set_clipboard;
    pio.Platform_OpenInShellFn = open_in_shell;
    pio.Platform_SetImeDataFn = set_ime_data;

    if (!ruvoya::webgl::init()) {
        EM_ASM(window.ruvoyaFail && window.ruvoyaFail('webgl'));
        return 1;
    }

    static ruvoya::ui::App app;
    s.app = &app;
    if (!app.init()) {
        EM_ASM(window.ruvoyaFail && window.ruvoyaFail('init'));
        return 1;
    }
    register_callbacks();
    ruvoya::platform::request_frames(kSettleFrames);

    // keep the runtime alive after main returns: frames come from events from now on
    emscripten_exit_with_live_runtime();
    return 0;
}
