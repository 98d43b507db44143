// Tests for the search index: folding, typos, transliteration, ranking, snippets, limits,
// the builder and the scratch state a query leaves behind.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "core/search/search.hpp"

using namespace ruvoya;
using search::Document;
using search::FieldKind;
using search::MatchQuality;

namespace {

// Documents view their strings: every caller passes literals or strings that outlive the
// index built from them.
Document doc(std::string_view guide, FieldKind kind, std::string_view text,
             std::string_view sub_id = {}, std::string_view locale = "en") {
    return Document{guide, kind, sub_id, locale, text};
}

std::vector<std::string> ids(const std::vector<search::Result>& results) {
    std::vector<std::string> out;
    for (const auto& result : results) {
        out.push_back(result.guide_id);
    }
    return out;
}

search::Index sample_index() {
    return search::Index({
        doc("medical-help", FieldKind::title, "Get medical help"),
        doc("medical-help", FieldKind::title, "Получить медицинскую помощь", {}, "ru"),
        doc("medical-help", FieldKind::step, "Show your polis at the reception", "reception"),
        doc("medical-help", FieldKind::step, "Покажите полис ОМС в регистратуре", "reception",
            "ru"),
        doc("snils", FieldKind::title, "Get a SNILS number"),
        doc("snils", FieldKind::title, "Получить СНИЛС", {}, "ru"),
        doc("snils", FieldKind::summary, "Your insurance number for pensions and clinics"),
        doc("registration", FieldKind::title, "Register your address"),
        doc("registration", FieldKind::checklist, "Bring the lease and your passport", "lease"),
        doc("registration", FieldKind::answer, "Регистрация оформляется за семь дней", {}, "ru"),
        doc("sim-card", FieldKind::title, "Buy a SIM card"),
        doc("sim-card", FieldKind::trap, "Shops ask for your passport and registration"),
        doc("bank", FieldKind::title, "Open a bank account"),
        doc("bank", FieldKind::keyword, "card"),
        doc("bank", FieldKind::summary, "Ещё один шаг: карта МИР"),
    });
}

}  // namespace

TEST_CASE("search ignores empty and blank queries") {
    const auto index = sample_index();
    CHECK(index.query("").empty());
    CHECK(index.query("   \t\n ").empty());
    CHECK(index.query("?!…—").empty());
    CHECK(search::Index{}.query("anything").empty());

    // a moved-from index answers nothing rather than crashing
    auto moved = sample_index();
    const search::Index taken = std::move(moved);
    CHECK(moved.query("passport").empty());
    CHECK(moved.document_count() == 0);
    CHECK(taken.query("passport").size() == 2);
}

TEST_CASE("search folds case, ё and punctuation") {
    const auto index = sample_index();
    CHECK(ids(index.query("MEDICAL")) == std::vector<std::string>{"medical-help"});
    CHECK(ids(index.query("еще")) == std::vector<std::string>{"bank"});
    CHECK(ids(index.query("ЕЩЁ!!")) == std::vector<std::string>{"bank"});
    CHECK(ids(index.query("снилс")) == std::vector<std::string>{"snils"});
}

TEST_CASE("search finds Cyrillic text from a Latin query") {
    const auto index = sample_index();
    SUBCASE("snils finds СНИЛС in the Russian title too") {
        const auto results = index.query("snils", {50, false});
        REQUIRE(results.size() == 1);
        CHECK(results[0].guide_id == "snils");
        CHECK(results[0].quality == MatchQuality::exact);
    }
    SUBCASE("polis finds полис") {
        const search::Index ru_only({doc("oms", FieldKind::step, "Возьмите полис", "s1", "ru")});
        const auto results = ru_only.query("polis");
        REQUIRE(results.size() == 1);
        CHECK(results[0].snippet == "Возьмите полис");
        CHECK(results[0].snippet.substr(results[0].match_offset, results[0].match_length) ==
              "полис");
    }
    SUBCASE("registratsiya finds регистрация, and a near spelling with typos") {
        CHECK(ids(index.query("registratsiya")) == std::vector<std::string>{"registration"});
        CHECK(ids(index.query("registraciya")) == std::vector<std::string>{"registration"});
    }
    SUBCASE("a Cyrillic query finds Latin text through its transliteration") {
        const search::Index latin({doc("x", FieldKind::keyword, "snils")});
        CHECK(ids(latin.query("снилс")) == std::vector<std::string>{"x"});
    }
}

