// Tests for saved progress: reading good, damaged, foreign and future documents, the
// changes the UI makes, reconciling with changed content, export and import.
#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "core/progress/progress.hpp"

using namespace ruvoya;
using progress::Status;

namespace {

constexpr std::int64_t kNow = 1764763200000;

const char* const kGood = R"({
  "version": 1,
  "guides": {
    "medical-help": {"checked": ["urgency-known", "polis-ready"], "steps_done": ["decide"],
                     "revision": "r7", "updated": 1764700000000, "opened": 1764700000001,
                     "current_step": "call"},
    "sim-card": {"checked": [], "steps_done": []}
  },
  "settings": {"language": "ru", "text_size": 2, "theme": "dark"}
})";

}  // namespace

TEST_CASE("progress reads a good document") {
    const auto result = progress::parse(kGood);
    CHECK(result.status == Status::ok);
    CHECK(result.dropped.empty());
    CHECK_FALSE(result.keep_raw());
    REQUIRE(result.state.guides.size() == 2);
    const auto& medical = result.state.guides.at("medical-help");
    CHECK(medical.checked == std::vector<std::string>{"urgency-known", "polis-ready"});
    CHECK(medical.steps_done == std::vector<std::string>{"decide"});
    CHECK(medical.revision == "r7");
    CHECK(medical.updated == 1764700000000);
    CHECK(medical.opened == 1764700000001);
    CHECK(medical.current_step == "call");
    CHECK(result.state.settings.language == "ru");
    CHECK(result.state.settings.text_size == 2);
    CHECK(result.state.settings.theme == "dark");
}

TEST_CASE("progress treats nothing stored as empty") {
    for (const char* text : {"", "  \n\t"}) {
        const auto result = progress::parse(text);
        CHECK(result.status == Status::empty);
        CHECK(result.state.guides.empty());
        CHECK(result.state.settings.language == "en");
        CHECK_FALSE(result.keep_raw());
    }
}

TEST_CASE("progress recovers from unreadable documents with a fresh state") {
    SUBCASE("bad JSON") {
        for (const char* text : {"{", "{\"version\": 1,}", "not json", "\xFF\xFE", "[1, 2"}) {
            const auto result = progress::parse(text);
            CHECK(result.status == Status::recovered_corrupt);
            CHECK(result.state.guides.empty());
            CHECK(result.keep_raw());
        }
    }
    SUBCASE("wrong shape") {
        for (const char* text : {"[]", "42", "\"text\"", "null", R"({"version": "1"})",
                                 R"({"version": 0, "guides": {}})", R"({"version": 1.5})"}) {
            const auto result = progress::parse(text);
            CHECK(result.status == Status::recovered_corrupt);
            CHECK(result.keep_raw());
        }
    }
    SUBCASE("a foreign document") {
        for (const char* text : {R"({"user": "x", "guides": {}})", R"({})",
                                 R"({"format": "other-app", "version": 1})"}) {
            const auto result = progress::parse(text);
            CHECK(result.status == Status::recovered_foreign);
            CHECK(result.keep_raw());
        }
    }
    SUBCASE("a document from a newer version") {
        const auto result =
            progress::parse(R"({"version": 2, "guides": {"x": {"checked": ["a"]}}})");
        CHECK(result.status == Status::newer_version);
        CHECK(result.state.guides.empty());
        CHECK(result.keep_raw());
        CHECK(progress::status_name(result.status) == "newer-version");
    }
}

