// Tests of the content compiler, driven by the fixture corpus in tests/content/:
//   valid/    a small valid content tree that doubles as an example for authors;
//   invalid/  one directory per check: files that overlay the valid tree, and case.expect
//             with the exact diagnostics (file:line:column: severity[code]: message).
// case.expect lines: "# comment", "werror", "remove <path>", or an expected diagnostic.
// An expected line that ends at "]" checks the position and code but not the message.
// Every error must be expected; a warning is compared only when its code is expected.
#include <doctest/doctest.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/content/bundle.hpp"
#include "core/content/compiler.hpp"

using namespace ruvoya::content;
namespace fs = std::filesystem;

namespace {

const std::string kSourceDir = RUVOYA_SOURCE_DIR;
const std::string kValidRoot = kSourceDir + "/tests/content/valid";
const std::string kInvalidRoot = kSourceDir + "/tests/content/invalid";
// the fixtures' "today": fixed so that date checks do not depend on the calendar
const char* const kFixtureToday = "2026-12-01";

// A stand-in for the shipped fonts: Latin, Latin-1, Latin Extended-A, Cyrillic and
// general punctuation, like Noto Sans cut for the app.
bool fixture_font_covers(char32_t c) {
    return (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0x17F) || (c >= 0x400 && c <= 0x4FF) ||
           (c >= 0x2010 && c <= 0x206F) || c == 0x20BD || c == 0x2116;
}

std::vector<SourceFile> read_tree(const std::string& root) {
    std::vector<SourceFile> files;
    std::string error;
    REQUIRE_MESSAGE(read_content_tree(root, files, &error), error);
    return files;
}

CompileOptions fixture_options() {
    CompileOptions options;
    options.today = kFixtureToday;
    options.font_covers = fixture_font_covers;
    return options;
}

CompileResult compile_valid_tree() {
    return compile_content(read_tree(kValidRoot), fixture_options());
}

std::string join_lines(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& line : lines) {
        out += line;
        out += '\n';
    }
    return out;
}

std::string all_diagnostics(const CompileResult& result) {
    std::vector<std::string> lines;
    for (const Diagnostic& diagnostic : result.diagnostics) {
        lines.push_back(format_diagnostic(diagnostic));
    }
    return join_lines(lines);
}

std::string read_text_file(const fs::path& path) {
    std::ifstream stream(path, std::ios::binary);
    std::ostringstream text;
    text << stream.rdbuf();
    return text.str();
}

// One invalid fixture: its overlay files, options and expected diagnostics.
struct FixtureCase {
    std::string name;
    std::vector<std::string> removed;
    bool werror = false;
    std::vector<std::string> expected;
};

FixtureCase read_case(const fs::path& directory) {
    FixtureCase fixture;
    fixture.name = directory.filename().string();
    std::istringstream lines(read_text_file(directory / "case.expect"));
    std::string line;
    while (std::getline(lines, line)) {
        if (line.empty() || line[0] == '#') {
            continue;
        }
        if (line == "werror") {
            fixture.werror = true;
        } else if (line.rfind("remove ", 0) == 0) {
            fixture.removed.push_back(line.substr(7));
        } else {
            fixture.expected.push_back(line);
        }
    }
    return fixture;
}

// The code inside "error[C017]" or "warning[W002]" of a diagnostic line.
std::string code_of(const std::string& line) {
    const std::size_t open = line.find('[');
    const std::size_t close = line.find(']', open);
    return open == std::string::npos || close == std::string::npos
               ? std::string()
               : line.substr(open + 1, close - open - 1);
}

std::vector<fs::path> invalid_cases() {
    std::vector<fs::path> directories;
    for (const auto& entry : fs::directory_iterator(kInvalidRoot)) {
        if (entry.is_directory()) {
            directories.push_back(entry.path());
        }
    }
    std::sort(directories.begin(), directories.end());
    return directories;
}

}  // namespace

TEST_CASE("the valid fixture tree compiles without errors or warnings") {
    const CompileResult result = compile_valid_tree();
    INFO(all_diagnostics(result));
    CHECK(result.ok());
    CHECK(result.errors == 0);
    CHECK(result.warnings == 0);
    CHECK(result.guide_count == 3);
    CHECK_FALSE(result.files.head.empty());
    CHECK(summary_line(result) == "contentc: 3 guides, 0 errors, 0 warnings");
}

