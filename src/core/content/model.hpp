// The in-memory content model the app renders: site settings, categories, UI strings per
// locale and guides. The content compiler (src/core/content/compiler.hpp) validates the
// authored JSON and writes a bundle; load_bundle (bundle.hpp) reads that bundle back into
// these types. Field names follow the authored JSON format.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ruvoya::content {

// the locale every text must have and every lookup falls back to
inline constexpr std::string_view kFallbackLocale = "en";

// ---- localised text ---------------------------------------------------------------

// A text in several locales, keyed by locale code ("en", "ru", ...). English is always
// present in compiled content; other locales are optional.
struct Text {
    std::map<std::string, std::string, std::less<>> values;

    // The text in `locale`, else the English text, else an empty string. `fell_back`
    // (when given) is set to true when the text was not available in `locale`.
    const std::string& get(std::string_view locale, bool* fell_back = nullptr) const;

    // True when the text exists in exactly this locale (no fallback).
    bool has(std::string_view locale) const;

    bool empty() const { return values.empty(); }
};

// A list of words per locale (search synonyms).
using Keywords = std::map<std::string, std::vector<std::string>, std::less<>>;

// ---- enumerations -----------------------------------------------------------------

enum class Risk { low, moderate, high };
enum class Status { draft, published };
enum class StepKind { check, browser, documents, call, visit, app, payment, wait };
enum class ItemLevel { required, recommended };
enum class LinkKind { official, provider, guide };

// The spelling of each value in the JSON files ("moderate", "documents", ...).
std::string_view to_string(Risk value);
std::string_view to_string(Status value);
std::string_view to_string(StepKind value);
std::string_view to_string(ItemLevel value);
std::string_view to_string(LinkKind value);

// The value spelled `name`, or nothing when `name` is not one of the allowed spellings.
std::optional<Risk> parse_risk(std::string_view name);
std::optional<Status> parse_status(std::string_view name);
std::optional<StepKind> parse_step_kind(std::string_view name);
std::optional<ItemLevel> parse_item_level(std::string_view name);
std::optional<LinkKind> parse_link_kind(std::string_view name);

// ---- site, categories, UI strings -------------------------------------------------

struct EmergencyNumber {
    Text label;
    std::string number;
};

struct Site {
    // offered locales, English first
    std::vector<std::string> locales;
    std::string report_email;
    Text disclaimer;
    std::vector<EmergencyNumber> emergency;
};

struct Category {
    std::string id;
    Text title;
};

// The UI strings of one locale (content/ui/<locale>.json).
struct UiStrings {
    std::string locale;
    // the language's own name, e.g. "Русский"
    std::string name;
    std::map<std::string, std::string, std::less<>> strings;
};

// ---- guides -----------------------------------------------------------------------

struct Official {
    std::string url;
    // what the official page starts with, e.g. "112 emergency number"
    Text starts_with;
};

struct Route {
    // guides that usually come before / after this one (ids)
    std::vector<std::string> before;
    std::vector<std::string> after;
};

struct Step {
    std::string id;
    StepKind kind = StepKind::check;
    Text title;
    Text text;
    Text tip;
    // 2..5 short labels of the mini stepper
    std::vector<Text> substeps;
    Text do_;
    Text check;
    Text avoid;
};

struct Need {
    Text name;
    Text text;
};

struct ChecklistItem {
    std::string id;
    Text text;
    ItemLevel level = ItemLevel::required;
};

struct ChecklistGroup {
    std::string id;
    Text title;
    std::vector<ChecklistItem> items;
};

struct Link {
    Text label;
    LinkKind kind = LinkKind::official;
    // set for official and provider links
    std::string url;
    // set for guide links: the id of the guide linked to
    std::string guide;
};

struct Trap {
    Text title;
    Text advice;
};

struct FaqEntry {
    Text question;
    Text answer;
};