TEST_CASE("progress drops only the bad parts of a good document") {
    const auto result = progress::parse(R"({
      "version": 1,
      "guides": {
        "good": {"checked": ["a", 7, "B-bad", "b"], "updated": "yesterday", "opened": -5,
                 "current_step": "Not A Slug", "revision": 12},
        "wrong-type": ["a"],
        "Bad Id": {"checked": ["a"]}
      },
      "settings": {"language": "english", "text_size": 99, "theme": "neon"}
    })");
    CHECK(result.status == Status::ok);
    CHECK(result.keep_raw());
    REQUIRE(result.state.guides.size() == 1);
    const auto& good = result.state.guides.at("good");
    CHECK(good.checked == std::vector<std::string>{"a", "b"});
    CHECK(good.updated == 0);
    CHECK(good.opened == 0);
    CHECK(good.current_step.empty());
    CHECK(good.revision.empty());
    CHECK(result.state.settings.language == "en");
    CHECK(result.state.settings.text_size == 1);
    CHECK(result.state.settings.theme == "light");

    const std::vector<std::string> expected = {
        "guides.Bad Id: not a guide id",
        "guides.good.checked: 2 invalid id(s)",
        "guides.good.current_step: not a step id",
        "guides.good.opened: not a whole number of milliseconds",
        "guides.good.revision: not a short string",
        "guides.good.updated: not a whole number of milliseconds",
        "guides.wrong-type: not an object",
        "settings.language: not a locale code",
        "settings.text_size: not a whole number from 0 to 4",
        "settings.theme: not light, dark or high-contrast",
    };
    CHECK(result.dropped == expected);
}

TEST_CASE("progress drops a guides or settings value of the wrong type") {
    const auto result = progress::parse(R"({"version": 1, "guides": [], "settings": 3})");
    CHECK(result.status == Status::ok);
    CHECK(result.dropped ==
          std::vector<std::string>{"guides: not an object", "settings: not an object"});
}

TEST_CASE("progress merges duplicated ids") {
    const auto result = progress::parse(
        R"({"version": 1, "guides": {"g": {"checked": ["a", "b", "a", "b", "c"],
            "steps_done": ["s", "s"]}}})");
    CHECK(result.dropped.empty());
    CHECK(result.state.guides.at("g").checked == std::vector<std::string>{"a", "b", "c"});
    CHECK(result.state.guides.at("g").steps_done == std::vector<std::string>{"s"});
}

TEST_CASE("progress keeps unknown fields and writes them back") {
    const auto result = progress::parse(
        R"({"version": 1, "future": {"x": [1, 2]},
            "guides": {"g": {"checked": ["a"], "note": "mine"}},
            "settings": {"language": "en", "motion": "reduced"}})");
    CHECK(result.status == Status::ok);
    CHECK(result.dropped.empty());
    const auto again = progress::parse(progress::serialize(result.state));
    CHECK(again.state.extra["future"]["x"][1] == 2);
    CHECK(again.state.guides.at("g").extra["note"] == "mine");
    CHECK(again.state.settings.extra["motion"] == "reduced");
}

TEST_CASE("progress drops unknown fields nested too deeply") {
    std::string deep;
    for (int i = 0; i < 40; ++i) {
        deep += "[";
    }
    for (int i = 0; i < 40; ++i) {
        deep += "]";
    }
    const auto result = progress::parse(R"({"version": 1, "deep": )" + deep + "}");
    CHECK(result.status == Status::ok);
    CHECK(result.dropped == std::vector<std::string>{"deep: nested too deeply"});
    CHECK(result.state.extra.empty());
}

TEST_CASE("progress copes with huge values") {
    SUBCASE("thousands of guides and ticks") {
        progress::State state;
        for (int g = 0; g < 2000; ++g) {
            for (int i = 0; i < 50; ++i) {
                progress::set_checked(state, "guide-" + std::to_string(g),
                                      "item-" + std::to_string(i), true, kNow);
            }
        }
        const auto result = progress::parse(progress::serialize(state));
        CHECK(result.status == Status::ok);
        CHECK(result.state.guides.size() == 2000);
        CHECK(result.state.guides.at("guide-1999").checked.size() == 50);
    }
    SUBCASE("a megabyte-long revision and id are dropped") {
        const std::string big(1024 * 1024, 'a');
        const auto result = progress::parse(R"({"version": 1, "guides": {"g": {"revision": ")" +
                                            big + R"(", "checked": [")" + big + R"("]}}})");
        CHECK(result.status == Status::ok);
        CHECK(result.state.guides.at("g").revision.empty());
        CHECK(result.state.guides.at("g").checked.empty());
        CHECK(result.dropped.size() == 2);
    }
    SUBCASE("many bad parts give a bounded report") {
        std::string text = R"({"version": 1, "guides": {)";
        for (int g = 0; g < 500; ++g) {
            text += "\"g" + std::to_string(g) + "\": 1,";
        }
        text += R"("last": {}}})";
        const auto result = progress::parse(text);
        CHECK(result.state.guides.size() == 1);
        REQUIRE(result.dropped.size() == 51);
        CHECK(result.dropped.back() == "... and 450 more");
    }
    SUBCASE("deeply nested JSON") {
        const std::string deep = std::string(10000, '[') + std::string(10000, ']');
        CHECK(progress::parse(deep).status == Status::recovered_corrupt);
    }
}

