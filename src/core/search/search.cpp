// The search index: a sorted dictionary of distinct folded words (plus the Latin forms of
// Cyrillic words) in one string pool, the documents holding each word in one array, and the
// scoring of a query. The index views the documents' texts and keeps no word positions: the
// few results shown fold their document again to find the matched word (find_match).
//
// Index:
//   [SECTION] fields and distances
//   [SECTION] building
//   [SECTION] snippets
//   [SECTION] querying
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

constexpr std::uint32_t kNone = UINT32_MAX;

// Terms are bucketed by length in code points up to this (exclusive) for typo matching:
// a query word of at most kMaxWordLength code points with two typos reaches two more.
constexpr std::size_t kBuckets = kMaxWordLength + 3;

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

// FNV-1a over the bytes of a word, for the builder's hash table.
std::uint32_t hash_word(std::string_view word) {
    std::uint32_t hash = 2166136261u;
    for (const char c : word) {
        hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
    }
    return hash;
}

// Appends `value` in groups of 7 bits, lowest first, the high bit set on all but the last.
void append_varint(std::vector<std::uint8_t>& out, std::uint32_t value) {
    while (value >= 0x80) {
        out.push_back(static_cast<std::uint8_t>(value | 0x80));
        value >>= 7;
    }
    out.push_back(static_cast<std::uint8_t>(value));
}

// Writes `value` as append_varint does at `out`; returns the bytes written.
std::size_t put_varint(std::uint8_t* out, std::uint32_t value) {
    std::size_t size = 0;
    for (; value >= 0x80; value >>= 7) {
        out[size++] = static_cast<std::uint8_t>(value | 0x80);
    }
    out[size++] = static_cast<std::uint8_t>(value);
    return size;
}

// How many bytes append_varint writes for `value`.
std::size_t varint_size(std::uint32_t value) {
    std::size_t size = 1;
    for (; value >= 0x80; value >>= 7) {
        ++size;
    }
    return size;
}

// Reads what append_varint wrote at `at` and moves `at` past it; stops at `end`.
std::uint32_t read_varint(const std::uint8_t*& at, const std::uint8_t* end) {
    std::uint32_t value = 0;
    for (int shift = 0; at != end && shift < 32; shift += 7) {
        const std::uint8_t byte = *at++;
        value |= static_cast<std::uint32_t>(byte & 0x7F) << shift;
        if ((byte & 0x80) == 0) {
            break;
        }
    }
    return value;
}

// Distinct words in one string pool, numbered in order of addition, with an open
// addressing hash table (linear probing) to find them again while building.
class Dictionary {
public:
    std::size_t size() const { return offsets_.size() - 1; }

    std::string_view term(std::uint32_t t) const {
        return std::string_view(pool_).substr(offsets_[t], offsets_[t + 1] - offsets_[t]);
    }

    // The number of `word`, adding it when new (`added` tells which).
    std::uint32_t add(std::string_view word, bool& added) {
        added = false;
        if (slots_.empty()) {
            slots_.assign(1024, kNone);
        }
        const std::size_t mask = slots_.size() - 1;
        std::size_t i = hash_word(word) & mask;
        for (; slots_[i] != kNone; i = (i + 1) & mask) {
            if (term(slots_[i]) == word) {
                return slots_[i];
            }
        }
        const auto t = static_cast<std::uint32_t>(size());
        pool_.append(word);
        offsets_.push_back(static_cast<std::uint32_t>(pool_.size()));
        slots_[i] = t;
        added = true;

        // at most half full keeps probe sequences short
        if (2 * (size() + 1) > slots_.size()) {
            rehash(slots_.size() * 2);
        }
        return t;
    }

    // Writes the words in the order given (new number i is old number order[i]) as one
    // pool and the offsets of the words in it.
    void write_sorted(const std::vector<std::uint32_t>& order, std::string& pool,
                      std::vector<std::uint32_t>& offsets) const {
        pool.clear();
        pool.reserve(pool_.size());
        offsets.assign(1, 0);
        offsets.reserve(order.size() + 1);
        for (const std::uint32_t t : order) {
            pool.append(term(t));
            offsets.push_back(static_cast<std::uint32_t>(pool.size()));
        }
    }

private:
    void rehash(std::size_t slot_count) {
        slots_.assign(slot_count, kNone);
        const std::size_t mask = slot_count - 1;
        for (std::uint32_t t = 0; t < size(); ++t) {
            std::size_t i = hash_word(term(t)) & mask;
            while (slots_[i] != kNone) {
                i = (i + 1) & mask;
            }
            slots_[i] = t;
        }
    }

    std::string pool_;
    // term t is pool_[offsets_[t], offsets_[t + 1])
    std::vector<std::uint32_t> offsets_{0};
    std::vector<std::uint32_t> slots_;
};

