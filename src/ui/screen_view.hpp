// The screen view: every frame, the interactive items and headings on screen with their
// label, kind, state and rectangle in CSS pixels. Tests find what to click through it
// (window.ruvoya.items()), and the accessibility layer builds on it.
#pragma once

#include <string>
#include <vector>

#include "imgui.h"

namespace ruvoya::ui::screen_view {

struct Item {
    unsigned id = 0;
    std::string label;
    std::string kind;  // button, checkbox, link, disclosure, input, heading, text
    int level = 0;     // heading level, 1..6
    bool checked = false;
    bool open = false;
    bool checkable = false;
    bool openable = false;
    float x = 0, y = 0, w = 0, h = 0;
};

// clears the previous frame's items; call right after ImGui::NewFrame()
void begin_frame();

// the kind of the next item ImGui submits, where its flags cannot tell (a link, say)
void set_next_kind(const char* kind);

// records a heading (or plain text worth finding) at the last item's rectangle
void add_last_item_as(const char* kind, const std::string& label, int level = 0);

// names the last item ImGui added (a custom widget built on an invisible button); it also
// enters the semantic view (semantics.hpp) and shows the DOM tree's focus ring
void describe_last_item(const std::string& label, const char* kind, int state = -1);

// a landmark (banner, navigation, main) around the items until end_region()
void begin_region(const char* role);
void end_region();

// true once when the semantic DOM tree activated the last item (its click, Enter, Space)
bool take_activation();

// after describe_last_item() on a text field: takes text typed into its DOM field into
// *value (true if that changed it) and records the value for the DOM
bool sync_text(std::string* value, bool multiline = false);

// after describe_last_item() on a combo box: takes the option chosen in its DOM select into
// *chosen (true if that changed it) and records the options for the DOM
bool sync_choice(const std::vector<std::string>& options, int* chosen);

const std::vector<Item>& items();

// the items as a JSON array, for the test hook
std::string items_json();

}  // namespace ruvoya::ui::screen_view
