// The content compiler's checks, in the order they run:
//   [SECTION] reporting       diagnostics with code, file, line and column
//   [SECTION] values          types, fields, texts, ids, enums, dates, URLs
//   [SECTION] site            content/site.json
//   [SECTION] categories      content/categories.json
//   [SECTION] ui              content/ui/<locale>.json
//   [SECTION] guides          content/guides/<id>.json
//   [SECTION] references      guide references, route cycles, drafts
//   [SECTION] fonts           characters the shipped fonts cannot draw
//   [SECTION] output          bundle, revision, C++ source, code point list
// Every check reports and carries on, so one run shows every problem.
#include "core/content/compiler.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/content/bundle.hpp"
#include "core/content/checks.hpp"
#include "core/content/json_tree.hpp"

namespace ruvoya::content {

namespace {

using Type = JsonNode::Type;
using Fields = std::vector<std::string>;

const std::string kSitePath = "content/site.json";
const std::string kCategoriesPath = "content/categories.json";
const std::string kUiDir = "content/ui/";
const std::string kGuidesDir = "content/guides/";

// The kinds of text, each with its own length limit.
enum class TextKind { title, summary, substep, link_label, keyword, text };

std::size_t limit_of(TextKind kind) {
    switch (kind) {
        case TextKind::title:
            return kTitleLimit;
        case TextKind::summary:
            return kSummaryLimit;
        case TextKind::substep:
            return kSubstepLimit;
        case TextKind::link_label:
            return kLinkLabelLimit;
        case TextKind::keyword:
            return kKeywordLimit;
        case TextKind::text:
            return kTextLimit;
    }
    return kTextLimit;
}

std::string quote(std::string_view text) {
    return "\"" + std::string(text) + "\"";
}

std::string join(const std::vector<std::string>& words, std::string_view separator) {
    std::string out;
    for (const std::string& word : words) {
        if (!out.empty()) {
            out += separator;
        }
        out += word;
    }
    return out;
}

std::string position_text(const Position& position) {
    return std::to_string(position.line) + ":" + std::to_string(position.column);
}

std::string hex_code_point(char32_t code_point) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(code_point));
    return buffer;
}

std::string encode_utf8(char32_t c) {
    std::string out;
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
    return out;
}

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// The "{name}" placeholders of a UI string.
std::set<std::string> placeholders(const std::string& text) {
    std::set<std::string> names;
    std::size_t open = text.find('{');
    while (open != std::string::npos) {
        const std::size_t close = text.find('}', open);
        if (close == std::string::npos) {
            break;
        }
        names.insert(text.substr(open, close - open + 1));
        open = text.find('{', close);
    }
    return names;
}

// One parsed input file and what the checks learned about it.
struct FileState {
    std::string path;
    JsonNode root;
    bool parsed = false;
    // per locale: how many texts lack a translation into it (warning W001)
    std::map<std::string, std::size_t> missing_translations;
    std::size_t text_count = 0;
};

// A reference from one guide to another.
struct GuideRef {
    enum class Kind { before, after, related, link };
    Kind kind;
    std::string from;
    std::string target;
    std::string file;
    Position position;
};

// A guide's category, checked once categories.json is read.
struct CategoryRef {
    std::string target;
    std::string file;
    Position position;
};

// Where a code point is first used, and how often.
struct CodePointUse {
    std::string file;
    Position position;
    std::size_t count = 0;
};

struct ParsedGuide {
    Guide guide;
    Position id_position;
    bool id_ok = false;
};

class Compiler {
public:
    Compiler(const std::vector<SourceFile>& files, const CompileOptions& options)
        : files_(files), options_(options) {}

    CompileResult run();

private:
    // ---- [SECTION] reporting ----------------------------------------------------------

    void report(Severity severity, std::string_view code, const std::string& file,
                Position position, std::string message) {
        Diagnostic diagnostic;
        diagnostic.severity = options_.warnings_as_errors ? Severity::error : severity;
        diagnostic.code = std::string(code);
        diagnostic.file = file;
        diagnostic.line = position.line;
        diagnostic.column = position.column;
        diagnostic.message = std::move(message);
        result_.diagnostics.push_back(std::move(diagnostic));
    }

    void error(const FileState& file, std::string_view code, Position position,
               std::string message) {
        report(Severity::error, code, file.path, position, std::move(message));
    }

    void warning(const FileState& file, std::string_view code, Position position,
                 std::string message) {
        report(Severity::warning, code, file.path, position, std::move(message));
    }

    // ---- [SECTION] values ---------------------------------------------------------------

    bool parse(FileState& file, const SourceFile& source) {
        file.path = source.path;
        std::vector<JsonProblem> problems;
        file.parsed = parse_json_tree(source.text, file.root, problems);
        for (JsonProblem& problem : problems) {
            error(file, problem.code, problem.position, std::move(problem.message));
        }
        return file.parsed;
    }

    bool expect(FileState& file, const JsonNode& node, Type type, const std::string& path,
                std::string_view expected = {}) {
        if (node.type == type) {
            return true;
        }
        const std::string wanted =
            expected.empty() ? std::string(describe(type)) : std::string(expected);
        error(file, "C005", node.position,
              path + " must be " + wanted + ", found " + std::string(describe(node.type)) +
                  "; change its value");
        return false;
    }

    // Checks that `node` is an object holding only `allowed` fields.
    bool object(FileState& file, const JsonNode& node, const std::string& path,
                const Fields& allowed) {
        if (!expect(file, node, Type::object, path)) {
            return false;
        }
        if (const JsonNode* schema = node.find("$schema")) {
            expect(file, *schema, Type::string, "$schema");
        }
        for (const JsonMember& member : node.members) {
            if (std::find(allowed.begin(), allowed.end(), member.key) != allowed.end()) {
                continue;
            }
            std::string message = "unknown field " + quote(member.key) + " in " + path;
            if (auto suggestion = did_you_mean(member.key, allowed)) {
                message += "; did you mean " + quote(*suggestion) + "?";
                misspelt_.insert({&node, *suggestion});
            } else {
                message += "; remove it (allowed fields: " + join(allowed, ", ") + ")";
            }
            error(file, "C007", member.key_position, std::move(message));
        }
        return true;
    }

    const JsonNode* field(FileState& file, const JsonNode& object, const std::string& key,
                          const std::string& path, bool required = true) {
        if (const JsonNode* value = object.find(key)) {
            return value;
        }
        // a misspelt field was already reported with its right name (C007)
        if (required && misspelt_.count({&object, key}) == 0) {
            error(file, "C006", object.position,
                  "missing required field " + quote(key) + " in " + path + "; add it");
        }
        return nullptr;
    }

    std::optional<std::string> string(FileState& file, const JsonNode* node,
                                      const std::string& path) {
        if (node == nullptr || !expect(file, *node, Type::string, path)) {
            return std::nullopt;
        }
        return node->string;
    }