TEST_CASE("search tolerates typos according to word length") {
    const search::Index index({
        doc("a", FieldKind::title, "visa"),
        doc("b", FieldKind::title, "patent"),
        doc("c", FieldKind::title, "registration"),
        doc("d", FieldKind::title, "inn"),
    });
    SUBCASE("no typo for words up to three letters") {
        CHECK(index.query("inn").size() == 1);
        CHECK(index.query("imn", {50, false}).empty());
    }
    SUBCASE("one typo for four to seven letters") {
        CHECK(ids(index.query("vsia", {50, false})) == std::vector<std::string>{"a"});
        CHECK(ids(index.query("patnet", {50, false})) == std::vector<std::string>{"b"});
        CHECK(ids(index.query("pattent", {50, false})) == std::vector<std::string>{"b"});
        CHECK(index.query("pxtnet", {50, false}).empty());
    }
    SUBCASE("two typos for eight letters or more") {
        CHECK(ids(index.query("registartoin", {50, false})) == std::vector<std::string>{"c"});
        CHECK(index.query("rgistartoin", {50, false}).empty());
    }
    SUBCASE("typo matches report their quality") {
        const auto results = index.query("registartion", {50, false});
        REQUIRE(results.size() == 1);
        CHECK(results[0].quality == MatchQuality::one_typo);
    }
}

TEST_CASE("search matches the last word as a prefix while it is typed") {
    const auto index = sample_index();
    const auto typing = index.query("regis");
    REQUIRE_FALSE(typing.empty());
    CHECK(typing[0].guide_id == "registration");
    CHECK(typing[0].quality == MatchQuality::prefix);
    CHECK(index.query("regis", {50, false}).empty());
    CHECK(index.query("regis ").empty());
    CHECK(index.query("regis.").empty());

    // only the last word is a prefix
    CHECK(index.query("regis address", {50, true}).size() == 1);
    CHECK(index.query("regis address", {50, true})[0].words_matched == 1);
}

TEST_CASE("search ranks title matches first") {
    const search::Index index({
        doc("in-step", FieldKind::step, "Take your passport", "s1"),
        doc("in-summary", FieldKind::summary, "About the passport"),
        doc("in-title", FieldKind::title, "Passport"),
        doc("in-keyword", FieldKind::keyword, "passport"),
        doc("in-answer", FieldKind::answer, "Passport again"),
    });
    CHECK(ids(index.query("passport")) ==
          std::vector<std::string>{"in-title", "in-keyword", "in-summary", "in-step", "in-answer"});
}

TEST_CASE("search ranks exact words over prefixes over typos") {
    const search::Index index({
        doc("typo", FieldKind::title, "bonk"),
        doc("prefix", FieldKind::title, "banking"),
        doc("exact", FieldKind::answer, "bank"),
    });
    const auto results = index.query("bank");
    CHECK(ids(results) == std::vector<std::string>{"exact", "prefix", "typo"});
    CHECK(results[0].quality == MatchQuality::exact);
    CHECK(results[1].quality == MatchQuality::prefix);
    CHECK(results[2].quality == MatchQuality::one_typo);
    CHECK(results[0].score > results[1].score);
    CHECK(results[1].score > results[2].score);
}

TEST_CASE("search ranks guides matching more query words higher") {
    const search::Index index({
        doc("one", FieldKind::title, "passport"),
        doc("two", FieldKind::answer, "passport"),
        doc("two", FieldKind::step, "registration", "s"),
    });
    const auto results = index.query("passport registration");
    CHECK(ids(results) == std::vector<std::string>{"two", "one"});
    CHECK(results[0].words_matched == 2);
    CHECK(results[1].words_matched == 1);
}

