// Text contrast of at least 4.5:1 (WCAG 2.2 AA) for every text colour on every background
// the UI draws it on, in every theme.
#include <doctest/doctest.h>

#include <string>

#include "core/theme/palette.hpp"

using namespace ruvoya::theme;

TEST_CASE("the contrast formula gives WCAG's known values") {
    CHECK(contrast(0x000000, 0xffffff) == doctest::Approx(21.0));
    CHECK(contrast(0x777777, 0xffffff) == doctest::Approx(4.48).epsilon(0.01));
    CHECK(contrast(0x123456, 0x123456) == doctest::Approx(1.0));
}

TEST_CASE("every theme's text is at least 4.5:1 against its backgrounds") {
    for (Kind kind : kAllKinds) {
        const Palette& p = palette(kind);
        const std::string theme(name(kind));
        struct Pair {
            const char* what;
            std::uint32_t fg, bg;
        };
        const Pair pairs[] = {
            {"text on background", p.text, p.background},
            {"text on surface", p.text, p.surface},
            {"text on surface_alt", p.text, p.surface_alt},
            {"text on tip", p.text, p.tip_bg},
            {"muted on background", p.muted, p.background},
            {"muted on surface", p.muted, p.surface},
            {"muted on surface_alt", p.muted, p.surface_alt},
            {"accent (links) on background", p.accent, p.background},
            {"accent (links) on surface", p.accent, p.surface},
            {"accent on tip", p.accent, p.tip_bg},
            {"on_accent on accent (buttons)", p.on_accent, p.accent},
            {"on_danger on danger (emergency strip)", p.on_danger, p.danger},
            {"low risk badge", p.low_fg, p.low_bg},
            {"moderate risk badge", p.moderate_fg, p.moderate_bg},
            {"high risk badge", p.high_fg, p.high_bg},
            {"text on the high-risk card", p.text, p.high_bg},
            {"text on the moderate card", p.text, p.moderate_bg},
        };
        for (const Pair& pair : pairs) {
            INFO(theme << ": " << pair.what);
            CHECK(contrast(pair.fg, pair.bg) >= 4.5);
        }
    }
}

TEST_CASE("theme names round-trip and unknown names fall back to light") {
    for (Kind kind : kAllKinds) {
        CHECK(from_name(name(kind)) == kind);
    }
    CHECK(from_name("sepia") == Kind::light);
}
