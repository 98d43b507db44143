// The semantic view: every frame, the whole page in widget order (which is reading order)
// as roles, text and state, including what is scrolled off screen, plus the landmarks
// around it. src/platform/a11y.js turns it into a hidden DOM tree for screen readers and
// keyboard use, and sends activation, focus and typed text back through here.
#pragma once

#include <string>

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

// true once when the DOM tree asked to activate item `id` (a click, Enter, Space)
bool take_activation(unsigned id);

// applies text typed into the DOM field of the last ImGui item to *value; true if changed
bool take_text(unsigned id, std::string* value);

// draws the focus ring when the DOM tree's focus is on the last item, and scrolls it into
// view once when that focus has just arrived
void decorate_last_item(unsigned id);

// ---- from the platform layer (a11y.js calls these through web_platform.cpp) ----------------
void request_activation(unsigned id);
void set_dom_focus(unsigned id);
void set_text(unsigned id, const std::string& text);

// a number that changes whenever the list differs from the one before
unsigned version();

// the list as JSON: [{"k": key, "r": role, "t": text, ...}, ...]
const std::string& json();

}  // namespace ruvoya::ui::semantics
