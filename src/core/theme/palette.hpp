// The colours of the three themes as plain 0xRRGGBB values, with the WCAG contrast ratio
// between two of them. The UI turns them into ImGui colours (src/ui/theme.cpp); the unit
// tests check every text colour against every background it is drawn on.
#pragma once

#include <cstdint>
#include <string_view>

namespace ruvoya::theme {

struct Palette {
    std::uint32_t background;   // behind everything
    std::uint32_t surface;      // cards and fields
    std::uint32_t surface_alt;  // the top bar, tips, hovered rows
    std::uint32_t text;
    std::uint32_t muted;        // secondary text
    std::uint32_t accent;       // links, primary buttons, focus
    std::uint32_t on_accent;    // text on accent
    std::uint32_t border;
    std::uint32_t low_bg, low_fg;
    std::uint32_t moderate_bg, moderate_fg;
    std::uint32_t high_bg, high_fg;
    std::uint32_t tip_bg;
    std::uint32_t danger;       // the emergency strip, destructive buttons
    std::uint32_t on_danger;
    std::uint32_t success;      // progress bars
};

enum class Kind { light, dark, high_contrast };

inline constexpr Kind kAllKinds[] = {Kind::light, Kind::dark, Kind::high_contrast};

const Palette& palette(Kind kind);

// "light", "dark", "high-contrast"; unknown names give light
Kind from_name(std::string_view name);
std::string_view name(Kind kind);

// WCAG 2.x relative luminance of an sRGB colour, 0..1
double luminance(std::uint32_t rgb);

// WCAG contrast ratio of two colours, 1..21
double contrast(std::uint32_t a, std::uint32_t b);

}  // namespace ruvoya::theme
