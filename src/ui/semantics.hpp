// The semantic view: every frame, the whole page in widget order (which is reading order)
// as roles, text and state, including what is scrolled off screen, plus the landmarks
// around it. src/platform/a11y.js turns it into a hidden DOM tree for screen readers and
// keyboard use, and sends activation, focus and typed text back through here.
#pragma once

#include <string>
#include <vector>

namespace ruvoya::ui::semantics {

// starts a new list; call once per frame before any item (screen_view::begin_frame does)
void begin_frame();

// a landmark around what follows until end_region(): banner, navigation, main, dialog
void begin_region(const char* role);
void end_region();

// records one node; id is the ImGui id of an interactive item (0 for static text), state
// is -1 when the role has none, else 0 or 1 (checked, expanded)
void add(const char* role, const std::string& text, unsigned id, int level = 0,
         int state = -1);

// details of the node just added: the address an external link opens, a text field's
// value, a progress bar's value from 0 to 1
void set_last_href(const std::string& href);
void set_last_value(const std::string& value, bool multiline = false);
void set_last_fraction(float fraction);

// the language the last node's text is in, when it differs from the page's (a language's
// own name on the language button)
void set_last_lang(const std::string& bcp47);

// a choice's options and the index chosen, for the last node (a combo box)
void set_last_options(const std::vector<std::string>& options, int chosen);

// true once when the DOM tree asked to activate item `id` (a click, Enter, Space)
bool take_activation(unsigned id);

// applies text typed into the DOM field of the last ImGui item to *value; true if changed
bool take_text(unsigned id, std::string* value);

// draws the focus ring when the DOM tree's focus is on the last item, and scrolls it into
// view once when that focus has just arrived
void decorate_last_item(unsigned id);

// ---- from the platform layer (a11y.js calls these through web_platform.cpp) ----------------
void request_activation(unsigned id);
// id is the focused control (0 for text); in_tree is false once focus left the tree
void set_dom_focus(unsigned id, bool in_tree);
void set_text(unsigned id, const std::string& text);
void on_system_change();

// what the system asks for, read by a11y.js from the browser's media queries: a theme name
// ("light", "dark", "high-contrast") from the colour scheme and contrast preferences, and
// whether motion should be reduced
std::string system_theme();
bool reduced_motion();

// true once after the system's preferences changed while the app runs
bool take_system_change();

// the localStorage key that says the reader picked a theme in Settings, which then wins
// over the system's preferences
inline constexpr const char* kThemePickedKey = "ruvoya.theme-picked";

// reading aloud with the browser's speech synthesis, in the page's language (a11y.js):
// what it is doing and reading (the command that started it), and a command: "guide",
// "step" (the current step), "section:<its heading>", "pause", "resume" or "stop"
enum class Speech { idle, speaking, paused };
Speech speech_state();
std::string speech_scope();
void speech(const char* command);

// a label of the read-aloud controls and the DOM tree in the UI's language
const std::string& word(const char* name);

// the labels word() gives, as a JSON object of name -> text (from content/ui)
void set_words(const std::string& json);

// a number that changes whenever the list differs from the one before
unsigned version();

// the list as JSON: [{"k": key, "r": role, "t": text, ...}, ...]
const std::string& json();

}  // namespace ruvoya::ui::semantics