TEST_CASE("search breaks ties by guide id") {
    const search::Index index({
        doc("zeta", FieldKind::title, "visa"),
        doc("alpha", FieldKind::title, "visa"),
        doc("mid", FieldKind::title, "visa"),
    });
    CHECK(ids(index.query("visa")) == std::vector<std::string>{"alpha", "mid", "zeta"});
}

TEST_CASE("search counts every matching guide, also past the limit") {
    const search::Index index({
        doc("zeta", FieldKind::title, "visa"),
        doc("alpha", FieldKind::title, "visa"),
        doc("mid", FieldKind::title, "visa"),
        doc("other", FieldKind::title, "bank"),
    });
    std::size_t found = 99;
    search::QueryOptions options;
    options.limit = 2;
    options.found = &found;
    CHECK(ids(index.query("visa", options)) == std::vector<std::string>{"alpha", "mid"});
    CHECK(found == 3);
    options.limit = 0;
    CHECK(index.query("visa", options).size() == 3);
    CHECK(found == 3);
    CHECK(index.query("nothing", options).empty());
    CHECK(found == 0);
}

TEST_CASE("search says where the best match is") {
    const auto index = sample_index();
    SUBCASE("field kind, sub-id and locale of the best document") {
        const auto results = index.query("регистратуре");
        REQUIRE(results.size() == 1);
        CHECK(results[0].guide_id == "medical-help");
        CHECK(results[0].kind == FieldKind::step);
        CHECK(results[0].sub_id == "reception");
        CHECK(results[0].locale == "ru");
        CHECK(results[0].document == 3);
    }
    SUBCASE("the document holding most query words wins over a stronger single word") {
        const auto results = index.query("lease passport");
        REQUIRE_FALSE(results.empty());
        CHECK(results[0].guide_id == "registration");
        CHECK(results[0].kind == FieldKind::checklist);
        CHECK(results[0].sub_id == "lease");
    }
    SUBCASE("a long text is cut around the match at word boundaries") {
        std::string text;
        for (int i = 0; i < 40; ++i) {
            text += "слово ";
        }
        text += "НАЙДИ ";
        for (int i = 0; i < 40; ++i) {
            text += "другое ";
        }
        const search::Index long_index({doc("g", FieldKind::answer, text)});
        const auto results = long_index.query("найди");
        REQUIRE(results.size() == 1);
        const auto& snippet = results[0].snippet;
        CHECK(snippet.size() < text.size());
        CHECK(snippet.rfind("\xE2\x80\xA6", 0) == 0);
        CHECK(snippet.substr(snippet.size() - 3) == "\xE2\x80\xA6");
        CHECK(snippet.substr(results[0].match_offset, results[0].match_length) == "НАЙДИ");
        CHECK(snippet.find("\xE2\x80\xA6слово") == 0);
    }
}