TEST_CASE("progress serializes compactly and round-trips") {
    const auto first = progress::parse(kGood);
    const std::string text = progress::serialize(first.state);
    CHECK(text.find('\n') == std::string::npos);
    CHECK(text.find("\"version\":1") != std::string::npos);
    const auto second = progress::parse(text);
    CHECK(second.status == Status::ok);
    CHECK(second.state.guides == first.state.guides);
    CHECK(second.state.settings == first.state.settings);
    CHECK(progress::serialize(second.state) == text);
}

TEST_CASE("progress builds the key for a kept corrupt value") {
    CHECK(progress::corrupt_backup_key(kNow) == "ruvoya.progress.corrupt-1764763200000");
    CHECK(progress::kStorageKey == "ruvoya.progress");
}

TEST_CASE("progress ticks and unticks items") {
    progress::State state;
    CHECK(progress::toggle_item(state, "medical-help", "polis", kNow));
    CHECK(progress::is_checked(state, "medical-help", "polis"));
    CHECK(state.guides.at("medical-help").updated == kNow);
    CHECK_FALSE(progress::toggle_item(state, "medical-help", "polis", kNow + 1));
    CHECK_FALSE(progress::is_checked(state, "medical-help", "polis"));
    CHECK(state.guides.at("medical-help").updated == kNow + 1);

    SUBCASE("ticking twice keeps one tick") {
        progress::set_checked(state, "medical-help", "a", true, kNow);
        progress::set_checked(state, "medical-help", "a", true, kNow);
        CHECK(state.guides.at("medical-help").checked.size() == 1);
    }
    SUBCASE("invalid ids change nothing") {
        CHECK_FALSE(progress::set_checked(state, "Medical", "a", true, kNow));
        CHECK_FALSE(progress::set_checked(state, "medical-help", "", true, kNow));
        CHECK_FALSE(progress::toggle_item(state, "medical-help", "a b", kNow));
        CHECK(state.guides.at("medical-help").checked.empty());
        CHECK(state.guides.size() == 1);
    }
    SUBCASE("unticking in an unknown guide creates no entry") {
        CHECK(progress::set_checked(state, "other", "a", false, kNow));
        CHECK(state.guides.count("other") == 0);
    }
}

TEST_CASE("progress marks steps and the current step") {
    progress::State state;
    CHECK(progress::set_step_done(state, "g", "s1", true, kNow));
    CHECK(progress::is_step_done(state, "g", "s1"));
    CHECK(progress::set_step_done(state, "g", "s1", false, kNow));
    CHECK_FALSE(progress::is_step_done(state, "g", "s1"));
    CHECK(progress::set_current_step(state, "g", "s2", kNow + 5));
    CHECK(state.guides.at("g").current_step == "s2");
    CHECK(state.guides.at("g").updated == kNow + 5);
    CHECK(progress::set_current_step(state, "g", "", kNow));
    CHECK(state.guides.at("g").current_step.empty());
    CHECK_FALSE(progress::set_current_step(state, "g", "S2", kNow));
    CHECK(progress::mark_opened(state, "g", kNow + 9));
    CHECK(state.guides.at("g").opened == kNow + 9);
}

