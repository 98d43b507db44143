// Finding personal data in free text (see privacy.hpp for the kinds). The text is scanned
// in passes, most specific first; each pass marks the bytes it claims so that later passes
// skip them: e-mail addresses, dates, letter+digit document numbers, then runs of digit
// groups ("+7 (912) 345-67-89", "4506 123456"), which are classified by their grouping.
//
// Index:
//   [SECTION] helpers
//   [SECTION] e-mail
//   [SECTION] dates
//   [SECTION] letter+digit numbers
//   [SECTION] digit groups
#include "core/privacy/privacy.hpp"

#include <algorithm>
#include <initializer_list>
#include <string>

#include "core/text/text.hpp"

namespace ruvoya::privacy {

// ---- [SECTION] helpers -------------------------------------------------------------

std::string_view kind_name(Kind kind) {
    switch (kind) {
        case Kind::passport:
            return "passport";
        case Kind::phone:
            return "phone";
        case Kind::card:
            return "card";
        case Kind::email:
            return "email";
        case Kind::birth_date:
            return "birth-date";
        case Kind::migration_card:
            return "migration-card";
        case Kind::long_number:
            return "long-number";
    }
    return "long-number";
}

bool luhn_valid(std::string_view digits) {
    if (digits.empty()) {
        return false;
    }
    int sum = 0;
    bool twice = false;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        if (*it < '0' || *it > '9') {
            return false;
        }
        int digit = *it - '0';
        if (twice) {
            digit *= 2;
            if (digit > 9) {
                digit -= 9;
            }
        }
        sum += digit;
        twice = !twice;
    }
    return sum % 10 == 0;
}

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool is_ascii_alnum(char c) {
    return is_digit(c) || is_ascii_letter(c);
}

// Words that make a nearby number personal, or (law words) not a birth date. Matched at
// the start of a folded word, so "рожд" covers "рождения" and "родил" "родилась".
const std::initializer_list<std::string_view> kPassportWords = {"passport",  "паспорт",   "pasport",
                                                                "passeport", "pasaporte", "загран"};
const std::initializer_list<std::string_view> kBirthWords = {"born", "birth", "dob",
                                                             "рожд", "родил", "tugilgan"};
const std::initializer_list<std::string_view> kMigrationWords = {"migration", "миграц",
                                                                 "migratsion", "migratsiya"};
const std::initializer_list<std::string_view> kLawWords = {
    "law",  "закон",       "федеральн", "фз",         "fz",     "decree",
    "указ", "постановлен", "приказ",    "resolution", "amended"};

// How far around a finding its context words are looked for, in bytes.
constexpr std::size_t kContextBefore = 48;
constexpr std::size_t kContextAfter = 24;

// Whether one of `words` starts a word in the text around [offset, offset + length).
bool near(std::string_view text, std::size_t offset, std::size_t length,
          std::initializer_list<std::string_view> words) {
    const std::size_t start = offset > kContextBefore ? offset - kContextBefore : 0;
    const std::size_t end = std::min(text.size(), offset + length + kContextAfter);
    const std::string before = " " + text::fold(text.substr(start, offset - start));
    const std::string after = " " + text::fold(text.substr(offset + length, end - offset - length));
    for (const std::string_view word : words) {
        const std::string needle = " " + std::string(word);
        if (before.find(needle) != std::string::npos || after.find(needle) != std::string::npos) {
            return true;
        }
    }
    return false;
}

// The scan's shared state: the text, which bytes are claimed, and the findings.
struct Scan {
    std::string_view text;
    std::vector<char> claimed;
    std::vector<Finding> findings;

    bool free(std::size_t from, std::size_t to) const {
        return std::none_of(claimed.begin() + static_cast<std::ptrdiff_t>(from),
                            claimed.begin() + static_cast<std::ptrdiff_t>(to),
                            [](char c) { return c != 0; });
    }
    void claim(std::size_t from, std::size_t to) {
        std::fill(claimed.begin() + static_cast<std::ptrdiff_t>(from),
                  claimed.begin() + static_cast<std::ptrdiff_t>(to), 1);
    }
    void add(Kind kind, std::size_t from, std::size_t to) {
        findings.push_back(Finding{kind, from, to - from});
        claim(from, to);
    }
};

// ---- [SECTION] e-mail --------------------------------------------------------------

