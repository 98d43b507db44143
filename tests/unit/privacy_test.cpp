// Tests for the personal-data checks of the report form: positive and negative examples
// for every kind, overlapping shapes and hostile input.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/privacy/privacy.hpp"

using namespace ruvoya;
using privacy::Kind;

namespace {

// "kind:matched text" for every finding, in order.
std::vector<std::string> found(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& finding : privacy::find_personal_data(text)) {
        out.push_back(std::string(privacy::kind_name(finding.kind)) + ":" +
                      std::string(text.substr(finding.offset, finding.length)));
    }
    return out;
}

using List = std::vector<std::string>;

}  // namespace

TEST_CASE("privacy leaves ordinary report text alone") {
    const char* clean[] = {
        "Step 3 is outdated since 2024",
        "the clinic on 112",
        "Call 103 or 112 from any phone",
        "The fee is 5 000 rubles, or 1 500 000 for companies",
        "Open 9:00-18:00, Monday to Friday",
        "Шаг 2 устарел: с 01.07.2025 нужен новый бланк",
        "Federal Law of 25.07.2002 No. 115-FZ changed",
        "Закон от 25.07.2002 № 115-ФЗ",
        "Form 2024-2025, page 14",
        "COVID-19 rules since 2020",
        "an email like name at example dot com",
        "user@localhost is not an address",
        "",
    };
    for (const char* text : clean) {
        CAPTURE(text);
        CHECK(found(text).empty());
    }
}

TEST_CASE("privacy finds Russian passport numbers") {
    CHECK(found("passport 45 06 123456") == List{"passport:45 06 123456"});
    CHECK(found("my 4506123456 here") == List{"passport:4506123456"});
    CHECK(found("серия и номер 4506 123456.") == List{"passport:4506 123456"});
    CHECK(found("загранпаспорт 72 1234567") == List{"passport:72 1234567"});
    SUBCASE("a passport word makes other lengths count") {
        CHECK(found("паспорт: 123456789") == List{"passport:123456789"});
        CHECK(found("passport no. 1234567") == List{"passport:1234567"});
        CHECK(found("room 1234567").empty());
    }
    SUBCASE("a step number before it does not hide it") {
        CHECK(found("Step 3 4506 123456") == List{"passport:4506 123456"});
    }
}

TEST_CASE("privacy finds letter and digit passport numbers") {
    CHECK(found("AB1234567") == List{"passport:AB1234567"});
    CHECK(found("Uzbek passport AA1234567, valid") == List{"passport:AA1234567"});
    CHECK(found("China: E12345678") == List{"passport:E12345678"});
    CHECK(found("passport ab1234567") == List{"passport:ab1234567"});
    CHECK(found("Passport: FA 1234567") == List{"passport:FA 1234567"});
    SUBCASE("other shapes are not passports") {
        CHECK(found("ab1234567").empty());
        CHECK(found("ABC1234567").empty());
        CHECK(found("A12345").empty());
        CHECK(found("AB123456789").empty());
        CHECK(found("FA 1234567").empty());
        CHECK(found("AB1234567X").empty());
    }
}

TEST_CASE("privacy finds phone numbers") {
    const char* phones[] = {
        "+7 912 345-67-89", "+7 (912) 345-67-89", "8 (912) 345 67 89", "89123456789",
        "+79123456789",     "8-912-345-67-89",    "7 912 345 67 89",   "(912) 345-67-89",
        "912 345 67 89",    "+44 20 7946 0958",   "+998 90 123 45 67", "+86 138 0013 8000",
    };
    for (const char* phone : phones) {
        CAPTURE(phone);
        const std::string text = std::string("call me: ") + phone + ", thanks";
        CHECK(found(text) == List{std::string("phone:") + phone});
    }
    SUBCASE("short and plus-less foreign numbers are not phones") {
        CHECK(found("+7 123").empty());
        CHECK(found("dial 8 800").empty());
        CHECK(found("+1234567").empty());
    }
}

TEST_CASE("privacy finds card numbers only when the Luhn check passes") {
    CHECK(found("my card 4111 1111 1111 1111") == List{"card:4111 1111 1111 1111"});
    CHECK(found("4111111111111111") == List{"card:4111111111111111"});
    CHECK(found("2200-1234-5678-9019 МИР") == List{"card:2200-1234-5678-9019"});
    CHECK(found("amex 3782 822463 10005") == List{"card:3782 822463 10005"});
    CHECK(found("(4111 1111 1111 1111)") == List{"card:4111 1111 1111 1111"});
    CHECK(privacy::luhn_valid("79927398713"));
    CHECK_FALSE(privacy::luhn_valid("79927398710"));
    CHECK_FALSE(privacy::luhn_valid(""));
    CHECK_FALSE(privacy::luhn_valid("12a4"));

    SUBCASE("a number failing Luhn is not a card but still a long number") {
        CHECK(found("4111 1111 1111 1112") == List{"long-number:4111 1111 1111 1112"});
        CHECK(found("4111111111111112") == List{"long-number:4111111111111112"});
    }
}

