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
    const BundleFiles files = write_bundle(original);
    std::string error;
    const std::optional<Bundle> loaded = load_bundle(files, &error);
    INFO(error);
    REQUIRE(loaded.has_value());

    CHECK(loaded->site.locales == original.site.locales);
    CHECK(loaded->site.emergency.at(0).number == "112");
    CHECK(loaded->find_category("health")->title.get("ru") == "Здоровье");
    REQUIRE(loaded->find_ui("ru") != nullptr);
    CHECK(loaded->find_ui("ru")->name == "Русский");
    CHECK(loaded->find_guide("nothing") == nullptr);
    CHECK(loaded->load_guide("nothing") == nullptr);

    SUBCASE("start-up reads a guide's header and leaves its body for later") {
        const Guide* header = loaded->find_guide("medical-help");
        REQUIRE(header != nullptr);
        CHECK(header->risk == Risk::moderate);
        CHECK(header->title.get("ru") == "Медицинская помощь");
        CHECK(header->route.after == std::vector<std::string>{"sim-card"});
        CHECK(header->revision == "0123456789abcdef");
        CHECK(header->steps.empty());
        CHECK(header->links.empty());
    }
    SUBCASE("opening a guide decodes its body in place, keeping the header") {
        const Guide* header = loaded->find_guide("medical-help");
        const Guide* guide = loaded->load_guide("medical-help", &error);
        INFO(error);
        REQUIRE(guide != nullptr);
        CHECK(guide == header);
        CHECK(guide->id == "medical-help");
        CHECK(guide->title.get("en") == "Medical help");
        CHECK(guide->keywords.at("en").at(1) == "polis oms");
        CHECK(guide->official.url == "https://example.org/");
        REQUIRE(guide->find_step("decide-urgency") != nullptr);
        CHECK(guide->find_step("decide-urgency")->kind == StepKind::call);
        CHECK(guide->find_step("decide-urgency")->substeps.size() == 2);
        REQUIRE(guide->find_item("known") != nullptr);
        CHECK(guide->find_item("known")->level == ItemLevel::recommended);
        REQUIRE(guide->links.size() == 2);
        CHECK(guide->links[0].guide == "sim-card");
        CHECK(guide->links[1].url == "https://a.b/");
        CHECK(guide->sources.at(0).checked == "2026-11-20");
        CHECK(guide->disclaimer.get("en") == "Informational only.");
        CHECK(guide->route.after == std::vector<std::string>{"sim-card"});

        // a second call returns the same decoded guide
        CHECK(loaded->load_guide("medical-help") == guide);
        CHECK(guide->steps.size() == 1);
    }
}

TEST_CASE("a head without its bodies shows headers, and the bodies can come later") {
    const BundleFiles files = write_bundle(small_bundle());
    std::string error;
    std::optional<Bundle> head = load_bundle(files.head, &error);
    INFO(error);
    REQUIRE(head.has_value());
    CHECK_FALSE(head->bodies_ready());
    REQUIRE(head->find_guide("medical-help") != nullptr);
    CHECK(head->find_guide("medical-help")->title.get("en") == "Medical help");
    CHECK(head->load_guide("medical-help", &error) == nullptr);
    CHECK(error == "bundle: the guides' bodies have not arrived yet");
    CHECK_FALSE(visit_texts(*head, 0, [](const TextRef&) {}));

    SUBCASE("the matching bodies attach once, then the guide opens") {
        REQUIRE(attach_bodies(*head, files.bodies, &error));
        CHECK(head->bodies_ready());
        const Guide* guide = head->load_guide("medical-help", &error);
        REQUIRE(guide != nullptr);
        CHECK(guide->find_step("decide-urgency") != nullptr);
        CHECK_FALSE(attach_bodies(*head, files.bodies, &error));
    }
    SUBCASE("bodies of another build are refused and the head keeps waiting") {
        Bundle other = small_bundle();
        other.guides[0].steps[0].title.values["en"] = "Decide now";
        CHECK_FALSE(attach_bodies(*head, write_bundle(other).bodies, &error));
        CHECK(error.rfind("bundle.bodies: from another build (", 0) == 0);
        CHECK_FALSE(head->bodies_ready());
        CHECK(attach_bodies(*head, files.bodies, &error));
    }
    SUBCASE("a file that is not bodies, or has the wrong size, is refused") {
        CHECK_FALSE(attach_bodies(*head, files.head, &error));
        CHECK(error == "bundle.bodies: not a Ruvoya bodies file (run `make content`)");
        CHECK_FALSE(attach_bodies(*head, files.bodies + "x", &error));
        CHECK(error.find("bytes of bodies, the head lists") != std::string::npos);
        CHECK_FALSE(head->bodies_ready());
    }
}

