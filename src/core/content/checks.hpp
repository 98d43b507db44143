// Small, pure checks the content compiler applies to single values: ids, locale codes,
// dates, URLs, e-mail addresses, phone numbers, and the did-you-mean suggestion.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ruvoya::content {

// Every locale code the format knows (site.json picks the ones the app offers).
inline constexpr std::string_view kKnownLocales[] = {"en", "ru", "uz", "tg", "ky", "kk", "zh",
                                                     "hy", "az", "tr", "ar", "fa", "uk", "ro"};

bool is_known_locale(std::string_view code);

// ^[a-z0-9]+(-[a-z0-9]+)*$
bool is_slug(std::string_view id);

// Dot-separated segments, each ^[a-z0-9]+([_-][a-z0-9]+)*$ (e.g. "guide.fast_path").
bool is_ui_key(std::string_view key);

struct Date {
    int year = 0;
    int month = 0;
    int day = 0;
};

enum class DateProblem { none, format, calendar };

// Parses YYYY-MM-DD. `problem` tells a bad shape from a day that does not exist.
std::optional<Date> parse_date(std::string_view text, DateProblem* problem = nullptr);

// Days since 1970-01-01 (proleptic Gregorian calendar).
long days_from_civil(const Date& date);

// The same calendar day `months` months earlier (clamped to the month's last day).
Date months_before(const Date& date, int months);

std::string format_date(const Date& date);

// A URL problem: the diagnostic code ("C018".."C022") and what is wrong.
struct UrlProblem {
    std::string code;
    std::string message;
};

// Checks a URL that a user may open: https, a host, no credentials, no javascript:, no
// whitespace. Returns nothing when the URL is acceptable.
std::optional<UrlProblem> check_url(std::string_view url);

bool is_email(std::string_view text);

// Digits with an optional leading '+', single spaces or hyphens between digits, 2 to 15
// digits in all (e.g. "112", "+7 495 123-45-67").
bool is_phone_number(std::string_view text);

// Edit distance counting a swap of two neighbours as one edit.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word` when it is close enough to be a likely typo.
std::optional<std::string> did_you_mean(std::string_view word,
                                        const std::vector<std::string>& candidates);

// 64-bit FNV-1a over `bytes`, continuing from `hash`.
std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t hash = 0xcbf29ce484222325ULL);

}  // namespace ruvoya::content