    // Checks characters, emptiness and length of one string; returns it trimmed.
    std::optional<std::string> checked_text(FileState& file, const JsonNode& node,
                                            const std::string& path, TextKind kind) {
        const std::u32string characters = decode_utf8(node.string);
        const bool multiline = kind == TextKind::text;
        for (char32_t c : characters) {
            const bool control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
            if (control && !(multiline && c == '\n')) {
                error(file, "C032", node.position,
                      path + " contains the control character " + hex_code_point(c) +
                          (c == '\n' ? " (a line break, allowed only in long texts)" : "") +
                          "; remove it");
                return std::nullopt;
            }
        }

        // trim ASCII whitespace; limits count what is left
        const std::string& raw = node.string;
        const std::size_t first = raw.find_first_not_of(" \t\r\n");
        if (first == std::string::npos) {
            error(file, "C026", node.position,
                  path + " is empty; write the text or remove the entry");
            return std::nullopt;
        }
        const std::size_t last = raw.find_last_not_of(" \t\r\n");
        std::string trimmed = raw.substr(first, last - first + 1);
        const std::u32string kept = decode_utf8(trimmed);
        if (kept.size() > limit_of(kind)) {
            error(file, "C027", node.position,
                  path + " is " + std::to_string(kept.size()) + " characters long, over the " +
                      "limit of " + std::to_string(limit_of(kind)) + "; shorten it");
            return std::nullopt;
        }

        record_characters(file, node, trimmed);
        return trimmed;
    }

    // Checks a locale key of a text or keyword object; true when it may be used.
    bool locale_key(FileState& file, const JsonMember& member, const std::string& path) {
        if (!is_known_locale(member.key)) {
            std::vector<std::string> known(std::begin(kKnownLocales), std::end(kKnownLocales));
            std::string message = "unknown locale code " + quote(member.key) + " in " + path;
            if (auto suggestion = did_you_mean(member.key, known)) {
                message += "; did you mean " + quote(*suggestion) + "?";
            } else {
                message += "; use one of: " + join(known, ", ");
            }
            error(file, "C028", member.key_position, std::move(message));
            return false;
        }
        if (site_locales_known_ &&
            std::find(offered_.begin(), offered_.end(), member.key) == offered_.end()) {
            error(file, "C029", member.key_position,
                  "locale " + quote(member.key) + " in " + path +
                      " is not offered in content/site.json; add it to \"locales\" there "
                      "or remove this text");
            return false;
        }
        return true;
    }

    // Reads a localised text {"en": ..., "ru": ...}.
    bool text(FileState& file, const JsonNode* node, const std::string& path, TextKind kind,
              Text& out) {
        if (node == nullptr || !expect(file, *node, Type::object, path,
                                       "an object of texts by locale, e.g. {\"en\": \"...\"}")) {
            return false;
        }
        bool ok = true;
        for (const JsonMember& member : node->members) {
            const std::string locale_path = path + "." + member.key;
            if (!locale_key(file, member, path) ||
                !expect(file, member.value, Type::string, locale_path)) {
                ok = false;
                continue;
            }
            if (auto value = checked_text(file, member.value, locale_path, kind)) {
                out.values[member.key] = std::move(*value);
            } else {
                ok = false;
            }
        }
        if (node->find(kFallbackLocale) == nullptr) {
            error(file, "C030", node->position,
                  path +
                      " has no English (\"en\") text; add it: English is required and is "
                      "shown when a translation is missing");
            ok = false;
        }

        // count missing translations for the per-file summary warning
        ++file.text_count;
        if (site_locales_known_) {
            for (const std::string& locale : offered_) {
                if (locale != kFallbackLocale && node->find(locale) == nullptr) {
                    ++file.missing_translations[locale];
                }
            }
        }
        return ok;
    }

    // Reads an array, checking its type and (when given) its number of entries.
    const std::vector<JsonNode>* array(FileState& file, const JsonNode* node,
                                       const std::string& path, std::size_t minimum = 0,
                                       std::size_t maximum = 0) {
        if (node == nullptr || !expect(file, *node, Type::array, path)) {
            return nullptr;
        }
        const std::size_t count = node->items.size();
        if (count < minimum || (maximum != 0 && count > maximum)) {
            const std::string range =
                maximum == 0 ? "at least " + std::to_string(minimum)
                             : std::to_string(minimum) + " to " + std::to_string(maximum);
            error(file, "C033", node->position,
                  path + " has " + std::to_string(count) + (count == 1 ? " entry" : " entries") +
                      "; it must have " + range + ": " +
                      (count < minimum ? "add more" : "remove some"));
        }
        return &node->items;
    }

    std::optional<std::string> slug(FileState& file, const JsonNode* node,
                                    const std::string& path) {
        auto value = string(file, node, path);
        if (!value) {
            return std::nullopt;
        }
        if (!is_slug(*value)) {
            error(file, "C009", node->position,
                  path + " " + quote(*value) +
                      " is not a valid id; use lowercase letters a-z, "
                      "digits and single hyphens, e.g. \"sim-card\"");
            return std::nullopt;
        }
        return value;
    }

    template <typename Enum>
    std::optional<Enum> enumeration(FileState& file, const JsonNode* node, const std::string& path,
                                    std::optional<Enum> (*parse_value)(std::string_view),
                                    const Fields& allowed) {
        auto value = string(file, node, path);
        if (!value) {
            return std::nullopt;
        }
        if (auto parsed = parse_value(*value)) {
            return parsed;
        }
        std::string message = path + " is " + quote(*value) + ", which is not allowed; use " +
                              "one of: " + join(allowed, ", ");
        if (auto suggestion = did_you_mean(*value, allowed)) {
            message += " (did you mean " + quote(*suggestion) + "?)";
        }
        error(file, "C008", node->position, std::move(message));
        return std::nullopt;
    }

    std::optional<Date> date(FileState& file, const JsonNode* node, const std::string& path) {
        auto value = string(file, node, path);
        if (!value) {
            return std::nullopt;
        }
        DateProblem problem = DateProblem::none;
        auto parsed = parse_date(*value, &problem);
        if (problem == DateProblem::format) {
            error(file, "C023", node->position,
                  path + " " + quote(*value) +
                      " is not an ISO date; write it as YYYY-MM-DD, "
                      "e.g. \"2026-11-20\"");
            return std::nullopt;
        }
        if (problem == DateProblem::calendar) {
            error(file, "C024", node->position,
                  path + " " + quote(*value) +
                      " is not a day of the calendar; check the "
                      "month and the day");
            return std::nullopt;
        }
        if (days_from_civil(*parsed) > days_from_civil(today_)) {
            error(file, "C025", node->position,
                  path + " " + quote(*value) + " is in the future (today is " +
                      format_date(today_) + "); use the date the check was really done");
            return std::nullopt;
        }
        return parsed;
    }

    std::optional<std::string> url(FileState& file, const JsonNode* node, const std::string& path) {
        auto value = string(file, node, path);
        if (!value) {
            return std::nullopt;
        }
        if (auto problem = check_url(*value)) {
            error(file, problem->code, node->position, path + ": " + problem->message);
            return std::nullopt;
        }
        return value;
    }