TEST_CASE("privacy finds e-mail addresses") {
    CHECK(found("write to ivan.petrov+ru@mail.example.ru.") ==
          List{"email:ivan.petrov+ru@mail.example.ru"});
    CHECK(found("a@b.co and x_1990@yandex.ru") == List{"email:a@b.co", "email:x_1990@yandex.ru"});
    CHECK(found("@twitter handle").empty());
    CHECK(found("name@domain").empty());
    CHECK(found("name@domain.c0m").empty());
    CHECK(found("me@.ru").empty());
}

TEST_CASE("privacy finds dates of birth") {
    SUBCASE("next to a birth word, any full date") {
        CHECK(found("born 12.03.1990") == List{"birth-date:12.03.1990"});
        CHECK(found("Дата рождения: 01/02/2015") == List{"birth-date:01/02/2015"});
        CHECK(found("родилась 2016-05-07") == List{"birth-date:2016-05-07"});
        CHECK(found("DOB 1.2.2019") == List{"birth-date:1.2.2019"});
        CHECK(found("12.03.2018 (date of birth)") == List{"birth-date:12.03.2018"});
    }
    SUBCASE("alone, a date with a plausible adult's birth year") {
        CHECK(found("Ivanov 1990-03-12") == List{"birth-date:1990-03-12"});
        CHECK(found("12/03/1985") == List{"birth-date:12/03/1985"});
    }
    SUBCASE("recent dates, impossible dates and law dates are not") {
        CHECK(found("changed on 12.03.2024").empty());
        CHECK(found("31.02.1990").empty());
        CHECK(found("12.13.1990").empty());
        CHECK(found("12.03.1890").empty());
        CHECK(found("law of 12.03.1990").empty());
        CHECK(found("version 1.2.1990.4").empty());
    }
    SUBCASE("a date is never read as another number") {
        CHECK(found("since 2024-01-15 at 10:00").empty());
    }
}

TEST_CASE("privacy finds migration card numbers") {
    CHECK(found("4619 1234567") == List{"migration-card:4619 1234567"});
    CHECK(found("migration card 1234567") == List{"migration-card:1234567"});
    CHECK(found("миграционная карта № 46191234567") == List{"migration-card:46191234567"});
    CHECK(found("card 1234567").empty());
}

TEST_CASE("privacy reports several findings in order without overlap") {
    const std::string text =
        "Ivan, born 12.03.1990, passport 4506 123456, tel +7 912 345-67-89, "
        "mail ivan@example.com, card 4111 1111 1111 1111.";
    CHECK(found(text) == List{"birth-date:12.03.1990", "passport:4506 123456",
                              "phone:+7 912 345-67-89", "email:ivan@example.com",
                              "card:4111 1111 1111 1111"});
    const auto findings = privacy::find_personal_data(text);
    for (std::size_t i = 1; i < findings.size(); ++i) {
        CHECK(findings[i - 1].offset + findings[i - 1].length <= findings[i].offset);
    }
}

TEST_CASE("privacy survives hostile input") {
    SUBCASE("invalid UTF-8 and control bytes") {
        const char raw[] = "\xFF\xFE 4506 123456 \xD0\x00\x80 ab@cd.ef";
        const std::string text(raw, sizeof raw - 1);
        CHECK(found(text) == List{"passport:4506 123456", "email:ab@cd.ef"});
    }
    SUBCASE("a huge run of digits and separators") {
        std::string text;
        for (int i = 0; i < 20000; ++i) {
            text += "12 ";
        }
        CHECK(found(text).empty());
        const std::string digits(100000, '7');
        CHECK(found(digits) == List{"long-number:" + digits});
    }
    SUBCASE("many at signs and dots") {
        const std::string text(50000, '@');
        CHECK(found(text).empty());
        CHECK(found(std::string(50000, '.') + "1.1.1990").empty());
    }
    SUBCASE("kind names are stable") {
        CHECK(privacy::kind_name(Kind::birth_date) == "birth-date");
        CHECK(privacy::kind_name(Kind::migration_card) == "migration-card");
        CHECK(privacy::kind_name(Kind::long_number) == "long-number");
    }
}