// Documents are kept in chunks of this many: a doubling vector would briefly hold its old
// and new arrays, and copying into an exact-size array would hold both copies.
constexpr std::size_t kDocumentChunk = 4096;

// What the index keeps of a document beyond its guide and weight.
struct DocumentRecord {
    std::string_view text;
    std::string_view sub_id;
    // locale number << 8 | FieldKind
    std::uint32_t locale_kind = 0;
};

// What a document has gathered over all query words; see Index::query.
struct DocumentHits {
    std::uint16_t mask = 0;
    std::uint16_t total = 0;
    // the document's best single word match (which the snippet shows) and the query word
    // it was found for
    std::uint8_t best = 0;
    std::uint8_t best_word = 0;
};

// Query words are counted in a 16-bit mask, word scores (at most 46) fit a byte and a
// document's total a 16-bit number.
static_assert(kMaxQueryWords <= 16, "query words must fit the match mask");

// Guides found for a query count for this much per matched word, so that the word count
// outranks any sum of word scores (at most 46 per word).
constexpr int kPerWord = 1000;

// A score is quality points (multiples of ten) plus a field weight below ten.
constexpr int kQualityPoints[] = {0, 10, 20, 30, 40};

int quality_points(MatchQuality quality) {
    return kQualityPoints[static_cast<int>(quality)];
}

MatchQuality quality_of(int score) {
    return static_cast<MatchQuality>(std::min(score / 10, 4));
}

// A word's place in its document's original text.
struct Span {
    std::size_t offset = 0;
    std::size_t length = 0;
};

// A found guide while ranking.
struct RankedGuide {
    int score;
    std::uint32_t guide;
};

}  // namespace

struct Index::Data {
    // per document, in input order: document i is documents[i / kDocumentChunk]
    // [i % kDocumentChunk]; guide and weight apart for the query's inner loops
    std::vector<std::vector<DocumentRecord>> documents;
    std::vector<std::uint32_t> document_guide;
    std::vector<std::uint8_t> document_weight;
    std::vector<std::string_view> guides;
    // each guide's place in byte order of the guide ids, for ranking ties
    std::vector<std::uint32_t> guide_order;
    std::vector<std::string_view> locales;

    // the dictionary, sorted by bytes so that words sharing a prefix are adjacent: term t is
    // pool[term_offset[t], term_offset[t + 1])
    std::string pool;
    std::vector<std::uint32_t> term_offset{0};

    // documents holding term t (each once, ascending) are in the bytes
    // postings[posting_begin[t], posting_begin[t + 1]) as varints: the first document, then
    // the difference to the one before (a byte for most, against four for a plain number);
    // the Latin form of a Cyrillic word has no postings of its own for it but lists the
    // Cyrillic term among its aliases aliases[alias_begin[t], alias_begin[t + 1]), whose
    // postings count as its own
    std::vector<std::uint32_t> posting_begin{0};
    std::vector<std::uint8_t> postings;
    std::vector<std::uint32_t> alias_begin{0};
    std::vector<std::uint32_t> aliases;
    // the other way round: the Latin form of each term, or kNone
    std::vector<std::uint32_t> latin_of;
    // whether any Latin form holds a Cyrillic letter (one that has no transliteration)
    bool latin_with_cyrillic = false;

    // for typo matching, the terms of each length L < kBuckets in code points:
    // entries [length_begin[L], length_begin[L + 1]) of length_term and length_signature,
    // whose code points lie one after another (L each) from code_point_begin[L]
    std::array<std::uint32_t, kBuckets + 1> length_begin{};
    std::array<std::uint32_t, kBuckets> code_point_begin{};
    std::vector<std::uint32_t> length_term;
    std::vector<std::uint64_t> length_signature;
    std::vector<char32_t> code_points;

    // Scratch for query(), reset after each query where it was touched: the score of the
    // current query word per document, what each document gathered, and per guide.
    // Not thread-safe: query() is const but writes here.
    struct Scratch {
        std::vector<std::uint8_t> word_score;
        std::vector<DocumentHits> document_hits;
        std::vector<std::uint32_t> touched_word;
        std::vector<std::uint32_t> touched_any;
        std::vector<std::uint8_t> guide_word_best;
        std::vector<std::uint8_t> guide_count;
        std::vector<std::uint16_t> guide_total;
        std::vector<std::uint32_t> guide_best_document;
        std::vector<std::uint32_t> touched_guides;
        std::vector<std::uint32_t> found_guides;
        std::vector<RankedGuide> ranked;
    };
    mutable Scratch scratch;

    std::string_view term(std::uint32_t t) const {
        return std::string_view(pool).substr(term_offset[t], term_offset[t + 1] - term_offset[t]);
    }

    const DocumentRecord& document(std::uint32_t doc) const {
        return documents[doc / kDocumentChunk][doc % kDocumentChunk];
    }

    // The first term not before `word` in byte order (term_count() when none).
    std::uint32_t lower_bound(std::string_view word) const;

