// Tests of the positioned JSON tree: exact lines and columns of values and keys, syntax
// and UTF-8 errors, duplicate keys.
#include <doctest/doctest.h>

#include "core/content/json_tree.hpp"

using namespace ruvoya::content;

namespace {

void check_position(const Position& actual, std::size_t line, std::size_t column) {
    CHECK(actual.line == line);
    CHECK(actual.column == column);
}

}  // namespace

TEST_CASE("json tree records where every value and key starts") {
    const char* text =
        "{\n"
        "  \"a\": 12,\n"
        "  \"b\" :[true, null,-3.5e2 ,\"x\\\"y\"],\n"
        "\t\"c\": {\"d\":{}},\n"
        "  \"e\": \"\xD0\xBF\xD1\x80\xD0\xB8\", \"f\": 7}\n";
    JsonNode root;
    std::vector<JsonProblem> problems;
    REQUIRE(parse_json_tree(text, root, problems));
    CHECK(problems.empty());
    REQUIRE(root.is_object());
    check_position(root.position, 1, 1);
    REQUIRE(root.members.size() == 5);

    SUBCASE("scalars and keys") {
        check_position(root.members[0].key_position, 2, 3);
        check_position(root.members[0].value.position, 2, 8);
        CHECK(root.members[0].value.number == 12);
        CHECK(root.members[0].value.integer);
    }
    SUBCASE("array elements after odd spacing") {
        const JsonNode& b = root.members[1].value;
        check_position(root.members[1].key_position, 3, 3);
        check_position(b.position, 3, 8);
        REQUIRE(b.items.size() == 4);
        check_position(b.items[0].position, 3, 9);
        check_position(b.items[1].position, 3, 15);
        check_position(b.items[2].position, 3, 20);
        CHECK(!b.items[2].integer);
        check_position(b.items[3].position, 3, 28);
        CHECK(b.items[3].string == "x\"y");
    }
    SUBCASE("nested objects and tabs") {
        const JsonNode& c = root.members[2].value;
        check_position(root.members[2].key_position, 4, 2);
        check_position(c.position, 4, 7);
        check_position(c.members[0].key_position, 4, 8);
        check_position(c.members[0].value.position, 4, 12);
    }
    SUBCASE("columns count characters, not bytes") {
        check_position(root.members[3].value.position, 5, 8);
        check_position(root.members[4].key_position, 5, 15);
        check_position(root.members[4].value.position, 5, 20);
    }
}

TEST_CASE("json tree reports syntax errors at the offending character") {
    JsonNode root;
    std::vector<JsonProblem> problems;
    CHECK_FALSE(parse_json_tree("{\n  \"a\": 1,\n  }\n", root, problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].code == "C001");
    check_position(problems[0].position, 3, 3);
    CHECK(problems[0].message.find("expected string literal") != std::string::npos);
}

TEST_CASE("json tree rejects invalid UTF-8 before parsing") {
    JsonNode root;
    std::vector<JsonProblem> problems;

    SUBCASE("a stray continuation byte") {
        CHECK_FALSE(parse_json_tree("{\"a\": \"ok\",\n \"b\": \"x\x80\"}", root, problems));
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].code == "C002");
        check_position(problems[0].position, 2, 9);
    }
    SUBCASE("an overlong encoding") {
        CHECK(find_invalid_utf8("a\xC0\xAF") == 1);
    }
    SUBCASE("a surrogate") {
        CHECK(find_invalid_utf8("ab\xED\xA0\x80") == 2);
    }
    SUBCASE("valid text") {
        CHECK(find_invalid_utf8("\xD0\xBF \xF0\x9F\x98\x80") == std::string::npos);
    }
}

TEST_CASE("json tree reports a duplicate key and keeps the first value") {
    JsonNode root;
    std::vector<JsonProblem> problems;
    REQUIRE(parse_json_tree("{\"a\": 1,\n \"a\": 2}", root, problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].code == "C003");
    check_position(problems[0].position, 2, 2);
    REQUIRE(root.members.size() == 1);
    CHECK(root.members[0].value.number == 1);
}

TEST_CASE("json tree refuses absurdly deep nesting instead of exhausting the stack") {
    JsonNode root;
    std::vector<JsonProblem> problems;
    const std::string text = std::string(100000, '[') + std::string(100000, ']');
    CHECK_FALSE(parse_json_tree(text, root, problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].code == "C001");
    check_position(problems[0].position, 1, kMaxJsonDepth + 1);
}

TEST_CASE("json tree reports an empty file as a syntax error at its start") {
    JsonNode root;
    std::vector<JsonProblem> problems;
    CHECK_FALSE(parse_json_tree("", root, problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].code == "C001");
    check_position(problems[0].position, 1, 1);
}
