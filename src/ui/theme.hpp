// Colours and sizes: the three palettes of core/theme/palette.hpp as ImGui colours, five
// text sizes, and larger targets on touch screens.
#pragma once

#include <string_view>

#include "core/theme/palette.hpp"
#include "imgui.h"

namespace ruvoya::ui::theme {

struct Palette {
    ImVec4 background;   // behind everything
    ImVec4 surface;      // cards and fields
    ImVec4 surface_alt;  // the top bar, tips, hovered rows
    ImVec4 text;
    ImVec4 muted;        // secondary text; still 4.5:1 on surface and background
    ImVec4 accent;       // links, primary buttons, focus
    ImVec4 on_accent;    // text on accent
    ImVec4 border;
    ImVec4 low_bg, low_fg;
    ImVec4 moderate_bg, moderate_fg;
    ImVec4 high_bg, high_fg;
    ImVec4 tip_bg;
    ImVec4 danger;       // warnings in text, the emergency strip
    ImVec4 on_danger;
    ImVec4 success;
};

using Kind = ruvoya::theme::Kind;
using ruvoya::theme::from_name;

const Palette& palette();

// body text size in CSS px for a text-size step (0..4)
float body_size(int text_size);

// smallest height of anything that can be pressed, in CSS px
float target_height();

// applies a palette and sizes to ImGui's style; call when a setting changes
void apply(Kind kind, int text_size, bool touch, bool kiosk = false);

}  // namespace ruvoya::ui::theme
