// The strict content compiler: validates the authored content tree (site.json,
// categories.json, ui/*.json, guides/*.json) and turns it into the bundle the app embeds.
// It works on files already read into memory, so tests can run it in-process; reading a
// tree from disk is a separate helper. No exceptions are used.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/content/diagnostics.hpp"
#include "core/content/bundle.hpp"
#include "core/content/model.hpp"

namespace ruvoya::content {

// One input file. `path` is relative to the root given to the compiler and uses '/',
// e.g. "content/guides/sim-card.json"; it is the path diagnostics name.
struct SourceFile {
    std::string path;
    std::string text;
};

struct CompileOptions {
    // today's date (YYYY-MM-DD): later dates are errors, reviews older than 12 months warn
    std::string today;
    // answers whether the shipped fonts draw a code point; when empty the check is skipped
    std::function<bool(char32_t)> font_covers;
    // report warnings as errors
    bool warnings_as_errors = false;
};

// Text length limits in characters, after trimming.
inline constexpr std::size_t kTitleLimit = 90;
inline constexpr std::size_t kSummaryLimit = 200;
inline constexpr std::size_t kSubstepLimit = 40;
inline constexpr std::size_t kLinkLabelLimit = 80;
inline constexpr std::size_t kKeywordLimit = 40;
inline constexpr std::size_t kTextLimit = 700;
// a guide's number of steps and a step's number of substeps
inline constexpr std::size_t kMinSteps = 1;
inline constexpr std::size_t kMaxSteps = 12;
inline constexpr std::size_t kMinSubsteps = 2;
inline constexpr std::size_t kMaxSubsteps = 5;
// a review older than this many months gets warning W002
inline constexpr int kReviewMonths = 12;

struct CompileResult {
    // sorted by file, then line and column
    std::vector<Diagnostic> diagnostics;
    std::size_t errors = 0;
    std::size_t warnings = 0;
    std::size_t guide_count = 0;
    // the validated content; complete only when there is no error
    Bundle bundle;
    // write_bundle(bundle): bundle.bin and bodies.bin; empty when there is an error
    BundleFiles files;
    // every code point the content and UI strings use plus printable ASCII, ascending
    std::vector<char32_t> code_points;

    bool ok() const { return errors == 0; }
};

// Validates `files` and, when there is no error, builds the bundle.
CompileResult compile_content(const std::vector<SourceFile>& files, const CompileOptions& options);

// Reads <root>/content/site.json, categories.json, ui/*.json and guides/*.json (sorted by
// name). A required file that is missing is left out: compile_content reports it.
// Returns false, with a message in `error`, only when a file exists but cannot be read.
bool read_content_tree(const std::string& root, std::vector<SourceFile>& files, std::string* error);

// The revision of a guide: 16 hex digits of FNV-1a 64 over its step ids in order and its
// checklist item ids with their levels (sorted by id). Texts do not affect it.
std::string guide_revision(const Guide& guide);

// A C++ source defining ruvoya::ruvoya_bundle_data (the bytes of `bundle_bytes` followed by
// a terminating zero) and ruvoya::ruvoya_bundle_size (the byte count without the zero):
// how the app carries the bundle's head.
std::string bundle_cpp_source(std::string_view bundle_bytes);

// One code point per line as hex digits (e.g. "41"), the form hb-subset --unicodes-file
// reads.
std::string code_points_text(const std::vector<char32_t>& code_points);

// "contentc: N guides, N errors, N warnings"
std::string summary_line(const CompileResult& result);

}  // namespace ruvoya::content
