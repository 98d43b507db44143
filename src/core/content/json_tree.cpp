// Building the positioned JSON tree from nlohmann's SAX events.
//
// nlohmann reports no positions to a SAX handler, so the input is given through an
// iterator that counts how many bytes the lexer has pulled. When an event arrives, the
// bytes pulled since the previous event are whitespace and separators (',' ':') followed
// by the token itself, so the token starts at the first byte in that range that is
// neither. A number is followed by one byte of lookahead; that byte is always whitespace,
// a separator or a closing bracket, so it never hides the start of the next token.
#include "core/content/json_tree.hpp"

#include <algorithm>
#include <iterator>

#include <nlohmann/json.hpp>

namespace ruvoya::content {

// ---- line index -----------------------------------------------------------------------

LineIndex::LineIndex(std::string_view text) : text_(text) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') {
            starts_.push_back(i + 1);
        }
    }
}

Position LineIndex::position(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    const auto next = std::upper_bound(starts_.begin(), starts_.end(), offset);
    const std::size_t line = static_cast<std::size_t>(next - starts_.begin());
    const std::size_t start = starts_[line - 1];

    // count characters, not bytes: UTF-8 continuation bytes do not start a character
    std::size_t column = 1;
    for (std::size_t i = start; i < offset; ++i) {
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return {line, column};
}

// ---- nodes ----------------------------------------------------------------------------

const JsonNode* JsonNode::find(std::string_view key) const {
    for (const JsonMember& member : members) {
        if (member.key == key) {
            return &member.value;
        }
    }
    return nullptr;
}

std::string_view describe(JsonNode::Type type) {
    switch (type) {
        case JsonNode::Type::null:
            return "null";
        case JsonNode::Type::boolean:
            return "a boolean";
        case JsonNode::Type::number:
            return "a number";
        case JsonNode::Type::string:
            return "a string";
        case JsonNode::Type::array:
            return "an array";
        case JsonNode::Type::object:
            return "an object";
    }
    return "a value";
}

// ---- UTF-8 ----------------------------------------------------------------------------

namespace {

// Length of the valid UTF-8 sequence at `i` and its code point, or 0 when invalid.
std::size_t utf8_sequence(std::string_view text, std::size_t i, char32_t& code_point) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) {
        code_point = lead;
        return 1;
    }
    std::size_t length = 0;
    char32_t value = 0;
    char32_t minimum = 0;
    if ((lead & 0xE0) == 0xC0) {
        length = 2;
        value = lead & 0x1F;
        minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        value = lead & 0x0F;
        minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        value = lead & 0x07;
        minimum = 0x10000;
    } else {
        return 0;
    }
    if (i + length > text.size()) {
        return 0;
    }
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            return 0;
        }
        value = (value << 6) | (byte(i + k) & 0x3F);
    }

    // reject overlong forms, UTF-16 surrogates and values beyond Unicode
    if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
        return 0;
    }
    code_point = value;
    return length;
}

}  // namespace

std::size_t find_invalid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        char32_t code_point = 0;
        const std::size_t length = utf8_sequence(text, i, code_point);
        if (length == 0) {
            return i;
        }
        i += length;
    }
    return std::string_view::npos;
}