TEST_CASE("every invalid fixture reports exactly its expected diagnostics") {
    const std::vector<SourceFile> valid = read_tree(kValidRoot);
    const std::vector<fs::path> cases = invalid_cases();
    CHECK(cases.size() >= 30);

    std::set<std::string> codes_covered;
    for (const fs::path& directory : cases) {
        const FixtureCase fixture = read_case(directory);
        INFO("fixture: " << fixture.name);
        REQUIRE_FALSE(fixture.expected.empty());

        // the valid tree, with the case's files laid over it and its removals applied
        std::vector<SourceFile> files = valid;
        for (const SourceFile& overlay : read_tree(directory.string())) {
            auto same = [&](const SourceFile& file) { return file.path == overlay.path; };
            files.erase(std::remove_if(files.begin(), files.end(), same), files.end());
            files.push_back(overlay);
        }
        for (const std::string& removed : fixture.removed) {
            auto same = [&](const SourceFile& file) { return file.path == removed; };
            files.erase(std::remove_if(files.begin(), files.end(), same), files.end());
        }
        CompileOptions options = fixture_options();
        options.warnings_as_errors = fixture.werror;
        const CompileResult result = compile_content(files, options);

        // compare every error, and the warnings whose codes the case names
        std::set<std::string> expected_codes;
        for (const std::string& line : fixture.expected) {
            expected_codes.insert(code_of(line));
            codes_covered.insert(code_of(line));
        }
        std::vector<std::string> actual;
        for (const Diagnostic& diagnostic : result.diagnostics) {
            if (diagnostic.severity == Severity::error || expected_codes.count(diagnostic.code)) {
                actual.push_back(format_diagnostic(diagnostic));
            }
        }
        std::vector<std::string> compared = actual;
        for (std::size_t i = 0; i < compared.size() && i < fixture.expected.size(); ++i) {
            // an expectation ending at the code checks the position and code only
            const std::string& expected = fixture.expected[i];
            if (!expected.empty() && expected.back() == ']') {
                compared[i] = compared[i].substr(0, expected.size());
            }
        }
        CHECK(join_lines(compared) == join_lines(fixture.expected));
    }

    // one fixture at least for every code in the table
    for (const DiagnosticInfo& info : kDiagnosticTable) {
        INFO("code without a fixture: " << info.code);
        CHECK(codes_covered.count(std::string(info.code)) == 1);
    }
}

