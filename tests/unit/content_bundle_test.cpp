// Tests of the content model and the bundle reader: English fallback of texts and UI
// strings, lookups by id, and load_bundle's refusal of broken bundles (never a throw).
#include <doctest/doctest.h>

#include "core/content/bundle.hpp"

using namespace ruvoya::content;

namespace {

Text text_of(std::initializer_list<std::pair<const std::string, std::string>> values) {
    Text text;
    for (const auto& [locale, value] : values) {
        text.values[locale] = value;
    }
    return text;
}

// A bundle with one guide, built in code and written with write_bundle.
Bundle small_bundle() {
    Bundle bundle;
    bundle.site.locales = {"en", "ru"};
    bundle.site.report_email = "content@ruvoya.example";
    bundle.site.disclaimer = text_of({{"en", "Informational only."}});
    bundle.site.emergency.push_back({text_of({{"en", "Emergency"}}), "112"});
    bundle.categories.push_back({"health", text_of({{"en", "Health"}, {"ru", "Здоровье"}})});
    bundle.ui.push_back({"en", "English", {{"guide.fast_path", "Fast path"}, {"a.b", "AB"}}});
    bundle.ui.push_back({"ru", "Русский", {{"guide.fast_path", "Коротко"}}});

    Guide guide;
    guide.id = "medical-help";
    guide.category = "health";
    guide.risk = Risk::moderate;
    guide.status = Status::published;
    guide.reviewed = "2026-11-20";
    guide.title = text_of({{"en", "Medical help"}, {"ru", "Медицинская помощь"}});
    guide.summary = text_of({{"en", "What to do."}});
    guide.keywords["en"] = {"doctor", "polis oms"};
    guide.official = {"https://example.org/", text_of({{"en", "112"}})};
    guide.route.after = {"sim-card"};
    Step step;
    step.id = "decide-urgency";
    step.kind = StepKind::call;
    step.title = text_of({{"en", "Decide"}});
    step.text = step.tip = step.do_ = step.check = step.avoid = text_of({{"en", "Call 112."}});
    step.substeps = {text_of({{"en", "One"}}), text_of({{"en", "Two"}})};
    guide.steps.push_back(step);
    guide.checklist.push_back({"before",
                               text_of({{"en", "Before"}}),
                               {{"known", text_of({{"en", "Known"}}), ItemLevel::recommended}}});
    guide.links.push_back({text_of({{"en", "SIM"}}), LinkKind::guide, "", "sim-card"});
    guide.links.push_back({text_of({{"en", "Site"}}), LinkKind::provider, "https://a.b/", ""});
    guide.sources.push_back(
        {text_of({{"en", "S"}}), text_of({{"en", "P"}}), "https://a.b/", "2026-11-20"});
    guide.disclaimer = bundle.site.disclaimer;
    guide.revision = "0123456789abcdef";
    bundle.guides.push_back(guide);
    return bundle;
}

}  // namespace

TEST_CASE("a text falls back to English and says so") {
    const Text text = text_of({{"en", "Passport"}, {"ru", "Паспорт"}});
    bool fell_back = true;

    SUBCASE("the requested locale when present") {
        CHECK(text.get("ru", &fell_back) == "Паспорт");
        CHECK_FALSE(fell_back);
    }
    SUBCASE("English when the locale is missing") {
        CHECK(text.get("uz", &fell_back) == "Passport");
        CHECK(fell_back);
        CHECK_FALSE(text.has("uz"));
    }
    SUBCASE("an empty string when even English is missing") {
        const Text empty;
        CHECK(empty.get("ru", &fell_back).empty());
        CHECK(fell_back);
    }
}

TEST_CASE("a UI string falls back to English, then to its key") {
    const Bundle bundle = small_bundle();
    bool fell_back = false;
    CHECK(bundle.ui_text("ru", "guide.fast_path", &fell_back) == "Коротко");
    CHECK_FALSE(fell_back);
    CHECK(bundle.ui_text("ru", "a.b", &fell_back) == "AB");
    CHECK(fell_back);
    CHECK(bundle.ui_text("uz", "missing.key", &fell_back) == "missing.key");
    CHECK(fell_back);
}

