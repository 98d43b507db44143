// A JSON tree that remembers where each value and key starts in the source text, so that
// the content compiler can point at the exact line and column of an offending value.
// nlohmann's own DOM keeps no positions; this tree is built from its SAX events.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ruvoya::content {

// A 1-based line and column; the column counts Unicode characters (code points).
struct Position {
    std::size_t line = 1;
    std::size_t column = 1;
};

// Turns byte offsets of one text into line and column.
class LineIndex {
public:
    explicit LineIndex(std::string_view text);
    Position position(std::size_t offset) const;

private:
    std::string_view text_;
    // byte offset where each line starts
    std::vector<std::size_t> starts_;
};

struct JsonMember;

struct JsonNode {
    enum class Type { null, boolean, number, string, array, object };

    Type type = Type::null;
    // where the value starts ('{', '[', '"' or its first character)
    Position position;
    bool boolean = false;
    double number = 0;
    // true when the number was written without fraction or exponent
    bool integer = false;
    std::string string;
    std::vector<JsonNode> items;
    std::vector<JsonMember> members;

    bool is_object() const { return type == Type::object; }
    bool is_array() const { return type == Type::array; }
    bool is_string() const { return type == Type::string; }

    // The member named `key`, or null.
    const JsonNode* find(std::string_view key) const;
};

struct JsonMember {
    std::string key;
    // where the key's opening quote is
    Position key_position;
    JsonNode value;
};

// "an object", "a string", ... for messages.
std::string_view describe(JsonNode::Type type);

// What went wrong while reading a JSON file.
struct JsonProblem {
    // "C001" (syntax), "C002" (UTF-8) or "C003" (duplicate key)
    std::string code;
    Position position;
    std::string message;
};

// Deepest nesting of arrays and objects parse_json_tree accepts.
inline constexpr std::size_t kMaxJsonDepth = 64;

// Parses `text` into `root`. Syntax and UTF-8 errors stop the parse and return false;
// duplicate keys are reported in `problems` but the parse goes on (the first value wins).
bool parse_json_tree(std::string_view text, JsonNode& root, std::vector<JsonProblem>& problems);

// The byte offset of the first invalid UTF-8 sequence in `text`, or npos when it is valid.
// Overlong forms, surrogates and values above U+10FFFF are invalid.
std::size_t find_invalid_utf8(std::string_view text);

// Decodes valid UTF-8 into code points.
std::u32string decode_utf8(std::string_view text);

}  // namespace ruvoya::content