TEST_CASE("the bundle round-trips through load_bundle with every guide, step, item and link") {
    const CompileResult result = compile_valid_tree();
    REQUIRE(result.ok());
    std::string error;
    const std::optional<Bundle> bundle = load_bundle(result.files, &error);
    INFO(error);
    REQUIRE(bundle.has_value());

    // compare against the source files read independently with nlohmann's own parser
    std::size_t guides = 0;
    for (const auto& entry : fs::directory_iterator(kValidRoot + "/content/guides")) {
        const nlohmann::json source = nlohmann::json::parse(read_text_file(entry.path()));
        const std::string id = source["id"].get<std::string>();
        INFO("guide: " << id);
        REQUIRE(bundle->find_guide(id) != nullptr);
        CHECK(bundle->find_guide(id)->steps.empty());
        const Guide* guide = bundle->load_guide(id, &error);
        INFO(error);
        REQUIRE(guide != nullptr);
        CHECK(guide == bundle->find_guide(id));
        ++guides;
        CHECK(guide->title.get("en") == source["title"]["en"].get<std::string>());
        CHECK(guide->is_draft() == (source["status"].get<std::string>() == "draft"));
        CHECK(guide->revision.size() == 16);

        REQUIRE(guide->steps.size() == source["steps"].size());
        for (std::size_t i = 0; i < guide->steps.size(); ++i) {
            const nlohmann::json& step = source["steps"][i];
            CHECK(guide->steps[i].id == step["id"].get<std::string>());
            CHECK(guide->find_step(step["id"].get<std::string>()) == &guide->steps[i]);
            CHECK(guide->steps[i].substeps.size() == step["substeps"].size());
            CHECK(guide->steps[i].do_.get("en") == step["do"]["en"].get<std::string>());
        }
        for (const nlohmann::json& group : source["checklist"]) {
            for (const nlohmann::json& item : group["items"]) {
                const ChecklistItem* found = guide->find_item(item["id"].get<std::string>());
                REQUIRE(found != nullptr);
                CHECK(to_string(found->level) == item["level"].get<std::string>());
                CHECK(found->text.get("en") == item["text"]["en"].get<std::string>());
            }
        }
        REQUIRE(guide->links.size() == source["links"].size());
        for (std::size_t i = 0; i < guide->links.size(); ++i) {
            const nlohmann::json& link = source["links"][i];
            const Link& loaded = guide->links[i];
            CHECK(to_string(loaded.kind) == link["kind"].get<std::string>());
            CHECK(loaded.label.get("en") == link["label"]["en"].get<std::string>());
            if (loaded.kind == LinkKind::guide) {
                CHECK(loaded.guide == link["guide"].get<std::string>());
                CHECK(bundle->find_guide(loaded.guide) != nullptr);
            } else {
                CHECK(loaded.url == link["url"].get<std::string>());
            }
        }
        CHECK(guide->related.size() == source["related"].size());
        CHECK(guide->sources.size() == source["sources"].size());
    }
    CHECK(guides == bundle->guides.size());

    // site settings, categories and UI strings come through too
    CHECK(bundle->site.locales == std::vector<std::string>{"en", "ru"});
    CHECK(bundle->site.emergency.size() == 2);
    CHECK(bundle->categories.size() == 3);
    REQUIRE(bundle->ui.size() == 2);
    CHECK(bundle->ui[0].locale == "en");
    CHECK(bundle->ui_text("ru", "guide.checklist") == "Чек-лист");
}

TEST_CASE("a guide without a disclaimer gets the site's default") {
    const CompileResult result = compile_valid_tree();
    REQUIRE(result.ok());
    const Guide* sim = result.bundle.find_guide("sim-card");
    const Guide* bank = result.bundle.find_guide("bank-account");
    REQUIRE(sim != nullptr);
    REQUIRE(bank != nullptr);
    CHECK_FALSE(sim->own_disclaimer);
    CHECK(sim->disclaimer.get("ru") == result.bundle.site.disclaimer.get("ru"));
    CHECK(bank->own_disclaimer);
    CHECK(bank->disclaimer.get("en") == "Banks set their own rules for foreign clients.");
}

TEST_CASE("a guide's revision follows its step and item ids, not its texts") {
    std::vector<SourceFile> files = read_tree(kValidRoot);
    auto sim_card = std::find_if(files.begin(), files.end(), [](const SourceFile& file) {
        return file.path == "content/guides/sim-card.json";
    });
    REQUIRE(sim_card != files.end());
    const std::string original = sim_card->text;
    auto revision_with = [&](const std::string& from, const std::string& to) {
        std::string text = original;
        const std::size_t at = text.find(from);
        REQUIRE(at != std::string::npos);
        text.replace(at, from.size(), to);
        sim_card->text = text;
        const CompileResult result = compile_content(files, fixture_options());
        INFO(all_diagnostics(result));
        REQUIRE(result.ok());
        return result.bundle.find_guide("sim-card")->revision;
    };
    const std::string base = revision_with("Choose an operator", "Choose an operator");

    SUBCASE("editing a text keeps it") {
        CHECK(revision_with("Choose an operator", "Pick a mobile operator") == base);
    }
    SUBCASE("renaming a checklist item changes it") {
        CHECK(revision_with("\"tariff-chosen\"", "\"tariff-picked\"") != base);
    }
    SUBCASE("changing an item's level changes it") {
        CHECK(revision_with("\"level\": \"recommended\"", "\"level\": \"required\"") != base);
    }
    SUBCASE("renaming a step changes it") {
        CHECK(revision_with("\"buy-in-shop\"", "\"buy-at-shop\"") != base);
    }
}

