// ruvoya-contentc: validates the content tree and writes the bundle the app loads.
//
//   ruvoya-contentc --root <dir> --out <dir> [--font <ttf> ...] [--today YYYY-MM-DD]
//                   [--werror]
//
// Reads <root>/content/{site.json,categories.json,ui/*.json,guides/*.json} and, when
// there is no error, writes <out>/bundle.bin (the bundle's head), <out>/bundle.cpp (the
// head as C++ data for the app), <out>/bodies.bin and <out>/codepoints.txt.
// Diagnostics go to stderr like a compiler's. Exit code 0 on success, 1 on any error.
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#define STB_TRUETYPE_IMPLEMENTATION
#include "imstb_truetype.h"

#include "core/content/compiler.hpp"

namespace {

namespace fs = std::filesystem;
using namespace ruvoya::content;

const char* const kUsage =
    "usage: ruvoya-contentc --root <dir> --out <dir> [--font <ttf> ...]\n"
    "                       [--today YYYY-MM-DD] [--werror]\n"
    "  --root    directory holding content/ (e.g. the repository root)\n"
    "  --out     directory for bundle.bin, bundle.cpp, bodies.bin and codepoints.txt\n"
    "  --font    a TTF the app ships; characters no font covers are errors (repeatable)\n"
    "  --today   the date to check dates against (default: today, UTC)\n"
    "  --werror  treat warnings as errors\n";

struct Arguments {
    std::string root;
    std::string out;
    std::vector<std::string> fonts;
    std::string today;
    bool werror = false;
};

bool parse_arguments(int argc, char** argv, Arguments& args) {
    for (int i = 1; i < argc; ++i) {
        const std::string flag = argv[i];
        auto value = [&](std::string& out) {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "contentc: %s needs a value\n", flag.c_str());
                return false;
            }
            out = argv[++i];
            return true;
        };
        if (flag == "--root") {
            if (!value(args.root)) {
                return false;
            }
        } else if (flag == "--out") {
            if (!value(args.out)) {
                return false;
            }
        } else if (flag == "--font") {
            std::string font;
            if (!value(font)) {
                return false;
            }
            args.fonts.push_back(font);
        } else if (flag == "--today") {
            if (!value(args.today)) {
                return false;
            }
        } else if (flag == "--werror") {
            args.werror = true;
        } else {
            std::fprintf(stderr, "contentc: unknown argument %s\n", flag.c_str());
            return false;
        }
    }
    if (args.root.empty() || args.out.empty()) {
        std::fputs("contentc: --root and --out are required\n", stderr);
        return false;
    }
    return true;
}

std::string today_utc() {
    const std::time_t now = std::time(nullptr);
    std::tm parts{};
    gmtime_r(&now, &parts);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &parts);
    return buffer;
}

bool read_file(const std::string& path, std::string& out) {
    std::ifstream stream(path, std::ios::binary);
    if (!stream) {
        return false;
    }
    out.assign(std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>());
    return static_cast<bool>(stream) || stream.eof();
}

// Writes `text` unless the file already holds exactly it, so builds stay incremental.
bool write_if_changed(const fs::path& path, const std::string& text) {
    std::string current;
    if (read_file(path.string(), current) && current == text) {
        return true;
    }
    std::ofstream stream(path, std::ios::binary | std::ios::trunc);
    stream << text;
    return static_cast<bool>(stream);
}

// The shipped fonts, loaded with stb_truetype to answer which code points they draw.
class FontSet {
public:
    bool load(const std::string& path) {
        auto font = std::make_unique<Font>();
        if (!read_file(path, font->data)) {
            return false;
        }
        const auto* bytes = reinterpret_cast<const unsigned char*>(font->data.data());
        const int offset = stbtt_GetFontOffsetForIndex(bytes, 0);
        if (offset < 0 || !stbtt_InitFont(&font->info, bytes, offset)) {
            return false;
        }
        fonts_.push_back(std::move(font));
        return true;
    }

    bool covers(char32_t code_point) const {
        for (const auto& font : fonts_) {
            if (stbtt_FindGlyphIndex(&font->info, static_cast<int>(code_point)) != 0) {
                return true;
            }
        }
        return false;
    }

private:
    struct Font {
        std::string data;
        stbtt_fontinfo info{};
    };
    // held by pointer: stbtt_fontinfo points into its font's data, which must not move
    std::vector<std::unique_ptr<Font>> fonts_;
};

}  // namespace

int main(int argc, char** argv) {
    Arguments args;
    if (!parse_arguments(argc, argv, args)) {
        std::fputs(kUsage, stderr);
        return 1;
    }

    // fonts: each must load, or the coverage check would be silently weaker
    FontSet fonts;
    for (const std::string& path : args.fonts) {
        if (!fonts.load(path)) {
            std::fprintf(stderr, "contentc: cannot load font %s\n", path.c_str());
            return 1;
        }
    }

    // read and compile
    std::vector<SourceFile> files;
    std::string error;
    if (!read_content_tree(args.root, files, &error)) {
        std::fprintf(stderr, "contentc: %s\n", error.c_str());
        return 1;
    }
    CompileOptions options;
    options.today = args.today.empty() ? today_utc() : args.today;
    options.warnings_as_errors = args.werror;
    if (!args.fonts.empty()) {
        options.font_covers = [&fonts](char32_t c) { return fonts.covers(c); };
    }
    const CompileResult result = compile_content(files, options);
    for (const Diagnostic& diagnostic : result.diagnostics) {
        std::fprintf(stderr, "%s\n", format_diagnostic(diagnostic).c_str());
    }
    std::fprintf(stderr, "%s\n", summary_line(result).c_str());
    if (!result.ok()) {
        return 1;
    }

    // outputs
    std::error_code code;
    const fs::path out(args.out);
    fs::create_directories(out, code);
    const bool written =
        write_if_changed(out / "bundle.bin", result.files.head) &&
        write_if_changed(out / "bundle.cpp", bundle_cpp_source(result.files.head)) &&
        write_if_changed(out / "bodies.bin", result.files.bodies) &&
        write_if_changed(out / "codepoints.txt", code_points_text(result.code_points));
    if (!written) {
        std::fprintf(stderr, "contentc: cannot write into %s\n", args.out.c_str());
        return 1;
    }
    return 0;
}
