// Search as you type over guide texts. An Index is built once, through an IndexBuilder, from
// documents (one piece of guide text each: a title, a step, a checklist item...) with every
// word folded and, for Cyrillic words, transliterated in advance; a query then folds its
// words and matches them against the index's dictionary of distinct words: exactly, as a
// prefix (the last word while it is being typed) or with typos (bounded Damerau-Levenshtein
// distance). The index views the documents' texts rather than copying them.
//
// Ranking, per guide: more query words matched first; then, summed over query words, the
// quality of each word's best match (exact > prefix > one typo > two typos) and the field
// it is in (title > keyword > summary > step > other fields); ties go to the guide id in
// byte order, so the order is deterministic.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ruvoya::search {

// Where a piece of text comes from in a guide; the order of weight() is the ranking order.
enum class FieldKind : std::uint8_t {
    title,
    keyword,
    summary,
    step,
    substep,
    need,
    checklist,
    trap,
    question,
    answer,
    link,
    source,
    other,
};

// Ranking weight of a field: title 6, keyword 5, summary 4, step 3, substep 2, others 1.
int weight(FieldKind kind);

// A stable lowercase name ("title", "step"...) for logs and tests.
std::string_view field_name(FieldKind kind);

// One piece of guide text to index. The index keeps these views rather than copies: the
// strings they point into must outlive the Index (the app's content bundle lives as long as
// the app).
struct Document {
    std::string_view guide_id;
    FieldKind kind = FieldKind::other;
    // e.g. the step id or checklist item id; empty when the field has none
    std::string_view sub_id;
    std::string_view locale;
    std::string_view text;
};

// How well a query word matched a word of the text.
enum class MatchQuality : std::uint8_t { none, two_typos, one_typo, prefix, exact };

// One guide in the results.
struct Result {
    std::string guide_id;
    // higher is better; see the ranking rules above
    int score = 0;
    // how many distinct query words were found somewhere in the guide
    int words_matched = 0;
    // the document that matched best: its field, sub-id, locale and index in the input
    FieldKind kind = FieldKind::other;
    std::string sub_id;
    std::string locale;
    std::size_t document = 0;
    // a short piece of that document's text around the match (whole words, with "…"
    // where it was cut) and where the matched word lies in it, in bytes
    std::string snippet;
    std::size_t match_offset = 0;
    std::size_t match_length = 0;
    // the quality of the best word match in that document
    MatchQuality quality = MatchQuality::none;
};

struct QueryOptions {
    // at most this many results (0 means no limit)
    std::size_t limit = 50;
    // when true, the last query word also matches as a prefix of longer words, unless
    // the query ends with a space or punctuation (the word is finished then)
    bool prefix_last_word = true;
    // when given, set to how many guides matched, the ones past `limit` included
    std::size_t* found = nullptr;
};

// Limits that keep pathological input cheap: words beyond kMaxQueryWords are ignored and
// a word longer than kMaxWordLength code points only matches exactly.
inline constexpr std::size_t kMaxQueryWords = 12;
inline constexpr std::size_t kMaxWordLength = 48;

// The typo budget for a word of `length` code points: 0 up to 3, 1 for 4..7, 2 for 8+.
int allowed_typos(std::size_t length);

// Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions)
// between two words, or `limit + 1` as soon as it is known to exceed `limit`.
int bounded_distance(std::u32string_view a, std::u32string_view b, int limit);

// Documents beyond this many are ignored (document numbers are kept in 24 bits).
inline constexpr std::size_t kMaxDocuments = std::size_t{1} << 24;

class IndexBuilder;

// The index answers queries without allocating or clearing anything per document: it owns
// scratch arrays that each query resets where it touched them. So query() is const but NOT
// thread-safe: one query at a time per Index (the app is single-threaded).
class Index {
public:
    Index();
    ~Index();
    Index(Index&&) noexcept;
    Index& operator=(Index&&) noexcept;

    // Builds the index through an IndexBuilder; documents keep their order (Result::document
    // refers to it). The strings the documents view must outlive the Index.
    explicit Index(const std::vector<Document>& documents);

    // The best guides for `query`, best first; empty for an empty or blank query.
    std::vector<Result> query(std::string_view query, const QueryOptions& options = {}) const;

    std::size_t document_count() const;
    // number of distinct indexed words (folded and transliterated forms)
    std::size_t term_count() const;
    // heap bytes the index holds, scratch for queries included (approximate: the capacity
    // of its arrays, not the allocator's own overhead)
    std::size_t memory_bytes() const;

private:
    friend class IndexBuilder;
    struct Data;
    std::unique_ptr<Data> data_;
};

// Gathers documents one at a time and builds an Index from them. Each add() folds the text
// once, adding its words to the dictionary and noting which words the document holds (a
// byte or two each); build() sorts the dictionary and fills every array of the index once,
// at its exact size, so that building needs little more memory than the index itself.
class IndexBuilder {
public:
    IndexBuilder();
    ~IndexBuilder();
    IndexBuilder(IndexBuilder&&) noexcept;
    IndexBuilder& operator=(IndexBuilder&&) noexcept;

    // Adds one document; documents keep their order (Result::document refers to it). The
    // strings it views must outlive the Index built from it.
    void add(const Document& document);

    // The index of every document added so far; leaves the builder empty, ready for reuse.
    Index build();

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace ruvoya::search