    // Reads an array of guide ids, remembering each as a reference to resolve later.
    void guide_ids(FileState& file, const JsonNode* node, const std::string& path,
                   const std::string& from, GuideRef::Kind kind, std::vector<std::string>& out) {
        const std::vector<JsonNode>* items = array(file, node, path);
        if (items == nullptr) {
            return;
        }
        for (std::size_t i = 0; i < items->size(); ++i) {
            const JsonNode& item = (*items)[i];
            if (auto id = string(file, &item, path + "[" + std::to_string(i) + "]")) {
                out.push_back(*id);
                refs_.push_back({kind, from, *id, file.path, item.position});
            }
        }
    }

    // ---- [SECTION] site -------------------------------------------------------------------

    void read_site(FileState& file) {
        const JsonNode& root = file.root;
        const std::string path = "site.json";
        if (!object(file, root, path,
                    {"$schema", "locales", "report_email", "disclaimer", "emergency"})) {
            return;
        }

        // locales first: every text check depends on them
        Site& site = bundle_.site;
        if (const auto* items = array(file, field(file, root, "locales", path), "locales", 1)) {
            std::set<std::string> seen;
            for (std::size_t i = 0; i < items->size(); ++i) {
                const JsonNode& item = (*items)[i];
                const std::string item_path = "locales[" + std::to_string(i) + "]";
                auto code = string(file, &item, item_path);
                if (!code) {
                    continue;
                }
                if (!is_known_locale(*code)) {
                    error(
                        file, "C028", item.position,
                        "unknown locale code " + quote(*code) + " in locales; use one of: " +
                            join(Fields(std::begin(kKnownLocales), std::end(kKnownLocales)), ", "));
                    continue;
                }
                if (!seen.insert(*code).second) {
                    error(file, "C038", item.position,
                          "locale " + quote(*code) + " is listed twice in locales; remove one");
                    continue;
                }
                if (i == 0 && *code != kFallbackLocale) {
                    error(file, "C038", item.position,
                          "locales must start with \"en\", found " + quote(*code) +
                              "; move \"en\" to the front");
                }
                site.locales.push_back(*code);
                locale_positions_[*code] = item.position;
            }
            if (seen.count(std::string(kFallbackLocale)) == 0 && !items->empty()) {
                error(file, "C038", root.find("locales")->position,
                      "locales must include \"en\" first; add it");
            }
        }
        if (!site.locales.empty()) {
            offered_ = site.locales;
            site_locales_known_ = true;
        }

        // the rest of the settings
        const JsonNode* email = field(file, root, "report_email", path);
        if (auto value = string(file, email, "report_email")) {
            if (is_email(*value)) {
                site.report_email = *value;
            } else {
                error(file, "C042", email->position,
                      "report_email " + quote(*value) +
                          " is not an e-mail address; write it "
                          "as name@example.org");
            }
        }
        text(file, field(file, root, "disclaimer", path), "disclaimer", TextKind::text,
             site.disclaimer);
        if (const auto* items = array(file, field(file, root, "emergency", path), "emergency", 1)) {
            for (std::size_t i = 0; i < items->size(); ++i) {
                const std::string item_path = "emergency[" + std::to_string(i) + "]";
                const JsonNode& item = (*items)[i];
                if (!object(file, item, item_path, {"label", "number"})) {
                    continue;
                }
                EmergencyNumber entry;
                text(file, field(file, item, "label", item_path), item_path + ".label",
                     TextKind::title, entry.label);
                const JsonNode* number = field(file, item, "number", item_path);
                if (auto value = string(file, number, item_path + ".number")) {
                    if (is_phone_number(*value)) {
                        entry.number = *value;
                        record_characters(file, *number, *value);
                    } else {
                        error(file, "C043", number->position,
                              item_path + ".number " + quote(*value) + " is not a phone " +
                                  "number; use digits, an optional leading +, and single " +
                                  "spaces or hyphens, e.g. \"112\"");
                    }
                }
                site.emergency.push_back(std::move(entry));
            }
        }
    }

    // Remembers the characters of a shown string for the font check and the subset list.
    void record_characters(FileState& file, const JsonNode& node, const std::string& value) {
        for (char32_t c : decode_utf8(value)) {
            if (c == '\n') {
                continue;
            }
            CodePointUse& use = code_points_[c];
            if (use.count++ == 0) {
                use.file = file.path;
                use.position = node.position;
            }
        }
    }

    // ---- [SECTION] categories -------------------------------------------------------------

    void read_categories(FileState& file) {
        const JsonNode& root = file.root;
        const std::string path = "categories.json";
        if (!object(file, root, path, {"$schema", "categories"})) {
            return;
        }
        const auto* items = array(file, field(file, root, "categories", path), "categories", 1);
        if (items == nullptr) {
            return;
        }
        categories_known_ = true;
        std::map<std::string, Position> seen;
        for (std::size_t i = 0; i < items->size(); ++i) {
            const std::string item_path = "categories[" + std::to_string(i) + "]";
            const JsonNode& item = (*items)[i];
            if (!object(file, item, item_path, {"id", "title"})) {
                continue;
            }
            Category category;
            const JsonNode* id_node = field(file, item, "id", item_path);
            auto id = slug(file, id_node, item_path + ".id");
            text(file, field(file, item, "title", item_path), item_path + ".title", TextKind::title,
                 category.title);
            if (!id) {
                continue;
            }
            if (auto it = seen.find(*id); it != seen.end()) {
                error(file, "C037", id_node->position,
                      "category id " + quote(*id) + " is used twice (first at " +
                          position_text(it->second) + "); ids must be unique");
                continue;
            }
            seen[*id] = id_node->position;
            category.id = *id;
            bundle_.categories.push_back(std::move(category));
            category_ids_.push_back(*id);
        }
    }

    // ---- [SECTION] ui ---------------------------------------------------------------------

    void read_ui(FileState& file) {
        const JsonNode& root = file.root;
        const std::string file_name = file.path.substr(kUiDir.size());
        const std::string stem = file_name.substr(0, file_name.size() - 5);
        const std::string path = "ui/" + file_name;
        if (!object(file, root, path, {"$schema", "locale", "name", "strings"})) {
            return;
        }
        UiStrings ui;
        bool locale_ok = false;
        const JsonNode* locale_node = field(file, root, "locale", path);
        if (auto locale = string(file, locale_node, "locale")) {
            if (!is_known_locale(*locale)) {
                error(file, "C028", locale_node->position,
                      "unknown locale code " + quote(*locale) + "; use one of: " +
                          join(Fields(std::begin(kKnownLocales), std::end(kKnownLocales)), ", "));
            } else if (*locale != stem) {
                error(file, "C035", locale_node->position,
                      "locale " + quote(*locale) + " does not match the file name " +
                          quote(file_name) + "; name the file " + quote(*locale + ".json") +
                          " or fix the locale");
            } else if (site_locales_known_ &&
                       std::find(offered_.begin(), offered_.end(), *locale) == offered_.end()) {
                error(file, "C029", locale_node->position,
                      "locale " + quote(*locale) +
                          " is not offered in content/site.json; add "
                          "it to \"locales\" there or remove this file");
            } else {
                locale_ok = true;
                ui.locale = *locale;
            }
        }
        const JsonNode* name = field(file, root, "name", path);
        if (name != nullptr && expect(file, *name, Type::string, "name")) {
            if (auto value = checked_text(file, *name, "name", TextKind::title)) {
                ui.name = *value;
            }
        }
        const JsonNode* strings = field(file, root, "strings", path);
        if (strings == nullptr || !expect(file, *strings, Type::object, "strings")) {
            return;
        }
        for (const JsonMember& member : strings->members) {
            const std::string key_path = "strings." + member.key;
            if (!is_ui_key(member.key)) {
                error(file, "C036", member.key_position,
                      "UI string key " + quote(member.key) +
                          " is not a dotted slug; use "
                          "lowercase words joined by dots, e.g. \"guide.fast_path\"");
                continue;
            }
            if (!expect(file, member.value, Type::string, key_path)) {
                continue;
            }
            if (auto value = checked_text(file, member.value, key_path, TextKind::text)) {
                ui.strings[member.key] = std::move(*value);
                ui_key_positions_[file.path][member.key] = member.key_position;
                ui_value_positions_[file.path][member.key] = member.value.position;
            }
        }
        if (locale_ok) {
            ui_files_[ui.locale] = &file;
            ui_strings_position_[ui.locale] = strings->position;
            bundle_.ui.push_back(std::move(ui));
        }
    }