    // Where in `text` the query word with these variants matched with `quality`.
    Span find_match(std::string_view text, const std::vector<std::string>& variants, bool prefix,
                    MatchQuality quality) const;
};

struct IndexBuilder::State {
    // per document, in chunks (see kDocumentChunk): what the index keeps, and the guide
    std::vector<std::vector<DocumentRecord>> documents;
    std::vector<std::vector<std::uint32_t>> document_guides;
    std::size_t document_total = 0;
    std::vector<std::string_view> guides;
    std::unordered_map<std::string_view, std::uint32_t> guide_numbers;
    std::vector<std::string_view> locales;
    std::unordered_map<std::string_view, std::uint32_t> locale_numbers;

    // every distinct folded word and Latin form, in order of first appearance, with per
    // term: the bytes its postings will take, the last document holding it so far, and its
    // Latin form's number (kNone when it has none, kUnknown until it is met as a word of a
    // text)
    Dictionary dictionary;
    std::vector<std::uint32_t> posting_bytes;
    std::vector<std::uint32_t> last_document;
    std::vector<std::uint32_t> latin;
    static constexpr std::uint32_t kUnknown = kNone - 1;

    // the distinct terms of each document, so that build() need not fold the texts again:
    // per document their count, then the ascending numbers as differences, as varints
    // (a byte or two each instead of four); a document's list never straddles two chunks
    std::vector<std::vector<std::uint8_t>> document_terms;
    static constexpr std::size_t kTermChunk = 64 * 1024;
    // the current document's terms, reused from one document to the next
    std::vector<std::uint32_t> terms_here;

    // The number of `name` in `names`, adding it when new. Looks up before inserting:
    // emplace would allocate a node even for a name already there.
    static std::uint32_t number_of(std::string_view name,
                                   std::unordered_map<std::string_view, std::uint32_t>& numbers,
                                   std::vector<std::string_view>& names) {
        const auto found = numbers.find(name);
        if (found != numbers.end()) {
            return found->second;
        }
        const auto number = static_cast<std::uint32_t>(names.size());
        numbers.emplace(name, number);
        names.push_back(name);
        return number;
    }

    std::uint32_t add_term(std::string_view word) {
        bool added = false;
        const std::uint32_t t = dictionary.add(word, added);
        if (added) {
            posting_bytes.push_back(0);
            last_document.push_back(0);
            latin.push_back(kUnknown);
        }
        return t;
    }
};

IndexBuilder::IndexBuilder() : state_(std::make_unique<State>()) {}
IndexBuilder::~IndexBuilder() = default;
IndexBuilder::IndexBuilder(IndexBuilder&&) noexcept = default;
IndexBuilder& IndexBuilder::operator=(IndexBuilder&&) noexcept = default;

void IndexBuilder::add(const Document& document) {
    if (!state_) {
        state_ = std::make_unique<State>();
    }
    State& s = *state_;
    if (s.document_total >= kMaxDocuments) {
        return;
    }

    // guides and locales get numbers in order of first appearance
    const std::uint32_t guide = State::number_of(document.guide_id, s.guide_numbers, s.guides);
    const std::uint32_t locale = State::number_of(document.locale, s.locale_numbers, s.locales);
    if (s.document_total % kDocumentChunk == 0) {
        s.documents.emplace_back().reserve(kDocumentChunk);
        s.document_guides.emplace_back().reserve(kDocumentChunk);
    }
    s.documents.back().push_back(DocumentRecord{
        document.text, document.sub_id, locale << 8 | static_cast<std::uint32_t>(document.kind)});
    s.document_guides.back().push_back(guide);
    s.document_total += 1;

    // every word into the dictionary, counted once per document; a Cyrillic word's Latin
    // form is worked out only the first time the word is met
    s.terms_here.clear();
    const std::string folded = text::fold(document.text);
    text::for_each_folded_word(folded, [&s](std::string_view word) {
        const std::uint32_t t = s.add_term(word);
        if (s.latin[t] == State::kUnknown) {
            s.latin[t] = kNone;
            if (text::has_cyrillic(word)) {
                const std::string latin = text::transliterate_to_latin(word);
                if (!latin.empty() && latin != word) {
                    const std::uint32_t l = s.add_term(latin);
                    s.latin[t] = l;
                }
            }
        }
        s.terms_here.push_back(t);
    });

    // remember the document's distinct terms for build()
    std::sort(s.terms_here.begin(), s.terms_here.end());
    s.terms_here.erase(std::unique(s.terms_here.begin(), s.terms_here.end()), s.terms_here.end());
    constexpr std::size_t kMaxVarint = 5;
    const std::size_t most = (s.terms_here.size() + 1) * kMaxVarint;
    if (s.document_terms.empty() ||
        s.document_terms.back().capacity() - s.document_terms.back().size() < most) {
        s.document_terms.emplace_back();
        s.document_terms.back().reserve(std::max(State::kTermChunk, most));
    }
    std::vector<std::uint8_t>& out = s.document_terms.back();
    append_varint(out, static_cast<std::uint32_t>(s.terms_here.size()));
    std::uint32_t previous = 0;
    const auto number = static_cast<std::uint32_t>(s.document_total - 1);
    for (const std::uint32_t t : s.terms_here) {
        append_varint(out, t - previous);
        previous = t;
        s.posting_bytes[t] += static_cast<std::uint32_t>(varint_size(number - s.last_document[t]));
        s.last_document[t] = number;
    }
}