TEST_CASE("search texts are visited where they lie in the bundle's bytes") {
    const BundleFiles files = write_bundle(small_bundle());
    const std::optional<Bundle> bundle = load_bundle(files, nullptr);
    REQUIRE(bundle.has_value());

    std::vector<std::string> seen;
    bool inside = true;
    auto within = [](std::string_view text, const std::string& bytes) {
        return text.data() >= bytes.data() &&
               text.data() + text.size() <= bytes.data() + bytes.size();
    };
    const bool ok = visit_texts(*bundle, 0, [&](const TextRef& ref) {
        seen.push_back(std::to_string(static_cast<int>(ref.place)) + " " + std::string(ref.sub_id) +
                       " " + std::string(ref.locale) + " " + std::string(ref.text));
        inside = inside && (within(ref.text, files.head) || within(ref.text, files.bodies));
    });
    CHECK(ok);
    CHECK(inside);
    const std::vector<std::string> expected = {
        "0  en Medical help",
        "0  ru Медицинская помощь",
        "1  en What to do.",
        "2  en doctor",
        "2  en polis oms",
        "3 decide-urgency en Decide",
        "3 decide-urgency en Call 112.",
        "3 decide-urgency en Call 112.",
        "4 decide-urgency en One",
        "4 decide-urgency en Two",
        "6 known en Known",
        "10  en SIM",
        "10  en Site",
    };
    CHECK(seen == expected);

    SUBCASE("not for a bundle built in code or a guide that is not there") {
        CHECK_FALSE(visit_texts(small_bundle(), 0, [](const TextRef&) {}));
        CHECK_FALSE(visit_texts(*bundle, 1, [](const TextRef&) {}));
    }
}

TEST_CASE("load_bundle refuses broken bundles with a message naming the bad value") {
    std::string error;
    BundleFiles files = write_bundle(small_bundle());
    std::string& bytes = files.head;

    SUBCASE("bytes that are not a bundle") {
        CHECK_FALSE(load_bundle("{\"format\": 1}", &error).has_value());
        CHECK(error == "bundle: not a Ruvoya content bundle (run `make content`)");
    }
    SUBCASE("another layout version") {
        CHECK_FALSE(load_bundle(std::string("RVYB\x01", 5), &error).has_value());
        CHECK(error == "bundle.format: expected 3 (run `make content`)");
    }
    SUBCASE("an unknown enumeration value in a guide's header") {
        const std::optional<Bundle> loaded = load_bundle(bytes, nullptr);
        REQUIRE(loaded.has_value());

        // the header starts with the id and category, each its bytes and a zero byte
        const std::size_t risk = loaded->places[0].header + 1 + std::string("medical-help").size() +
                                 1 + std::string("health").size();
        REQUIRE(bytes[risk] == static_cast<char>(Risk::moderate));
        bytes[risk] = 9;
        CHECK_FALSE(load_bundle(bytes, &error).has_value());
        CHECK(error == "bundle.guides[0].header.risk: unknown value 9");
    }
    SUBCASE("a bad body is found when the guide is opened, and the guide is not shown") {
        std::string& bodies = files.bodies;
        const std::size_t id = bodies.find("decide-urgency");
        REQUIRE(id != std::string::npos);
        const std::size_t kind = id + std::string("decide-urgency").size() + 1;
        REQUIRE(bodies[kind] == static_cast<char>(StepKind::call));
        bodies[kind] = 42;
        const std::optional<Bundle> loaded = load_bundle(files, &error);
        REQUIRE(loaded.has_value());
        CHECK(loaded->load_guide("medical-help", &error) == nullptr);
        CHECK(error == "bundle.guides[0].body.steps[0].kind: unknown value 42");
        CHECK(loaded->find_guide("medical-help") != nullptr);
    }
    SUBCASE("a text without English") {
        Bundle broken = small_bundle();
        broken.categories[0].title.values.erase("en");
        CHECK_FALSE(load_bundle(write_bundle(broken).head, &error).has_value());
        CHECK(error == "bundle.categories[0].title: missing the English text");
    }
}

