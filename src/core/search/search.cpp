// The search index: a sorted dictionary of distinct folded words (plus transliterations
// of Cyrillic words), each with the places it occurs, and the scoring of a query.
//
// Index:
//   [SECTION] fields and distances
//   [SECTION] building
//   [SECTION] querying
//   [SECTION] snippets
#include "core/search/search.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <unordered_map>
#include <utility>

#include "core/text/text.hpp"

namespace ruvoya::search {

// ---- [SECTION] fields and distances ------------------------------------------------

int weight(FieldKind kind) {
    switch (kind) {
        case FieldKind::title:
            return 6;
        case FieldKind::keyword:
            return 5;
        case FieldKind::summary:
            return 4;
        case FieldKind::step:
            return 3;
        case FieldKind::substep:
            return 2;
        default:
            return 1;
    }
}

std::string_view field_name(FieldKind kind) {
    switch (kind) {
        case FieldKind::title:
            return "title";
        case FieldKind::keyword:
            return "keyword";
        case FieldKind::summary:
            return "summary";
        case FieldKind::step:
            return "step";
        case FieldKind::substep:
            return "substep";
        case FieldKind::need:
            return "need";
        case FieldKind::checklist:
            return "checklist";
        case FieldKind::trap:
            return "trap";
        case FieldKind::question:
            return "question";
        case FieldKind::answer:
            return "answer";
        case FieldKind::link:
            return "link";
        case FieldKind::source:
            return "source";
        case FieldKind::other:
            return "other";
    }
    return "other";
}

int allowed_typos(std::size_t length) {
    if (length >= 8) {
        return 2;
    }
    return length >= 4 ? 1 : 0;
}

int bounded_distance(std::u32string_view a, std::u32string_view b, int limit) {
    const int too_far = limit + 1;
    const std::size_t la = a.size();
    const std::size_t lb = b.size();
    const std::size_t gap = la > lb ? la - lb : lb - la;
    if (limit < 0 || gap > static_cast<std::size_t>(limit)) {
        return too_far;
    }

    // words longer than the rows below only compare whole
    constexpr std::size_t kRow = 64;
    if (la >= kRow || lb >= kRow) {
        return a == b ? 0 : too_far;
    }

    // three rows of the optimal string alignment table (two back, previous, current),
    // rotated by pointer rather than copied; only the band of cells within `limit` of the
    // diagonal is computed, the cells just outside it hold too_far
    std::array<std::array<int, kRow + 1>, 3> rows{};
    int* before = rows[0].data();
    int* previous = rows[1].data();
    int* current = rows[2].data();
    const std::size_t band = static_cast<std::size_t>(limit);
    for (std::size_t j = 0; j <= lb; ++j) {
        previous[j] = std::min(static_cast<int>(j), too_far);
    }
    for (std::size_t i = 1; i <= la; ++i) {
        const std::size_t low = i > band ? i - band : 1;
        const std::size_t high = std::min(lb, i + band);
        current[low - 1] = low == 1 ? std::min(static_cast<int>(i), too_far) : too_far;
        int row_min = current[low - 1];
        for (std::size_t j = low; j <= high; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int best = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                best = std::min(best, before[j - 2] + 1);
            }
            current[j] = std::min(best, too_far);
            row_min = std::min(row_min, current[j]);
        }
        current[high + 1] = too_far;

        // no cell under the limit: the distance can only grow from here
        if (row_min > limit) {
            return too_far;
        }
        int* spare = before;
        before = previous;
        previous = current;
        current = spare;
    }
    return std::min(previous[lb], too_far);
}

// ---- [SECTION] building ------------------------------------------------------------

namespace {

// One occurrence of a term: the document and the word's position in it.
struct Posting {
    std::uint32_t document;
    std::uint32_t word;
};

struct Term {
    std::string text;
    std::u32string code_points;
    std::vector<Posting> postings;
    // which characters the word holds, hashed to 64 bits; see signature()
    std::uint64_t signature = 0;
};

// Each edit removes at most one character of one word from the other, so two words within
// k edits differ by at most k characters each way; hashing characters to 64 bits only
// makes the test more lenient, never wrong.
std::uint64_t signature(std::u32string_view word) {
    std::uint64_t bits = 0;
    for (const char32_t cp : word) {
        bits |= std::uint64_t{1} << ((cp * 0x9E3779B1u) >> 26);
    }
    return bits;
}

int popcount64(std::uint64_t bits) {
#if defined(__GNUC__) || defined(__clang__)
    return __builtin_popcountll(bits);
#else
    int count = 0;
    for (; bits != 0; bits &= bits - 1) {
        ++count;
    }
    return count;
#endif
}

// A word's place in its document's original text.
struct Span {
    std::uint32_t offset;
    std::uint32_t length;
};

constexpr int kQualityPoints[] = {0, 10, 20, 30, 40};

int quality_points(MatchQuality quality) {
    return kQualityPoints[static_cast<int>(quality)];
}

// Query words are counted in a 32-bit mask.
static_assert(kMaxQueryWords <= 32, "query words must fit the match mask");

// Guides found for a query count for this much per matched word, so that the word count
// outranks any sum of word scores (at most 46 per word).
constexpr int kPerWord = 1000;

}  // namespace