TEST_CASE("enum spellings parse back to their values") {
    CHECK(parse_risk(to_string(Risk::high)) == Risk::high);
    CHECK(parse_status("draft") == Status::draft);
    CHECK(parse_step_kind("payment") == StepKind::payment);
    CHECK(parse_item_level("recommended") == ItemLevel::recommended);
    CHECK(parse_link_kind("guide") == LinkKind::guide);
    CHECK_FALSE(parse_step_kind("walk").has_value());
    CHECK_FALSE(parse_risk("").has_value());
}

TEST_CASE("a written bundle loads back with every field") {
    const Bundle original = small_bundle();
    std::string error;
    const std::optional<Bundle> loaded = load_bundle(write_bundle(original), &error);
    INFO(error);
    REQUIRE(loaded.has_value());

    CHECK(loaded->site.locales == original.site.locales);
    CHECK(loaded->site.emergency.at(0).number == "112");
    CHECK(loaded->find_category("health")->title.get("ru") == "Здоровье");
    REQUIRE(loaded->find_ui("ru") != nullptr);
    CHECK(loaded->find_ui("ru")->name == "Русский");

    const Guide* guide = loaded->find_guide("medical-help");
    REQUIRE(guide != nullptr);
    CHECK(guide->risk == Risk::moderate);
    CHECK(guide->keywords.at("en").at(1) == "polis oms");
    CHECK(guide->route.after == std::vector<std::string>{"sim-card"});
    REQUIRE(guide->find_step("decide-urgency") != nullptr);
    CHECK(guide->find_step("decide-urgency")->kind == StepKind::call);
    CHECK(guide->find_step("decide-urgency")->substeps.size() == 2);
    REQUIRE(guide->find_item("known") != nullptr);
    CHECK(guide->find_item("known")->level == ItemLevel::recommended);
    REQUIRE(guide->links.size() == 2);
    CHECK(guide->links[0].guide == "sim-card");
    CHECK(guide->links[1].url == "https://a.b/");
    CHECK(guide->revision == "0123456789abcdef");
    CHECK(loaded->find_guide("nothing") == nullptr);
}

TEST_CASE("load_bundle refuses broken bundles with a message naming the bad value") {
    std::string error;

    SUBCASE("text that is not JSON") {
        CHECK_FALSE(load_bundle("{\"format\": 1,", &error).has_value());
        CHECK(error == "bundle: not valid JSON");
    }
    SUBCASE("another layout version") {
        CHECK_FALSE(load_bundle("{\"format\": 2}", &error).has_value());
        CHECK(error == "bundle.format: expected 1");
    }
    SUBCASE("a value of the wrong type deep inside a guide") {
        std::string json = write_bundle(small_bundle());
        const std::string from = "\"kind\":\"call\"";
        const std::size_t at = json.find(from);
        REQUIRE(at != std::string::npos);
        json.replace(at, from.size(), "\"kind\":7");
        CHECK_FALSE(load_bundle(json, &error).has_value());
        CHECK(error == "bundle.guides[0].steps[0].kind: expected a string");
    }
    SUBCASE("an unknown enum spelling") {
        std::string json = write_bundle(small_bundle());
        const std::string from = "\"risk\":\"moderate\"";
        json.replace(json.find(from), from.size(), "\"risk\":\"extreme\"");
        CHECK_FALSE(load_bundle(json, &error).has_value());
        CHECK(error == "bundle.guides[0].risk: unknown value \"extreme\"");
    }
    SUBCASE("a text without English") {
        std::string json = write_bundle(small_bundle());
        const std::string from = "\"title\":{\"en\":\"Health\",";
        const std::size_t at = json.find(from);
        REQUIRE(at != std::string::npos);
        json.replace(at, from.size(), "\"title\":{");
        CHECK_FALSE(load_bundle(json, &error).has_value());
        CHECK(error == "bundle.categories[0].title: missing the English text");
    }
}
