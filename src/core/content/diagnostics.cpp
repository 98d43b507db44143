// Lookup in the diagnostic code table and the compiler-style formatting of a diagnostic.
#include "core/content/diagnostics.hpp"

namespace ruvoya::content {

const DiagnosticInfo* find_diagnostic(std::string_view code) {
    for (const DiagnosticInfo& info : kDiagnosticTable) {
        if (info.code == code) {
            return &info;
        }
    }
    return nullptr;
}

std::string format_diagnostic(const Diagnostic& diagnostic) {
    std::string out = diagnostic.file;
    out += ':';
    out += std::to_string(diagnostic.line);
    out += ':';
    out += std::to_string(diagnostic.column);
    out += diagnostic.severity == Severity::error ? ": error[" : ": warning[";
    out += diagnostic.code;
    out += "]: ";
    out += diagnostic.message;
    return out;
}

}  // namespace ruvoya::content
