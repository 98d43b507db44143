// Implementation of the single-value checks used by the content compiler.
#include "core/content/checks.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace ruvoya::content {

namespace {

bool is_lower_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Segments of lowercase letters and digits joined by single separators from `joins`.
bool is_joined_word(std::string_view text, std::string_view joins) {
    if (text.empty() || !is_lower_alnum(text.front()) || !is_lower_alnum(text.back())) {
        return false;
    }
    for (std::size_t i = 1; i < text.size(); ++i) {
        const bool join = joins.find(text[i]) != std::string_view::npos;
        const bool previous_join = joins.find(text[i - 1]) != std::string_view::npos;
        if (!is_lower_alnum(text[i]) && !join) {
            return false;
        }
        if (join && previous_join) {
            return false;
        }
    }
    return true;
}

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) {
        return false;
    }
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (lower(text[i]) != prefix[i]) {
            return false;
        }
    }
    return true;
}

// A host name label: letters (any script), digits and inner hyphens.
bool is_host_label(std::string_view label) {
    if (label.empty() || label.front() == '-' || label.back() == '-') {
        return false;
    }
    for (char c : label) {
        const auto byte = static_cast<unsigned char>(c);
        const bool ok = byte >= 0x80 || is_lower_alnum(lower(c)) || c == '-';
        if (!ok) {
            return false;
        }
    }
    return true;
}

}  // namespace

bool is_known_locale(std::string_view code) {
    return std::find(std::begin(kKnownLocales), std::end(kKnownLocales), code) !=
           std::end(kKnownLocales);
}

bool is_slug(std::string_view id) {
    return is_joined_word(id, "-");
}

bool is_ui_key(std::string_view key) {
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = key.find('.', start);
        const std::string_view segment = key.substr(start, dot - start);
        if (!is_joined_word(segment, "_-")) {
            return false;
        }
        if (dot == std::string_view::npos) {
            return true;
        }
        start = dot + 1;
    }
}

// ---- dates ----------------------------------------------------------------------------

