// UTF-8 decoding, folding and transliteration (see text.hpp for the rules).
//
// Index:
//   [SECTION] utf-8
//   [SECTION] folding
//   [SECTION] transliteration
#include "core/text/text.hpp"

#include <array>

namespace ruvoya::text {

// ---- [SECTION] utf-8 -------------------------------------------------------------

namespace {

bool is_continuation(unsigned char byte) {
    return (byte & 0xC0) == 0x80;
}

}  // namespace

char32_t decode_next(std::string_view text, std::size_t& pos) {
    if (pos >= text.size()) {
        return kReplacement;
    }
    const auto lead = static_cast<unsigned char>(text[pos]);
    if (lead < 0x80) {
        ++pos;
        return lead;
    }

    // the lead byte gives the length and the allowed range of the second byte, which
    // rules out overlong forms, surrogates and values past U+10FFFF
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    char32_t cp = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        cp = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        cp = lead & 0x0F;
        low = lead == 0xE0 ? 0xA0 : 0x80;
        high = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        cp = lead & 0x07;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
        ++pos;
        return kReplacement;
    }
    if (pos + length > text.size()) {
        ++pos;
        return kReplacement;
    }

    const auto second = static_cast<unsigned char>(text[pos + 1]);
    if (second < low || second > high) {
        ++pos;
        return kReplacement;
    }
    cp = (cp << 6) | (second & 0x3F);
    for (std::size_t i = 2; i < length; ++i) {
        const auto byte = static_cast<unsigned char>(text[pos + i]);
        if (!is_continuation(byte)) {
            ++pos;
            return kReplacement;
        }
        cp = (cp << 6) | (byte & 0x3F);
    }
    pos += length;
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
        cp = kReplacement;
    }
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::u32string decode(std::string_view text) {
    std::u32string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        out.push_back(decode_next(text, pos));
    }
    return out;
}

std::string encode(std::u32string_view code_points) {
    std::string out;
    out.reserve(code_points.size());
    for (const char32_t cp : code_points) {
        append_utf8(out, cp);
    }
    return out;
}

bool is_valid_utf8(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = pos;
        const char32_t cp = decode_next(text, pos);
        // a real U+FFFD in the text takes three bytes; a replacement for bad input one
        if (cp == kReplacement && pos - start == 1) {
            return false;
        }
    }
    return true;
}

std::string sanitize_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = pos;
        const char32_t cp = decode_next(text, pos);
        if (cp == kReplacement && pos - start == 1) {
            append_utf8(out, kReplacement);
        } else {
            out.append(text.substr(start, pos - start));
        }
    }
    return out;
}

std::size_t code_point_count(std::string_view text) {
    std::size_t count = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        decode_next(text, pos);
        ++count;
    }
    return count;
}

std::string_view truncate_utf8(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) {
        return text;
    }
    std::size_t pos = 0;
    std::size_t end = 0;
    while (pos < text.size()) {
        decode_next(text, pos);
        if (pos > max_bytes) {
            break;
        }
        end = pos;
    }
    return text.substr(0, end);
}

// ---- [SECTION] folding -----------------------------------------------------------