Index IndexBuilder::build() {
    Index index;
    if (!state_) {
        return index;
    }
    State s = std::move(*state_);
    state_ = std::make_unique<State>();
    Index::Data& d = *index.data_;

    // documents: the chunks as they are (the last one cut to size); guides and weights into
    // exact-size arrays
    d.documents = std::move(s.documents);
    if (!d.documents.empty()) {
        d.documents.back().shrink_to_fit();
    }
    d.document_guide.reserve(s.document_total);
    for (std::vector<std::uint32_t>& chunk : s.document_guides) {
        d.document_guide.insert(d.document_guide.end(), chunk.begin(), chunk.end());
        std::vector<std::uint32_t>().swap(chunk);
    }
    decltype(s.document_guides)().swap(s.document_guides);
    d.document_weight.reserve(s.document_total);
    for (const std::vector<DocumentRecord>& chunk : d.documents) {
        for (const DocumentRecord& record : chunk) {
            const auto kind = static_cast<FieldKind>(record.locale_kind & 0xFF);
            d.document_weight.push_back(static_cast<std::uint8_t>(weight(kind)));
        }
    }
    d.guides = std::move(s.guides);
    d.locales = std::move(s.locales);
    d.guides.shrink_to_fit();
    d.locales.shrink_to_fit();
    {
        std::vector<std::uint32_t> order(d.guides.size());
        for (std::uint32_t g = 0; g < order.size(); ++g) {
            order[g] = g;
        }
        std::sort(order.begin(), order.end(),
                  [&d](std::uint32_t a, std::uint32_t b) { return d.guides[a] < d.guides[b]; });
        d.guide_order.resize(order.size());
        for (std::uint32_t i = 0; i < order.size(); ++i) {
            d.guide_order[order[i]] = i;
        }
    }
    decltype(s.guide_numbers)().swap(s.guide_numbers);
    decltype(s.locale_numbers)().swap(s.locale_numbers);

    // sort the dictionary by bytes; rank[old number] is the new number
    const auto term_count = static_cast<std::uint32_t>(s.dictionary.size());
    std::vector<std::uint32_t> rank(term_count);
    {
        std::vector<std::uint32_t> order(term_count);
        for (std::uint32_t t = 0; t < term_count; ++t) {
            order[t] = t;
        }
        std::sort(order.begin(), order.end(), [&s](std::uint32_t a, std::uint32_t b) {
            return s.dictionary.term(a) < s.dictionary.term(b);
        });
        s.dictionary.write_sorted(order, d.pool, d.term_offset);
        s.dictionary = Dictionary();
        for (std::uint32_t t = 0; t < term_count; ++t) {
            rank[order[t]] = t;
        }
    }

    // aliases: each Latin form lists the Cyrillic terms that transliterate to it, in
    // dictionary order
    d.alias_begin.assign(std::size_t{term_count} + 1, 0);
    for (std::uint32_t old = 0; old < term_count; ++old) {
        if (s.latin[old] < term_count) {
            d.alias_begin[rank[s.latin[old]] + 1] += 1;
        }
    }
    for (std::uint32_t t = 0; t < term_count; ++t) {
        d.alias_begin[t + 1] += d.alias_begin[t];
    }
    d.aliases.resize(d.alias_begin[term_count]);
    d.latin_of.assign(term_count, kNone);
    for (std::uint32_t old = 0; old < term_count; ++old) {
        if (s.latin[old] < term_count) {
            d.latin_of[rank[old]] = rank[s.latin[old]];
        }
    }
    {
        std::vector<std::uint32_t> cursor(d.alias_begin.begin(), d.alias_begin.end() - 1);
        for (std::uint32_t t = 0; t < term_count; ++t) {
            if (d.latin_of[t] != kNone) {
                d.aliases[cursor[d.latin_of[t]]++] = t;
            }
        }
    }
    std::vector<std::uint32_t>().swap(s.latin);

    // whether some Latin form keeps a Cyrillic letter, which find_match must allow for
    for (std::uint32_t t = 0; t < term_count && !d.latin_with_cyrillic; ++t) {
        d.latin_with_cyrillic =
            d.alias_begin[t + 1] > d.alias_begin[t] && text::has_cyrillic(d.term(t));
    }

    // postings: each term's documents, in document order, from the terms each document
    // was found to hold
    d.posting_begin.assign(std::size_t{term_count} + 1, 0);
    for (std::uint32_t old = 0; old < term_count; ++old) {
        d.posting_begin[rank[old] + 1] = s.posting_bytes[old];
    }
    std::vector<std::uint32_t>().swap(s.posting_bytes);
    for (std::uint32_t t = 0; t < term_count; ++t) {
        d.posting_begin[t + 1] += d.posting_begin[t];
    }
    d.postings.resize(d.posting_begin[term_count]);
    {
        std::vector<std::uint32_t> cursor(d.posting_begin.begin(), d.posting_begin.end() - 1);
        std::fill(s.last_document.begin(), s.last_document.end(), 0);
        std::uint32_t doc = 0;
        for (std::vector<std::uint8_t>& chunk : s.document_terms) {
            const std::uint8_t* at = chunk.data();
            const std::uint8_t* const end = at + chunk.size();
            for (; at != end; ++doc) {
                const std::uint32_t count = read_varint(at, end);
                std::uint32_t old = 0;
                for (std::uint32_t i = 0; i < count; ++i) {
                    old += read_varint(at, end);
                    // the checks only guard the arrays: the sizes were counted in add()
                    if (old >= term_count) {
                        continue;
                    }
                    const std::uint32_t t = rank[old];
                    const std::uint32_t value = doc - s.last_document[old];
                    if (cursor[t] + varint_size(value) > d.posting_begin[t + 1]) {
                        continue;
                    }
                    s.last_document[old] = doc;
                    cursor[t] +=
                        static_cast<std::uint32_t>(put_varint(&d.postings[cursor[t]], value));
                }
            }
            std::vector<std::uint8_t>().swap(chunk);
        }
    }
    std::vector<std::uint32_t>().swap(s.last_document);
    decltype(s.document_terms)().swap(s.document_terms);
    std::vector<std::uint32_t>().swap(rank);

    // bucket the terms by length and keep their code points and signatures there
    std::vector<std::uint8_t> lengths(term_count);
    std::array<std::uint32_t, kBuckets> bucket_size{};
    for (std::uint32_t t = 0; t < term_count; ++t) {
        const std::size_t length = text::code_point_count(d.term(t));
        lengths[t] = static_cast<std::uint8_t>(std::min(length, kBuckets));
        if (length < kBuckets) {
            bucket_size[length] += 1;
        }
    }
    std::uint32_t code_point_total = 0;
    for (std::size_t length = 0; length < kBuckets; ++length) {
        d.length_begin[length + 1] = d.length_begin[length] + bucket_size[length];
        d.code_point_begin[length] = code_point_total;
        code_point_total += bucket_size[length] * static_cast<std::uint32_t>(length);
    }
    d.length_term.resize(d.length_begin[kBuckets]);
    d.length_signature.resize(d.length_begin[kBuckets]);
    d.code_points.resize(code_point_total);
    {
        std::array<std::uint32_t, kBuckets> filled{};
        for (std::uint32_t t = 0; t < term_count; ++t) {
            const std::size_t length = lengths[t];
            if (length >= kBuckets) {
                continue;
            }
            const std::uint32_t entry = d.length_begin[length] + filled[length];
            char32_t* out = d.code_points.data() + d.code_point_begin[length] +
                            filled[length] * static_cast<std::uint32_t>(length);
            filled[length] += 1;
            const std::string_view word = d.term(t);
            std::size_t pos = 0;
            for (std::size_t i = 0; i < length; ++i) {
                out[i] = text::decode_next(word, pos);
            }
            d.length_term[entry] = t;
            d.length_signature[entry] = signature(std::u32string_view(out, length));
        }
    }

    // scratch for queries, allocated once here rather than by each query
    Index::Data::Scratch& scratch = d.scratch;
    scratch.word_score.assign(d.document_guide.size(), 0);
    scratch.document_hits.assign(d.document_guide.size(), DocumentHits{});
    scratch.guide_word_best.assign(d.guides.size(), 0);
    scratch.guide_count.assign(d.guides.size(), 0);
    scratch.guide_total.assign(d.guides.size(), 0);
    scratch.guide_best_document.assign(d.guides.size(), kNone);
    return index;
}

