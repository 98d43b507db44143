// Hash routes: the part of the address after '#' says which page the app shows, so that
// the browser's back button, bookmarks and shared links work. The routes:
//   #/                                  the catalogue
//   #/guide/<id>                        a guide
//   #/guide/<id>/<section>              a section of a guide (see Section)
//   #/guide/<id>/step/<step-id>         a step of a guide's fast path
//   #/search/<percent-encoded query>    search results
//   #/settings                          settings
//   #/take/<id>/<items>/<steps>         a guide handed over from a kiosk with its ticks:
//                                       item and step ids joined by '.', '_' for none
// An unknown or malformed hash shows the catalogue and says so (ParseResult::valid).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ruvoya::route {

enum class Page { catalogue, guide, search, settings, handoff };

enum class Section {
    route,
    fast_path,
    needs,
    checklist,
    details,
    links,
    traps,
    faq,
    sources,
    report,
    related,
};

// The id used in hashes: "route", "fast-path", "needs"...
std::string_view section_id(Section section);
std::optional<Section> section_from_id(std::string_view id);

struct Route {
    Page page = Page::catalogue;
    // Page::guide: the guide, and optionally a section or a step (not both)
    std::string guide_id;
    std::optional<Section> section;
    std::string step_id;
    // Page::search: the decoded query (valid UTF-8, may be empty)
    std::string query;

    // Page::handoff: the ticked checklist items and the steps marked done
    std::vector<std::string> items;
    std::vector<std::string> steps;

    bool operator==(const Route& other) const;
    bool operator!=(const Route& other) const { return !(*this == other); }
};

struct ParseResult {
    Route route;
    // false when the hash was unknown or malformed and the route fell back to the catalogue
    bool valid = true;
};

// Hashes longer than this are treated as malformed.
inline constexpr std::size_t kMaxHashLength = 4096;

// Reads a hash such as "#/guide/medical-help/checklist"; the leading '#' is optional and
// "" or "#" mean the catalogue. One trailing slash is accepted ("#/settings/").
ParseResult parse(std::string_view hash);

// The canonical hash of a route, starting with "#/". A route with an invalid guide or step
// id formats as the catalogue.
std::string format(const Route& route);

// Percent-encodes everything except ASCII letters, digits and "-._~".
std::string percent_encode(std::string_view text);

// Decodes %XX escapes into `out`. Returns false, leaving `out` unspecified, for a '%' not
// followed by two hex digits or a result that is not valid UTF-8 or holds a NUL.
bool percent_decode(std::string_view text, std::string& out);

// Shorthands for building routes.
Route catalogue();
Route guide(std::string_view id);
Route guide_section(std::string_view id, Section section);
Route guide_step(std::string_view id, std::string_view step_id);
Route search(std::string_view query);
Route settings();
Route handoff(std::string_view id, std::vector<std::string> items,
              std::vector<std::string> steps);

}  // namespace ruvoya::route