struct Index::Data {
    std::vector<Document> documents;
    std::vector<std::vector<Span>> spans;
    std::vector<std::uint32_t> document_guide;
    // weight(kind) of each document, kept apart for the query's inner loop
    std::vector<std::uint8_t> document_weight;
    std::vector<std::string> guides;
    // sorted by text, so that words sharing a prefix are adjacent
    std::vector<Term> terms;
    // term indices by length in code points, for typo matching
    std::vector<std::vector<std::uint32_t>> by_length;
};

Index::Index() : data_(std::make_unique<Data>()) {}
Index::~Index() = default;
Index::Index(Index&&) noexcept = default;
Index& Index::operator=(Index&&) noexcept = default;

Index::Index(std::vector<Document> documents) : data_(std::make_unique<Data>()) {
    Data& d = *data_;
    d.documents = std::move(documents);
    d.spans.resize(d.documents.size());
    d.document_guide.resize(d.documents.size());
    d.document_weight.resize(d.documents.size());

    // guides get numbers in order of first appearance
    std::unordered_map<std::string, std::uint32_t> guide_numbers;
    std::unordered_map<std::string, std::uint32_t> term_numbers;
    std::vector<Term> terms;
    auto add_posting = [&](const std::string& word, Posting posting) {
        // look up before inserting: most words are seen before, and emplace would
        // allocate a node each time
        auto it = term_numbers.find(word);
        if (it == term_numbers.end()) {
            it = term_numbers.emplace(word, static_cast<std::uint32_t>(terms.size())).first;
            terms.push_back(Term{word, {}, {}, 0});
        }
        terms[it->second].postings.push_back(posting);
    };

    for (std::size_t i = 0; i < d.documents.size(); ++i) {
        const Document& document = d.documents[i];
        auto [guide, inserted] =
            guide_numbers.emplace(document.guide_id, static_cast<std::uint32_t>(d.guides.size()));
        if (inserted) {
            d.guides.push_back(document.guide_id);
        }
        d.document_guide[i] = guide->second;
        d.document_weight[i] = static_cast<std::uint8_t>(weight(document.kind));

        // each word under its folded form and, for Cyrillic, its Latin form too
        const auto words = text::fold_words(document.text);
        d.spans[i].reserve(words.size());
        for (std::size_t w = 0; w < words.size(); ++w) {
            d.spans[i].push_back(Span{static_cast<std::uint32_t>(words[w].offset),
                                      static_cast<std::uint32_t>(words[w].length)});
            const Posting posting{static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(w)};
            add_posting(words[w].folded, posting);
            if (text::has_cyrillic(words[w].folded)) {
                const std::string latin = text::transliterate_to_latin(words[w].folded);
                if (!latin.empty() && latin != words[w].folded) {
                    add_posting(latin, posting);
                }
            }
        }
    }

    // sort the dictionary and bucket it by length
    std::sort(terms.begin(), terms.end(),
              [](const Term& a, const Term& b) { return a.text < b.text; });
    d.by_length.resize(kMaxWordLength + 3);
    for (std::size_t t = 0; t < terms.size(); ++t) {
        terms[t].code_points = text::decode(terms[t].text);
        terms[t].signature = signature(terms[t].code_points);
        const std::size_t length = terms[t].code_points.size();
        if (length < d.by_length.size()) {
            d.by_length[length].push_back(static_cast<std::uint32_t>(t));
        }
    }
    d.terms = std::move(terms);
}

std::size_t Index::document_count() const {
    return data_ ? data_->documents.size() : 0;
}

std::size_t Index::term_count() const {
    return data_ ? data_->terms.size() : 0;
}

// ---- [SECTION] snippets ------------------------------------------------------------