TEST_CASE("search shows the matched word far into a long text") {
    // the index keeps no word positions: the match is found again in the text
    std::string text;
    for (int i = 0; i < 3000; ++i) {
        text += "слово word ";
    }
    const std::size_t far = text.size();
    text += "Регистрация and a passport, ";
    for (int i = 0; i < 3000; ++i) {
        text += "другое other ";
    }
    const search::Index index({doc("g", FieldKind::answer, text, "faq", "ru")});
    auto matched = [](const search::Result& result) {
        return result.snippet.substr(result.match_offset, result.match_length);
    };

    // where the match lies in the whole text, found from the snippet around it
    auto place = [&text](const search::Result& result) {
        constexpr std::string_view ellipsis = "\xE2\x80\xA6";
        std::string body = result.snippet;
        std::size_t lead = 0;
        if (body.rfind(ellipsis, 0) == 0) {
            body.erase(0, ellipsis.size());
            lead = ellipsis.size();
        }
        if (body.size() >= ellipsis.size() &&
            body.compare(body.size() - ellipsis.size(), ellipsis.size(), ellipsis) == 0) {
            body.erase(body.size() - ellipsis.size());
        }
        return text.find(body) + (result.match_offset - lead);
    };
    SUBCASE("an exact word") {
        const auto results = index.query("passport");
        REQUIRE(results.size() == 1);
        CHECK(matched(results[0]) == "passport");
        CHECK(place(results[0]) == far + std::string_view("Регистрация and a ").size());
        CHECK(results[0].snippet.rfind("\xE2\x80\xA6", 0) == 0);
        CHECK(results[0].snippet.find("Регистрация") != std::string::npos);
        CHECK(results[0].snippet.size() < 200);
    }
    SUBCASE("a Cyrillic word from its Latin form") {
        const auto results = index.query("registratsiya");
        REQUIRE(results.size() == 1);
        CHECK(matched(results[0]) == "Регистрация");
        CHECK(place(results[0]) == far);
    }
    SUBCASE("a word with typos and a prefix") {
        const auto typo = index.query("pasport", {50, false});
        REQUIRE(typo.size() == 1);
        CHECK(typo[0].quality == MatchQuality::one_typo);
        CHECK(matched(typo[0]) == "passport");
        const auto prefix = index.query("regist");
        REQUIRE(prefix.size() == 1);
        CHECK(prefix[0].quality == MatchQuality::prefix);
        CHECK(matched(prefix[0]) == "Регистрация");
        CHECK(place(prefix[0]) == far);
    }
}

TEST_CASE("search shows the place the query counted when several words match as well") {
    SUBCASE("the first of two equal words") {
        const search::Index index({doc("g", FieldKind::step, "visa first, then visa again")});
        const auto results = index.query("visa");
        REQUIRE(results.size() == 1);
        CHECK(results[0].match_offset == 0);
        CHECK(results[0].match_length == 4);
    }
    SUBCASE("a later exact word over an earlier prefix") {
        const search::Index index({doc("g", FieldKind::step, "banking is not a bank")});
        const auto results = index.query("bank");
        REQUIRE(results.size() == 1);
        CHECK(results[0].quality == MatchQuality::exact);
        CHECK(results[0].match_offset == 17);
    }
    SUBCASE("typos: the word first in dictionary order, wherever it is in the text") {
        const search::Index index({doc("g", FieldKind::step, "bonk then bank")});
        const auto results = index.query("bunk", {50, false});
        REQUIRE(results.size() == 1);
        CHECK(results[0].quality == MatchQuality::one_typo);
        CHECK(results[0].snippet.substr(results[0].match_offset, results[0].match_length) ==
              "bank");
    }
    SUBCASE("a guide's first document wins a tie, whichever the query met first") {
        const search::Index index({
            doc("g", FieldKind::step, "bonk", "first"),
            doc("g", FieldKind::step, "bank", "second"),
        });
        const auto results = index.query("bunk", {50, false});
        REQUIRE(results.size() == 1);
        CHECK(results[0].document == 0);
        CHECK(results[0].sub_id == "first");
    }
    SUBCASE("a Latin form keeping a letter that has no transliteration") {
        const search::Index index({doc("g", FieldKind::step, "старый лѣс")});
        const auto results = index.query("lѣs");
        REQUIRE(results.size() == 1);
        CHECK(results[0].quality == MatchQuality::exact);
        CHECK(results[0].match_offset == std::string_view("старый ").size());
        CHECK(results[0].match_length == std::string_view("лѣс").size());
    }
    SUBCASE("a query word mixing scripts matches a Latin form with a typo") {
        const search::Index index({doc("g", FieldKind::step, "Поезд экспресс")});
        const auto results = index.query("eksprжss", {50, false});
        REQUIRE(results.size() == 1);
        CHECK(results[0].quality == MatchQuality::one_typo);
        CHECK(results[0].snippet.substr(results[0].match_offset, results[0].match_length) ==
              "экспресс");
    }
    SUBCASE("a Cyrillic query counts the Cyrillic word before a Latin one") {
        const search::Index index({doc("g", FieldKind::step, "polis полис")});
        const auto results = index.query("полис");
        REQUIRE(results.size() == 1);
        CHECK(results[0].match_offset == 6);
    }
}