bool is_local_char(char c) {
    return is_ascii_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

bool is_domain_char(char c) {
    return is_ascii_alnum(c) || c == '.' || c == '-';
}

void find_emails(Scan& scan) {
    const std::string_view text = scan.text;
    for (std::size_t at = text.find('@'); at != std::string_view::npos;
         at = text.find('@', at + 1)) {
        // the widest name and domain around the '@', without dots at the ends
        std::size_t start = at;
        while (start > 0 && is_local_char(text[start - 1])) {
            --start;
        }
        while (start < at && text[start] == '.') {
            ++start;
        }
        std::size_t end = at + 1;
        while (end < text.size() && is_domain_char(text[end])) {
            ++end;
        }
        while (end > at + 1 && (text[end - 1] == '.' || text[end - 1] == '-')) {
            --end;
        }
        if (start == at || end == at + 1) {
            continue;
        }

        // the domain needs a dot and a top-level part of two letters or more
        const std::string_view domain = text.substr(at + 1, end - at - 1);
        const std::size_t dot = domain.rfind('.');
        if (dot == std::string_view::npos || dot == 0 || domain.size() - dot - 1 < 2) {
            continue;
        }
        const std::string_view top = domain.substr(dot + 1);
        if (!std::all_of(top.begin(), top.end(), is_ascii_letter)) {
            continue;
        }
        if (scan.free(start, end)) {
            scan.add(Kind::email, start, end);
        }
    }
}

// ---- [SECTION] dates ---------------------------------------------------------------

// Reads 1 to `max_digits` digits at `pos`; returns how many (0 if none).
std::size_t read_number(std::string_view text, std::size_t pos, std::size_t max_digits,
                        int& value) {
    std::size_t count = 0;
    value = 0;
    while (pos + count < text.size() && is_digit(text[pos + count])) {
        if (count == max_digits) {
            return 0;
        }
        value = value * 10 + (text[pos + count] - '0');
        ++count;
    }
    return count;
}

bool is_real_date(int year, int month, int day) {
    if (month < 1 || month > 12 || day < 1) {
        return false;
    }
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int days = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
    return day <= days;
}

// Years a date standing alone may be a birth date in. FIXME: the upper bound is fixed
// because the core reads no clock; it should follow the current year minus about 14.
constexpr int kLoneBirthYearMin = 1920;
constexpr int kLoneBirthYearMax = 2012;

// FIXME: dates written with month names ("12 марта 1990", "12 March 1990") and two-digit
// years are not recognised.
void find_dates(Scan& scan) {
    const std::string_view text = scan.text;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!is_digit(text[i]) || (i > 0 && (is_ascii_alnum(text[i - 1]) || text[i - 1] == '.'))) {
            continue;
        }

        // three numbers joined by the same separator: d.m.y, d/m/y, d-m-y or y-m-d
        int a = 0;
        int b = 0;
        int c = 0;
        const std::size_t la = read_number(text, i, 4, a);
        if (la == 0 || i + la >= text.size()) {
            continue;
        }
        const char separator = text[i + la];
        if (separator != '.' && separator != '/' && separator != '-') {
            continue;
        }
        const std::size_t lb = read_number(text, i + la + 1, 2, b);
        const std::size_t second = i + la + 1 + lb;
        if (lb == 0 || second >= text.size() || text[second] != separator) {
            continue;
        }
        const std::size_t lc = read_number(text, second + 1, 4, c);
        const std::size_t end = second + 1 + lc;
        if (lc == 0 || (end < text.size() && (is_ascii_alnum(text[end]) ||
                                              (text[end] == separator && end + 1 < text.size() &&
                                               is_digit(text[end + 1]))))) {
            continue;
        }

        int year = 0;
        int month = b;
        int day = 0;
        if (la == 4 && lc <= 2) {
            year = a;
            day = c;
        } else if (la <= 2 && lc == 4) {
            year = c;
            day = a;
        } else {
            continue;
        }
        if (year < 1900 || year > 2100 || !is_real_date(year, month, day)) {
            continue;
        }

        // every full date is claimed, so no later pass reads it as another number
        const std::size_t length = end - i;
        const bool birth = near(text, i, length, kBirthWords) ||
                           (year >= kLoneBirthYearMin && year <= kLoneBirthYearMax &&
                            !near(text, i, length, kLawWords));
        if (birth) {
            scan.add(Kind::birth_date, i, end);
        } else {
            scan.claim(i, end);
        }
        i = end - 1;
    }
}

// ---- [SECTION] letter+digit numbers ------------------------------------------------

