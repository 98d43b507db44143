// Search as you type over guide texts. An Index is built once from documents (one piece of
// guide text each: a title, a step, a checklist item...) with every word folded and, for
// Cyrillic words, transliterated in advance; a query then folds its words and matches them
// against the index's dictionary of distinct words: exactly, as a prefix (the last word
// while it is being typed) or with typos (bounded Damerau-Levenshtein distance).
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

// One piece of guide text to index.
struct Document {
    std::string guide_id;
    FieldKind kind = FieldKind::other;
    // e.g. the step id or checklist item id; empty when the field has none
    std::string sub_id;
    std::string locale;
    std::string text;
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

class Index {
public:
    Index();
    ~Index();
    Index(Index&&) noexcept;
    Index& operator=(Index&&) noexcept;

    // Builds the index; documents keep their order (Result::document refers to it).
    explicit Index(std::vector<Document> documents);

    // The best guides for `query`, best first; empty for an empty or blank query.
    std::vector<Result> query(std::string_view query, const QueryOptions& options = {}) const;

    std::size_t document_count() const;
    // number of distinct indexed words (folded and transliterated forms)
    std::size_t term_count() const;

private:
    struct Data;
    std::unique_ptr<Data> data_;
};

}  // namespace ruvoya::search