TEST_CASE("search keeps one list of places for a word and its Latin form") {
    SUBCASE("both spellings in one text count as one word") {
        const search::Index index({doc("g", FieldKind::step, "polis, полис")});
        CHECK(index.term_count() == 2);
        const auto results = index.query("polis");
        REQUIRE(results.size() == 1);
        CHECK(results[0].words_matched == 1);
        CHECK(results[0].match_offset == 0);
    }
    SUBCASE("two Cyrillic words with the same Latin form are both found") {
        const search::Index index({
            doc("mayor", FieldKind::title, "мэр"),
            doc("measure", FieldKind::title, "мер"),
        });
        CHECK(index.term_count() == 3);
        CHECK(ids(index.query("mer", {50, false})) == std::vector<std::string>{"mayor", "measure"});
    }
}

TEST_CASE("search index views its texts rather than copying them") {
    std::string text;
    for (int i = 0; i < 20000; ++i) {
        text += i % 2 == 0 ? "слово " : "word ";
    }
    const search::Index index({doc("g", FieldKind::answer, text)});
    CHECK(index.memory_bytes() > 0);
    CHECK(index.memory_bytes() < text.size() / 4);
    REQUIRE(index.query("word").size() == 1);

    // a bigger catalogue holds more
    const search::Index small({doc("a", FieldKind::title, "visa")});
    CHECK(small.memory_bytes() < index.memory_bytes());
    CHECK(search::Index{}.memory_bytes() > 0);
}

TEST_CASE("search builder starts afresh after each build") {
    search::IndexBuilder builder;
    builder.add(doc("first", FieldKind::title, "visa"));
    builder.add(doc("first", FieldKind::step, "passport", "s1"));
    const search::Index first = builder.build();

    builder.add(doc("second", FieldKind::title, "patent"));
    const search::Index second = builder.build();
    const search::Index empty = builder.build();

    CHECK(first.document_count() == 2);
    CHECK(ids(first.query("visa")) == std::vector<std::string>{"first"});
    CHECK(first.query("patent").empty());
    CHECK(second.document_count() == 1);
    CHECK(second.query("visa").empty());
    REQUIRE(second.query("patent").size() == 1);
    CHECK(second.query("patent")[0].document == 0);
    CHECK(empty.document_count() == 0);
    CHECK(empty.term_count() == 0);
    CHECK(empty.query("visa").empty());
}

TEST_CASE("search gives the same results to queries run back to back") {
    // everything a result says, to compare two results whole
    auto describe = [](const std::vector<search::Result>& results) {
        std::string out;
        for (const auto& r : results) {
            out += r.guide_id + "|" + std::to_string(r.score) + "|" +
                   std::to_string(r.words_matched) + "|" + std::string(search::field_name(r.kind)) +
                   "|" + r.sub_id + "|" + r.locale + "|" + std::to_string(r.document) + "|" +
                   r.snippet + "|" + std::to_string(r.match_offset) + "|" +
                   std::to_string(r.match_length) + "|" +
                   std::to_string(static_cast<int>(r.quality)) + "\n";
        }
        return out;
    };
    const std::vector<std::string> queries = {
        "passport", "regis", "registration passport", "snils",    "polis",
        "card",     "бонк",  "medical help",          "passport",
    };

    // each query on an index that has answered all the others before it, and on a fresh one
    const auto used = sample_index();
    for (const std::string& query : queries) {
        CAPTURE(query);
        const auto fresh = sample_index();
        const std::string expected = describe(fresh.query(query));
        CHECK(describe(used.query(query)) == expected);
        CHECK(describe(used.query(query)) == expected);
    }
    CHECK_FALSE(describe(used.query("passport")).empty());

    // the limit cuts the list without changing what comes first
    const auto all = used.query("passport", {0, true});
    const auto one = used.query("passport", {1, true});
    REQUIRE(all.size() == 2);
    REQUIRE(one.size() == 1);
    CHECK(describe({all[0]}) == describe(one));
}