void find_lettered_passports(Scan& scan) {
    const std::string_view text = scan.text;
    std::size_t i = 0;
    while (i < text.size()) {
        if (!is_ascii_alnum(text[i])) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && is_ascii_alnum(text[end])) {
            ++end;
        }
        const std::string_view token = text.substr(i, end - i);
        const std::size_t letters = static_cast<std::size_t>(
            std::find_if(token.begin(), token.end(), is_digit) - token.begin());
        const bool digits_after = std::all_of(token.begin() + static_cast<std::ptrdiff_t>(letters),
                                              token.end(), is_digit);
        const std::size_t digits = token.size() - letters;
        const bool upper = std::all_of(
            token.begin(), token.begin() + static_cast<std::ptrdiff_t>(letters), is_upper);

        // "AB1234567" alone, or in any case after a passport word
        if (letters >= 1 && letters <= 2 && digits_after && digits >= 6 && digits <= 8 &&
            (upper || near(text, i, token.size(), kPassportWords)) && scan.free(i, end)) {
            scan.add(Kind::passport, i, end);
            i = end;
            continue;
        }

        // "AB 1234567" after a passport word
        if (letters == token.size() && letters <= 2 && end + 1 < text.size() && text[end] == ' ' &&
            is_digit(text[end + 1])) {
            std::size_t number_end = end + 1;
            while (number_end < text.size() && is_digit(text[number_end])) {
                ++number_end;
            }
            const std::size_t count = number_end - end - 1;
            const bool bounded = number_end == text.size() || !is_ascii_alnum(text[number_end]);
            if (count >= 6 && count <= 8 && bounded && near(text, i, letters, kPassportWords) &&
                scan.free(i, number_end)) {
                scan.add(Kind::passport, i, number_end);
                i = number_end;
                continue;
            }
        }
        i = end;
    }
}

// ---- [SECTION] digit groups --------------------------------------------------------

// One run of digits inside a number such as "+7 (912) 345-67-89".
struct Group {
    std::size_t start;
    std::size_t end;
    // brackets in the separator before this group (or before the number)
    bool bracket_before;
};

// Length of a separator between digit groups at `pos`: ' ', '-', '(', ')', a tab, a
// no-break space or an en dash; 0 when there is none.
std::size_t separator_at(std::string_view text, std::size_t pos) {
    const char c = text[pos];
    if (c == ' ' || c == '-' || c == '(' || c == ')' || c == '\t') {
        return 1;
    }
    if (text.substr(pos, 2) == "\xC2\xA0") {
        return 2;
    }
    if (text.substr(pos, 3) == "\xE2\x80\x93") {
        return 3;
    }
    return 0;
}

// What a run of groups [first, last] is, judged by its digits and grouping; returns false
// when it is none of the specific kinds.
bool classify(const Scan& scan, const std::vector<Group>& groups, std::size_t first,
              std::size_t last, bool plus, Kind& kind) {
    std::string digits;
    std::vector<std::size_t> lengths;
    bool brackets = groups[first].bracket_before;
    bool inner_brackets = false;
    for (std::size_t g = first; g <= last; ++g) {
        digits.append(scan.text.substr(groups[g].start, groups[g].end - groups[g].start));
        lengths.push_back(groups[g].end - groups[g].start);
        inner_brackets = inner_brackets || (g > first && groups[g].bracket_before);
    }
    brackets = brackets || inner_brackets;
    const std::size_t n = digits.size();
    const std::size_t from = groups[first].start - (plus ? 1 : 0);
    const std::size_t to = groups[last].end;
    auto shaped = [&lengths](std::initializer_list<std::size_t> shape) {
        return std::equal(lengths.begin(), lengths.end(), shape.begin(), shape.end());
    };

    // a card: 13-19 digits passing Luhn, plain or in groups of four or more
    const bool card_groups =
        std::all_of(lengths.begin(), lengths.end(), [](std::size_t length) { return length >= 4; });
    if (!plus && !inner_brackets && n >= 13 && n <= 19 && card_groups && luhn_valid(digits)) {
        kind = Kind::card;
        return true;
    }

    // a phone: "+<country>", Russian 7/8 + 10 digits, or a grouped mobile number
    const bool russian = n == 11 && (digits[0] == '7' || digits[0] == '8') && !shaped({4, 7});
    const bool mobile =
        n == 10 && digits[0] == '9' && (brackets || lengths.size() >= 3 || shaped({3, 7}));
    if ((plus && n >= 8 && n <= 15) || (!plus && (russian || mobile))) {
        kind = Kind::phone;
        return true;
    }
    if (plus) {
        return false;
    }

    // a migration card, then a passport, by shape or by the words before them
    if (shaped({4, 7}) ||
        (n >= 7 && n <= 11 && near(scan.text, from, to - from, kMigrationWords))) {
        kind = Kind::migration_card;
        return true;
    }
    if (shaped({2, 2, 6}) || shaped({4, 6}) || shaped({10}) || shaped({2, 7}) ||
        (n >= 6 && n <= 10 && near(scan.text, from, to - from, kPassportWords))) {
        kind = Kind::passport;
        return true;
    }
    return false;
}

