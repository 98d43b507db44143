// Tests for the UTF-8 helpers: decoding bad input, folding for search, transliteration.
#include <doctest/doctest.h>

#include <string>

#include "core/text/text.hpp"

using namespace ruvoya;

TEST_CASE("utf-8 decoding turns every invalid byte into one replacement character") {
    SUBCASE("well-formed text round-trips") {
        const std::string text = "Aé Ж 中 😀";
        CHECK(text::encode(text::decode(text)) == text);
        CHECK(text::is_valid_utf8(text));
        CHECK(text::code_point_count(text) == 8);
    }
    SUBCASE("a lone continuation byte") {
        CHECK(text::decode("a\x80z") == U"a\uFFFDz");
    }
    SUBCASE("a truncated sequence at the end") {
        CHECK(text::decode("ab\xD0") == U"ab\uFFFD");
        CHECK(text::decode("\xE4\xB8") == U"\uFFFD\uFFFD");
    }
    SUBCASE("overlong forms and surrogates") {
        CHECK(text::decode("\xC0\xAF") == U"\uFFFD\uFFFD");
        CHECK(text::decode("\xED\xA0\x80") == U"\uFFFD\uFFFD\uFFFD");
        CHECK(text::decode("\xF4\x90\x80\x80").size() == 4);
    }
    SUBCASE("validation and sanitising") {
        CHECK_FALSE(text::is_valid_utf8("ok\xFF"));
        CHECK(text::sanitize_utf8("ok\xFFok") == "ok\xEF\xBF\xBDok");
        CHECK(text::is_valid_utf8(text::sanitize_utf8("\xC3\x28\xA0\xA1")));
    }
    SUBCASE("decode_next at the end leaves the position alone") {
        std::size_t pos = 3;
        CHECK(text::decode_next("abc", pos) == text::kReplacement);
        CHECK(pos == 3);
    }
}

TEST_CASE("utf-8 encoding replaces values that are not code points") {
    CHECK(text::encode(std::u32string{0xD800}) == "\xEF\xBF\xBD");
    CHECK(text::encode(std::u32string{0x110000}) == "\xEF\xBF\xBD");
    CHECK(text::encode(U"\U0010FFFF") == "\xF4\x8F\xBF\xBF");
}

TEST_CASE("truncation never cuts a code point in two") {
    CHECK(text::truncate_utf8("жжж", 5) == "жж");
    CHECK(text::truncate_utf8("жжж", 6) == "жжж");
    CHECK(text::truncate_utf8("abc", 0).empty());
}

TEST_CASE("folding lowercases and collapses punctuation to single spaces") {
    SUBCASE("latin and cyrillic case") {
        CHECK(text::fold("Medical HELP") == "medical help");
        CHECK(text::fold("ПОЛИС ОМС") == "полис омс");
        CHECK(text::fold("АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ") == "абвгдежзийклмнопрстуфхцчшщъыьэюя");
    }
    SUBCASE("ё folds to е but й stays") {
        CHECK(text::fold("Ещё Ёлка") == "еще елка");
        CHECK(text::fold("Йогурт мой") == "йогурт мой");
        // decomposed forms: е + diaeresis, и + breve
        CHECK(text::fold("е\xCC\x88ж") == "еж");
        CHECK(text::fold("И\xCC\x86") == "й");
    }
    SUBCASE("ukrainian and kazakh letters") {
        CHECK(text::fold("ЇЖАК Є ҐАНОК") == "їжак є ґанок");
        CHECK(text::fold("ҚАЗАҚСТАН ӘЖЕ ҮЙ ҒЫЛЫМ ӨНЕР ҰЛ ҢЫ Һ І") ==
              "қазақстан әже үй ғылым өнер ұл ңы һ і");
    }
    SUBCASE("latin diacritics") {
        CHECK(text::fold("Café Crème Ñandú Straße") == "cafe creme nandu strasse");
        CHECK(text::fold("Şəhər Ğ İstanbul Łódź") == "səhər g istanbul lodz");
    }
    SUBCASE("punctuation and spaces") {
        CHECK(text::fold("  a,  b—c!!  \t\n d  ") == "a b c d");
        CHECK(text::fold("№ 5 «СНИЛС»") == "5 снилс");
        CHECK(text::fold("...").empty());
        CHECK(text::fold("").empty());
    }
    SUBCASE("apostrophes join the word") {
        CHECK(text::fold("don't O‘zbekiston") == "dont ozbekiston");
    }
    SUBCASE("invalid bytes separate words") {
        CHECK(text::fold("ab\xFF\xFE"
                         "cd") == "ab cd");
    }
}

TEST_CASE("folded words keep their place in the original text") {
    const std::string source = "Полис, ОМС!";
    const auto words = text::fold_words(source);
    REQUIRE(words.size() == 2);
    CHECK(words[0].folded == "полис");
    CHECK(source.substr(words[0].offset, words[0].length) == "Полис");
    CHECK(words[1].folded == "омс");
    CHECK(source.substr(words[1].offset, words[1].length) == "ОМС");
    CHECK(text::split_words(" a  bb c ") == std::vector<std::string>{"a", "bb", "c"});
}

TEST_CASE("transliteration spells Russian in Latin letters") {
    CHECK(text::transliterate_to_latin("снилс") == "snils");
    CHECK(text::transliterate_to_latin("полис омс") == "polis oms");
    CHECK(text::transliterate_to_latin("щука жук цех час хлеб") == "shchuka zhuk tsekh chas khleb");
    CHECK(text::transliterate_to_latin("юла яма мой сын") == "yula yama moy syn");
    CHECK(text::transliterate_to_latin("объезд соль ёж") == "obezd sol ezh");
    CHECK(text::transliterate_to_latin("Москва") == "moskva");
    CHECK(text::transliterate_to_latin("патент 2025 café") == "patent 2025 café");
    CHECK(text::transliterate_to_latin("їжак қала") == "yizhak qala");
    CHECK(text::transliterate_to_latin("a\xFF") == "a\xEF\xBF\xBD");
    CHECK(text::has_cyrillic("abc ж"));
    CHECK_FALSE(text::has_cyrillic("abc"));
}

TEST_CASE("slugs are lowercase words joined by single hyphens") {
    CHECK(text::is_slug("medical-help"));
    CHECK(text::is_slug("step2"));
    CHECK_FALSE(text::is_slug(""));
    CHECK_FALSE(text::is_slug("-a"));
    CHECK_FALSE(text::is_slug("a-"));
    CHECK_FALSE(text::is_slug("a--b"));
    CHECK_FALSE(text::is_slug("Medical"));
    CHECK_FALSE(text::is_slug("a b"));
    CHECK_FALSE(text::is_slug("шаг"));
}

TEST_CASE("fnv1a gives the published FNV-1a 64-bit values and chains") {
    CHECK(text::fnv1a("") == 0xcbf29ce484222325ull);
    CHECK(text::fnv1a("a") == 0xaf63dc4c8601ec8cull);
    CHECK(text::fnv1a("foobar") == 0x85944171f73967e8ull);

    // hashing in pieces is hashing the whole
    CHECK(text::fnv1a("bar", text::fnv1a("foo")) == text::fnv1a("foobar"));
    CHECK(text::fnv1a("foobaz") != text::fnv1a("foobar"));
}