TEST_CASE("a cut short or damaged bundle never crashes the reader") {
    const BundleFiles files = write_bundle(small_bundle());
    const std::string& bytes = files.head;

    SUBCASE("every cut is refused") {
        for (std::size_t size = 0; size < bytes.size(); ++size) {
            std::string error;
            INFO("size " << size);
            CHECK_FALSE(load_bundle(std::string_view(bytes).substr(0, size), &error));
            CHECK(error.rfind("bundle", 0) == 0);
        }
    }
    SUBCASE("any byte set to any of a few values is refused or read, never a crash") {
        int refused = 0;
        for (std::size_t at = 0; at < bytes.size(); ++at) {
            for (const unsigned char value : {0x00, 0x05, 0x7F, 0x80, 0xFF}) {
                BundleFiles damaged = files;
                damaged.head[at] = static_cast<char>(value);
                std::string error;
                const std::optional<Bundle> loaded = load_bundle(damaged, &error);
                if (!loaded) {
                    ++refused;
                    continue;
                }
                for (std::size_t i = 0; i < loaded->guides.size(); ++i) {
                    visit_texts(*loaded, i, [](const TextRef&) {});
                    loaded->load_guide(loaded->guides[i].id, &error);
                }
            }
        }
        CHECK(refused > 0);
    }
    SUBCASE("every cut of the bodies is refused, damaged bodies never crash") {
        for (std::size_t size = 0; size < files.bodies.size(); ++size) {
            std::optional<Bundle> head = load_bundle(files.head, nullptr);
            REQUIRE(head.has_value());
            std::string error;
            INFO("size " << size);
            const std::string_view cut = std::string_view(files.bodies).substr(0, size);
            CHECK_FALSE(attach_bodies(*head, cut, &error));
            CHECK(error.rfind("bundle", 0) == 0);
        }
        for (std::size_t at = 0; at < files.bodies.size(); ++at) {
            for (const unsigned char value : {0x00, 0x05, 0x7F, 0x80, 0xFF}) {
                std::string damaged = files.bodies;
                damaged[at] = static_cast<char>(value);
                std::optional<Bundle> head = load_bundle(files.head, nullptr);
                REQUIRE(head.has_value());
                std::string error;
                if (!attach_bodies(*head, damaged, &error)) {
                    continue;
                }
                for (std::size_t i = 0; i < head->guides.size(); ++i) {
                    visit_texts(*head, i, [](const TextRef&) {});
                    head->load_guide(head->guides[i].id, &error);
                }
            }
        }
    }
}

namespace {

// guides in file order, each "id:category:before1,before2", drafts marked with a '~'
Bundle ordered_bundle(std::initializer_list<const char*> specs) {
    Bundle bundle;
    bundle.categories.push_back({"health", {}});
    bundle.categories.push_back({"work", {}});
    for (std::string spec : specs) {
        Guide guide;
        guide.status = spec[0] == '~' ? Status::draft : Status::published;
        if (spec[0] == '~') {
            spec.erase(0, 1);
        }
        const std::size_t a = spec.find(':');
        const std::size_t b = spec.find(':', a + 1);
        guide.id = spec.substr(0, a);
        guide.category = spec.substr(a + 1, b - a - 1);
        std::string before = spec.substr(b + 1);
        for (std::size_t at = 0; !before.empty() && at != std::string::npos;) {
            const std::size_t comma = before.find(',', at);
            guide.route.before.push_back(before.substr(at, comma - at));
            at = comma == std::string::npos ? comma : comma + 1;
        }
        bundle.guides.push_back(std::move(guide));
    }
    return bundle;
}

std::string order_of(const Bundle& bundle) {
    std::string ids;
    for (const Guide* g : catalogue_order(bundle)) {
        ids += (ids.empty() ? "" : " ") + g->id;
    }
    return ids;
}

}  // namespace

TEST_CASE("catalogue order: categories in file order, the route inside one, ties by file") {
    // c lists a before it, e lists c and d; b is free and earliest of the ready ones
    const Bundle bundle = ordered_bundle(
        {"e:health:c,d", "x:work:", "c:health:a", "b:health:", "~draft:health:", "a:health:",
         "d:health:", "lost:nowhere:"});
    CHECK(order_of(bundle) == "b a c d e x");
}

TEST_CASE("catalogue order: `after` places a guide before the one it names") {
    Bundle bundle = ordered_bundle({"late:health:", "early:health:"});
    bundle.guides[1].route.after.push_back("late");
    CHECK(order_of(bundle) == "early late");
}

TEST_CASE("catalogue order: a cycle the compiler missed loses no guide") {
    const Bundle bundle = ordered_bundle({"p:health:q", "q:health:p", "r:health:"});
    CHECK(order_of(bundle) == "r p q");
}

TEST_CASE("catalogue order: a long chain listed backwards comes out forwards") {
    // 2,000 guides, each after the next one in the file: the whole order is reversed
    constexpr int kCount = 2000;
    std::vector<std::string> specs;
    for (int i = 0; i < kCount; ++i) {
        const std::string next = i + 1 < kCount ? "g" + std::to_string(i + 1) : "";
        specs.push_back("g" + std::to_string(i) + ":work:" + next);
    }
    Bundle bundle;
    bundle.categories.push_back({"work", {}});
    for (const std::string& spec : specs) {
        Bundle one = ordered_bundle({spec.c_str()});
        bundle.guides.push_back(std::move(one.guides[0]));
    }
    const std::vector<const Guide*> order = catalogue_order(bundle);
    REQUIRE(order.size() == kCount);
    for (int i = 0; i < kCount; ++i) {
        CHECK(order[i]->id == "g" + std::to_string(kCount - 1 - i));
    }
}