namespace {

// What folding does with one code point.
enum class Fold { keep, drop, separator };

struct Folded {
    Fold what = Fold::keep;
    // up to two replacement code points (ß gives "ss"); count is 0 for drop/separator
    std::array<char32_t, 2> out{};
    int count = 0;
};

Folded keep(char32_t a) {
    return Folded{Fold::keep, {a, 0}, 1};
}
Folded keep2(char32_t a, char32_t b) {
    return Folded{Fold::keep, {a, b}, 2};
}
Folded separator() {
    return Folded{Fold::separator, {}, 0};
}
Folded drop() {
    return Folded{Fold::drop, {}, 0};
}

// Base letters of U+00C0..U+00FF: '/' separates, '*' needs two letters.
constexpr std::string_view kLatin1 =
    "aaaaaa*ceeeeiiiidnooooo/ouuuuy**aaaaaa*ceeeeiiiidnooooo/ouuuuy*y";

// Base letters of U+0100..U+017F (Latin Extended-A).
constexpr std::string_view kLatinExtendedA =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllllllln"
    "nnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
static_assert(kLatinExtendedA.size() == 0x80, "one letter per code point");
static_assert(kLatin1.size() == 0x40, "one letter per code point");

// Lowercase of a Cyrillic code point (U+0400..U+052F), with ё folded to е.
char32_t lower_cyrillic(char32_t cp) {
    if (cp >= 0x0410 && cp <= 0x042F) {
        cp += 0x20;
    } else if (cp >= 0x0400 && cp <= 0x040F) {
        cp += 0x50;
    } else if ((cp >= 0x0460 && cp <= 0x0481) || (cp >= 0x048A && cp <= 0x04BF) ||
               (cp >= 0x04D0 && cp <= 0x052F)) {
        cp |= 1;
    } else if (cp >= 0x04C1 && cp <= 0x04CE && (cp & 1) == 1) {
        cp += 1;
    } else if (cp == 0x04C0) {
        cp = 0x04CF;
    }
    if (cp == 0x0451 || cp == 0x0450) {
        cp = 0x0435;
    }
    return cp;
}

bool is_apostrophe(char32_t cp) {
    return cp == '\'' || cp == 0x2018 || cp == 0x2019 || cp == 0x02BB || cp == 0x02BC;
}

Folded fold_code_point(char32_t cp) {
    // ascii
    if (cp < 0x80) {
        if (cp >= 'A' && cp <= 'Z') {
            return keep(cp + 0x20);
        }
        if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
            return keep(cp);
        }
        return cp == '\'' ? drop() : separator();
    }

    // latin-1 and latin extended-a
    if (cp < 0xC0) {
        return separator();
    }
    if (cp <= 0xFF) {
        const char base = kLatin1[cp - 0xC0];
        if (base == '/') {
            return separator();
        }
        if (base != '*') {
            return keep(static_cast<char32_t>(base));
        }
        if (cp == 0xDF) {
            return keep2('s', 's');
        }
        if (cp == 0xC6 || cp == 0xE6) {
            return keep2('a', 'e');
        }
        return keep2('t', 'h');
    }
    if (cp <= 0x17F) {
        return keep(static_cast<char32_t>(kLatinExtendedA[cp - 0x100]));
    }
    if (cp == 0x018F) {
        return keep(0x0259);
    }

    // apostrophes inside words (Uzbek oʻ, English don’t) and combining marks vanish
    if (is_apostrophe(cp) || (cp >= 0x0300 && cp <= 0x036F)) {
        return drop();
    }

    // greek, cyrillic, armenian
    if (cp >= 0x0391 && cp <= 0x03A9) {
        return keep(cp + 0x20);
    }
    if (cp >= 0x0400 && cp <= 0x052F) {
        if (cp >= 0x0482 && cp <= 0x0489) {
            return drop();
        }
        return keep(lower_cyrillic(cp));
    }
    if (cp >= 0x0531 && cp <= 0x0556) {
        return keep(cp + 0x30);
    }
    if ((cp >= 0x055A && cp <= 0x055F) || cp == 0x0589) {
        return separator();
    }

    // arabic script: punctuation separates, vowel marks vanish, digits become ascii
    if (cp == 0x060C || cp == 0x061B || cp == 0x061F || cp == 0x06D4 ||
        (cp >= 0x066A && cp <= 0x066D)) {
        return separator();
    }
    if ((cp >= 0x064B && cp <= 0x065F) || cp == 0x0670) {
        return drop();
    }
    if (cp >= 0x0660 && cp <= 0x0669) {
        return keep('0' + (cp - 0x0660));
    }
    if (cp >= 0x06F0 && cp <= 0x06F9) {
        return keep('0' + (cp - 0x06F0));
    }

    // invisible characters vanish; punctuation, symbols and spaces separate
    if ((cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF ||
        (cp >= 0xFE00 && cp <= 0xFE0F)) {
        return drop();
    }
    if (cp == 0x1680 || (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
        (cp >= 0xFE10 && cp <= 0xFE6F) || cp == kReplacement || cp >= 0x1F000) {
        return separator();
    }

    // fullwidth forms
    if (cp >= 0xFF01 && cp <= 0xFF5E) {
        return fold_code_point(cp - 0xFF01 + 0x21);
    }
    if (cp >= 0xFF5F && cp <= 0xFF65) {
        return separator();
    }
    return keep(cp);
}

// Calls on_word(folded, offset, length) for each word of `text`.
template <typename OnWord>
void for_each_word(std::string_view text, OnWord&& on_word) {
    std::string word;
    std::size_t word_start = 0;
    std::size_t word_end = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = pos;
        const char32_t cp = decode_next(text, pos);
        const Folded folded = fold_code_point(cp);

        if (folded.what == Fold::separator) {
            if (!word.empty()) {
                on_word(word, word_start, word_end - word_start);
                word.clear();
            }
            continue;
        }

        // a combining breve turns a decomposed и back into й
        if (folded.what == Fold::drop) {
            if (cp == 0x0306 && word.size() >= 2 && word.compare(word.size() - 2, 2, "и") == 0) {
                word.replace(word.size() - 2, 2, "й");
                word_end = pos;
            }
            continue;
        }

        if (word.empty()) {
            word_start = start;
        }
        for (int i = 0; i < folded.count; ++i) {
            append_utf8(word, folded.out[static_cast<std::size_t>(i)]);
        }
        word_end = pos;
    }
    if (!word.empty()) {
        on_word(word, word_start, word_end - word_start);
    }
}

}  // namespace