TEST_CASE("the compiler writes the bundle's head as C++ bytes and lists the code points used") {
    const CompileResult result = compile_valid_tree();
    REQUIRE(result.ok());

    SUBCASE("bundle.cpp holds the size and every byte") {
        const std::string source = bundle_cpp_source("{\"a\":1}");
        CHECK(source.find("const unsigned long ruvoya_bundle_size = 7UL;") != std::string::npos);
        CHECK(source.find("123,34,97,34,58,49,125,0") != std::string::npos);
        CHECK(source.find("namespace ruvoya {") != std::string::npos);
    }
    SUBCASE("codepoints.txt has printable ASCII and the Cyrillic the texts use") {
        const std::string text = code_points_text(result.code_points);
        CHECK(text.rfind("20\n21\n", 0) == 0);
        // "п" (U+043F) appears in the Russian texts; "ѣ" (U+0463) does not
        CHECK(text.find("\n43F\n") != std::string::npos);
        CHECK(text.find("\n463\n") == std::string::npos);
    }
}

TEST_CASE("the real content tree compiles with no error") {
    if (!fs::exists(kSourceDir + "/content/site.json")) {
        MESSAGE("content/site.json does not exist yet; skipping the real content check");
        return;
    }
    // real dates are checked against the real calendar
    const std::time_t now = std::time(nullptr);
    std::tm parts{};
    gmtime_r(&now, &parts);
    char today[16];
    std::strftime(today, sizeof today, "%Y-%m-%d", &parts);

    CompileOptions options;
    options.today = today;
    const CompileResult result = compile_content(read_tree(kSourceDir), options);
    INFO(all_diagnostics(result));
    CHECK(result.errors == 0);
    CHECK(result.guide_count > 0);
    std::string error;
    CHECK(load_bundle(result.files, &error).has_value());
}

TEST_CASE("mangled content is reported, never a crash") {
    const std::vector<SourceFile> valid = read_tree(kValidRoot);
    auto with_guide_text = [&](const std::string& text) {
        std::vector<SourceFile> files = valid;
        for (SourceFile& file : files) {
            if (file.path == "content/guides/sim-card.json") {
                file.text = text;
            }
        }
        return compile_content(files, fixture_options());
    };
    std::string original;
    for (const SourceFile& file : valid) {
        if (file.path == "content/guides/sim-card.json") {
            original = file.text;
        }
    }
    REQUIRE_FALSE(original.empty());

    SUBCASE("every truncation is an error") {
        for (std::size_t length = 0; length + 2 < original.size(); length += 11) {
            INFO("length " << length);
            CHECK(with_guide_text(original.substr(0, length)).errors > 0);
        }
    }
    SUBCASE("values of the wrong shape everywhere") {
        for (const char* text : {"[]", "\"guide\"", "null", "{\"steps\": {}}",
                                 "{\"id\": [], \"title\": [1], \"steps\": [[]], \"route\": 1}",
                                 "{\"checklist\": [{\"items\": [null, 1]}], \"links\": [1]}"}) {
            INFO(text);
            CHECK(with_guide_text(text).errors > 0);
        }
    }
    SUBCASE("flipped bytes") {
        // a fixed sequence of pseudo-random edits, so a failure can be reproduced
        std::uint32_t state = 12345;
        for (int round = 0; round < 200; ++round) {
            state = state * 1664525u + 1013904223u;
            std::string text = original;
            text[state % text.size()] = static_cast<char>((state >> 8) & 0xFF);
            const CompileResult result = with_guide_text(text);
            for (const Diagnostic& diagnostic : result.diagnostics) {
                INFO(format_diagnostic(diagnostic));
                CHECK(find_diagnostic(diagnostic.code) != nullptr);
                CHECK(diagnostic.line >= 1);
                CHECK(diagnostic.column >= 1);
            }
            if (result.ok()) {
                std::string error;
                CHECK(load_bundle(result.files, &error).has_value());
            }
        }
    }
}

TEST_CASE("docs/content-errors.md explains every diagnostic code") {
    const std::string doc = read_text_file(kSourceDir + "/docs/content-errors.md");
    REQUIRE_FALSE(doc.empty());
    for (const DiagnosticInfo& info : kDiagnosticTable) {
        INFO(info.code);
        CHECK(doc.find("| " + std::string(info.code) + " |") != std::string::npos);
    }
}