    // Non-English UI files against en.json: unknown keys are errors, missing ones warn.
    void compare_ui() {
        const UiStrings* english = bundle_.find_ui(kFallbackLocale);
        if (english == nullptr) {
            return;
        }
        std::vector<std::string> english_keys;
        for (const auto& [key, value] : english->strings) {
            english_keys.push_back(key);
        }
        for (const UiStrings& ui : bundle_.ui) {
            if (ui.locale == kFallbackLocale) {
                continue;
            }
            FileState& file = *ui_files_[ui.locale];
            for (const auto& [key, value] : ui.strings) {
                if (auto it = english->strings.find(key); it != english->strings.end()) {
                    // the app fills placeholders by name: a translation needs the same ones
                    const std::set<std::string> wanted = placeholders(it->second);
                    if (placeholders(value) != wanted) {
                        const std::vector<std::string> names(wanted.begin(), wanted.end());
                        error(file, "C046", ui_value_positions_[file.path][key],
                              "UI string " + quote(key) + " must use the same placeholders as " +
                                  "in content/ui/en.json (" +
                                  (names.empty() ? std::string("none") : join(names, ", ")) +
                                  "); fix the names in braces");
                    }
                    continue;
                }
                std::string message =
                    "UI string key " + quote(key) + " is not in content/ui/en.json";
                if (auto suggestion = did_you_mean(key, english_keys)) {
                    message += "; did you mean " + quote(*suggestion) + "?";
                } else {
                    message += "; add it there first or remove it here";
                }
                error(file, "C034", ui_key_positions_[file.path][key], std::move(message));
            }
            std::vector<std::string> missing;
            for (const std::string& key : english_keys) {
                if (ui.strings.count(key) == 0) {
                    missing.push_back(key);
                }
            }
            if (!missing.empty()) {
                warning(file, "W003", ui_strings_position_[ui.locale],
                        std::to_string(missing.size()) + " of " +
                            std::to_string(english_keys.size()) + " UI strings have no " +
                            quote(ui.locale) + " translation (first: " + quote(missing[0]) +
                            "); the app shows English for them: translate them");
            }
        }
    }

    // ---- [SECTION] guides -----------------------------------------------------------------

    void read_guide(FileState& file, ParsedGuide& parsed) {
        const JsonNode& root = file.root;
        Guide& guide = parsed.guide;
        const std::string file_name = file.path.substr(kGuidesDir.size());
        const std::string stem = file_name.substr(0, file_name.size() - 5);
        const std::string path = "this guide";
        if (!object(file, root, path, {"$schema",  "id",    "category", "risk",       "status",
                                       "reviewed", "title", "summary",  "keywords",   "official",
                                       "route",    "steps", "needs",    "checklist",  "links",
                                       "traps",    "faq",   "sources",  "disclaimer", "related"})) {
            return;
        }

        // identity: the id names the file
        const JsonNode* id_node = field(file, root, "id", path);
        if (auto id = slug(file, id_node, "id")) {
            guide.id = *id;
            parsed.id_position = id_node->position;
            parsed.id_ok = true;
            if (*id != stem) {
                error(file, "C011", id_node->position,
                      "guide id " + quote(*id) + " does not match the file name " +
                          quote(file_name) + "; rename the file to " + quote(*id + ".json") +
                          " or change the id");
            }
        }
        const std::string from = guide.id.empty() ? stem : guide.id;
        const JsonNode* category = field(file, root, "category", path);
        if (auto value = string(file, category, "category")) {
            guide.category = *value;
            category_refs_.push_back({*value, file.path, category->position});
        }
        if (auto risk = enumeration(file, field(file, root, "risk", path), "risk", parse_risk,
                                    {"low", "moderate", "high"})) {
            guide.risk = *risk;
        }
        if (auto status = enumeration(file, field(file, root, "status", path), "status",
                                      parse_status, {"draft", "published"})) {
            guide.status = *status;
        }
        const JsonNode* reviewed = field(file, root, "reviewed", path);
        if (auto value = date(file, reviewed, "reviewed")) {
            guide.reviewed = format_date(*value);
            const Date limit = months_before(today_, kReviewMonths);
            if (days_from_civil(*value) < days_from_civil(limit)) {
                warning(file, "W002", reviewed->position,
                        "guide last reviewed " + guide.reviewed + ", more than " +
                            std::to_string(kReviewMonths) +
                            " months ago; check it against "
                            "its sources and update \"reviewed\"");
            }
        }

        // headline texts
        text(file, field(file, root, "title", path), "title", TextKind::title, guide.title);
        text(file, field(file, root, "summary", path), "summary", TextKind::summary, guide.summary);
        if (const JsonNode* keywords = field(file, root, "keywords", path, false)) {
            read_keywords(file, *keywords, guide.keywords);
        }
        if (const JsonNode* official = field(file, root, "official", path)) {
            if (object(file, *official, "official", {"url", "starts_with"})) {
                if (auto value =
                        url(file, field(file, *official, "url", "official"), "official.url")) {
                    guide.official.url = *value;
                }
                text(file, field(file, *official, "starts_with", "official"),
                     "official.starts_with", TextKind::link_label, guide.official.starts_with);
            }
        }
        if (const JsonNode* route = field(file, root, "route", path)) {
            if (object(file, *route, "route", {"before", "after"})) {
                guide_ids(file, field(file, *route, "before", "route"), "route.before", from,
                          GuideRef::Kind::before, guide.route.before);
                guide_ids(file, field(file, *route, "after", "route"), "route.after", from,
                          GuideRef::Kind::after, guide.route.after);
            }
        }

        // the body
        read_steps(file, field(file, root, "steps", path), guide);
        if (const auto* items = array(file, field(file, root, "needs", path), "needs", 1)) {
            for (std::size_t i = 0; i < items->size(); ++i) {
                const std::string item_path = "needs[" + std::to_string(i) + "]";
                const JsonNode& item = (*items)[i];
                if (!object(file, item, item_path, {"name", "text"})) {
                    continue;
                }
                Need need;
                text(file, field(file, item, "name", item_path), item_path + ".name",
                     TextKind::text, need.name);
                text(file, field(file, item, "text", item_path), item_path + ".text",
                     TextKind::text, need.text);
                guide.needs.push_back(std::move(need));
            }
        }
        read_checklist(file, field(file, root, "checklist", path), guide);
        read_links(file, field(file, root, "links", path), guide, from);
        if (const auto* items = array(file, field(file, root, "traps", path), "traps")) {
            for (std::size_t i = 0; i < items->size(); ++i) {
                const std::string item_path = "traps[" + std::to_string(i) + "]";
                const JsonNode& item = (*items)[i];
                if (!object(file, item, item_path, {"title", "advice"})) {
                    continue;
                }
                Trap trap;
                text(file, field(file, item, "title", item_path), item_path + ".title",
                     TextKind::title, trap.title);
                text(file, field(file, item, "advice", item_path), item_path + ".advice",
                     TextKind::text, trap.advice);
                guide.traps.push_back(std::move(trap));
            }
        }
        if (const auto* items = array(file, field(file, root, "faq", path), "faq")) {
            for (std::size_t i = 0; i < items->size(); ++i) {
                const std::string item_path = "faq[" + std::to_string(i) + "]";
                const JsonNode& item = (*items)[i];
                if (!object(file, item, item_path, {"question", "answer"})) {
                    continue;
                }
                FaqEntry entry;
                text(file, field(file, item, "question", item_path), item_path + ".question",
                     TextKind::text, entry.question);
                text(file, field(file, item, "answer", item_path), item_path + ".answer",
                     TextKind::text, entry.answer);
                guide.faq.push_back(std::move(entry));
            }
        }
        read_sources(file, field(file, root, "sources", path), guide);

        // closing matter
        if (const JsonNode* disclaimer = field(file, root, "disclaimer", path, false)) {
            guide.own_disclaimer = true;
            text(file, disclaimer, "disclaimer", TextKind::text, guide.disclaimer);
        }
        guide_ids(file, field(file, root, "related", path), "related", from,
                  GuideRef::Kind::related, guide.related);
    }