TEST_CASE("progress resets a checklist and forgets a guide") {
    auto state = progress::parse(kGood).state;
    CHECK(progress::reset_checklist(state, "medical-help", kNow));
    CHECK(state.guides.at("medical-help").checked.empty());
    CHECK(state.guides.at("medical-help").steps_done.size() == 1);
    CHECK(state.guides.at("medical-help").updated == kNow);
    CHECK(progress::forget_guide(state, "medical-help"));
    CHECK(state.guides.count("medical-help") == 0);
}

TEST_CASE("progress settings accept only valid values") {
    progress::State state;
    CHECK(progress::set_language(state, "uz"));
    CHECK(state.settings.language == "uz");
    CHECK_FALSE(progress::set_language(state, "Uzbek"));
    CHECK_FALSE(progress::set_language(state, ""));
    CHECK(state.settings.language == "uz");
    CHECK(progress::set_text_size(state, 4));
    CHECK_FALSE(progress::set_text_size(state, 5));
    CHECK_FALSE(progress::set_text_size(state, -1));
    CHECK(state.settings.text_size == 4);
    CHECK(progress::set_theme(state, "high-contrast"));
    CHECK_FALSE(progress::set_theme(state, "pink"));
    CHECK(state.settings.theme == "high-contrast");
}

TEST_CASE("progress reconciles with changed content") {
    auto state = progress::parse(kGood).state;
    SUBCASE("removed items and steps are dropped and counted") {
        const auto result = progress::reconcile(state, "medical-help", "r8", {"urgency-known"},
                                                {"decide-urgency", "call"}, kNow);
        CHECK(result.items_dropped == 1);
        CHECK(result.steps_dropped == 1);
        CHECK_FALSE(result.current_step_cleared);
        CHECK(result.revision_changed);
        CHECK(result.changed_anything());
        const auto& entry = state.guides.at("medical-help");
        CHECK(entry.checked == std::vector<std::string>{"urgency-known"});
        CHECK(entry.steps_done.empty());
        CHECK(entry.revision == "r8");
        CHECK(entry.updated == kNow);
    }
    SUBCASE("the same revision and ids change nothing") {
        const auto result =
            progress::reconcile(state, "medical-help", "r7", {"urgency-known", "polis-ready"},
                                {"decide", "call"}, kNow);
        CHECK_FALSE(result.changed_anything());
        CHECK(state.guides.at("medical-help").updated == 1764700000000);
    }
    SUBCASE("a current step that is gone is cleared") {
        const auto result = progress::reconcile(state, "medical-help", "r7",
                                                {"urgency-known", "polis-ready"}, {"decide"}, kNow);
        CHECK(result.current_step_cleared);
        CHECK(state.guides.at("medical-help").current_step.empty());
    }
    SUBCASE("a first revision is recorded without counting as a change") {
        const auto result = progress::reconcile(state, "sim-card", "r1", {}, {}, kNow);
        CHECK_FALSE(result.revision_changed);
        CHECK(state.guides.at("sim-card").revision == "r1");
    }
    SUBCASE("a guide without progress stays absent") {
        const auto result = progress::reconcile(state, "bank", "r1", {"a"}, {"b"}, kNow);
        CHECK_FALSE(result.changed_anything());
        CHECK(state.guides.count("bank") == 0);
    }
}

TEST_CASE("progress exports with a format marker") {
    const auto state = progress::parse(kGood).state;
    const std::string file = progress::export_document(state, kNow);
    const auto json = nlohmann::json::parse(file, nullptr, false);
    REQUIRE(json.is_object());
    CHECK(json["format"] == "ruvoya-progress");
    CHECK(json["exported"] == kNow);
    CHECK(json["version"] == 1);

    // an export stored back as-is reads the same
    const auto stored = progress::parse(file);
    CHECK(stored.status == Status::ok);
    CHECK(stored.state.guides == state.guides);
    CHECK(stored.state.extra.empty());
}

