// UTF-8 helpers shared by search and privacy checks: safe decoding and encoding of code
// points, folding text for matching (case, ё/е, Latin diacritics, punctuation) and a
// practical Latin transliteration of Cyrillic so that a Latin query can find Russian text;
// and the byte hash the UI's caches and change checks use.
// Nothing here allocates more than the output it returns, throws or reads global state.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ruvoya::text {

// The code point that replaces every invalid byte sequence.
inline constexpr char32_t kReplacement = 0xFFFD;

// 64-bit FNV-1a of bytes, continuing from h: a quick hash for caches and for telling
// whether something changed, not for anything that must resist chosen input.
inline constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ull;
inline std::uint64_t fnv1a(std::string_view bytes, std::uint64_t h = kFnvOffset) {
    for (const char c : bytes) {
        h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    }
    return h;
}

// Decodes the code point that starts at `pos` and moves `pos` past it. Invalid, overlong,
// truncated or surrogate sequences yield kReplacement and advance by one byte, so a loop
// over any input always ends. At or past the end it returns kReplacement and leaves `pos`.
char32_t decode_next(std::string_view text, std::size_t& pos);

// Appends the UTF-8 form of `cp`; surrogates and values past U+10FFFF become U+FFFD.
void append_utf8(std::string& out, char32_t cp);

std::u32string decode(std::string_view text);
std::string encode(std::u32string_view code_points);

// Whether `text` is well-formed UTF-8 (no replacement would be needed to decode it).
bool is_valid_utf8(std::string_view text);

// Replaces every invalid sequence by U+FFFD, keeping everything else byte for byte.
std::string sanitize_utf8(std::string_view text);

// Number of code points (each invalid byte counts as one).
std::size_t code_point_count(std::string_view text);

// The longest prefix of `text` that is at most `max_bytes` long and does not cut a
// well-formed code point in two.
std::string_view truncate_utf8(std::string_view text, std::size_t max_bytes);

// Folds text for matching: lowercases Latin, Cyrillic (Russian, Ukrainian, Kazakh, Tajik,
// Kyrgyz letters) and Armenian; folds ё to е (й stays й); strips diacritics from Latin-1
// and Latin Extended-A letters (é→e, ß→ss, ş→s); drops combining marks and apostrophes
// inside words; turns every other non-letter, non-digit character into a separator; and
// collapses separators to single spaces with none at either end.
// Example: "  Полис ОМС — ещё, Café! " becomes "полис омс еще cafe".
std::string fold(std::string_view text);

// One word of a text, as found by fold_words().
struct Word {
    // the folded word (no spaces)
    std::string folded;
    // where the word lies in the original text, in bytes
    std::size_t offset = 0;
    std::size_t length = 0;
};

// Splits `text` into folded words, each with its place in the original text.
std::vector<Word> fold_words(std::string_view text);

// Splits already folded text at its spaces.
std::vector<std::string> split_words(std::string_view folded);

// Calls on_word(view) for each word of already folded text, the words split_words gives,
// without copying them.
template <typename OnWord>
void for_each_folded_word(std::string_view folded, OnWord&& on_word) {
    std::size_t start = 0;
    while (start < folded.size()) {
        std::size_t end = folded.find(' ', start);
        if (end == std::string_view::npos) {
            end = folded.size();
        }
        if (end > start) {
            on_word(folded.substr(start, end - start));
        }
        start = end + 1;
    }
}

// Whether `text` is a slug as used for ids: ^[a-z0-9]+(-[a-z0-9]+)*$.
bool is_slug(std::string_view text);

// Whether `text` holds at least one Cyrillic letter.
bool has_cyrillic(std::string_view text);

// Transliterates Cyrillic letters to Latin with a common practical scheme (ш→sh, щ→shch,
// ж→zh, ц→ts, ч→ch, х→kh, ю→yu, я→ya, й→y, ы→y, ь and ъ dropped, ё→e; Ukrainian and
// Kazakh letters too); everything else is copied unchanged. Meant for folded text, where
// it yields lowercase; capital Cyrillic letters give a lowercase transliteration too.
// Example: transliterate_to_latin("снилс щука") is "snils shchuka".
std::string transliterate_to_latin(std::string_view text);

}  // namespace ruvoya::text