Index::Index() : data_(std::make_unique<Data>()) {}
Index::~Index() = default;
Index::Index(Index&&) noexcept = default;
Index& Index::operator=(Index&&) noexcept = default;

Index::Index(const std::vector<Document>& documents) {
    IndexBuilder builder;
    for (const Document& document : documents) {
        builder.add(document);
    }
    *this = builder.build();
}

std::size_t Index::document_count() const {
    return data_ ? data_->document_guide.size() : 0;
}

std::size_t Index::term_count() const {
    return data_ ? data_->term_offset.size() - 1 : 0;
}

std::size_t Index::memory_bytes() const {
    if (!data_) {
        return 0;
    }
    const Data& d = *data_;
    auto bytes = [](const auto& v) { return v.capacity() * sizeof(v[0]); };
    const Data::Scratch& s = d.scratch;
    std::size_t chunks = bytes(d.documents);
    for (const std::vector<DocumentRecord>& chunk : d.documents) {
        chunks += bytes(chunk);
    }
    return sizeof(Data) + chunks + bytes(d.document_guide) + bytes(d.document_weight) +
           bytes(d.guides) + bytes(d.locales) + d.pool.capacity() + bytes(d.term_offset) +
           bytes(d.posting_begin) + bytes(d.postings) + bytes(d.alias_begin) + bytes(d.aliases) +
           bytes(d.latin_of) + bytes(d.guide_order) + bytes(d.length_term) +
           bytes(d.length_signature) + bytes(d.code_points) + bytes(s.word_score) +
           bytes(s.document_hits) + bytes(s.touched_word) + bytes(s.touched_any) +
           bytes(s.guide_word_best) + bytes(s.guide_count) + bytes(s.guide_total) +
           bytes(s.guide_best_document) + bytes(s.touched_guides) + bytes(s.found_guides) +
           bytes(s.ranked);
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
    std::size_t end = std::min(text.size(), span.offset + span.length + kSnippetAfter);

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

// The number of Cyrillic code points in `word` (as text::has_cyrillic tells them).
std::size_t cyrillic_count(std::string_view word) {
    std::size_t count = 0;
    std::size_t pos = 0;
    while (pos < word.size()) {
        const char32_t cp = text::decode_next(word, pos);
        count += cp >= 0x0400 && cp <= 0x052F ? 1 : 0;
    }
    return count;
}

// A query word as typed and, when Cyrillic, in Latin letters.
std::vector<std::string> variants_of(const std::string& word) {
    std::vector<std::string> variants{word};
    if (text::has_cyrillic(word)) {
        std::string latin = text::transliterate_to_latin(word);
        if (!latin.empty() && latin != word) {
            variants.push_back(std::move(latin));
        }
    }
    return variants;
}

// Decodes up to `capacity` code points of `word` into `out`; returns how many the word has
// (which may be more than it wrote).
std::size_t decode_into(std::string_view word, char32_t* out, std::size_t capacity) {
    std::size_t count = 0;
    std::size_t pos = 0;
    while (pos < word.size()) {
        const char32_t cp = text::decode_next(word, pos);
        if (count < capacity) {
            out[count] = cp;
        }
        ++count;
    }
    return count;
}

}  // namespace