std::optional<Date> parse_date(std::string_view text, DateProblem* problem) {
    auto fail = [problem](DateProblem why) -> std::optional<Date> {
        if (problem != nullptr) {
            *problem = why;
        }
        return std::nullopt;
    };
    if (problem != nullptr) {
        *problem = DateProblem::none;
    }

    // shape: four digits, dash, two digits, dash, two digits
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return fail(DateProblem::format);
    }
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (!is_digit(text[i])) {
            return fail(DateProblem::format);
        }
    }
    auto number = [&](std::size_t at, std::size_t length) {
        int value = 0;
        for (std::size_t i = at; i < at + length; ++i) {
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    Date date{number(0, 4), number(5, 2), number(8, 2)};

    // the day must exist in that month of that year
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (date.month < 1 || date.month > 12 || date.day < 1) {
        return fail(DateProblem::calendar);
    }
    const bool leap = (date.year % 4 == 0 && date.year % 100 != 0) || date.year % 400 == 0;
    const int days = kDays[date.month - 1] + (date.month == 2 && leap ? 1 : 0);
    if (date.day > days) {
        return fail(DateProblem::calendar);
    }
    return date;
}

long days_from_civil(const Date& date) {
    // the well-known era-based conversion
    const long y = date.year - (date.month <= 2 ? 1 : 0);
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long year_of_era = y - era * 400;
    const long month = date.month;
    const long day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + date.day - 1;
    const long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

Date months_before(const Date& date, int months) {
    int total = date.year * 12 + (date.month - 1) - months;
    Date out{total / 12, total % 12 + 1, date.day};
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (out.year % 4 == 0 && out.year % 100 != 0) || out.year % 400 == 0;
    const int last = kDays[out.month - 1] + (out.month == 2 && leap ? 1 : 0);
    out.day = std::min(out.day, last);
    return out;
}

std::string format_date(const Date& date) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buffer;
}

// ---- URLs, e-mail, phone numbers --------------------------------------------------------

std::optional<UrlProblem> check_url(std::string_view url) {
    // whitespace and control characters first: they hide what the URL really is
    for (std::size_t i = 0; i < url.size(); ++i) {
        const auto byte = static_cast<unsigned char>(url[i]);
        const bool nbsp =
            byte == 0xC2 && i + 1 < url.size() && static_cast<unsigned char>(url[i + 1]) == 0xA0;
        if (byte <= 0x20 || byte == 0x7F || nbsp) {
            return UrlProblem{"C022",
                              "URL contains whitespace or a control character at "
                              "character " +
                                  std::to_string(i + 1) +
                                  "; remove it (encode a needed space as %20)"};
        }
    }
    if (starts_with_nocase(url, "javascript:")) {
        return UrlProblem{"C021", "javascript: URLs are not allowed; link to an https page"};
    }
    if (url.substr(0, 8) != "https://") {
        return UrlProblem{"C018", "URL \"" + std::string(url) +
                                      "\" does not start with https://; use the page's "
                                      "https address"};
    }

    // the authority ends at the first '/', '?' or '#'
    const std::string_view rest = url.substr(8);
    const std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
    if (authority.find('@') != std::string_view::npos) {
        return UrlProblem{"C020",
                          "URL carries credentials (user:password@); remove "
                          "everything up to and including '@'"};
    }
    std::string_view host = authority;
    if (const std::size_t colon = authority.rfind(':'); colon != std::string_view::npos) {
        const std::string_view port = authority.substr(colon + 1);
        const bool digits =
            !port.empty() && port.size() <= 5 && std::all_of(port.begin(), port.end(), is_digit);
        if (!digits) {
            return UrlProblem{"C019", "URL has an invalid port \"" + std::string(port) +
                                          "\"; write https://host/path"};
        }
        host = authority.substr(0, colon);
    }
    bool labels_ok = !host.empty() && host.find('.') != std::string_view::npos;
    std::size_t start = 0;
    while (labels_ok) {
        const std::size_t dot = host.find('.', start);
        labels_ok = is_host_label(host.substr(start, dot - start));
        if (dot == std::string_view::npos) {
            break;
        }
        start = dot + 1;
    }
    if (!labels_ok) {
        return UrlProblem{"C019", "URL has no valid host name (got \"" + std::string(host) +
                                      "\"); write https://host.example/path"};
    }
    return std::nullopt;
}

bool is_email(std::string_view text) {
    const std::size_t at = text.find('@');
    if (at == 0 || at == std::string_view::npos ||
        text.find('@', at + 1) != std::string_view::npos) {
        return false;
    }
    for (char c : text) {
        if (static_cast<unsigned char>(c) <= 0x20) {
            return false;
        }
    }
    const std::string_view domain = text.substr(at + 1);
    const std::size_t dot = domain.rfind('.');
    return dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size();
}

bool is_phone_number(std::string_view text) {
    std::size_t digits = 0;
    std::size_t i = 0;
    if (!text.empty() && text[0] == '+') {
        i = 1;
    }
    char previous = '+';
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (is_digit(c)) {
            ++digits;
        } else if (c == ' ' || c == '-') {
            // a separator only between two digits
            if (!is_digit(previous)) {
                return false;
            }
        } else {
            return false;
        }
        previous = c;
    }
    return digits >= 2 && digits <= 15 && is_digit(previous);
}

// ---- suggestions and hashing ------------------------------------------------------------

std::size_t edit_distance(std::string_view a, std::string_view b) {
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1, 0));
    for (std::size_t i = 0; i <= n; ++i) {
        d[i][0] = i;
    }
    for (std::size_t k = 0; k <= m; ++k) {
        d[0][k] = k;
    }
    for (std::size_t i = 1; i <= n; ++i) {
        for (std::size_t k = 1; k <= m; ++k) {
            const std::size_t cost = a[i - 1] == b[k - 1] ? 0 : 1;
            d[i][k] = std::min({d[i - 1][k] + 1, d[i][k - 1] + 1, d[i - 1][k - 1] + cost});
            if (i > 1 && k > 1 && a[i - 1] == b[k - 2] && a[i - 2] == b[k - 1]) {
                d[i][k] = std::min(d[i][k], d[i - 2][k - 2] + 1);
            }
        }
    }
    return d[n][m];
}

std::optional<std::string> did_you_mean(std::string_view word,
                                        const std::vector<std::string>& candidates) {
    // allow about one edit per three characters, at least one and at most three
    const std::size_t limit = std::max<std::size_t>(1, std::min<std::size_t>(3, word.size() / 3));
    std::optional<std::string> best;
    std::size_t best_distance = limit + 1;
    for (const std::string& candidate : candidates) {
        const std::size_t distance = edit_distance(word, candidate);
        if (distance < best_distance && candidate != word) {
            best = candidate;
            best_distance = distance;
        }
    }
    return best;
}

std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t hash) {
    for (char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

}  // namespace ruvoya::content