    void read_keywords(FileState& file, const JsonNode& node, Keywords& out) {
        if (!expect(file, node, Type::object, "keywords",
                    "an object of word lists by locale, e.g. {\"en\": [\"doctor\"]}")) {
            return;
        }
        for (const JsonMember& member : node.members) {
            const std::string locale_path = "keywords." + member.key;
            if (!locale_key(file, member, "keywords")) {
                continue;
            }
            const auto* items = array(file, &member.value, locale_path);
            if (items == nullptr) {
                continue;
            }
            std::vector<std::string>& words = out[member.key];
            for (std::size_t i = 0; i < items->size(); ++i) {
                const std::string item_path = locale_path + "[" + std::to_string(i) + "]";
                const JsonNode& item = (*items)[i];
                if (!expect(file, item, Type::string, item_path)) {
                    continue;
                }
                if (auto word = checked_text(file, item, item_path, TextKind::keyword)) {
                    words.push_back(std::move(*word));
                }
            }
        }
    }

    void read_steps(FileState& file, const JsonNode* node, Guide& guide) {
        const auto* items = array(file, node, "steps", kMinSteps, kMaxSteps);
        if (items == nullptr) {
            return;
        }
        std::map<std::string, Position> seen;
        for (std::size_t i = 0; i < items->size(); ++i) {
            const std::string step_path = "steps[" + std::to_string(i) + "]";
            const JsonNode& item = (*items)[i];
            if (!object(
                    file, item, step_path,
                    {"id", "kind", "title", "text", "tip", "substeps", "do", "check", "avoid"})) {
                continue;
            }
            Step step;
            const JsonNode* id_node = field(file, item, "id", step_path);
            if (auto id = slug(file, id_node, step_path + ".id")) {
                if (auto it = seen.find(*id); it != seen.end()) {
                    error(file, "C012", id_node->position,
                          "step id " + quote(*id) + " is used twice in this guide (first at " +
                              position_text(it->second) + "); ids must be unique");
                } else {
                    seen[*id] = id_node->position;
                }
                step.id = *id;
            }
            if (auto kind = enumeration(
                    file, field(file, item, "kind", step_path), step_path + ".kind",
                    parse_step_kind,
                    {"check", "browser", "documents", "call", "visit", "app", "payment", "wait"})) {
                step.kind = *kind;
            }
            text(file, field(file, item, "title", step_path), step_path + ".title", TextKind::title,
                 step.title);
            text(file, field(file, item, "text", step_path), step_path + ".text", TextKind::text,
                 step.text);
            text(file, field(file, item, "tip", step_path), step_path + ".tip", TextKind::text,
                 step.tip);
            const std::string substeps_path = step_path + ".substeps";
            if (const auto* labels = array(file, field(file, item, "substeps", step_path),
                                           substeps_path, kMinSubsteps, kMaxSubsteps)) {
                for (std::size_t k = 0; k < labels->size(); ++k) {
                    Text label;
                    text(file, &(*labels)[k], substeps_path + "[" + std::to_string(k) + "]",
                         TextKind::substep, label);
                    step.substeps.push_back(std::move(label));
                }
            }
            text(file, field(file, item, "do", step_path), step_path + ".do", TextKind::text,
                 step.do_);
            text(file, field(file, item, "check", step_path), step_path + ".check", TextKind::text,
                 step.check);
            text(file, field(file, item, "avoid", step_path), step_path + ".avoid", TextKind::text,
                 step.avoid);
            guide.steps.push_back(std::move(step));
        }
    }

    void read_checklist(FileState& file, const JsonNode* node, Guide& guide) {
        const auto* groups = array(file, node, "checklist", 1);
        if (groups == nullptr) {
            return;
        }
        std::map<std::string, Position> seen_groups;
        std::map<std::string, Position> seen_items;
        for (std::size_t i = 0; i < groups->size(); ++i) {
            const std::string group_path = "checklist[" + std::to_string(i) + "]";
            const JsonNode& item = (*groups)[i];
            if (!object(file, item, group_path, {"id", "title", "items"})) {
                continue;
            }
            ChecklistGroup group;
            const JsonNode* id_node = field(file, item, "id", group_path);
            if (auto id = slug(file, id_node, group_path + ".id")) {
                if (auto it = seen_groups.find(*id); it != seen_groups.end()) {
                    error(file, "C014", id_node->position,
                          "checklist group id " + quote(*id) + " is used twice in this guide " +
                              "(first at " + position_text(it->second) + "); ids must be unique");
                } else {
                    seen_groups[*id] = id_node->position;
                }
                group.id = *id;
            }
            text(file, field(file, item, "title", group_path), group_path + ".title",
                 TextKind::title, group.title);
            const std::string items_path = group_path + ".items";
            const auto* entries =
                array(file, field(file, item, "items", group_path), items_path, 1);
            if (entries != nullptr) {
                for (std::size_t k = 0; k < entries->size(); ++k) {
                    const std::string entry_path = items_path + "[" + std::to_string(k) + "]";
                    const JsonNode& entry = (*entries)[k];
                    if (!object(file, entry, entry_path, {"id", "text", "level"})) {
                        continue;
                    }
                    ChecklistItem checklist_item;
                    const JsonNode* item_id = field(file, entry, "id", entry_path);
                    if (auto id = slug(file, item_id, entry_path + ".id")) {
                        if (auto it = seen_items.find(*id); it != seen_items.end()) {
                            error(file, "C013", item_id->position,
                                  "checklist item id " + quote(*id) +
                                      " is used twice in this guide (first at " +
                                      position_text(it->second) + "); ids must be unique");
                        } else {
                            seen_items[*id] = item_id->position;
                        }
                        checklist_item.id = *id;
                    }
                    text(file, field(file, entry, "text", entry_path), entry_path + ".text",
                         TextKind::text, checklist_item.text);
                    if (auto level = enumeration(file, field(file, entry, "level", entry_path),
                                                 entry_path + ".level", parse_item_level,
                                                 {"required", "recommended"})) {
                        checklist_item.level = *level;
                    }
                    group.items.push_back(std::move(checklist_item));
                }
            }
            guide.checklist.push_back(std::move(group));
        }
    }