TEST_CASE("progress previews an import without changing anything") {
    const auto current = progress::parse(kGood).state;
    const std::string before = progress::serialize(current);

    SUBCASE("a good file is summarised") {
        const std::string file = R"({"format": "ruvoya-progress", "version": 1,
          "guides": {
            "medical-help": {"checked": ["urgency-known", "new-item"], "steps_done": ["decide"],
                             "revision": "r7", "updated": 1764700000000,
                             "opened": 1764700000001, "current_step": "call"},
            "sim-card": {"checked": [], "steps_done": []},
            "bank": {"checked": ["a", "b"], "steps_done": ["s"]}},
          "settings": {"language": "ru", "text_size": 2, "theme": "dark"}})";
        const auto preview = progress::preview_import(current, file);
        CHECK(preview.accepted);
        CHECK(preview.reason.empty());
        CHECK(preview.guides_added == 1);
        CHECK(preview.guides_changed == 1);
        CHECK(preview.guides_unchanged == 1);
        CHECK(preview.ticks_added == 3);
        CHECK(preview.ticks_removed == 1);
        CHECK(preview.steps_added == 1);
        CHECK(preview.steps_removed == 0);
        CHECK_FALSE(preview.settings_changed);
        CHECK(preview.message == "1 guide(s) added, 1 changed; 3 tick(s) added, 1 removed.");
        CHECK(progress::serialize(current) == before);

        auto state = current;
        CHECK(progress::apply_import(state, preview));
        CHECK(state.guides.size() == 3);
        CHECK(progress::is_checked(state, "medical-help", "new-item"));
        CHECK_FALSE(progress::is_checked(state, "medical-help", "polis-ready"));
        CHECK(progress::is_checked(state, "bank", "b"));
    }
    SUBCASE("changed settings are reported") {
        const auto preview = progress::preview_import(
            current, R"({"format": "ruvoya-progress", "version": 1, "settings": {}})");
        CHECK(preview.accepted);
        CHECK(preview.settings_changed);
    }
    SUBCASE("files that are not ours or are damaged are refused with a reason") {
        struct Case {
            std::string file;
            const char* reason;
        };
        const Case cases[] = {
            {"{not json", "damaged"},
            {"", "damaged"},
            {"[]", "damaged"},
            {R"({"version": 1, "guides": {}})", "foreign"},
            {R"({"format": "something-else", "version": 1})", "foreign"},
            {R"({"format": "ruvoya-progress"})", "foreign"},
            {R"({"format": "ruvoya-progress", "version": "one"})", "damaged"},
            {R"({"format": "ruvoya-progress", "version": 3})", "newer-version"},
            {std::string(progress::kMaxImportBytes + 1, ' '), "too-large"},
        };
        for (const auto& c : cases) {
            const auto preview = progress::preview_import(current, c.file);
            CHECK_FALSE(preview.accepted);
            CHECK(preview.reason == c.reason);
            CHECK_FALSE(preview.message.empty());
            auto state = current;
            CHECK_FALSE(progress::apply_import(state, preview));
            CHECK(progress::serialize(state) == before);
        }
    }
    SUBCASE("bad parts of an accepted file are listed") {
        const auto preview = progress::preview_import(
            current, R"({"format": "ruvoya-progress", "version": 1, "guides": {"x": 5}})");
        CHECK(preview.accepted);
        CHECK(preview.dropped == std::vector<std::string>{"guides.x: not an object"});
    }
}

TEST_CASE("progress accepts only slug ids") {
    CHECK(progress::is_valid_id("medical-help"));
    CHECK(progress::is_valid_id("a1"));
    CHECK_FALSE(progress::is_valid_id(""));
    CHECK_FALSE(progress::is_valid_id("-a"));
    CHECK_FALSE(progress::is_valid_id("a-"));
    CHECK_FALSE(progress::is_valid_id("a--b"));
    CHECK_FALSE(progress::is_valid_id("A"));
    CHECK_FALSE(progress::is_valid_id("a_b"));
    CHECK_FALSE(progress::is_valid_id(std::string(101, 'a')));
}
