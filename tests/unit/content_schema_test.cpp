// Tests that the JSON Schemas in content/schema/ (for editors) agree with the content
// compiler on the allowed values, locale codes and text limits.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/content/checks.hpp"
#include "core/content/compiler.hpp"

using namespace ruvoya::content;
using Json = nlohmann::json;

namespace {

Json load_schema(const std::string& name) {
    std::ifstream stream(std::string(RUVOYA_SOURCE_DIR) + "/content/schema/" + name);
    std::ostringstream text;
    text << stream.rdbuf();
    Json schema = Json::parse(text.str(), nullptr, false);
    REQUIRE_MESSAGE(schema.is_object(), name << " is not a JSON object");
    return schema;
}

std::vector<std::string> strings_of(const Json& array) {
    std::vector<std::string> out;
    for (const Json& value : array) {
        out.push_back(value.get<std::string>());
    }
    return out;
}

}  // namespace

TEST_CASE("the JSON schemas are draft 2020-12 and forbid unknown fields") {
    for (const char* name :
         {"guide.schema.json", "site.schema.json", "categories.schema.json", "ui.schema.json"}) {
        INFO(name);
        const Json schema = load_schema(name);
        CHECK(schema["$schema"] == "https://json-schema.org/draft/2020-12/schema");
        CHECK(schema["additionalProperties"] == false);
        CHECK(schema.contains("description"));
    }
}

TEST_CASE("the site schema knows the same locale codes") {
    const Json schema = load_schema("site.schema.json");
    CHECK(strings_of(schema["$defs"]["locale"]["enum"]) ==
          std::vector<std::string>(std::begin(kKnownLocales), std::end(kKnownLocales)));
}

TEST_CASE("the guide schema lists the compiler's values and limits") {
    const Json schema = load_schema("guide.schema.json");
    const Json& defs = schema["$defs"];

    const std::vector<std::string> known(std::begin(kKnownLocales), std::end(kKnownLocales));
    CHECK(strings_of(schema["properties"]["keywords"]["propertyNames"]["enum"]) == known);
    CHECK(strings_of(defs["title_text"]["propertyNames"]["enum"]) == known);
    CHECK(strings_of(schema["properties"]["risk"]["enum"]) ==
          std::vector<std::string>{"low", "moderate", "high"});
    CHECK(strings_of(defs["step"]["properties"]["kind"]["enum"]) ==
          std::vector<std::string>{"check", "browser", "documents", "call", "visit", "app",
                                   "payment", "wait"});
    CHECK(defs["title_text"]["additionalProperties"]["maxLength"] == kTitleLimit);
    CHECK(defs["summary_text"]["additionalProperties"]["maxLength"] == kSummaryLimit);
    CHECK(defs["substep_text"]["additionalProperties"]["maxLength"] == kSubstepLimit);
    CHECK(defs["label_text"]["additionalProperties"]["maxLength"] == kLinkLabelLimit);
    CHECK(defs["long_text"]["additionalProperties"]["maxLength"] == kTextLimit);
    CHECK(schema["properties"]["steps"]["maxItems"] == kMaxSteps);
    CHECK(defs["step"]["properties"]["substeps"]["minItems"] == kMinSubsteps);
    CHECK(defs["step"]["properties"]["substeps"]["maxItems"] == kMaxSubsteps);
}