    void read_links(FileState& file, const JsonNode* node, Guide& guide, const std::string& from) {
        const auto* items = array(file, node, "links");
        if (items == nullptr) {
            return;
        }
        for (std::size_t i = 0; i < items->size(); ++i) {
            const std::string link_path = "links[" + std::to_string(i) + "]";
            const JsonNode& item = (*items)[i];
            if (!object(file, item, link_path, {"label", "kind", "url", "guide"})) {
                continue;
            }
            Link link;
            text(file, field(file, item, "label", link_path), link_path + ".label",
                 TextKind::link_label, link.label);
            auto kind = enumeration(file, field(file, item, "kind", link_path), link_path + ".kind",
                                    parse_link_kind, {"official", "provider", "guide"});
            if (!kind) {
                continue;
            }
            link.kind = *kind;

            // a guide link names a guide; the other kinds name a URL
            const bool to_guide = *kind == LinkKind::guide;
            const char* needed = to_guide ? "guide" : "url";
            const char* other = to_guide ? "url" : "guide";
            if (const JsonNode* wrong = item.find(other)) {
                const JsonMember* member = nullptr;
                for (const JsonMember& candidate : item.members) {
                    if (candidate.key == other) {
                        member = &candidate;
                    }
                }
                error(file, "C044", member != nullptr ? member->key_position : wrong->position,
                      std::string("a link of kind \"") + std::string(to_string(*kind)) +
                          "\" takes \"" + needed + "\", not \"" + other + "\"; remove \"" + other +
                          "\"");
            }
            const JsonNode* target = field(file, item, needed, link_path);
            if (to_guide) {
                if (auto id = string(file, target, link_path + ".guide")) {
                    link.guide = *id;
                    refs_.push_back({GuideRef::Kind::link, from, *id, file.path, target->position});
                }
            } else if (auto value = url(file, target, link_path + ".url")) {
                link.url = *value;
            }
            guide.links.push_back(std::move(link));
        }
    }

    void read_sources(FileState& file, const JsonNode* node, Guide& guide) {
        const auto* items = array(file, node, "sources", 1);
        if (items == nullptr) {
            return;
        }
        for (std::size_t i = 0; i < items->size(); ++i) {
            const std::string source_path = "sources[" + std::to_string(i) + "]";
            const JsonNode& item = (*items)[i];
            if (!object(file, item, source_path, {"title", "publisher", "url", "checked"})) {
                continue;
            }
            Source source;
            text(file, field(file, item, "title", source_path), source_path + ".title",
                 TextKind::title, source.title);
            text(file, field(file, item, "publisher", source_path), source_path + ".publisher",
                 TextKind::text, source.publisher);
            if (auto value =
                    url(file, field(file, item, "url", source_path), source_path + ".url")) {
                source.url = *value;
            }
            if (auto value = date(file, field(file, item, "checked", source_path),
                                  source_path + ".checked")) {
                source.checked = format_date(*value);
            }
            guide.sources.push_back(std::move(source));
        }
    }

    // ---- [SECTION] references ---------------------------------------------------------

    void check_references() {
        std::vector<std::string> ids;
        std::map<std::string, const Guide*> by_id;
        for (const ParsedGuide& parsed : guides_) {
            if (parsed.id_ok) {
                ids.push_back(parsed.guide.id);
                by_id.emplace(parsed.guide.id, &parsed.guide);
            }
        }

        // categories
        for (const CategoryRef& ref : category_refs_) {
            if (!categories_known_ || std::find(category_ids_.begin(), category_ids_.end(),
                                                ref.target) != category_ids_.end()) {
                continue;
            }
            std::string message =
                "category " + quote(ref.target) + " does not exist in content/categories.json";
            if (auto suggestion = did_you_mean(ref.target, category_ids_)) {
                message += "; did you mean " + quote(*suggestion) + "?";
            } else {
                message += "; use one of: " + join(category_ids_, ", ");
            }
            report(Severity::error, "C015", ref.file, ref.position, std::move(message));
        }

        // guide references: exist, not self, not listed twice in the same list
        std::map<std::tuple<std::string, int, std::string>, Position> listed;
        // keyed by file, not guide id: two files may claim the same id (C010)
        for (const GuideRef& ref : refs_) {
            const char* list = ref.kind == GuideRef::Kind::before    ? "route.before"
                               : ref.kind == GuideRef::Kind::after   ? "route.after"
                               : ref.kind == GuideRef::Kind::related ? "related"
                                                                     : "links";
            if (ref.target == ref.from) {
                report(Severity::error, "C040", ref.file, ref.position,
                       std::string(list) + " names this guide itself; remove the entry");
                continue;
            }
            const auto key = std::make_tuple(ref.file, static_cast<int>(ref.kind), ref.target);
            if (auto it = listed.find(key); it != listed.end()) {
                report(Severity::error, "C041", ref.file, ref.position,
                       "guide " + quote(ref.target) + " is listed twice in " + list +
                           " (first at " + position_text(it->second) + "); remove one");
                continue;
            }
            listed.emplace(key, ref.position);
            auto target = by_id.find(ref.target);
            if (target == by_id.end()) {
                std::string message =
                    "guide " + quote(ref.target) + " in " + list + " does not exist";
                if (auto suggestion = did_you_mean(ref.target, ids)) {
                    message += "; did you mean " + quote(*suggestion) + "?";
                } else {
                    message += "; check the id or add content/guides/" + ref.target + ".json";
                }
                report(Severity::error, "C016", ref.file, ref.position, std::move(message));
                continue;
            }

            // a published guide should not send readers to a draft
            const Guide* from = by_id.count(ref.from) != 0 ? by_id[ref.from] : nullptr;
            if (from != nullptr && !from->is_draft() && target->second->is_draft()) {
                report(Severity::warning, "W004", ref.file, ref.position,
                       "published guide refers to draft guide " + quote(ref.target) + " in " +
                           list +
                           "; the app hides drafts: publish it or remove "
                           "the reference");
            }
            if (ref.kind == GuideRef::Kind::before) {
                edges_[ref.target].push_back({ref.from, &ref});
            } else if (ref.kind == GuideRef::Kind::after) {
                edges_[ref.from].push_back({ref.target, &ref});
            }
        }
        check_cycles();
    }