std::uint32_t Index::Data::lower_bound(std::string_view word) const {
    std::uint32_t low = 0;
    std::uint32_t high = static_cast<std::uint32_t>(term_offset.size() - 1);
    while (low < high) {
        const std::uint32_t middle = low + (high - low) / 2;
        if (term(middle) < word) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    return low;
}

// Which word of `text` a query word matched with `quality`, found again by folding just
// this text: the index keeps no word positions. Among the words that match with that
// quality, the query visits the terms variant by variant, then in dictionary order (exact,
// prefixes) or by length and dictionary order (typos), and each term's places in text
// order; the first place visited is the one that counted, so it is the one shown. A word
// matches under its folded form or under that form's Latin form.
Span Index::Data::find_match(std::string_view text, const std::vector<std::string>& variants,
                             bool prefix, MatchQuality quality) const {
    const std::vector<text::Word> words = text::fold_words(text);
    const auto term_count = static_cast<std::uint32_t>(term_offset.size() - 1);
    std::array<char32_t, kMaxWordLength> wanted{};
    std::array<char32_t, kBuckets> candidate{};
    for (const std::string& variant : variants) {
        const std::size_t wanted_length = decode_into(variant, wanted.data(), wanted.size());
        const int budget = allowed_typos(wanted_length);
        const bool typos = budget > 0 && wanted_length <= kMaxWordLength;
        const std::u32string_view wanted_view(wanted.data(),
                                              std::min(wanted_length, kMaxWordLength));

        // Latin forms hold no Cyrillic letter (unless latin_with_cyrillic), and each edit
        // takes away at most one of the variant's: with more than the edits allowed, the
        // variant cannot match a Latin form, and the dictionary need not be asked for them
        const bool typo_quality =
            quality == MatchQuality::one_typo || quality == MatchQuality::two_typos;
        const std::size_t edits = typo_quality ? static_cast<std::size_t>(budget) : 0;
        const bool latin_forms = latin_with_cyrillic || cyrillic_count(variant) <= edits;

        // the best place so far: its term's visiting rank, then the word's number
        bool found = false;
        std::size_t best_word = 0;
        std::size_t best_length = 0;
        std::string_view best_term;
        auto consider = [&](std::size_t w, std::string_view term) {
            bool match = false;
            std::size_t length = 0;
            if (quality == MatchQuality::exact) {
                match = term == variant;
            } else if (quality == MatchQuality::prefix) {
                match = prefix && term.size() > variant.size() &&
                        term.compare(0, variant.size(), variant) == 0;
            } else if (typos) {
                length = decode_into(term, candidate.data(), candidate.size());
                const std::size_t gap =
                    length > wanted_length ? length - wanted_length : wanted_length - length;
                if (length < kBuckets && gap <= static_cast<std::size_t>(budget)) {
                    const int distance = bounded_distance(
                        wanted_view, std::u32string_view(candidate.data(), length), budget);
                    // a distance past the budget only says "too far"
                    match = distance <= budget &&
                            ((distance == 1 && quality == MatchQuality::one_typo) ||
                             (distance == 2 && quality == MatchQuality::two_typos));
                }
            }
            if (!match) {
                return;
            }
            const bool earlier =
                !found || length < best_length || (length == best_length && term < best_term);
            if (earlier) {
                found = true;
                best_word = w;
                best_length = length;
                best_term = term;
            }
        };

        // the Latin form comes from the dictionary, where every word of the text is; only
        // Cyrillic words have one
        for (std::size_t w = 0; w < words.size(); ++w) {
            const std::string& folded = words[w].folded;
            consider(w, folded);
            if (!latin_forms || !text::has_cyrillic(folded)) {
                continue;
            }
            const std::uint32_t t = lower_bound(folded);
            if (t < term_count && term(t) == folded && latin_of[t] != kNone) {
                consider(w, term(latin_of[t]));
            }
        }
        if (found) {
            return Span{words[best_word].offset, words[best_word].length};
        }
    }
    return Span{};
}

// ---- [SECTION] querying ------------------------------------------------------------

namespace {

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
    if (options.found != nullptr) {
        *options.found = 0;
    }
    if (!data_) {
        return results;
    }
    const Data& d = *data_;
    Data::Scratch& s = d.scratch;

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
    if (unique.empty() || d.document_guide.empty()) {
        return results;
    }
    const auto term_count = static_cast<std::uint32_t>(d.term_offset.size() - 1);
    auto is_prefix_word = [&](std::size_t q) {
        return options.prefix_last_word && q + 1 == unique.size() && !cut && !ends_word(query);
    };
    std::vector<std::vector<std::string>> variants;
    for (const std::string& word : unique) {
        variants.push_back(variants_of(word));
    }

    // scores every document holding term `t` (or one of its aliases)
    auto visit_postings = [&](std::uint32_t t, int points) {
        const std::uint8_t* at = d.postings.data() + d.posting_begin[t];
        const std::uint8_t* const end = d.postings.data() + d.posting_begin[t + 1];
        std::uint32_t doc = 0;
        while (at != end) {
            doc += read_varint(at, end);
            const int score = points + d.document_weight[doc];
            std::uint8_t& hit = s.word_score[doc];
            if (hit == 0) {
                s.touched_word.push_back(doc);
            }
            if (score > hit) {
                hit = static_cast<std::uint8_t>(score);
            }
        }
    };
    auto visit = [&](std::uint32_t t, MatchQuality quality) {
        const int points = quality_points(quality);
        visit_postings(t, points);
        for (std::uint32_t a = d.alias_begin[t]; a < d.alias_begin[t + 1]; ++a) {
            visit_postings(d.aliases[a], points);
        }
    };

    std::array<char32_t, kMaxWordLength> wanted{};
    for (std::size_t q = 0; q < unique.size(); ++q) {
        const bool prefix = is_prefix_word(q);
        for (const std::string& variant : variants[q]) {
            // exact, then every longer word starting with it
            std::uint32_t t = d.lower_bound(variant);
            if (t < term_count && d.term(t) == variant) {
                visit(t, MatchQuality::exact);
                ++t;
            }
            if (prefix) {
                for (; t < term_count && d.term(t).compare(0, variant.size(), variant) == 0; ++t) {
                    visit(t, MatchQuality::prefix);
                }
            }

            // typos: only words of a length within the budget can be close enough
            const std::size_t length = decode_into(variant, wanted.data(), wanted.size());
            const int budget = allowed_typos(length);
            if (budget == 0 || length > kMaxWordLength) {
                continue;
            }
            const std::u32string_view wanted_view(wanted.data(), length);
            const std::uint64_t bits = signature(wanted_view);
            const std::size_t shortest = length - static_cast<std::size_t>(budget);
            const std::size_t longest = length + static_cast<std::size_t>(budget);
            for (std::size_t l = shortest; l <= longest && l < kBuckets; ++l) {
                const char32_t* code_points = d.code_points.data() + d.code_point_begin[l];
                for (std::uint32_t e = d.length_begin[l]; e < d.length_begin[l + 1];
                     ++e, code_points += l) {
                    const std::uint64_t has = d.length_signature[e];
                    if (popcount64(bits & ~has) > budget || popcount64(has & ~bits) > budget) {
                        continue;
                    }
                    const int distance =
                        bounded_distance(wanted_view, std::u32string_view(code_points, l), budget);
                    if (distance > budget || distance == 0) {
                        continue;
                    }
                    visit(d.length_term[e],
                          distance == 1 ? MatchQuality::one_typo : MatchQuality::two_typos);
                }
            }
        }

        // fold this word's hits into documents and guides, then clear them
        for (const std::uint32_t doc : s.touched_word) {
            std::uint8_t& hit = s.word_score[doc];
            DocumentHits& hits = s.document_hits[doc];
            if (hits.mask == 0) {
                s.touched_any.push_back(doc);
            }
            hits.mask = static_cast<std::uint16_t>(hits.mask | 1u << q);
            hits.total = static_cast<std::uint16_t>(hits.total + hit);
            if (hit > hits.best) {
                hits.best = hit;
                hits.best_word = static_cast<std::uint8_t>(q);
            }
            const std::uint32_t guide = d.document_guide[doc];
            if (s.guide_word_best[guide] == 0) {
                s.touched_guides.push_back(guide);
            }
            s.guide_word_best[guide] = std::max(s.guide_word_best[guide], hit);
            hit = 0;
        }
        s.touched_word.clear();
        for (const std::uint32_t guide : s.touched_guides) {
            if (s.guide_count[guide] == 0) {
                s.found_guides.push_back(guide);
            }
            s.guide_total[guide] =
                static_cast<std::uint16_t>(s.guide_total[guide] + s.guide_word_best[guide]);
            s.guide_count[guide] += 1;
            s.guide_word_best[guide] = 0;
        }
        s.touched_guides.clear();
    }

    // each guide's best document: most query words, then the highest total, then first
    auto document_value = [&s](std::uint32_t doc) {
        const DocumentHits& hits = s.document_hits[doc];
        return popcount(hits.mask) * kPerWord + hits.total;
    };
    for (const std::uint32_t doc : s.touched_any) {
        std::uint32_t& best = s.guide_best_document[d.document_guide[doc]];
        if (best == kNone) {
            best = doc;
            continue;
        }
        const int a = document_value(doc);
        const int b = document_value(best);
        if (a > b || (a == b && doc < best)) {
            best = doc;
        }
    }

    // score and order the guides; only the ones shown are sorted fully
    s.ranked.clear();
    for (const std::uint32_t guide : s.found_guides) {
        s.ranked.push_back(
            RankedGuide{s.guide_count[guide] * kPerWord + s.guide_total[guide], guide});
    }
    auto before = [&d](const RankedGuide& a, const RankedGuide& b) {
        if (a.score != b.score) {
            return a.score > b.score;
        }
        return d.guide_order[a.guide] < d.guide_order[b.guide];
    };
    std::size_t shown = s.ranked.size();
    if (options.found != nullptr) {
        *options.found = shown;
    }
    if (options.limit != 0 && shown > options.limit) {
        shown = options.limit;
        std::partial_sort(s.ranked.begin(), s.ranked.begin() + static_cast<std::ptrdiff_t>(shown),
                          s.ranked.end(), before);
    } else {
        std::sort(s.ranked.begin(), s.ranked.end(), before);
    }

    // describe where each shown guide matched
    results.resize(shown);
    for (std::size_t i = 0; i < shown; ++i) {
        const std::uint32_t guide = s.ranked[i].guide;
        const std::uint32_t doc = s.guide_best_document[guide];
        const DocumentRecord& document = d.document(doc);
        const DocumentHits& hits = s.document_hits[doc];
        Result& result = results[i];
        result.guide_id = std::string(d.guides[guide]);
        result.score = s.ranked[i].score;
        result.words_matched = s.guide_count[guide];
        result.kind = static_cast<FieldKind>(document.locale_kind & 0xFF);
        result.sub_id = std::string(document.sub_id);
        result.locale = std::string(d.locales[document.locale_kind >> 8]);
        result.document = doc;
        result.quality = quality_of(hits.best);
        const Span span = d.find_match(document.text, variants[hits.best_word],
                                       is_prefix_word(hits.best_word), result.quality);
        make_snippet(document.text, span, result);
    }

    // reset the scratch where this query touched it
    for (const std::uint32_t doc : s.touched_any) {
        s.document_hits[doc] = DocumentHits{};
    }
    s.touched_any.clear();
    for (const std::uint32_t guide : s.found_guides) {
        s.guide_total[guide] = 0;
        s.guide_count[guide] = 0;
        s.guide_best_document[guide] = kNone;
    }
    s.found_guides.clear();
    return results;
}

}  // namespace ruvoya::search
