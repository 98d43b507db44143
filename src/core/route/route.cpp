// Parsing and formatting hash routes (see route.hpp for the list of routes).
#include "core/route/route.hpp"

#include <array>
#include <utility>
#include <vector>

#include "core/text/text.hpp"

namespace ruvoya::route {

namespace {

// Ids in routes are slugs of at most this many bytes, like the content's ids.
constexpr std::size_t kMaxIdLength = 100;

constexpr std::array<std::pair<Section, std::string_view>, 11> kSections = {{
    {Section::route, "route"},
    {Section::fast_path, "fast-path"},
    {Section::needs, "needs"},
    {Section::checklist, "checklist"},
    {Section::details, "details"},
    {Section::links, "links"},
    {Section::traps, "traps"},
    {Section::faq, "faq"},
    {Section::sources, "sources"},
    {Section::report, "report"},
    {Section::related, "related"},
}};

bool is_id(std::string_view id) {
    return id.size() <= kMaxIdLength && text::is_slug(id);
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

// Splits "a/b/c" at its slashes; empty parts are kept so that "a//b" can be refused.
std::vector<std::string_view> split_path(std::string_view path) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t slash = path.find('/', start);
        if (slash == std::string_view::npos) {
            parts.push_back(path.substr(start));
            return parts;
        }
        parts.push_back(path.substr(start, slash - start));
        start = slash + 1;
    }
}

ParseResult fallback() {
    return ParseResult{Route{}, false};
}

}  // namespace

std::string_view section_id(Section section) {
    for (const auto& [value, id] : kSections) {
        if (value == section) {
            return id;
        }
    }
    return "route";
}

std::optional<Section> section_from_id(std::string_view id) {
    for (const auto& [value, name] : kSections) {
        if (name == id) {
            return value;
        }
    }
    return std::nullopt;
}

bool Route::operator==(const Route& other) const {
    return page == other.page && guide_id == other.guide_id && section == other.section &&
           step_id == other.step_id && query == other.query && items == other.items &&
           steps == other.steps;
}

std::string percent_encode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
        if (plain) {
            out.push_back(c);
        } else {
            out.push_back('%');
            out.push_back(kHex[byte >> 4]);
            out.push_back(kHex[byte & 0x0F]);
        }
    }
    return out;
}

bool percent_decode(std::string_view text, std::string& out) {
    out.clear();
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out.push_back(text[i]);
            continue;
        }
        if (i + 2 >= text.size()) {
            return false;
        }
        const int high = hex_value(text[i + 1]);
        const int low = hex_value(text[i + 2]);
        if (high < 0 || low < 0) {
            return false;
        }
        out.push_back(static_cast<char>(high * 16 + low));
        i += 2;
    }
    return out.find('\0') == std::string::npos && text::is_valid_utf8(out);
}

namespace {

// "a.b-c" -> {"a", "b-c"}; "_" -> {}; false for anything that is not a list of ids
bool split_ids(std::string_view text, std::vector<std::string>& out) {
    out.clear();
    if (text == "_") {
        return true;
    }
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('.', start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        std::string_view id = text.substr(start, end - start);
        if (!is_id(id)) {
            return false;
        }
        out.emplace_back(id);
        start = end + 1;
    }
    return true;
}

// the inverse of split_ids; ids that are not slugs are left out
std::string join_ids(const std::vector<std::string>& ids) {
    std::string out;
    for (const std::string& id : ids) {
        if (!is_id(id)) {
            continue;
        }
        out += (out.empty() ? "" : ".") + id;
    }
    return out.empty() ? "_" : out;
}

}  // namespace

ParseResult parse(std::string_view hash) {
    if (hash.size() > kMaxHashLength) {
        return fallback();
    }

    // "", "#", "#/" and "/" are the catalogue
    if (!hash.empty() && hash.front() == '#') {
        hash.remove_prefix(1);
    }
    if (hash.empty() || hash == "/") {
        return ParseResult{};
    }
    if (hash.front() != '/') {
        return fallback();
    }
    hash.remove_prefix(1);
    if (hash.back() == '/') {
        hash.remove_suffix(1);
    }

    // search keeps everything after "search/" as one encoded query, slashes included
    constexpr std::string_view kSearch = "search";
    if (hash == kSearch) {
        return ParseResult{search(""), true};
    }
    if (hash.substr(0, kSearch.size() + 1) == "search/") {
        std::string query;
        if (!percent_decode(hash.substr(kSearch.size() + 1), query)) {
            return fallback();
        }
        return ParseResult{search(query), true};
    }

    const auto parts = split_path(hash);
    if (parts.size() == 1 && parts[0] == "settings") {
        return ParseResult{settings(), true};
    }
    if (parts.size() == 4 && parts[0] == "take" && is_id(parts[1])) {
        std::vector<std::string> lists[2];
        for (int k = 0; k < 2; ++k) {
            if (!split_ids(parts[2 + k], lists[k])) {
                return fallback();
            }
        }
        return ParseResult{handoff(parts[1], lists[0], lists[1]), true};
    }
    if (parts[0] != "guide" || parts.size() < 2 || !is_id(parts[1])) {
        return fallback();
    }
    if (parts.size() == 2) {
        return ParseResult{guide(parts[1]), true};
    }
    if (parts.size() == 3) {
        const auto section = section_from_id(parts[2]);
        if (!section) {
            return fallback();
        }
        return ParseResult{guide_section(parts[1], *section), true};
    }
    if (parts.size() == 4 && parts[2] == "step" && is_id(parts[3])) {
        return ParseResult{guide_step(parts[1], parts[3]), true};
    }
    return fallback();
}

std::string format(const Route& route) {
    switch (route.page) {
        case Page::catalogue:
            return "#/";
        case Page::settings:
            return "#/settings";
        case Page::search:
            return "#/search/" + percent_encode(route.query);
        case Page::handoff:
            if (!is_id(route.guide_id)) {
                return "#/";
            }
            return "#/take/" + route.guide_id + "/" + join_ids(route.items) + "/" +
                   join_ids(route.steps);
        case Page::guide:
            break;
    }
    if (!is_id(route.guide_id)) {
        return "#/";
    }
    std::string hash = "#/guide/" + route.guide_id;
    if (!route.step_id.empty()) {
        if (!is_id(route.step_id)) {
            return "#/";
        }
        return hash + "/step/" + route.step_id;
    }
    if (route.section) {
        hash += "/";
        hash += section_id(*route.section);
    }
    return hash;
}

Route catalogue() {
    return Route{};
}

Route guide(std::string_view id) {
    Route route;
    route.page = Page::guide;
    route.guide_id = std::string(id);
    return route;
}

Route guide_section(std::string_view id, Section section) {
    Route route = guide(id);
    route.section = section;
    return route;
}

Route guide_step(std::string_view id, std::string_view step_id) {
    Route route = guide(id);
    route.step_id = std::string(step_id);
    return route;
}

Route search(std::string_view query) {
    Route route;
    route.page = Page::search;
    route.query = std::string(query);
    return route;
}

Route handoff(std::string_view id, std::vector<std::string> items,
              std::vector<std::string> steps) {
    Route route;
    route.page = Page::handoff;
    route.guide_id = std::string(id);
    route.items = std::move(items);
    route.steps = std::move(steps);
    return route;
}

Route settings() {
    Route route;
    route.page = Page::settings;
    return route;
}

}  // namespace ruvoya::route