    struct Edge {
        std::string to;
        const GuideRef* ref;
    };

    // Depth-first search over "comes before" edges; a back edge closes a cycle.
    void check_cycles() {
        std::map<std::string, int> state;
        std::vector<std::string> stack;
        std::set<std::set<std::string>> reported;
        std::function<void(const std::string&)> visit = [&](const std::string& node) {
            state[node] = 1;
            stack.push_back(node);
            for (const Edge& edge : edges_[node]) {
                if (state[edge.to] == 1) {
                    // the cycle is the stack from edge.to up to node, then back to edge.to
                    auto start = std::find(stack.begin(), stack.end(), edge.to);
                    std::vector<std::string> cycle(start, stack.end());
                    std::set<std::string> members(cycle.begin(), cycle.end());
                    cycle.push_back(edge.to);
                    if (reported.insert(members).second) {
                        report(Severity::error, "C017", edge.ref->file, edge.ref->position,
                               "route cycle: " + join(cycle, " -> ") +
                                   "; a guide cannot come both before and after another: "
                                   "remove one of these route entries");
                    }
                } else if (state[edge.to] == 0) {
                    visit(edge.to);
                }
            }
            stack.pop_back();
            state[node] = 2;
        };
        for (const ParsedGuide& parsed : guides_) {
            if (parsed.id_ok && state[parsed.guide.id] == 0) {
                visit(parsed.guide.id);
            }
        }
    }

    // ---- [SECTION] fonts --------------------------------------------------------------

    void check_fonts() {
        if (!options_.font_covers) {
            return;
        }
        for (const auto& [code_point, use] : code_points_) {
            if (options_.font_covers(code_point)) {
                continue;
            }
            report(Severity::error, "C031", use.file, use.position,
                   "character \"" + encode_utf8(code_point) + "\" (" + hex_code_point(code_point) +
                       ") is not covered by the shipped fonts " + "(used " +
                       std::to_string(use.count) + (use.count == 1 ? " time" : " times") +
                       ", first here); replace it or ship a font that has it");
        }
    }

    void translation_warnings(const FileState& file) {
        for (const auto& [locale, count] : file.missing_translations) {
            if (count == 0) {
                continue;
            }
            warning(file, "W001", file.root.position,
                    std::to_string(count) + " of " + std::to_string(file.text_count) +
                        " texts have no " + quote(locale) + " translation; the app shows " +
                        "English for them: translate them");
        }
    }

    // ---- state ------------------------------------------------------------------------

    const std::vector<SourceFile>& files_;
    const CompileOptions& options_;
    CompileResult result_;
    Bundle bundle_;
    Date today_;
    std::vector<std::string> offered_{std::string(kFallbackLocale)};
    bool site_locales_known_ = false;
    std::map<std::string, Position> locale_positions_;
    std::vector<std::string> category_ids_;
    bool categories_known_ = false;
    std::map<std::string, FileState*> ui_files_;
    std::map<std::string, Position> ui_strings_position_;
    std::map<std::string, std::map<std::string, Position>> ui_key_positions_;
    std::map<std::string, std::map<std::string, Position>> ui_value_positions_;
    std::vector<ParsedGuide> guides_;
    std::vector<GuideRef> refs_;
    std::vector<CategoryRef> category_refs_;
    std::map<std::string, std::vector<Edge>> edges_;
    std::map<char32_t, CodePointUse> code_points_;
    // objects and the field names their unknown fields probably meant
    std::set<std::pair<const JsonNode*, std::string>> misspelt_;
};

CompileResult Compiler::run() {
    // today's date comes from the caller so that tests are repeatable
    DateProblem problem = DateProblem::none;
    if (auto today = parse_date(options_.today, &problem)) {
        today_ = *today;
    } else {
        report(Severity::error, "C023", "(options)", {},
               "today's date " + quote(options_.today) + " is not YYYY-MM-DD");
    }

    // sort the inputs into their roles
    const SourceFile* site = nullptr;
    const SourceFile* categories = nullptr;
    std::vector<const SourceFile*> ui_sources;
    std::vector<const SourceFile*> guide_sources;
    for (const SourceFile& source : files_) {
        if (source.path == kSitePath) {
            site = &source;
        } else if (source.path == kCategoriesPath) {
            categories = &source;
        } else if (source.path.rfind(kUiDir, 0) == 0 && ends_with(source.path, ".json") &&
                   source.path.find('/', kUiDir.size()) == std::string::npos) {
            ui_sources.push_back(&source);
        } else if (source.path.rfind(kGuidesDir, 0) == 0 && ends_with(source.path, ".json") &&
                   source.path.find('/', kGuidesDir.size()) == std::string::npos) {
            guide_sources.push_back(&source);
        }
    }
    auto by_path = [](const SourceFile* a, const SourceFile* b) { return a->path < b->path; };
    std::sort(ui_sources.begin(), ui_sources.end(), by_path);
    std::sort(guide_sources.begin(), guide_sources.end(), by_path);

    // file states live in a list whose addresses do not move
    std::vector<FileState> states(2 + ui_sources.size() + guide_sources.size());
    std::size_t next_state = 0;
    auto missing = [&](const std::string& path, const std::string& why) {
        report(Severity::error, "C004", path, {}, "missing file " + path + "; " + why);
    };

    // site.json, then categories.json: texts elsewhere depend on the offered locales
    FileState& site_state = states[next_state++];
    site_state.path = kSitePath;
    if (site == nullptr) {
        missing(kSitePath, "create it with the offered locales and site settings");
    } else if (parse(site_state, *site)) {
        read_site(site_state);
    }
    FileState& categories_state = states[next_state++];
    categories_state.path = kCategoriesPath;
    if (categories == nullptr) {
        missing(kCategoriesPath, "create it with the list of guide categories");
    } else if (parse(categories_state, *categories)) {
        read_categories(categories_state);
    }

    // UI strings
    for (const SourceFile* source : ui_sources) {
        FileState& state = states[next_state++];
        if (parse(state, *source)) {
            read_ui(state);
        }
    }
    if (std::none_of(ui_sources.begin(), ui_sources.end(),
                     [](const SourceFile* s) { return s->path == kUiDir + "en.json"; })) {
        missing(kUiDir + "en.json", "it holds the reference set of UI strings");
    }
    compare_ui();
    if (site_locales_known_) {
        for (const std::string& locale : offered_) {
            const bool has_file = std::any_of(
                ui_sources.begin(), ui_sources.end(),
                [&](const SourceFile* s) { return s->path == kUiDir + locale + ".json"; });
            if (!has_file && locale != kFallbackLocale) {
                error(site_state, "C039", locale_positions_[locale],
                      "locale " + quote(locale) + " is offered but content/ui/" + locale +
                          ".json is missing; add the file or remove the locale");
            }
        }
    }

    // guides, then everything that looks across guides
    if (guide_sources.empty()) {
        report(Severity::error, "C045", kGuidesDir, {},
               "no guides found in " + kGuidesDir + "; add at least one <id>.json");
    }
    guides_.reserve(guide_sources.size());
    std::map<std::string, std::string> guide_files;
    for (const SourceFile* source : guide_sources) {
        FileState& state = states[next_state++];
        if (!parse(state, *source)) {
            continue;
        }
        guides_.emplace_back();
        ParsedGuide& parsed = guides_.back();
        read_guide(state, parsed);
        if (!parsed.id_ok) {
            continue;
        }
        auto [it, fresh] = guide_files.emplace(parsed.guide.id, state.path);
        if (!fresh) {
            error(state, "C010", parsed.id_position,
                  "guide id " + quote(parsed.guide.id) + " is already used by " + it->second +
                      "; ids must be unique");
            parsed.id_ok = false;
        }
    }
    check_references();
    check_fonts();
    for (std::size_t i = 0; i < next_state; ++i) {
        if (states[i].parsed) {
            translation_warnings(states[i]);
        }
    }

    // sort by file (in reading order), then position
    std::map<std::string, std::size_t> order;
    for (std::size_t i = 0; i < next_state; ++i) {
        order.emplace(states[i].path, i + 1);
    }
    std::stable_sort(result_.diagnostics.begin(), result_.diagnostics.end(),
                     [&](const Diagnostic& a, const Diagnostic& b) {
                         const std::size_t fa = order.count(a.file) ? order[a.file] : 0;
                         const std::size_t fb = order.count(b.file) ? order[b.file] : 0;
                         if (fa != fb) {
                             return fa < fb;
                         }
                         if (a.line != b.line) {
                             return a.line < b.line;
                         }
                         return a.column < b.column;
                     });
    for (const Diagnostic& diagnostic : result_.diagnostics) {
        (diagnostic.severity == Severity::error ? result_.errors : result_.warnings) += 1;
    }
    result_.guide_count = guide_sources.size();

    // the code point list is useful even when there are errors
    std::set<char32_t> points;
    for (char32_t c = 0x20; c < 0x7F; ++c) {
        points.insert(c);
    }
    for (const auto& [code_point, use] : code_points_) {
        points.insert(code_point);
    }
    result_.code_points.assign(points.begin(), points.end());
    if (result_.errors != 0) {
        return std::move(result_);
    }

    // resolve defaults and revisions, then write the bundle
    auto english_first = [&](const UiStrings& a, const UiStrings& b) {
        auto rank = [&](const std::string& locale) {
            return std::find(offered_.begin(), offered_.end(), locale) - offered_.begin();
        };
        return rank(a.locale) < rank(b.locale);
    };
    std::stable_sort(bundle_.ui.begin(), bundle_.ui.end(), english_first);
    for (ParsedGuide& parsed : guides_) {
        Guide& guide = parsed.guide;
        if (!guide.own_disclaimer) {
            guide.disclaimer = bundle_.site.disclaimer;
        }
        guide.revision = guide_revision(guide);
        bundle_.guides.push_back(std::move(guide));
    }
    result_.files = write_bundle(bundle_);
    result_.bundle = std::move(bundle_);
    return std::move(result_);
}

}  // namespace

