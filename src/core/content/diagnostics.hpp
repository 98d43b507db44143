// Diagnostics of the content compiler: every error and warning has a stable code, a file,
// a 1-based line and column and a message that says what to do. The table below is the
// one list of codes; docs/content-errors.md explains each one for authors.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ruvoya::content {

enum class Severity { error, warning };

// One entry of the code table.
struct DiagnosticInfo {
    std::string_view code;
    Severity severity;
    // what the check is about, in a few words (for docs and --list-codes)
    std::string_view summary;
};

// clang-format off
inline constexpr DiagnosticInfo kDiagnosticTable[] = {
    {"C001", Severity::error, "JSON syntax error"},
    {"C002", Severity::error, "file is not valid UTF-8"},
    {"C003", Severity::error, "the same key twice in one object"},
    {"C004", Severity::error, "a required file is missing or unreadable"},
    {"C005", Severity::error, "value has the wrong type"},
    {"C006", Severity::error, "required field is missing"},
    {"C007", Severity::error, "unknown field"},
    {"C008", Severity::error, "value is not one of the allowed values"},
    {"C009", Severity::error, "id is not a valid slug"},
    {"C010", Severity::error, "guide id is used twice"},
    {"C011", Severity::error, "guide file name does not match its id"},
    {"C012", Severity::error, "step id is used twice in a guide"},
    {"C013", Severity::error, "checklist item id is used twice in a guide"},
    {"C014", Severity::error, "checklist group id is used twice in a guide"},
    {"C015", Severity::error, "category does not exist"},
    {"C016", Severity::error, "guide reference does not resolve"},
    {"C017", Severity::error, "route graph has a cycle"},
    {"C018", Severity::error, "URL is not https"},
    {"C019", Severity::error, "URL has no valid host"},
    {"C020", Severity::error, "URL carries credentials"},
    {"C021", Severity::error, "javascript: URL"},
    {"C022", Severity::error, "URL contains whitespace or control characters"},
    {"C023", Severity::error, "date is not written YYYY-MM-DD"},
    {"C024", Severity::error, "date does not exist in the calendar"},
    {"C025", Severity::error, "date is in the future"},
    {"C026", Severity::error, "text is empty"},
    {"C027", Severity::error, "text is too long"},
    {"C028", Severity::error, "unknown locale code"},
    {"C029", Severity::error, "locale is not offered in site.json"},
    {"C030", Severity::error, "English text is missing"},
    {"C031", Severity::error, "character is not covered by the shipped fonts"},
    {"C032", Severity::error, "text contains a control character"},
    {"C033", Severity::error, "list has too few or too many entries"},
    {"C034", Severity::error, "UI string key is not in en.json"},
    {"C035", Severity::error, "UI file's locale does not match its file name"},
    {"C036", Severity::error, "UI string key is not a dotted slug"},
    {"C037", Severity::error, "category id is used twice"},
    {"C038", Severity::error, "site locales are not unique or English is not first"},
    {"C039", Severity::error, "offered locale has no UI string file"},
    {"C040", Severity::error, "guide refers to itself"},
    {"C041", Severity::error, "the same guide is listed twice"},
    {"C042", Severity::error, "e-mail address is not valid"},
    {"C043", Severity::error, "phone number is not valid"},
    {"C044", Severity::error, "field is not allowed for this link kind"},
    {"C045", Severity::error, "no guides found"},
    {"C046", Severity::error, "UI string placeholders differ from English"},
    {"W001", Severity::warning, "texts are missing a translation"},
    {"W002", Severity::warning, "guide not reviewed in the last 12 months"},
    {"W003", Severity::warning, "UI strings are missing a translation"},
    {"W004", Severity::warning, "published guide links to a draft"},
};
// clang-format on

// The table entry for `code`, or null for an unknown code.
const DiagnosticInfo* find_diagnostic(std::string_view code);

struct Diagnostic {
    Severity severity = Severity::error;
    std::string code;
    // path as given relative to the content root, e.g. "content/guides/sim-card.json"
    std::string file;
    // 1-based; column counts Unicode characters (code points), not bytes
    std::size_t line = 1;
    std::size_t column = 1;
    std::string message;
};

// "file:line:col: error[C017]: message" (or "warning[W002]").
std::string format_diagnostic(const Diagnostic& diagnostic);

}  // namespace ruvoya::content
