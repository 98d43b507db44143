// The semantic view: see semantics.hpp. The list is rebuilt every frame while the widgets
// draw, hashed after the frame, and serialised only when the hash differs from the last
// one the DOM tree received, so a still page costs a hash per frame and nothing more.
// This file is also the UI's bridge to a11y.js (speech, the system's preferences), which
// only the WebAssembly build links.
#include "ui/semantics.hpp"

#include <emscripten/emscripten.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/text/text.hpp"
#include "imgui_internal.h"
#include "platform/platform.hpp"
#include "ui/theme.hpp"

// in a11y.js: the system's preferences, reading aloud, the controls' labels
extern "C" {
int ruvoya_a11y_system_theme();
int ruvoya_a11y_reduced_motion();
int ruvoya_a11y_speech_state();
void ruvoya_a11y_speech(const char* command);
void ruvoya_a11y_set_words(const char* json);
char* ruvoya_a11y_speech_scope();
}

namespace ruvoya::ui::semantics {

namespace {

struct Node {
    std::string key;
    std::string role;
    std::string text;
    unsigned id = 0;
    int level = 0;
    int state = -1;
    std::string href;
    std::string value;
    int percent = -1;
    std::string lang;
    std::vector<std::string> options;
};

std::vector<Node> g_nodes;
std::map<std::uint64_t, int> g_seen;
std::uint64_t g_published_hash = 1;
unsigned g_version = 0;
std::string g_json = "[]";

// what the DOM tree asked for, waiting for its item to be drawn
unsigned g_activate = 0;
int g_activate_frames = 0;
unsigned g_text_id = 0;
int g_text_frames = 0;
std::string g_text;
unsigned g_focus = 0;
bool g_scroll_to_focus = false;
bool g_system_changed = false;

// the read-aloud controls' labels, kept here too so drawing them calls no JavaScript
std::map<std::string, std::string, std::less<>> g_words;

using text::kFnvOffset;

// a text and a 0xff byte after it, so that "ab" + "c" and "a" + "bc" differ
std::uint64_t mix(std::uint64_t h, const std::string& s) {
    return text::fnv1a(std::string_view("\xff", 1), text::fnv1a(s, h));
}

std::uint64_t mix(std::uint64_t h, long long v) {
    return mix(h, std::to_string(v));
}

// folds one node into a hash of the list
std::uint64_t hash_node(std::uint64_t h, const Node& n) {
    h = mix(h, n.key);
    h = mix(h, n.role);
    h = mix(h, n.text);
    h = mix(h, static_cast<long long>(n.level) * 16 + n.state);
    h = mix(h, n.href);
    h = mix(h, n.value);
    h = mix(h, n.lang);
    for (const std::string& o : n.options) {
        h = mix(h, o);
    }
    return mix(h, n.percent);
}

// static text has no ImGui id: its key is its role and text, numbered when repeated
std::string static_key(const Node& n) {
    const std::uint64_t h = mix(mix(kFnvOffset, n.role), n.text) + n.level;
    const int count = g_seen[h]++;
    char buf[48];
    std::snprintf(buf, sizeof buf, "s%016llx-%d", static_cast<unsigned long long>(h), count);
    return buf;
}

std::uint64_t list_hash() {
    std::uint64_t h = kFnvOffset;
    for (const Node& n : g_nodes) {
        h = hash_node(h, n);
    }
    return h;
}

}  // namespace

void begin_frame() {
    g_nodes.clear();
    g_seen.clear();

    // an activation that no widget of ours claimed goes to ImGui's own (a combo, say)
    if (g_activate != 0 && ++g_activate_frames > 1) {
        ImGui::ActivateItemByID(g_activate);
        g_activate = 0;
        platform::request_frames(2);
    }
    if (g_text_id != 0 && ++g_text_frames > 1) {
        g_text_id = 0;
    }
}

void begin_region(const char* role) {
    add("begin", role, 0);
}

void end_region() {
    add("end", "", 0);
}

void add(const char* role, const std::string& text, unsigned id, int level, int state) {
    Node n;
    n.role = role;
    n.text = text;
    n.id = id;
    n.level = level;
    n.state = state;
    if (n.role == "begin" || n.role == "end") {
        n.key = n.role + ":" + text + ":" + std::to_string(g_nodes.size());
    } else if (id != 0) {
        n.key = "i" + std::to_string(id);
    } else {
        n.key = static_key(n);
    }
    g_nodes.push_back(std::move(n));
}

void set_last_href(const std::string& href) {
    if (!g_nodes.empty()) {
        g_nodes.back().href = href;
    }
}

void set_last_value(const std::string& value, bool multiline) {
    if (!g_nodes.empty()) {
        g_nodes.back().value = value;
        if (multiline) {
            g_nodes.back().role = "textarea";
        }
    }
}

void set_last_fraction(float fraction) {
    if (!g_nodes.empty()) {
        const float f = fraction < 0 ? 0 : (fraction > 1 ? 1 : fraction);
        g_nodes.back().percent = static_cast<int>(f * 100.0f + 0.5f);
    }
}

void set_last_lang(const std::string& bcp47) {
    if (!g_nodes.empty()) {
        g_nodes.back().lang = bcp47;
    }
}

void set_last_options(const std::vector<std::string>& options, int chosen) {
    if (!g_nodes.empty()) {
        g_nodes.back().options = options;
        g_nodes.back().value = std::to_string(chosen);
    }
}

bool take_activation(unsigned id) {
    if (id == 0 || id != g_activate) {
        return false;
    }
    g_activate = 0;
    return true;
}

bool take_text(unsigned id, std::string* value) {
    if (id == 0 || id != g_text_id) {
        return false;
    }
    g_text_id = 0;

    // ImGui keeps its own copy of a field while it edits it; the DOM's text wins
    if (GImGui->ActiveId == id) {
        ImGui::ClearActiveID();
    }
    if (*value == g_text) {
        return false;
    }
    *value = g_text;
    return true;
}

void decorate_last_item(unsigned id) {
    if (id == 0 || id != g_focus) {
        return;
    }
    ImGuiContext& g = *GImGui;
    ImGuiWindow* window = g.CurrentWindow;
    const ImRect r = g.LastItemData.Rect;
    if (g_scroll_to_focus && window) {
        // with a margin, so the ring and a line of context show around the item
        g_scroll_to_focus = false;
        const float margin = ImGui::GetFontSize() * 2.0f;
        const ImRect wide(r.Min.x, r.Min.y - margin, r.Max.x, r.Max.y + margin);
        ImGui::ScrollToRectEx(window, wide, ImGuiScrollFlags_KeepVisibleEdgeY);
        platform::request_frames(3);
    }

    // ImGui draws its own ring when its keyboard navigation is on the same item
    if (g.NavId == id && g.NavCursorVisible) {
        return;
    }
    const ImU32 ring = ImGui::ColorConvertFloat4ToU32(theme::palette().accent);
    ImGui::GetWindowDrawList()->AddRect(ImVec2(r.Min.x - 3, r.Min.y - 3),
                                        ImVec2(r.Max.x + 3, r.Max.y + 3), ring,
                                        ImGui::GetStyle().FrameRounding + 3, 0, 3.0f);
}

void request_activation(unsigned id) {
    g_activate = id;
    g_activate_frames = 0;
}

void set_dom_focus(unsigned id, bool in_tree) {
    if (id != g_focus) {
        g_scroll_to_focus = id != 0;
    }
    g_focus = id;

    // the tree's focus ends text editing on the canvas, whose hidden field would take the
    // keyboard back at the next frame
    if (in_tree && GImGui && GImGui->ActiveId != 0) {
        ImGui::ClearActiveID();
        GImGui->WantTextInputNextFrame = 0;
    }
}

void set_text(unsigned id, const std::string& text) {
    g_text_id = id;
    g_text_frames = 0;
    g_text = text;
}

std::string system_theme() {
    switch (ruvoya_a11y_system_theme()) {
        case 2: return "high-contrast";
        case 1: return "dark";
        default: return "light";
    }
}

bool reduced_motion() {
    return ruvoya_a11y_reduced_motion() != 0;
}

Speech speech_state() {
    switch (ruvoya_a11y_speech_state()) {
        case 2: return Speech::paused;
        case 1: return Speech::speaking;
        default: return Speech::idle;
    }
}

std::string speech_scope() {
    char* w = ruvoya_a11y_speech_scope();
    std::string out(w ? w : "");
    std::free(w);
    return out;
}

void speech(const char* command) {
    ruvoya_a11y_speech(command);
}

void set_words(const std::string& json) {
    ruvoya_a11y_set_words(json.c_str());
    g_words.clear();
    const nlohmann::json words = nlohmann::json::parse(json, nullptr, false);
    if (words.is_object()) {
        for (const auto& [name, label] : words.items()) {
            if (label.is_string()) {
                g_words[name] = label.get<std::string>();
            }
        }
    }
}

const std::string& word(const char* name) {
    static const std::string none;
    const auto found = g_words.find(std::string_view(name));
    return found == g_words.end() ? none : found->second;
}

bool take_system_change() {
    const bool changed = g_system_changed;
    g_system_changed = false;
    return changed;
}

void on_system_change() {
    g_system_changed = true;
    platform::request_frames(2);
}

unsigned version() {
    const std::uint64_t h = list_hash();
    if (h != g_published_hash) {
        g_published_hash = h;
        g_version++;
        nlohmann::json out = nlohmann::json::array();
        for (const Node& n : g_nodes) {
            nlohmann::json j = {{"k", n.key}, {"r", n.role}, {"t", n.text}};
            if (n.id != 0) {
                j["id"] = n.id;
            }
            if (n.level > 0) {
                j["l"] = n.level;
            }
            if (n.state >= 0) {
                j["s"] = n.state;
            }
            if (!n.href.empty()) {
                j["h"] = n.href;
            }
            if (!n.value.empty() || n.role == "input" || n.role == "textarea") {
                j["v"] = n.value;
            }
            if (n.percent >= 0) {
                j["p"] = n.percent;
            }
            if (!n.lang.empty()) {
                j["g"] = n.lang;
            }
            if (!n.options.empty()) {
                j["o"] = n.options;
            }
            out.push_back(std::move(j));
        }
        g_json = out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    return g_version;
}

const std::string& json() {
    return g_json;
}

}  // namespace ruvoya::ui::semantics

// a11y.js reads the semantic view through these after each frame
extern "C" EMSCRIPTEN_KEEPALIVE unsigned ruvoya_semantics_version() {
    return ruvoya::ui::semantics::version();
}

extern "C" EMSCRIPTEN_KEEPALIVE const char* ruvoya_semantics_json() {
    return ruvoya::ui::semantics::json().c_str();
}

// the item ImGui's own keyboard navigation shows its ring on, 0 when none shows
extern "C" EMSCRIPTEN_KEEPALIVE unsigned ruvoya_semantics_nav_focus() {
    ImGuiContext* g = GImGui;
    return g && g->NavCursorVisible ? g->NavId : 0;
}

// the text field being edited on the canvas, 0 when none is
extern "C" EMSCRIPTEN_KEEPALIVE unsigned ruvoya_semantics_editing() {
    ImGuiContext* g = GImGui;
    return g && g->ActiveId != 0 && g->ActiveId == g->InputTextState.ID ? g->ActiveId : 0;
}

// a11y.js calls this when a media query it watches (colour scheme, contrast) changes
extern "C" EMSCRIPTEN_KEEPALIVE void ruvoya_a11y_system_changed() {
    ruvoya::ui::semantics::on_system_change();
}