// The most groups a phone, card or document number is written in ("8 912 345 67 89").
constexpr std::size_t kMaxGroups = 6;

// Classifies one number made of `groups`: at each group, the longest run of groups that
// is a specific kind wins; what is left is a long number when long enough. `lead` bytes
// before the first group ('+' or '(') belong to a phone number that starts there.
void classify_number(Scan& scan, const std::vector<Group>& groups, bool plus, std::size_t lead) {
    std::vector<bool> used(groups.size(), false);
    std::size_t first = 0;
    while (first < groups.size()) {
        bool found = false;
        // no kind spans more than kMaxGroups groups or 19 digits
        std::size_t limit = std::min(groups.size(), first + kMaxGroups);
        std::size_t digits = 0;
        for (std::size_t g = first; g < limit; ++g) {
            digits += groups[g].end - groups[g].start;
            if (digits > 19) {
                limit = std::max(g, first + 1);
                break;
            }
        }
        for (std::size_t last = limit; last-- > first;) {
            Kind kind = Kind::long_number;
            if (classify(scan, groups, first, last, plus && first == 0, kind)) {
                const bool with_lead = first == 0 && kind == Kind::phone;
                const std::size_t from = groups[first].start - (with_lead ? lead : 0);
                scan.add(kind, from, groups[last].end);
                std::fill(used.begin() + static_cast<std::ptrdiff_t>(first),
                          used.begin() + static_cast<std::ptrdiff_t>(last) + 1, true);
                first = last + 1;
                found = true;
                break;
            }
        }
        if (!found) {
            ++first;
        }
    }

    // leftovers: one group of 9+ digits, or 12+ digits in consecutive groups of 3+
    std::size_t g = 0;
    while (g < groups.size()) {
        if (used[g] || groups[g].end - groups[g].start < 3) {
            ++g;
            continue;
        }
        std::size_t last = g;
        std::size_t digits = groups[g].end - groups[g].start;
        while (last + 1 < groups.size() && !used[last + 1] &&
               groups[last + 1].end - groups[last + 1].start >= 3) {
            ++last;
            digits += groups[last].end - groups[last].start;
        }
        const bool single = last == g && digits >= 9;
        if (single || (last > g && digits >= 12)) {
            scan.add(Kind::long_number, groups[g].start, groups[last].end);
        }
        g = last + 1;
    }
}

// FIXME: a passport series and number split by words ("серия 4506 номер 123456") is seen
// as two short numbers and not reported.
void find_numbers(Scan& scan) {
    const std::string_view text = scan.text;
    std::size_t i = 0;
    while (i < text.size()) {
        // a number starts at a free digit that does not continue a word or another number
        const bool starts = is_digit(text[i]) && !scan.claimed[i] &&
                            (i == 0 || (!is_ascii_alnum(text[i - 1]) && text[i - 1] != '.'));
        if (!starts) {
            ++i;
            continue;
        }
        const bool plus = i > 0 && text[i - 1] == '+' && !scan.claimed[i - 1];
        const bool opened = i > 0 && text[i - 1] == '(';

        // collect groups joined by at most three separator characters
        std::vector<Group> groups;
        std::size_t pos = i;
        bool bracket = opened;
        while (true) {
            const std::size_t start = pos;
            while (pos < text.size() && is_digit(text[pos]) && !scan.claimed[pos]) {
                ++pos;
            }
            groups.push_back(Group{start, pos, bracket});
            if (groups.size() > 64) {
                break;
            }

            std::size_t next = pos;
            std::size_t separators = 0;
            bracket = false;
            while (next < text.size() && separators < 3) {
                const std::size_t length = separator_at(text, next);
                if (length == 0) {
                    break;
                }
                bracket = bracket || text[next] == '(' || text[next] == ')';
                next += length;
                ++separators;
            }
            if (separators == 0 || next >= text.size() || !is_digit(text[next]) ||
                scan.claimed[next]) {
                break;
            }
            pos = next;
        }

        const bool glued = pos < text.size() && is_ascii_letter(text[pos]);
        if (!glued) {
            classify_number(scan, groups, plus, plus || opened ? 1 : 0);
        }
        i = pos;
    }
}

}  // namespace

std::vector<Finding> find_personal_data(std::string_view text) {
    Scan scan{text, std::vector<char>(text.size(), 0), {}};
    find_emails(scan);
    find_dates(scan);
    find_lettered_passports(scan);
    find_numbers(scan);
    std::sort(scan.findings.begin(), scan.findings.end(),
              [](const Finding& a, const Finding& b) { return a.offset < b.offset; });
    return scan.findings;
}

}  // namespace ruvoya::privacy
