// The palettes: see palette.hpp. Every pairing the UI draws text in is at least 4.5:1.
#include "core/theme/palette.hpp"

#include <algorithm>
#include <cmath>

namespace ruvoya::theme {

namespace {

constexpr Palette kLight = {
    0xf6f7f9, 0xffffff, 0xeef1f5, 0x181c23, 0x4d5562, 0x0e57a6, 0xffffff, 0xc9ced6,
    0xe3f4e8, 0x1b5e2f, 0xfdf0d5, 0x7a4a00, 0xfde4e4, 0x9b1c1c, 0xeef5fc,
    0xb42318, 0xffffff, 0x1b7a3a,
};

constexpr Palette kDark = {
    0x14171c, 0x1e232a, 0x262c35, 0xeceff3, 0xb3bac5, 0x7db4ff, 0x0b1a2e, 0x3d4654,
    0x183b25, 0xa7e3b8, 0x3f3015, 0xf5cf87, 0x4a1c1c, 0xffb4b4, 0x1c2a3b,
    0xff8a80, 0x1a0000, 0x7fd89b,
};

constexpr Palette kHighContrast = {
    0x000000, 0x000000, 0x000000, 0xffffff, 0xffffff, 0xffff00, 0x000000, 0xffffff,
    0x000000, 0x7dff9b, 0x000000, 0xffd75e, 0x000000, 0xff9e9e, 0x000000,
    0xff9e9e, 0x000000, 0x7dff9b,
};

double channel(std::uint32_t v) {
    const double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

}  // namespace

const Palette& palette(Kind kind) {
    switch (kind) {
        case Kind::dark: return kDark;
        case Kind::high_contrast: return kHighContrast;
        default: return kLight;
    }
}

Kind from_name(std::string_view name) {
    if (name == "dark") {
        return Kind::dark;
    }
    if (name == "high-contrast") {
        return Kind::high_contrast;
    }
    return Kind::light;
}

std::string_view name(Kind kind) {
    switch (kind) {
        case Kind::dark: return "dark";
        case Kind::high_contrast: return "high-contrast";
        default: return "light";
    }
}

double luminance(std::uint32_t rgb) {
    return 0.2126 * channel((rgb >> 16) & 0xff) + 0.7152 * channel((rgb >> 8) & 0xff) +
           0.0722 * channel(rgb & 0xff);
}

double contrast(std::uint32_t a, std::uint32_t b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace ruvoya::theme