TEST_CASE("search survives pathological queries and documents") {
    const auto index = sample_index();
    SUBCASE("a 10 KB query") {
        std::string query;
        while (query.size() < 10 * 1024) {
            query += "passport ";
        }
        const auto results = index.query(query);
        CHECK(ids(results) == std::vector<std::string>{"registration", "sim-card"});
        CHECK(results[0].words_matched == 1);
    }
    SUBCASE("a 10 KB single word") {
        const std::string query(10 * 1024, 'a');
        CHECK(index.query(query).empty());
    }
    SUBCASE("many different words use only the first twelve") {
        std::string query;
        for (int i = 0; i < 30; ++i) {
            query += "w" + std::to_string(i) + " ";
        }
        query += "passport";
        CHECK(index.query(query).empty());
    }
    SUBCASE("invalid UTF-8 in the query and in documents") {
        const search::Index bad({doc("bad", FieldKind::title, "pass\xFF\xFEport \xC3")});
        CHECK(ids(bad.query("pass")) == std::vector<std::string>{"bad"});
        CHECK(ids(bad.query("\xFF\xFFport\xC3")) == std::vector<std::string>{"bad"});
        CHECK(bad.query("\xFF\xFE\xC3").empty());
    }
    SUBCASE("the limit option") {
        CHECK(index.query("passport", {1, true}).size() == 1);
        CHECK(index.query("passport", {0, true}).size() == 2);
    }
}

TEST_CASE("bounded distance stops past its limit") {
    CHECK(search::bounded_distance(U"abcd", U"abcd", 1) == 0);
    CHECK(search::bounded_distance(U"abcd", U"abdc", 1) == 1);
    CHECK(search::bounded_distance(U"abcd", U"xbcy", 2) == 2);
    CHECK(search::bounded_distance(U"abcd", U"wxyz", 2) == 3);
    CHECK(search::bounded_distance(U"ab", U"abcdef", 2) == 3);
    CHECK(search::allowed_typos(3) == 0);
    CHECK(search::allowed_typos(4) == 1);
    CHECK(search::allowed_typos(7) == 1);
    CHECK(search::allowed_typos(8) == 2);
}

TEST_CASE("bounded distance agrees with the full table on random words") {
    // the plain optimal string alignment distance, computed in full
    auto reference = [](const std::u32string& a, const std::u32string& b) {
        std::vector<std::vector<int>> t(a.size() + 1, std::vector<int>(b.size() + 1, 0));
        for (std::size_t i = 0; i <= a.size(); ++i) {
            t[i][0] = static_cast<int>(i);
        }
        for (std::size_t j = 0; j <= b.size(); ++j) {
            t[0][j] = static_cast<int>(j);
        }
        for (std::size_t i = 1; i <= a.size(); ++i) {
            for (std::size_t j = 1; j <= b.size(); ++j) {
                const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                t[i][j] = std::min({t[i - 1][j] + 1, t[i][j - 1] + 1, t[i - 1][j - 1] + cost});
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                    t[i][j] = std::min(t[i][j], t[i - 2][j - 2] + 1);
                }
            }
        }
        return t[a.size()][b.size()];
    };
    std::uint32_t seed = 7;
    auto next = [&seed]() {
        seed = seed * 1664525u + 1013904223u;
        return seed >> 8;
    };
    auto word = [&next]() {
        std::u32string out;
        const std::size_t length = next() % 10;
        for (std::size_t i = 0; i < length; ++i) {
            out.push_back(U'a' + next() % 3);
        }
        return out;
    };
    for (int i = 0; i < 5000; ++i) {
        const std::u32string a = word();
        const std::u32string b = word();
        const int limit = static_cast<int>(next() % 4);
        const int expected = std::min(reference(a, b), limit + 1);
        CHECK(search::bounded_distance(a, b, limit) == expected);
    }
}