std::u32string decode_utf8(std::string_view text) {
    std::u32string out;
    std::size_t i = 0;
    while (i < text.size()) {
        char32_t code_point = 0;
        const std::size_t length = utf8_sequence(text, i, code_point);
        if (length == 0) {
            // not reached for validated text; replace rather than stop
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        out.push_back(code_point);
        i += length;
    }
    return out;
}

// ---- parsing --------------------------------------------------------------------------

namespace {

using Json = nlohmann::json;

// A byte iterator that publishes how many bytes have been consumed.
class CountingIterator {
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    CountingIterator(const char* at, const char* base, std::size_t* consumed)
        : at_(at), base_(base), consumed_(consumed) {}

    reference operator*() const { return *at_; }
    CountingIterator& operator++() {
        ++at_;
        *consumed_ = static_cast<std::size_t>(at_ - base_);
        return *this;
    }
    CountingIterator operator++(int) {
        CountingIterator before = *this;
        ++*this;
        return before;
    }
    bool operator==(const CountingIterator& other) const { return at_ == other.at_; }
    bool operator!=(const CountingIterator& other) const { return at_ != other.at_; }

private:
    const char* at_;
    const char* base_;
    std::size_t* consumed_;
};

// Receives nlohmann's SAX events and builds the JsonNode tree.
class TreeBuilder {
public:
    using number_integer_t = Json::number_integer_t;
    using number_unsigned_t = Json::number_unsigned_t;
    using number_float_t = Json::number_float_t;
    using string_t = Json::string_t;
    using binary_t = Json::binary_t;

    TreeBuilder(std::string_view text, const LineIndex& lines, const std::size_t* consumed,
                JsonNode& root, std::vector<JsonProblem>& problems)
        : text_(text), lines_(lines), consumed_(consumed), root_(root), problems_(problems) {
        // a byte order mark is skipped by the lexer and is not a token
        if (text.substr(0, 3) == "\xEF\xBB\xBF") {
            scanned_ = 3;
        }
    }

    bool null() {
        leaf(JsonNode::Type::null);
        return true;
    }
    bool boolean(bool value) {
        leaf(JsonNode::Type::boolean).boolean = value;
        return true;
    }
    bool number_integer(number_integer_t value) { return number(static_cast<double>(value)); }
    bool number_unsigned(number_unsigned_t value) { return number(static_cast<double>(value)); }
    bool number_float(number_float_t value, const string_t&) {
        JsonNode& node = leaf(JsonNode::Type::number);
        node.number = value;
        return true;
    }
    bool string(string_t& value) {
        leaf(JsonNode::Type::string).string = std::move(value);
        return true;
    }
    bool binary(binary_t&) { return false; }

    bool start_object(std::size_t) {
        stack_.push_back(&leaf(JsonNode::Type::object));
        return shallow_enough();
    }
    bool key(string_t& name) {
        JsonNode& object = *stack_.back();
        const Position at = token_position();
        for (const JsonMember& member : object.members) {
            if (member.key == name) {
                problems_.push_back(
                    {"C003", at,
                     "key \"" + name + "\" appears twice in this object (first at " +
                         std::to_string(member.key_position.line) + ":" +
                         std::to_string(member.key_position.column) + "); remove one of them"});
                break;
            }
        }
        object.members.push_back({std::move(name), at, JsonNode{}});
        return true;
    }
    bool end_object() {
        // keep the first of duplicate keys, as the message above promises
        JsonNode& object = *stack_.back();
        for (std::size_t i = 1; i < object.members.size(); ++i) {
            for (std::size_t k = 0; k < i; ++k) {
                if (object.members[k].key == object.members[i].key) {
                    object.members.erase(object.members.begin() + static_cast<long>(i));
                    --i;
                    break;
                }
            }
        }
        stack_.pop_back();
        scanned_ = *consumed_;
        return true;
    }
    bool start_array(std::size_t) {
        stack_.push_back(&leaf(JsonNode::Type::array));
        return shallow_enough();
    }
    bool end_array() {
        stack_.pop_back();
        scanned_ = *consumed_;
        return true;
    }

    bool parse_error(std::size_t position, const std::string&,
                     const nlohmann::detail::exception& error) {
        // nlohmann's position counts the offending byte itself
        const std::size_t offset = position > 0 ? position - 1 : 0;
        problems_.push_back({"C001", lines_.position(offset), syntax_message(error.what())});
        return false;
    }

private:
    // Stops the parse when nesting gets deeper than content ever needs: the tree is
    // recursive, and absurd depth would exhaust the stack when it is copied or freed.
    bool shallow_enough() {
        if (stack_.size() <= kMaxJsonDepth) {
            return true;
        }
        problems_.push_back({"C001", stack_.back()->position,
                             "invalid JSON: nested more than " + std::to_string(kMaxJsonDepth) +
                                 " levels deep; flatten the structure"});
        return false;
    }

    // Where the token just read starts; consumes the bytes up to the current read point.
    Position token_position() {
        std::size_t start = scanned_;
        const std::size_t end = std::min(*consumed_, text_.size());
        while (start < end) {
            const char c = text_[start];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != ',' && c != ':') {
                break;
            }
            ++start;
        }
        scanned_ = *consumed_;
        return lines_.position(start);
    }

    bool number(double value) {
        JsonNode& node = leaf(JsonNode::Type::number);
        node.number = value;
        node.integer = true;
        return true;
    }

    // Adds a value of `type` where the grammar expects one: the root, the next array
    // element or the value of the last key.
    JsonNode& leaf(JsonNode::Type type) {
        const Position at = token_position();
        JsonNode* node = &root_;
        if (!stack_.empty()) {
            JsonNode& parent = *stack_.back();
            if (parent.is_array()) {
                parent.items.emplace_back();
                node = &parent.items.back();
            } else {
                node = &parent.members.back().value;
            }
        }
        node->type = type;
        node->position = at;
        return *node;
    }

    // nlohmann's text minus its "[json.exception...] parse error at line L, column C: "
    // prefix, which would repeat the position.
    static std::string syntax_message(const std::string& what) {
        const std::size_t column = what.find("column ");
        std::size_t colon = column == std::string::npos ? column : what.find(": ", column);
        std::string detail = colon == std::string::npos ? what : what.substr(colon + 2);
        return "invalid JSON: " + detail + "; fix the syntax at this position";
    }

    std::string_view text_;
    const LineIndex& lines_;
    const std::size_t* consumed_;
    JsonNode& root_;
    std::vector<JsonProblem>& problems_;
    std::vector<JsonNode*> stack_;
    // bytes already attributed to earlier tokens
    std::size_t scanned_ = 0;
};

}  // namespace

bool parse_json_tree(std::string_view text, JsonNode& root, std::vector<JsonProblem>& problems) {
    const LineIndex lines(text);

    // UTF-8 first: nlohmann would report a bad byte outside a string as a syntax error
    if (const std::size_t bad = find_invalid_utf8(text); bad != std::string_view::npos) {
        problems.push_back(
            {"C002", lines.position(bad), "invalid UTF-8 byte sequence; save the file as UTF-8"});
        return false;
    }

    std::size_t consumed = 0;
    const char* base = text.data();
    CountingIterator first(base, base, &consumed);
    CountingIterator last(base + text.size(), base, &consumed);
    TreeBuilder builder(text, lines, &consumed, root, problems);
    root = JsonNode{};
    return Json::sax_parse(first, last, &builder);
}

}  // namespace ruvoya::content
