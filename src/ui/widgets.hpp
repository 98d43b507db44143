// The app's own widgets on top of Dear ImGui: wrapped headings and paragraphs, buttons and
// links whose text wraps, large checkboxes, badges, cards and disclosures. Each records
// itself in the screen view, and each pressable one is at least theme::target_height()
// tall and reachable with the keyboard.
#pragma once

#include <string>

#include "imgui.h"

namespace ruvoya::ui::widgets {

enum class Style { primary, secondary, quiet, danger };

// a heading of level 1..4 in bold, wrapped to the column
void heading(const std::string& text, int level);

// a small label above a heading ("Fast path", "Checklist")
void eyebrow(const std::string& text);

// body text, wrapped; muted draws it in the secondary colour
void paragraph(const std::string& text, bool muted = false);

// body text with a bold lead-in ("Tip: ...")
void labelled(const std::string& label, const std::string& text);

// a button that fits its text (wrapping when the column is narrow); full_width fills it;
// toggled (0 or 1) makes it a toggle whose state assistive technology announces
bool button(const std::string& label, const char* id, Style style = Style::secondary,
            bool full_width = false, int toggled = -1);

// underlined accent text that acts as a link; href, when given, is the address it opens
// outside the app (the DOM tree offers it as a real link)
bool link(const std::string& label, const char* id, const std::string& href = {});

// a checkbox with a wrapped label; returns true when it was toggled
bool checkbox(const std::string& label, const char* id, bool* value,
              const std::string& tag = {});

// a row that opens and closes what follows; returns the new state
bool disclosure(const std::string& label, const char* id, bool* open);

// a small rounded label; call SameLine() before to put several in a row
void badge(const std::string& text, const ImVec4& bg, const ImVec4& fg);

// a bar from 0 to 1 with a caption beside it
void progress(float fraction, const std::string& caption);

// the read-aloud controls: with no section, the guide's (whole guide, current step); with
// a section's heading, that section's. While reading they offer pause (or resume) and stop.
void read_aloud(const std::string& section = {});

// a padded, rounded panel behind everything drawn until end_card()
void begin_card(const ImVec4& bg, const ImVec4& border);
void end_card();

// vertical space in multiples of the body text size
void gap(float lines);

// the width text wraps at in the current column
float column_width();

}  // namespace ruvoya::ui::widgets
