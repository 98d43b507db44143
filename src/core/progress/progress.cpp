// Reading, writing and changing saved progress (see progress.hpp for the document and the
// recovery rules). No exceptions: JSON is parsed with exceptions off and every value's
// type is checked before it is read.
//
// Index:
//   [SECTION] helpers
//   [SECTION] reading
//   [SECTION] writing
//   [SECTION] changes
//   [SECTION] import and export
#include "core/progress/progress.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "core/text/text.hpp"

namespace ruvoya::progress {

using nlohmann::json;

// ---- [SECTION] helpers -------------------------------------------------------------

namespace {

// Timestamps above this are not exact in a JavaScript number, so they cannot be ours.
constexpr std::int64_t kMaxTimestamp = (std::int64_t{1} << 53) - 1;
constexpr std::size_t kMaxRevisionLength = 200;
// Unknown values nested deeper than this are dropped, so that writing them back never
// recurses far.
constexpr int kMaxExtraDepth = 16;
// At most this many lines in ParseResult::dropped; the last one counts the rest.
constexpr std::size_t kMaxDroppedLines = 50;

bool is_locale(std::string_view code) {
    if (code.size() < 2 || code.size() > 3) {
        return false;
    }
    return std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool is_theme(std::string_view theme) {
    return theme == "light" || theme == "dark" || theme == "high-contrast";
}

// Depth of a JSON value, counting up to limit + 1 at most.
int depth(const json& value, int limit) {
    if (limit < 0 || !value.is_structured()) {
        return 0;
    }
    int deepest = 0;
    for (const auto& child : value) {
        deepest = std::max(deepest, depth(child, limit - 1));
        if (deepest > limit) {
            break;
        }
    }
    return deepest + 1;
}

// A key as it may appear in a message: valid UTF-8, printable, at most 40 bytes.
std::string printable(std::string_view key) {
    std::string clean;
    for (const char c : text::sanitize_utf8(text::truncate_utf8(key, 40))) {
        clean.push_back(static_cast<unsigned char>(c) < 0x20 ? '?' : c);
    }
    if (key.size() > 40) {
        clean += "...";
    }
    return clean;
}

// Collects the lines of ParseResult::dropped, up to a limit.
class Dropped {
public:
    explicit Dropped(std::vector<std::string>& lines) : lines_(lines) {}
    ~Dropped() {
        if (extra_ > 0) {
            lines_.push_back("... and " + std::to_string(extra_) + " more");
        }
    }
    Dropped(const Dropped&) = delete;
    Dropped& operator=(const Dropped&) = delete;

    void add(std::string line) {
        if (lines_.size() < kMaxDroppedLines) {
            lines_.push_back(std::move(line));
        } else {
            ++extra_;
        }
    }

private:
    std::vector<std::string>& lines_;
    std::size_t extra_ = 0;
};

bool read_timestamp(const json& value, std::int64_t& out) {
    if (value.is_number_unsigned()) {
        const auto number = value.get<std::uint64_t>();
        if (number <= static_cast<std::uint64_t>(kMaxTimestamp)) {
            out = static_cast<std::int64_t>(number);
            return true;
        }
        return false;
    }
    if (value.is_number_integer()) {
        const auto number = value.get<std::int64_t>();
        if (number >= 0 && number <= kMaxTimestamp) {
            out = number;
            return true;
        }
    }
    return false;
}

// Reads a list of ids: keeps valid ones once each, in order.
void read_ids(const json& value, std::vector<std::string>& out, const std::string& where,
              Dropped& dropped) {
    if (!value.is_array()) {
        dropped.add(where + ": not a list");
        return;
    }
    std::set<std::string_view> seen;
    std::size_t invalid = 0;
    for (const auto& element : value) {
        if (!element.is_string() || !is_valid_id(element.get_ref<const std::string&>())) {
            ++invalid;
            continue;
        }
        const auto& id = element.get_ref<const std::string&>();
        if (seen.insert(id).second) {
            out.push_back(id);
        }
    }
    if (invalid > 0) {
        dropped.add(where + ": " + std::to_string(invalid) + " invalid id(s)");
    }
}

// Copies an unknown field into `extra` unless it is nested too deep.
void keep_extra(json& extra, const std::string& key, const json& value, const std::string& where,
                Dropped& dropped) {
    if (depth(value, kMaxExtraDepth) > kMaxExtraDepth) {
        dropped.add(where + ": nested too deeply");
        return;
    }
    extra[key] = value;
}

}  // namespace

bool is_valid_id(std::string_view id) {
    return id.size() <= kMaxIdLength && text::is_slug(id);
}

bool GuideProgress::operator==(const GuideProgress& other) const {
    return checked == other.checked && steps_done == other.steps_done &&
           revision == other.revision && updated == other.updated && opened == other.opened &&
           current_step == other.current_step && extra == other.extra;
}

bool Settings::operator==(const Settings& other) const {
    return language == other.language && text_size == other.text_size && theme == other.theme &&
           extra == other.extra;
}

std::string_view status_name(Status status) {
    switch (status) {
        case Status::ok:
            return "ok";
        case Status::empty:
            return "empty";
        case Status::recovered_corrupt:
            return "recovered-corrupt";
        case Status::recovered_foreign:
            return "recovered-foreign";
        case Status::newer_version:
            return "newer-version";
    }
    return "ok";
}

bool ParseResult::keep_raw() const {
    return status == Status::recovered_corrupt || status == Status::recovered_foreign ||
           status == Status::newer_version || !dropped.empty();
}

std::string corrupt_backup_key(std::int64_t unix_ms) {
    return std::string(kStorageKey) + ".corrupt-" + std::to_string(unix_ms);
}

// ---- [SECTION] reading -------------------------------------------------------------

namespace {

GuideProgress read_guide(const json& entry, const std::string& where, Dropped& dropped) {
    GuideProgress guide;
    for (const auto& [key, value] : entry.items()) {
        const std::string field = where + "." + printable(key);
        if (key == "checked") {
            read_ids(value, guide.checked, field, dropped);
        } else if (key == "steps_done") {
            read_ids(value, guide.steps_done, field, dropped);
        } else if (key == "revision") {
            if (value.is_string() &&
                value.get_ref<const std::string&>().size() <= kMaxRevisionLength) {
                guide.revision = value.get<std::string>();
            } else {
                dropped.add(field + ": not a short string");
            }
        } else if (key == "updated" || key == "opened") {
            std::int64_t& out = key == "updated" ? guide.updated : guide.opened;
            if (!read_timestamp(value, out)) {
                dropped.add(field + ": not a whole number of milliseconds");
            }
        } else if (key == "current_step") {
            if (value.is_string() && (value.get_ref<const std::string&>().empty() ||
                                      is_valid_id(value.get_ref<const std::string&>()))) {
                guide.current_step = value.get<std::string>();
            } else {
                dropped.add(field + ": not a step id");
            }
        } else {
            keep_extra(guide.extra, key, value, field, dropped);
        }
    }
    return guide;
}

Settings read_settings(const json& object, Dropped& dropped) {
    Settings settings;
    for (const auto& [key, value] : object.items()) {
        const std::string field = "settings." + printable(key);
        if (key == "language") {
            if (value.is_string() && is_locale(value.get_ref<const std::string&>())) {
                settings.language = value.get<std::string>();
            } else {
                dropped.add(field + ": not a locale code");
            }
        } else if (key == "text_size") {
            std::int64_t size = 0;
            if (read_timestamp(value, size) && size <= kMaxTextSize) {
                settings.text_size = static_cast<int>(size);
            } else {
                dropped.add(field + ": not a whole number from 0 to " +
                            std::to_string(kMaxTextSize));
            }
        } else if (key == "theme") {
            if (value.is_string() && is_theme(value.get_ref<const std::string&>())) {
                settings.theme = value.get<std::string>();
            } else {
                dropped.add(field + ": not light, dark or high-contrast");
            }
        } else {
            keep_extra(settings.extra, key, value, field, dropped);
        }
    }
    return settings;
}

// Reads a parsed document into `state`. The format marker is required for imports;
// stored documents may carry one (an export pasted back) but need not.
Status read_document(const json& root, bool require_format, State& state,
                     std::vector<std::string>& dropped_lines) {
    if (!root.is_object()) {
        return Status::recovered_corrupt;
    }

    // whose document is it, and which version
    const auto format = root.find("format");
    if (format != root.end() &&
        (!format->is_string() || format->get_ref<const std::string&>() != kFormat)) {
        return Status::recovered_foreign;
    }
    if (require_format && format == root.end()) {
        return Status::recovered_foreign;
    }
    const auto version = root.find("version");
    if (version == root.end()) {
        return Status::recovered_foreign;
    }
    if (!version->is_number_integer()) {
        return Status::recovered_corrupt;
    }
    if (version->get<std::int64_t>() > kVersion) {
        return Status::newer_version;
    }
    if (version->get<std::int64_t>() < 1) {
        return Status::recovered_corrupt;
    }

    Dropped dropped(dropped_lines);
    for (const auto& [key, value] : root.items()) {
        if (key == "version" || key == "format" || key == "exported") {
            continue;
        }
        if (key == "guides") {
            if (!value.is_object()) {
                dropped.add("guides: not an object");
                continue;
            }
            for (const auto& [id, entry] : value.items()) {
                const std::string where = "guides." + printable(id);
                if (!is_valid_id(id)) {
                    dropped.add(where + ": not a guide id");
                } else if (!entry.is_object()) {
                    dropped.add(where + ": not an object");
                } else {
                    state.guides[id] = read_guide(entry, where, dropped);
                }
            }
        } else if (key == "settings") {
            if (value.is_object()) {
                state.settings = read_settings(value, dropped);
            } else {
                dropped.add("settings: not an object");
            }
        } else {
            keep_extra(state.extra, key, value, printable(key), dropped);
        }
    }
    return Status::ok;
}

bool is_blank(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

}  // namespace

ParseResult parse(std::string_view text) {
    ParseResult result;
    if (is_blank(text)) {
        result.status = Status::empty;
        return result;
    }

    const json root = json::parse(text.begin(), text.end(), nullptr, false);
    if (root.is_discarded()) {
        result.status = Status::recovered_corrupt;
        return result;
    }

    // a refused document leaves a fresh state, not a half-read one
    result.status = read_document(root, false, result.state, result.dropped);
    if (result.status != Status::ok) {
        result.state = State{};
        result.dropped.clear();
    }
    return result;
}

// ---- [SECTION] writing -------------------------------------------------------------

namespace {

json to_json(const GuideProgress& guide) {
    json entry = guide.extra.is_object() ? guide.extra : json::object();
    entry["checked"] = guide.checked;
    entry["steps_done"] = guide.steps_done;
    if (!guide.revision.empty()) {
        entry["revision"] = guide.revision;
    }
    if (guide.updated != 0) {
        entry["updated"] = guide.updated;
    }
    if (guide.opened != 0) {
        entry["opened"] = guide.opened;
    }
    if (!guide.current_step.empty()) {
        entry["current_step"] = guide.current_step;
    }
    return entry;
}

json to_json(const State& state) {
    json root = state.extra.is_object() ? state.extra : json::object();
    root["version"] = kVersion;
    json guides = json::object();
    for (const auto& [id, guide] : state.guides) {
        guides[id] = to_json(guide);
    }
    root["guides"] = std::move(guides);
    json settings = state.settings.extra.is_object() ? state.settings.extra : json::object();
    settings["language"] = state.settings.language;
    settings["text_size"] = state.settings.text_size;
    settings["theme"] = state.settings.theme;
    root["settings"] = std::move(settings);
    return root;
}

// Invalid UTF-8 cannot enter through parse(), but a caller could set it directly; it is
// replaced rather than allowed to stop the dump.
std::string dump(const json& value, int indent) {
    return value.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace

std::string serialize(const State& state) {
    return dump(to_json(state), -1);
}

// ---- [SECTION] changes -------------------------------------------------------------

namespace {

const GuideProgress* find_guide(const State& state, std::string_view guide) {
    const auto it = state.guides.find(std::string(guide));
    return it == state.guides.end() ? nullptr : &it->second;
}

bool contains(const std::vector<std::string>& list, std::string_view id) {
    return std::find(list.begin(), list.end(), id) != list.end();
}

// Adds or removes `id`; returns whether the list changed.
bool set_member(std::vector<std::string>& list, std::string_view id, bool member) {
    const auto it = std::find(list.begin(), list.end(), id);
    if (member && it == list.end()) {
        list.emplace_back(id);
        return true;
    }
    if (!member && it != list.end()) {
        list.erase(it);
        return true;
    }
    return false;
}

}  // namespace

bool is_checked(const State& state, std::string_view guide, std::string_view item) {
    const GuideProgress* entry = find_guide(state, guide);
    return entry != nullptr && contains(entry->checked, item);
}

bool set_checked(State& state, std::string_view guide, std::string_view item, bool checked,
                 std::int64_t now_ms) {
    if (!is_valid_id(guide) || !is_valid_id(item)) {
        return false;
    }
    if (!checked && find_guide(state, guide) == nullptr) {
        return true;
    }
    GuideProgress& entry = state.guides[std::string(guide)];
    if (set_member(entry.checked, item, checked)) {
        entry.updated = now_ms;
    }
    return true;
}

bool toggle_item(State& state, std::string_view guide, std::string_view item, std::int64_t now_ms) {
    const bool checked = !is_checked(state, guide, item);
    return set_checked(state, guide, item, checked, now_ms) && checked;
}

bool is_step_done(const State& state, std::string_view guide, std::string_view step) {
    const GuideProgress* entry = find_guide(state, guide);
    return entry != nullptr && contains(entry->steps_done, step);
}

bool set_step_done(State& state, std::string_view guide, std::string_view step, bool done,
                   std::int64_t now_ms) {
    if (!is_valid_id(guide) || !is_valid_id(step)) {
        return false;
    }
    if (!done && find_guide(state, guide) == nullptr) {
        return true;
    }
    GuideProgress& entry = state.guides[std::string(guide)];
    if (set_member(entry.steps_done, step, done)) {
        entry.updated = now_ms;
    }
    return true;
}

bool set_current_step(State& state, std::string_view guide, std::string_view step,
                      std::int64_t now_ms) {
    if (!is_valid_id(guide) || (!step.empty() && !is_valid_id(step))) {
        return false;
    }
    GuideProgress& entry = state.guides[std::string(guide)];
    if (entry.current_step != step) {
        entry.current_step = std::string(step);
        entry.updated = now_ms;
    }
    return true;
}

bool mark_opened(State& state, std::string_view guide, std::int64_t now_ms) {
    if (!is_valid_id(guide)) {
        return false;
    }
    state.guides[std::string(guide)].opened = now_ms;
    return true;
}

bool reset_checklist(State& state, std::string_view guide, std::int64_t now_ms) {
    if (!is_valid_id(guide)) {
        return false;
    }
    const auto it = state.guides.find(std::string(guide));
    if (it != state.guides.end() && !it->second.checked.empty()) {
        it->second.checked.clear();
        it->second.updated = now_ms;
    }
    return true;
}

bool forget_guide(State& state, std::string_view guide) {
    if (!is_valid_id(guide)) {
        return false;
    }
    state.guides.erase(std::string(guide));
    return true;
}

bool set_language(State& state, std::string_view language) {
    if (!is_locale(language)) {
        return false;
    }
    state.settings.language = std::string(language);
    return true;
}

bool set_text_size(State& state, int text_size) {
    if (text_size < 0 || text_size > kMaxTextSize) {
        return false;
    }
    state.settings.text_size = text_size;
    return true;
}

bool set_theme(State& state, std::string_view theme) {
    if (!is_theme(theme)) {
        return false;
    }
    state.settings.theme = std::string(theme);
    return true;
}

bool ReconcileResult::changed_anything() const {
    return items_dropped > 0 || steps_dropped > 0 || current_step_cleared || revision_changed;
}

ReconcileResult reconcile(State& state, std::string_view guide, std::string_view revision,
                          const std::vector<std::string>& item_ids,
                          const std::vector<std::string>& step_ids, std::int64_t now_ms) {
    ReconcileResult result;
    const auto it = state.guides.find(std::string(guide));
    if (it == state.guides.end()) {
        return result;
    }
    GuideProgress& entry = it->second;

    // keep only ids the content still has
    const std::set<std::string_view> items(item_ids.begin(), item_ids.end());
    const std::set<std::string_view> steps(step_ids.begin(), step_ids.end());
    auto keep_known = [](std::vector<std::string>& list, const std::set<std::string_view>& known) {
        const auto before = list.size();
        list.erase(std::remove_if(list.begin(), list.end(),
                                  [&known](const std::string& id) { return known.count(id) == 0; }),
                   list.end());
        return before - list.size();
    };
    result.items_dropped = keep_known(entry.checked, items);
    result.steps_dropped = keep_known(entry.steps_done, steps);
    if (!entry.current_step.empty() && steps.count(entry.current_step) == 0) {
        entry.current_step.clear();
        result.current_step_cleared = true;
    }

    // a first reconcile only records the revision
    result.revision_changed = !entry.revision.empty() && entry.revision != revision;
    entry.revision = std::string(text::truncate_utf8(revision, kMaxRevisionLength));
    if (result.items_dropped > 0 || result.steps_dropped > 0 || result.current_step_cleared) {
        entry.updated = now_ms;
    }
    return result;
}

// ---- [SECTION] import and export ---------------------------------------------------

std::string export_document(const State& state, std::int64_t now_ms) {
    json root = to_json(state);
    root["format"] = std::string(kFormat);
    root["exported"] = now_ms;
    return dump(root, 2);
}

namespace {

// Counts ids in `a` that are not in `b`.
std::size_t count_missing(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    const std::set<std::string_view> in_b(b.begin(), b.end());
    return static_cast<std::size_t>(std::count_if(
        a.begin(), a.end(), [&in_b](const std::string& id) { return in_b.count(id) == 0; }));
}

ImportPreview refuse(std::string reason, std::string message) {
    ImportPreview preview;
    preview.reason = std::move(reason);
    preview.message = std::move(message);
    return preview;
}

}  // namespace

ImportPreview preview_import(const State& current, std::string_view file_text) {
    if (file_text.size() > kMaxImportBytes) {
        return refuse("too-large", "The file is larger than a progress file can be.");
    }
    const json root = json::parse(file_text.begin(), file_text.end(), nullptr, false);
    if (root.is_discarded()) {
        return refuse("damaged", "The file is damaged: it is not readable JSON.");
    }

    // read it as a stored document, but insist on the format marker
    ImportPreview preview;
    const Status status = read_document(root, true, preview.incoming, preview.dropped);
    if (status == Status::recovered_foreign) {
        return refuse("foreign", "The file is not a Ruvoya progress export.");
    }
    if (status == Status::newer_version) {
        return refuse("newer-version", "The file comes from a newer version of Ruvoya.");
    }
    if (status != Status::ok) {
        return refuse("damaged", "The file is damaged: its version is not readable.");
    }

    // compare guide by guide
    for (const auto& [id, incoming] : preview.incoming.guides) {
        const GuideProgress* existing = find_guide(current, id);
        if (existing == nullptr) {
            ++preview.guides_added;
            preview.ticks_added += incoming.checked.size();
            preview.steps_added += incoming.steps_done.size();
            continue;
        }
        if (*existing == incoming) {
            ++preview.guides_unchanged;
            continue;
        }
        ++preview.guides_changed;
        preview.ticks_added += count_missing(incoming.checked, existing->checked);
        preview.ticks_removed += count_missing(existing->checked, incoming.checked);
        preview.steps_added += count_missing(incoming.steps_done, existing->steps_done);
        preview.steps_removed += count_missing(existing->steps_done, incoming.steps_done);
    }
    preview.settings_changed = !(preview.incoming.settings == current.settings);
    preview.accepted = true;
    preview.message = std::to_string(preview.guides_added) + " guide(s) added, " +
                      std::to_string(preview.guides_changed) + " changed; " +
                      std::to_string(preview.ticks_added) + " tick(s) added, " +
                      std::to_string(preview.ticks_removed) + " removed.";
    return preview;
}

bool apply_import(State& state, const ImportPreview& preview) {
    if (!preview.accepted) {
        return false;
    }
    for (const auto& [id, guide] : preview.incoming.guides) {
        state.guides[id] = guide;
    }
    state.settings = preview.incoming.settings;
    for (const auto& [key, value] : preview.incoming.extra.items()) {
        state.extra[key] = value;
    }
    return true;
}

}  // namespace ruvoya::progress
