// Tests of the single-value checks of the content compiler: ids, UI keys, dates, URLs,
// e-mail addresses, phone numbers, did-you-mean and the hash behind guide revisions.
#include <doctest/doctest.h>

#include "core/content/checks.hpp"

using namespace ruvoya::content;

TEST_CASE("slugs are lowercase words joined by single hyphens") {
    CHECK(is_slug("sim-card"));
    CHECK(is_slug("inn"));
    CHECK(is_slug("step-2"));
    CHECK_FALSE(is_slug(""));
    CHECK_FALSE(is_slug("Sim-card"));
    CHECK_FALSE(is_slug("sim--card"));
    CHECK_FALSE(is_slug("-sim"));
    CHECK_FALSE(is_slug("sim-"));
    CHECK_FALSE(is_slug("sim_card"));
}

TEST_CASE("UI keys are dotted slugs that may use underscores") {
    CHECK(is_ui_key("guide.fast_path"));
    CHECK(is_ui_key("catalogue.where.title"));
    CHECK(is_ui_key("title"));
    CHECK_FALSE(is_ui_key("guide..title"));
    CHECK_FALSE(is_ui_key(".guide"));
    CHECK_FALSE(is_ui_key("guide.Title"));
    CHECK_FALSE(is_ui_key("guide.fast__path"));
}

TEST_CASE("dates must be ISO and exist in the calendar") {
    DateProblem problem = DateProblem::none;

    SUBCASE("valid dates, leap days included") {
        CHECK(parse_date("2026-11-20", &problem).has_value());
        CHECK(parse_date("2024-02-29", &problem).has_value());
        CHECK(parse_date("2000-02-29", &problem).has_value());
        CHECK(problem == DateProblem::none);
    }
    SUBCASE("bad shapes") {
        for (const char* text : {"2026-1-20", "20.11.2026", "2026/11/20", "2026-11-20T00", ""}) {
            INFO(text);
            CHECK_FALSE(parse_date(text, &problem).has_value());
            CHECK(problem == DateProblem::format);
        }
    }
    SUBCASE("days that do not exist") {
        for (const char* text :
             {"2026-02-29", "1900-02-29", "2026-13-01", "2026-04-31", "2026-00-10", "2026-01-00"}) {
            INFO(text);
            CHECK_FALSE(parse_date(text, &problem).has_value());
            CHECK(problem == DateProblem::calendar);
        }
    }
}

TEST_CASE("day counts and month arithmetic for the review age") {
    CHECK(days_from_civil({1970, 1, 1}) == 0);
    CHECK(days_from_civil({2026, 12, 1}) - days_from_civil({2025, 12, 1}) == 365);
    CHECK(format_date(months_before({2026, 12, 1}, 12)) == "2025-12-01");
    CHECK(format_date(months_before({2026, 3, 31}, 1)) == "2026-02-28");
    CHECK(format_date(months_before({2026, 1, 15}, 13)) == "2024-12-15");
}

TEST_CASE("URLs must be https with a host and nothing hidden in them") {
    CHECK_FALSE(check_url("https://www.gosuslugi.ru/").has_value());
    CHECK_FALSE(check_url("https://xn--b1aew.xn--p1ai/path?q=1#top").has_value());
    CHECK_FALSE(check_url("https://мвд.рф/").has_value());
    CHECK_FALSE(check_url("https://example.org:8443/a").has_value());

    auto code = [](const char* url) {
        auto problem = check_url(url);
        return problem ? problem->code : std::string("none");
    };
    CHECK(code("http://example.org/") == "C018");
    CHECK(code("ftp://example.org/") == "C018");
    CHECK(code("//example.org/") == "C018");
    CHECK(code("https://localhost/") == "C019");
    CHECK(code("https:///path") == "C019");
    CHECK(code("https://example.org:port/") == "C019");
    CHECK(code("https://exa_mple.org/") == "C019");
    CHECK(code("https://user:pass@example.org/") == "C020");
    CHECK(code("https://user@example.org/") == "C020");
    CHECK(code("javascript:alert(1)") == "C021");
    CHECK(code("JavaScript:alert(1)") == "C021");
    CHECK(code("https://example.org/a b") == "C022");
    CHECK(code(" https://example.org/") == "C022");
    CHECK(code("https://example.org/\xC2\xA0") == "C022");
}

TEST_CASE("e-mail addresses and phone numbers") {
    CHECK(is_email("reports@ruvoya.example"));
    CHECK_FALSE(is_email("reports.ruvoya.example"));
    CHECK_FALSE(is_email("a@b"));
    CHECK_FALSE(is_email("a b@c.org"));
    CHECK_FALSE(is_email("a@@c.org"));

    CHECK(is_phone_number("112"));
    CHECK(is_phone_number("+7 495 123-45-67"));
    CHECK(is_phone_number("8-800-100-00-00"));
    CHECK_FALSE(is_phone_number("1"));
    CHECK_FALSE(is_phone_number("1O3"));
    CHECK_FALSE(is_phone_number("112 "));
    CHECK_FALSE(is_phone_number("1  12"));
    CHECK_FALSE(is_phone_number("+"));
}

TEST_CASE("did-you-mean suggests only close candidates") {
    const std::vector<std::string> fields = {"title", "summary", "steps", "substeps"};
    CHECK(did_you_mean("titel", fields) == std::optional<std::string>("title"));
    CHECK(did_you_mean("step", fields) == std::optional<std::string>("steps"));
    CHECK(did_you_mean("sumary", fields) == std::optional<std::string>("summary"));
    CHECK_FALSE(did_you_mean("colour", fields).has_value());
    CHECK(edit_distance("ab", "ba") == 1);
    CHECK(edit_distance("", "abc") == 3);
}

TEST_CASE("FNV-1a 64 matches its published test vectors") {
    CHECK(fnv1a64("") == 0xcbf29ce484222325ULL);
    CHECK(fnv1a64("a") == 0xaf63dc4c8601ec8cULL);
    CHECK(fnv1a64("foobar") == 0x85944171f73967e8ULL);
}