namespace {

constexpr std::size_t kSnippetBefore = 50;
constexpr std::size_t kSnippetAfter = 90;
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";

bool is_continuation(char byte) {
    return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

// Fills the result's snippet from `text` around the span.
void make_snippet(std::string_view text, Span span, Result& result) {
    std::size_t start = span.offset > kSnippetBefore ? span.offset - kSnippetBefore : 0;
    std::size_t end = std::min(text.size(), std::size_t{span.offset} + span.length + kSnippetAfter);

    // cut at spaces when there is one, otherwise at least between code points
    if (start > 0) {
        const std::size_t space = text.find(' ', start);
        if (space != std::string_view::npos && space < span.offset) {
            start = space + 1;
        }
        while (start < span.offset && is_continuation(text[start])) {
            ++start;
        }
    }
    if (end < text.size()) {
        const std::size_t space = text.rfind(' ', end);
        if (space != std::string_view::npos && space >= span.offset + span.length) {
            end = space;
        }
        while (end > span.offset + span.length && is_continuation(text[end])) {
            --end;
        }
    }

    result.snippet.clear();
    if (start > 0) {
        result.snippet += kEllipsis;
    }
    result.match_offset = result.snippet.size() + (span.offset - start);
    result.match_length = span.length;
    result.snippet.append(text.substr(start, end - start));
    if (end < text.size()) {
        result.snippet += kEllipsis;
    }
}

}  // namespace

// ---- [SECTION] querying ------------------------------------------------------------

namespace {

// The best match of the current query word in one document.
struct WordHit {
    int score = 0;
    std::uint32_t word = 0;
    MatchQuality quality = MatchQuality::none;
};

// What a document has gathered over all query words.
struct DocumentHits {
    std::uint32_t mask = 0;
    int total = 0;
    // the document's best single word match, which the snippet shows
    WordHit best;
};

// Whether the query ends with a space or punctuation, which finishes its last word.
bool ends_word(std::string_view query) {
    if (query.empty()) {
        return true;
    }
    const char last = query.back();
    return last == ' ' || last == '\t' || last == '\n' || last == ',' || last == '.' ||
           last == ';' || last == '!' || last == '?';
}

int popcount(std::uint32_t mask) {
    int count = 0;
    for (; mask != 0; mask &= mask - 1) {
        ++count;
    }
    return count;
}

}  // namespace

std::vector<Result> Index::query(std::string_view query, const QueryOptions& options) const {
    std::vector<Result> results;
    if (!data_) {
        return results;
    }
    const Data& d = *data_;

    // fold the query; a very long query is cut first, its later words would be ignored
    constexpr std::size_t kMaxQueryBytes = 2048;
    const bool cut = query.size() > kMaxQueryBytes;
    std::vector<std::string> words =
        text::split_words(text::fold(text::truncate_utf8(query, kMaxQueryBytes)));
    if (cut && !words.empty()) {
        words.pop_back();
    }

    // duplicate words count once
    std::vector<std::string> unique;
    for (std::string& word : words) {
        if (std::find(unique.begin(), unique.end(), word) == unique.end()) {
            unique.push_back(std::move(word));
        }
        if (unique.size() == kMaxQueryWords) {
            break;
        }
    }
    if (unique.empty() || d.documents.empty()) {
        return results;
    }

    std::vector<WordHit> word_hits(d.documents.size());
    std::vector<DocumentHits> document_hits(d.documents.size());
    std::vector<std::uint32_t> touched_word;
    std::vector<std::uint32_t> touched_any;
    std::vector<int> guide_word_best(d.guides.size(), 0);
    std::vector<int> guide_total(d.guides.size(), 0);
    std::vector<int> guide_count(d.guides.size(), 0);
    std::vector<std::uint32_t> touched_guides;

    for (std::size_t q = 0; q < unique.size(); ++q) {
        const bool prefix =
            options.prefix_last_word && q + 1 == unique.size() && !cut && !ends_word(query);

        // the query word as typed and, when Cyrillic, in Latin letters
        std::vector<std::string> variants{unique[q]};
        if (text::has_cyrillic(unique[q])) {
            std::string latin = text::transliterate_to_latin(unique[q]);
            if (!latin.empty() && latin != unique[q]) {
                variants.push_back(std::move(latin));
            }
        }

        // scores every place where term `t` occurs
        auto visit = [&](std::uint32_t t, MatchQuality quality) {
            const int points = quality_points(quality);
            for (const Posting& posting : d.terms[t].postings) {
                const int score = points + d.document_weight[posting.document];
                WordHit& hit = word_hits[posting.document];
                if (hit.score == 0) {
                    touched_word.push_back(posting.document);
                }
                if (score > hit.score) {
                    hit = WordHit{score, posting.word, quality};
                }
            }
        };

        for (const std::string& variant : variants) {
            const auto first = std::lower_bound(
                d.terms.begin(), d.terms.end(), variant,
                [](const Term& term, const std::string& key) { return term.text < key; });

            // exact, then every longer word starting with it
            auto it = first;
            if (it != d.terms.end() && it->text == variant) {
                visit(static_cast<std::uint32_t>(it - d.terms.begin()), MatchQuality::exact);
                ++it;
            }
            if (prefix) {
                for (; it != d.terms.end() && it->text.compare(0, variant.size(), variant) == 0;
                     ++it) {
                    visit(static_cast<std::uint32_t>(it - d.terms.begin()), MatchQuality::prefix);
                }
            }

            // typos: only words of a length within the budget can be close enough
            const std::u32string code_points = text::decode(variant);
            const int budget = allowed_typos(code_points.size());
            if (budget == 0 || code_points.size() > kMaxWordLength) {
                continue;
            }
            const std::uint64_t wanted = signature(code_points);
            const std::size_t low = code_points.size() - static_cast<std::size_t>(budget);
            const std::size_t high = code_points.size() + static_cast<std::size_t>(budget);
            for (std::size_t length = low; length <= high && length < d.by_length.size();
                 ++length) {
                for (const std::uint32_t t : d.by_length[length]) {
                    const std::uint64_t has = d.terms[t].signature;
                    if (popcount64(wanted & ~has) > budget || popcount64(has & ~wanted) > budget) {
                        continue;
                    }
                    const int distance =
                        bounded_distance(code_points, d.terms[t].code_points, budget);
                    if (distance > budget || distance == 0) {
                        continue;
                    }
                    if (distance == 1) {
                        visit(t, MatchQuality::one_typo);
                    } else {
                        visit(t, MatchQuality::two_typos);
                    }
                }
            }
        }

        // fold this word's hits into documents and guides, then clear them
        for (const std::uint32_t doc : touched_word) {
            WordHit& hit = word_hits[doc];
            DocumentHits& hits = document_hits[doc];
            if (hits.mask == 0) {
                touched_any.push_back(doc);
            }
            hits.mask |= 1u << q;
            hits.total += hit.score;
            if (hit.score > hits.best.score) {
                hits.best = hit;
            }
            const std::uint32_t guide = d.document_guide[doc];
            if (guide_word_best[guide] == 0) {
                touched_guides.push_back(guide);
            }
            guide_word_best[guide] = std::max(guide_word_best[guide], hit.score);
            hit = WordHit{};
        }
        touched_word.clear();
        for (const std::uint32_t guide : touched_guides) {
            if (guide_count[guide] == 0) {
                results.push_back(Result{});
                results.back().document = guide;
            }
            guide_total[guide] += guide_word_best[guide];
            guide_count[guide] += 1;
            guide_word_best[guide] = 0;
        }
        touched_guides.clear();
    }

    // each guide's best document: most query words, then the highest total, then first
    constexpr std::uint32_t kNone = UINT32_MAX;
    std::vector<std::uint32_t> guide_best_document(d.guides.size(), kNone);
    std::sort(touched_any.begin(), touched_any.end());
    for (const std::uint32_t doc : touched_any) {
        std::uint32_t& best = guide_best_document[d.document_guide[doc]];
        const DocumentHits& hits = document_hits[doc];
        if (best == kNone) {
            best = doc;
            continue;
        }
        const DocumentHits& current = document_hits[best];
        const int a = popcount(hits.mask) * kPerWord + hits.total;
        const int b = popcount(current.mask) * kPerWord + current.total;
        if (a > b) {
            best = doc;
        }
    }

    // score and order the guides; Result::document holds the guide number until here
    for (Result& result : results) {
        const auto guide = static_cast<std::uint32_t>(result.document);
        result.guide_id = d.guides[guide];
        result.words_matched = guide_count[guide];
        result.score = guide_count[guide] * kPerWord + guide_total[guide];
        result.document = guide_best_document[guide];
    }
    std::sort(results.begin(), results.end(), [](const Result& a, const Result& b) {
        if (a.score != b.score) {
            return a.score > b.score;
        }
        return a.guide_id < b.guide_id;
    });
    if (options.limit != 0 && results.size() > options.limit) {
        results.resize(options.limit);
    }

    // describe where each shown guide matched
    for (Result& result : results) {
        const Document& document = d.documents[result.document];
        const WordHit& best = document_hits[result.document].best;
        result.kind = document.kind;
        result.sub_id = document.sub_id;
        result.locale = document.locale;
        result.quality = best.quality;
        make_snippet(document.text, d.spans[result.document][best.word], result);
    }
    return results;
}

}  // namespace ruvoya::search
