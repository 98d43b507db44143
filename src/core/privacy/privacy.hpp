// Personal-data checks for the "Report outdated information" form: before a report is
// sent, the UI looks for numbers and addresses that identify a person and asks the user
// to remove them. The checks favour catching too much over too little, but stay quiet on
// the numbers guides are full of: step numbers, years, emergency numbers, prices.
//
// What each kind means (details and reasons in privacy.cpp):
// - passport: Russian internal passport "45 06 123456" / "4506 123456" / "4506123456",
//   Russian travel passport "72 1234567", and letter+digit numbers "AB1234567",
//   "E12345678" (1-2 capital letters + 6-8 digits; lowercase only after a passport word);
//   any 6-10 digit number right after "passport"/"паспорт".
// - phone: +7/8 Russian numbers in any spacing, brackets or dashes; 10-digit mobile
//   numbers starting with 9 when grouped; any "+<country>" number of 8-15 digits.
// - card: 13-19 digits (plain or grouped by spaces/dashes) passing the Luhn check.
// - email: name@domain.tld.
// - birth_date: a full date (12.03.1990, 1990-03-12, 12/03/1990) next to a birth word
//   (born, birth, DOB, рождения, родился/родилась), or standing alone with a year from
//   1920 to 2012. Later years alone are taken for dates of procedures and laws, which
//   reports mention all the time; a date next to "law"/"закон"/"ФЗ" is never a birth date.
// - migration_card: "4619 1234567" (4 + 7 digits), or 7-11 digits after
//   "migration card"/"миграционная карта".
// - long_number: 9 or more digits (one group, or 12+ digits in groups of 3+) that match
//   none of the above, such as a card number that fails the Luhn check: it may still be
//   a document or account number, so the user is asked to look at it.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace ruvoya::privacy {

enum class Kind { passport, phone, card, email, birth_date, migration_card, long_number };

// A stable name for logs, tests and UI string keys: "passport", "phone", "card", "email",
// "birth-date", "migration-card", "long-number".
std::string_view kind_name(Kind kind);

struct Finding {
    Kind kind;
    // where the finding lies in the text, in bytes
    std::size_t offset = 0;
    std::size_t length = 0;
};

// All findings in `text`, by offset, never overlapping. Any bytes are accepted.
std::vector<Finding> find_personal_data(std::string_view text);

// Whether a string of digits passes the Luhn check (false for non-digits or empty).
bool luhn_valid(std::string_view digits);

}  // namespace ruvoya::privacy
