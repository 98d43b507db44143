// Tests for hash routes: every route parsed and formatted, bad hashes and bad escapes.
#include <doctest/doctest.h>

#include <string>

#include "core/route/route.hpp"

using namespace ruvoya;
using route::Page;
using route::Route;
using route::Section;

TEST_CASE("routes parse the catalogue from empty and root hashes") {
    for (const char* hash : {"", "#", "#/", "/"}) {
        const auto result = route::parse(hash);
        CHECK(result.valid);
        CHECK(result.route.page == Page::catalogue);
    }
}

TEST_CASE("routes parse guides, sections and steps") {
    SUBCASE("a guide") {
        const auto result = route::parse("#/guide/medical-help");
        CHECK(result.valid);
        CHECK(result.route == route::guide("medical-help"));
        CHECK(result.route.page == Page::guide);
        CHECK_FALSE(result.route.section.has_value());
    }
    SUBCASE("every section") {
        const Section sections[] = {Section::route,     Section::fast_path, Section::needs,
                                    Section::checklist, Section::details,   Section::links,
                                    Section::traps,     Section::faq,       Section::sources,
                                    Section::report,    Section::related};
        for (const Section section : sections) {
            const std::string hash = "#/guide/sim-card/" + std::string(route::section_id(section));
            const auto result = route::parse(hash);
            CHECK(result.valid);
            CHECK(result.route == route::guide_section("sim-card", section));
            CHECK(route::format(result.route) == hash);
        }
        CHECK(route::section_id(Section::fast_path) == "fast-path");
        CHECK(route::section_from_id("faq") == Section::faq);
        CHECK_FALSE(route::section_from_id("FAQ").has_value());
    }
    SUBCASE("a step") {
        const auto result = route::parse("#/guide/medical-help/step/decide-urgency");
        CHECK(result.valid);
        CHECK(result.route == route::guide_step("medical-help", "decide-urgency"));
    }
    SUBCASE("a trailing slash and a missing '#'") {
        CHECK(route::parse("#/guide/bank/").route == route::guide("bank"));
        CHECK(route::parse("/guide/bank").route == route::guide("bank"));
        CHECK(route::parse("#/settings/").route == route::settings());
    }
}

TEST_CASE("routes parse search queries and settings") {
    CHECK(route::parse("#/settings").route == route::settings());
    CHECK(route::parse("#/search/").route == route::search(""));
    CHECK(route::parse("#/search").route == route::search(""));
    CHECK(route::parse("#/search/polis%20oms").route == route::search("polis oms"));
    CHECK(route::parse("#/search/%D0%A1%D0%9D%D0%98%D0%9B%D0%A1").route == route::search("СНИЛС"));
    CHECK(route::parse("#/search/a%2Fb").route == route::search("a/b"));
    CHECK(route::parse("#/search/a+b").route == route::search("a+b"));
    // a browser may hand over the query undecoded
    CHECK(route::parse("#/search/СНИЛС").route == route::search("СНИЛС"));
}

TEST_CASE("routes map unknown and malformed hashes to the catalogue with a flag") {
    const char* bad[] = {
        "#/nope",
        "#/guide",
        "#/guide/",
        "#/guide/Medical-Help",
        "#/guide/a--b",
        "#/guide/x/unknown-section",
        "#/guide/x/step",
        "#/guide/x/step/",
        "#/guide/x/step/Bad",
        "#/guide/x/step/a/extra",
        "#/guide/x/checklist/extra",
        "#/guide//checklist",
        "#//",
        "#guide/x",
        "#/settings/more",
        "#/search/%",
        "#/search/%4",
        "#/search/%zz",
        "#/search/%FF",
        "#/search/a%00b",
        "#/guide/x?utm=1",
    };
    for (const char* hash : bad) {
        CAPTURE(hash);
        const auto result = route::parse(hash);
        CHECK_FALSE(result.valid);
        CHECK(result.route == route::catalogue());
    }
    SUBCASE("a very long hash") {
        const std::string hash = "#/search/" + std::string(route::kMaxHashLength, 'a');
        CHECK_FALSE(route::parse(hash).valid);
    }
    SUBCASE("raw invalid bytes") {
        CHECK_FALSE(route::parse("#/search/\xFF").valid);
        CHECK_FALSE(route::parse("#/guide/\xD0").valid);
    }
}

TEST_CASE("routes format canonical hashes that parse back") {
    const route::Route routes[] = {
        route::catalogue(),
        route::settings(),
        route::guide("medical-help"),
        route::guide_section("medical-help", Section::checklist),
        route::guide_step("medical-help", "call-103"),
        route::search("polis oms / 100% ё?#&"),
        route::search(""),
    };
    for (const auto& original : routes) {
        const std::string hash = route::format(original);
        CAPTURE(hash);
        const auto back = route::parse(hash);
        CHECK(back.valid);
        CHECK(back.route == original);
    }
    CHECK(route::format(route::catalogue()) == "#/");
    CHECK(route::format(route::search("a b/ё")) == "#/search/a%20b%2F%D1%91");
    CHECK(route::format(route::guide_step("g", "s")) == "#/guide/g/step/s");
    CHECK(route::format(route::guide("Bad Id")) == "#/");
    CHECK(route::format(route::guide_step("g", "Bad Step")) == "#/");
}

TEST_CASE("percent decoding rejects bad escapes and bad UTF-8") {
    std::string out;
    CHECK(route::percent_decode("a%41%62c", out));
    CHECK(out == "aAbc");
    CHECK_FALSE(route::percent_decode("%", out));
    CHECK_FALSE(route::percent_decode("ab%4", out));
    CHECK_FALSE(route::percent_decode("%G1", out));
    CHECK_FALSE(route::percent_decode("%C3%28", out));
    CHECK_FALSE(route::percent_decode("%00", out));
    CHECK(route::percent_decode("", out));
    CHECK(out.empty());
    CHECK(route::percent_encode("~a-b_c.d e") == "~a-b_c.d%20e");
}

TEST_CASE("a kiosk hand-off carries a guide with its ticked items and done steps") {
    const Route sent = ruvoya::route::handoff("medical-help", {"policy-found", "urgency-known"},
                                              {"decide-urgency"});
    const std::string hash = ruvoya::route::format(sent);
    CHECK(hash == "#/take/medical-help/policy-found.urgency-known/decide-urgency");
    const auto back = ruvoya::route::parse(hash);
    CHECK(back.valid);
    CHECK(back.route == sent);

    SUBCASE("empty lists are written as an underscore") {
        const Route none = ruvoya::route::handoff("sim-card", {}, {});
        CHECK(ruvoya::route::format(none) == "#/take/sim-card/_/_");
        CHECK(ruvoya::route::parse("#/take/sim-card/_/_").route == none);
    }
    SUBCASE("a list with anything but ids falls back to the catalogue") {
        CHECK_FALSE(ruvoya::route::parse("#/take/sim-card/a..b/_").valid);
        CHECK_FALSE(ruvoya::route::parse("#/take/sim-card/A/_").valid);
        CHECK_FALSE(ruvoya::route::parse("#/take/sim-card/a/").valid);
        CHECK_FALSE(ruvoya::route::parse("#/take/Sim/a/_").valid);
    }
}
