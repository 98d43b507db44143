// Saved progress: which checklist items are ticked, which steps are done, where the reader
// was, and the reader's settings. The platform keeps one string under kStorageKey (the
// browser's localStorage); this module converts between that string and the model below
// and applies the changes the UI makes. Timestamps are passed in (unix milliseconds).
//
// The stored document (version 1):
//   {"version": 1,
//    "guides": {"<guide-id>": {"checked": ["item-id", ...], "steps_done": ["step-id", ...],
//                              "revision": "<content revision>", "updated": <unix ms>,
//                              "opened": <unix ms>, "current_step": "<step-id>"}},
//    "settings": {"language": "en", "text_size": 1, "theme": "light"}}
//
// Rules for reading it back:
// - unreadable text (not JSON, not an object, a wrong "version") gives a fresh state and
//   Status::recovered_corrupt; a JSON object that is not ours (no "version", or a
//   "format" other than ours) gives Status::recovered_foreign; a version above ours gives
//   Status::newer_version. In all three the caller keeps the raw text under
//   corrupt_backup_key(now) before saving anything.
// - a bad part inside a good document (a guide entry of the wrong type, an id that is not
//   a slug, a timestamp that is not a whole number...) is dropped alone and listed in
//   ParseResult::dropped; the caller keeps the raw text aside then too (keep_raw()).
// - duplicated ids in a list are merged silently, keeping the first occurrence's order.
// - unknown fields (at the top, in a guide entry, in settings) are KEPT and written back
//   unchanged, so that a file edited by a newer build of the same version or by hand
//   loses nothing; they are not interpreted.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace ruvoya::progress {

inline constexpr std::string_view kStorageKey = "ruvoya.progress";
inline constexpr int kVersion = 1;
// The "format" marker of exported files.
inline constexpr std::string_view kFormat = "ruvoya-progress";
// Imports above this size are refused before parsing.
inline constexpr std::size_t kMaxImportBytes = 2 * 1024 * 1024;
// Ids are slugs (^[a-z0-9]+(-[a-z0-9]+)*$) of at most this many bytes.
inline constexpr std::size_t kMaxIdLength = 100;
// The text size setting is a step from 0 (smallest) to kMaxTextSize.
inline constexpr int kMaxTextSize = 4;

struct GuideProgress {
    std::vector<std::string> checked;
    std::vector<std::string> steps_done;
    // the content revision the ticks were made against; empty until reconciled
    std::string revision;
    // unix ms of the last change and of the last opening; 0 when unknown
    std::int64_t updated = 0;
    std::int64_t opened = 0;
    std::string current_step;
    // unknown fields of this entry, written back unchanged
    nlohmann::json extra = nlohmann::json::object();

    bool operator==(const GuideProgress& other) const;
};

struct Settings {
    // a locale code such as "en" or "ru" (2 or 3 lowercase letters)
    std::string language = "en";
    int text_size = 1;
    // "light", "dark" or "high-contrast"
    std::string theme = "light";
    nlohmann::json extra = nlohmann::json::object();

    bool operator==(const Settings& other) const;
};

struct State {
    std::map<std::string, GuideProgress> guides;
    Settings settings;
    nlohmann::json extra = nlohmann::json::object();
};

enum class Status { ok, empty, recovered_corrupt, recovered_foreign, newer_version };

// A stable name for logs and tests: "ok", "empty", "recovered-corrupt"...
std::string_view status_name(Status status);

struct ParseResult {
    State state;
    Status status = Status::empty;
    // one line per dropped part, e.g. "guides.medical-help.updated: not a whole number"
    std::vector<std::string> dropped;

    // whether the caller should keep the raw text aside before saving over it
    bool keep_raw() const;
};

// Reads the stored string (an empty string means nothing was stored yet).
ParseResult parse(std::string_view text);

// The compact stored form; parse(serialize(s)) gives s back.
std::string serialize(const State& state);

// "ruvoya.progress.corrupt-<unix ms>": where the caller keeps an unreadable value.
std::string corrupt_backup_key(std::int64_t unix_ms);

// Whether `id` is a slug that can name a guide, step or item.
bool is_valid_id(std::string_view id);

// ---- changes made by the UI --------------------------------------------------------
// Each returns false and changes nothing when an id or value is invalid. Changes to a
// guide stamp its "updated" time with `now_ms`.

bool is_checked(const State& state, std::string_view guide, std::string_view item);
bool set_checked(State& state, std::string_view guide, std::string_view item, bool checked,
                 std::int64_t now_ms);
// Flips an item; returns its new state (false also when an id is invalid).
bool toggle_item(State& state, std::string_view guide, std::string_view item, std::int64_t now_ms);

bool is_step_done(const State& state, std::string_view guide, std::string_view step);
bool set_step_done(State& state, std::string_view guide, std::string_view step, bool done,
                   std::int64_t now_ms);

// An empty step clears the current step.
bool set_current_step(State& state, std::string_view guide, std::string_view step,
                      std::int64_t now_ms);
// Records that the guide was opened (does not change "updated").
bool mark_opened(State& state, std::string_view guide, std::int64_t now_ms);

// Unticks every checklist item of the guide (steps and position stay).
bool reset_checklist(State& state, std::string_view guide, std::int64_t now_ms);
// Forgets everything about the guide.
bool forget_guide(State& state, std::string_view guide);

bool set_language(State& state, std::string_view language);
bool set_text_size(State& state, int text_size);
bool set_theme(State& state, std::string_view theme);

// What reconcile() changed, for telling the user.
struct ReconcileResult {
    // ticks and done steps dropped because the item or step no longer exists
    std::size_t items_dropped = 0;
    std::size_t steps_dropped = 0;
    bool current_step_cleared = false;
    // true when a different, non-empty revision was stored before
    bool revision_changed = false;

    bool changed_anything() const;
};

// Brings a guide's saved progress in line with its current content: keeps ticks and done
// steps whose ids still exist, drops the others, clears a current step that is gone and
// stores `revision`. A guide with no saved progress stays absent.
ReconcileResult reconcile(State& state, std::string_view guide, std::string_view revision,
                          const std::vector<std::string>& item_ids,
                          const std::vector<std::string>& step_ids, std::int64_t now_ms);

// ---- export and import -------------------------------------------------------------

// The whole document, readable, with "format": "ruvoya-progress" and "exported": now_ms.
std::string export_document(const State& state, std::int64_t now_ms);

// A summary of what importing a file would do; nothing is changed by computing it.
// Importing replaces the saved progress of every guide in the file, keeps guides that
// are not in the file, and takes the file's settings.
struct ImportPreview {
    bool accepted = false;
    // when refused: "too-large", "damaged", "foreign" or "newer-version"
    std::string reason;
    // a sentence for the user or the log
    std::string message;
    std::size_t guides_added = 0;
    std::size_t guides_changed = 0;
    std::size_t guides_unchanged = 0;
    std::size_t ticks_added = 0;
    std::size_t ticks_removed = 0;
    std::size_t steps_added = 0;
    std::size_t steps_removed = 0;
    bool settings_changed = false;
    // parts of the file that were dropped as invalid (see ParseResult::dropped)
    std::vector<std::string> dropped;
    // the file's content, applied by apply_import()
    State incoming;
};

ImportPreview preview_import(const State& current, std::string_view file_text);

// Applies an accepted preview; returns false and changes nothing for a refused one.
bool apply_import(State& state, const ImportPreview& preview);

}  // namespace ruvoya::progress