// ---- [SECTION] output -------------------------------------------------------------------

CompileResult compile_content(const std::vector<SourceFile>& files, const CompileOptions& options) {
    Compiler compiler(files, options);
    return compiler.run();
}

bool read_content_tree(const std::string& root, std::vector<SourceFile>& files,
                       std::string* error) {
    namespace fs = std::filesystem;
    const fs::path base(root);

    auto read = [&](const fs::path& relative) {
        const fs::path full = base / relative;
        std::error_code code;
        if (!fs::is_regular_file(full, code)) {
            return true;
        }
        std::ifstream stream(full, std::ios::binary);
        std::ostringstream text;
        text << stream.rdbuf();
        if (!stream) {
            if (error != nullptr) {
                *error = "cannot read " + full.string();
            }
            return false;
        }
        files.push_back({relative.generic_string(), text.str()});
        return true;
    };

    // the two fixed files, then each directory's .json files sorted by name
    if (!read("content/site.json") || !read("content/categories.json")) {
        return false;
    }
    for (const char* directory : {"content/ui", "content/guides"}) {
        std::error_code code;
        std::vector<fs::path> names;
        for (fs::directory_iterator it(base / directory, code), end; !code && it != end;
             it.increment(code)) {
            if (it->path().extension() == ".json") {
                names.push_back(fs::path(directory) / it->path().filename());
            }
        }
        std::sort(names.begin(), names.end());
        for (const fs::path& name : names) {
            if (!read(name)) {
                return false;
            }
        }
    }
    return true;
}

std::string guide_revision(const Guide& guide) {
    // steps in order; checklist items sorted, since their order does not affect progress
    std::string input = "steps\n";
    for (const Step& step : guide.steps) {
        input += step.id;
        input += '\n';
    }
    std::vector<std::string> items;
    for (const ChecklistGroup& group : guide.checklist) {
        for (const ChecklistItem& item : group.items) {
            items.push_back(item.id + ":" + std::string(to_string(item.level)));
        }
    }
    std::sort(items.begin(), items.end());
    input += "items\n";
    for (const std::string& item : items) {
        input += item;
        input += '\n';
    }
    char buffer[24];
    std::snprintf(buffer, sizeof buffer, "%016llx",
                  static_cast<unsigned long long>(fnv1a64(input)));
    return buffer;
}

std::string bundle_cpp_source(std::string_view bundle_bytes) {
    std::string out =
        "// Generated by ruvoya-contentc from content/: the compiled content bundle.\n"
        "// Do not edit; run `make content` instead.\n"
        "namespace ruvoya {\n"
        "extern const unsigned char ruvoya_bundle_data[];\n"
        "extern const unsigned long ruvoya_bundle_size;\n"
        "const unsigned long ruvoya_bundle_size = " +
        std::to_string(bundle_bytes.size()) +
        "UL;\n"
        "const unsigned char ruvoya_bundle_data[] = {\n";

    // decimal bytes, wrapped below 100 columns; a zero byte ends the data
    std::string line;
    auto flush = [&]() {
        out += line;
        out += '\n';
        line.clear();
    };
    for (char c : bundle_bytes) {
        const std::string item = std::to_string(static_cast<unsigned char>(c)) + ",";
        if (line.size() + item.size() > 96) {
            flush();
        }
        line += item;
    }
    line += "0";
    flush();
    out += "};\n}  // namespace ruvoya\n";
    return out;
}

std::string code_points_text(const std::vector<char32_t>& code_points) {
    std::string out;
    char buffer[16];
    for (char32_t c : code_points) {
        std::snprintf(buffer, sizeof buffer, "%X\n", static_cast<unsigned>(c));
        out += buffer;
    }
    return out;
}

std::string summary_line(const CompileResult& result) {
    return "contentc: " + std::to_string(result.guide_count) + " guides, " +
           std::to_string(result.errors) + " errors, " + std::to_string(result.warnings) +
           " warnings";
}

}  // namespace ruvoya::content