struct Source {
    Text title;
    Text publisher;
    std::string url;
    // ISO date YYYY-MM-DD
    std::string checked;
};

struct Guide {
    std::string id;
    std::string category;
    Risk risk = Risk::low;
    Status status = Status::draft;
    // ISO date YYYY-MM-DD of the last review
    std::string reviewed;
    Text title;
    Text summary;
    Keywords keywords;
    Official official;
    Route route;
    std::vector<Step> steps;
    std::vector<Need> needs;
    std::vector<ChecklistGroup> checklist;
    std::vector<Link> links;
    std::vector<Trap> traps;
    std::vector<FaqEntry> faq;
    std::vector<Source> sources;
    // the guide's own disclaimer, or the site's default when the guide has none
    Text disclaimer;
    // true when `disclaimer` is the guide's own text rather than the site default
    bool own_disclaimer = false;
    std::vector<std::string> related;
    // 16 hex digits; changes only when what saved progress depends on changes (step ids,
    // checklist item ids and levels), never when a text is edited
    std::string revision;

    bool is_draft() const { return status == Status::draft; }
    const ChecklistItem* find_item(std::string_view item_id) const;
    const Step* find_step(std::string_view step_id) const;
};

// ---- bundle -----------------------------------------------------------------------

// Where one guide lies in a loaded bundle's head and bodies (bundle.hpp).
struct GuidePlace {
    std::uint32_t header = 0;
    std::uint32_t header_size = 0;
    std::uint32_t body = 0;
    std::uint32_t body_size = 0;
};

// Everything the app shows, as written by the content compiler.
struct Bundle {
    Site site;
    std::vector<Category> categories;
    // one entry per locale that has a UI string file, English first
    std::vector<UiStrings> ui;
    // in the order of the guide files' names; drafts included (Guide::is_draft). In a
    // bundle read by load_bundle each holds only its header (id, category, risk, status,
    // dates, title, summary, route, related) until load_guide decodes the rest, its body,
    // in place: that is why they are mutable.
    mutable std::vector<Guide> guides;

    // The guide with this id, its header at least (see `guides`), or null.
    const Guide* find_guide(std::string_view id) const;
    // The whole guide with this id, its body decoded on first use, or null when there is
    // no such guide or its body cannot be read (`error`, when given, then says why).
    const Guide* load_guide(std::string_view id, std::string* error = nullptr) const;
    // The position of `id` in `guides`, or guides.size().
    std::size_t guide_index(std::string_view id) const;
    const Category* find_category(std::string_view id) const;
    const UiStrings* find_ui(std::string_view locale) const;

    // The UI string `key` in `locale`, else in English, else `key` itself (so the returned
    // view may point into `key`). `fell_back` (when given) is set to true when the string
    // was not available in `locale`.
    std::string_view ui_text(std::string_view locale, std::string_view key,
                             bool* fell_back = nullptr) const;

    // Makes find_guide a map lookup; load_bundle calls it, code that builds a bundle may.
    void index_guides();

    // Whether guides' bodies can be read: always for a bundle built in code, once
    // attach_bodies has succeeded for one loaded from bytes.
    bool bodies_ready() const { return bytes.empty() || !bodies.empty(); }

    // ---- set by load_bundle and attach_bodies (bundle.hpp) ----
    // the head the bundle was read from; empty for a bundle built in code
    std::string_view bytes;
    // the bodies file once attached, its bodies starting at bodies_start
    std::string_view bodies;
    std::size_t bodies_start = 0;
    // what the head says of its bodies file: its id and the size of its bodies
    std::string bodies_id;
    std::uint64_t bodies_size = 0;
    // one per guide when `bytes` is set; GuidePlace::body counts from bodies_start
    std::vector<GuidePlace> places;
    // which guides' bodies have been decoded (one per guide when `bytes` is set)
    mutable std::vector<bool> body_loaded;

private:
    std::unordered_map<std::string, std::size_t> ids_;
};

}  // namespace ruvoya::content