std::string fold(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for_each_word(text, [&out](const std::string& word, std::size_t, std::size_t) {
        if (!out.empty()) {
            out.push_back(' ');
        }
        out += word;
    });
    return out;
}

std::vector<Word> fold_words(std::string_view text) {
    std::vector<Word> words;
    for_each_word(text, [&words](const std::string& word, std::size_t offset, std::size_t length) {
        words.push_back(Word{word, offset, length});
    });
    return words;
}

std::vector<std::string> split_words(std::string_view folded) {
    std::vector<std::string> words;
    for_each_folded_word(folded, [&words](std::string_view word) { words.emplace_back(word); });
    return words;
}

bool is_slug(std::string_view text) {
    if (text.empty() || text.front() == '-' || text.back() == '-') {
        return false;
    }
    char previous = 0;
    for (const char c : text) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!alnum && (c != '-' || previous == '-')) {
            return false;
        }
        previous = c;
    }
    return true;
}

bool has_cyrillic(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char32_t cp = decode_next(text, pos);
        if (cp >= 0x0400 && cp <= 0x052F) {
            return true;
        }
    }
    return false;
}

// ---- [SECTION] transliteration -----------------------------------------------------

namespace {

// Latin for а..я (U+0430..U+044F).
constexpr std::array<std::string_view, 32> kRussian = {
    "a", "b", "v", "g", "d", "e",  "zh", "z",  "i",  "y",    "k", "l", "m", "n", "o",  "p",
    "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "",  "y", "",  "e", "yu", "ya"};

// Latin for ѐ..џ (U+0450..U+045F): Ukrainian, Belarusian and Serbian letters.
constexpr std::array<std::string_view, 16> kCyrillicExtra = {
    "e", "e", "dj", "g", "ye", "dz", "i", "yi", "j", "lj", "nj", "c", "k", "i", "u", "dz"};

// Latin for a lowercase letter of Central Asian and Caucasian Cyrillic alphabets, or
// nullptr when the letter has no transliteration here.
const char* other_cyrillic(char32_t cp) {
    switch (cp) {
        case 0x0491:
            return "g";
        case 0x0493:
            return "gh";
        case 0x0497:
            return "zh";
        case 0x049B:
            return "q";
        case 0x04A3:
            return "ng";
        case 0x04AF:
            return "u";
        case 0x04B1:
            return "u";
        case 0x04B3:
            return "h";
        case 0x04B7:
            return "j";
        case 0x04BB:
            return "h";
        case 0x04D9:
            return "a";
        case 0x04E3:
            return "i";
        case 0x04E9:
            return "o";
        case 0x04EF:
            return "u";
        default:
            return nullptr;
    }
}

}  // namespace

std::string transliterate_to_latin(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = pos;
        char32_t cp = decode_next(text, pos);
        if (cp < 0x0400 || cp > 0x052F) {
            if (cp == kReplacement && pos - start == 1) {
                append_utf8(out, kReplacement);
            } else {
                out.append(text.substr(start, pos - start));
            }
            continue;
        }

        cp = lower_cyrillic(cp);
        if (cp >= 0x0430 && cp <= 0x044F) {
            out.append(kRussian[cp - 0x0430]);
        } else if (cp >= 0x0450 && cp <= 0x045F) {
            out.append(kCyrillicExtra[cp - 0x0450]);
        } else if (const char* latin = other_cyrillic(cp)) {
            out.append(latin);
        } else {
            append_utf8(out, cp);
        }
    }
    return out;
}

}  // namespace ruvoya::text
