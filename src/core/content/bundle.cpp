// Reading and writing the compiled content bundle (layout in bundle.hpp). The reader
// checks every length against the bytes left and every enumeration against its range,
// and stops at the first bad value, naming its place.
//
// Index:
//   [SECTION] writing
//   [SECTION] reading
//   [SECTION] guides
//   [SECTION] the bundle
//   [SECTION] catalogue order
#include "core/content/bundle.hpp"

#include <cstdio>
#include <functional>
#include <queue>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/content/checks.hpp"

namespace ruvoya::content {

namespace {

constexpr std::string_view kMagic = "RVYB";
constexpr std::string_view kBodiesMagic = "RVYD";

// body places are 32-bit offsets into the bodies file
constexpr std::uint64_t kMaxBodiesSize = 0xFFFFFFFFu;

// ---- [SECTION] writing ----------------------------------------------------------------

class Writer {
public:
    std::string out;

    void number(std::uint64_t value) {
        do {
            const auto low = static_cast<unsigned char>(value & 0x7F);
            value >>= 7;
            out += static_cast<char>(value != 0 ? (low | 0x80) : low);
        } while (value != 0);
    }

    // A string ends with a zero byte rather than starting with its size: the texts then
    // follow each other much as in the JSON they came from, which compresses about a tenth
    // better. A zero byte inside (the compiler refuses it in texts) becomes U+FFFD.
    void string(std::string_view value) {
        for (const char c : value) {
            if (c == '\0') {
                out += "\xEF\xBF\xBD";
            } else {
                out += c;
            }
        }
        out += '\0';
    }

    // bytes that may hold zeros (a guide's record): their size, then the bytes
    void blob(std::string_view value) {
        number(value.size());
        out.append(value);
    }

    void strings(const std::vector<std::string>& values) {
        number(values.size());
        for (const std::string& value : values) {
            string(value);
        }
    }

    void text(const Text& value) {
        number(value.values.size());
        for (const auto& [locale, text] : value.values) {
            string(locale);
            string(text);
        }
    }

    template <typename Enum>
    void enumeration(Enum value) {
        number(static_cast<std::uint64_t>(value));
    }
};

// The guide's header: what start-up decodes for the catalogue.
void write_guide_header(Writer& w, const Guide& guide) {
    w.string(guide.id);
    w.string(guide.category);
    w.enumeration(guide.risk);
    w.enumeration(guide.status);
    w.string(guide.reviewed);
    w.string(guide.revision);
    w.text(guide.title);
    w.text(guide.summary);
    w.strings(guide.route.before);
    w.strings(guide.route.after);
    w.strings(guide.related);
}

// The guide's body, decoded when the guide is opened. The searchable sections come in the
// order visit_texts reports them.
void write_guide_body(Writer& w, const Guide& guide) {
    w.number(guide.keywords.size());
    for (const auto& [locale, words] : guide.keywords) {
        w.string(locale);
        w.strings(words);
    }
    w.string(guide.official.url);
    w.text(guide.official.starts_with);

    w.number(guide.steps.size());
    for (const Step& step : guide.steps) {
        w.string(step.id);
        w.enumeration(step.kind);
        w.text(step.title);
        w.text(step.text);
        w.text(step.tip);
        w.number(step.substeps.size());
        for (const Text& substep : step.substeps) {
            w.text(substep);
        }
        w.text(step.do_);
        w.text(step.check);
        w.text(step.avoid);
    }
    w.number(guide.needs.size());
    for (const Need& need : guide.needs) {
        w.text(need.name);
        w.text(need.text);
    }
    w.number(guide.checklist.size());
    for (const ChecklistGroup& group : guide.checklist) {
        w.string(group.id);
        w.text(group.title);
        w.number(group.items.size());
        for (const ChecklistItem& item : group.items) {
            w.string(item.id);
            w.text(item.text);
            w.enumeration(item.level);
        }
    }
    w.number(guide.traps.size());
    for (const Trap& trap : guide.traps) {
        w.text(trap.title);
        w.text(trap.advice);
    }
    w.number(guide.faq.size());
    for (const FaqEntry& entry : guide.faq) {
        w.text(entry.question);
        w.text(entry.answer);
    }
    w.number(guide.links.size());
    for (const Link& link : guide.links) {
        w.text(link.label);
        w.enumeration(link.kind);
        w.string(link.url);
        w.string(link.guide);
    }

    w.number(guide.sources.size());
    for (const Source& source : guide.sources) {
        w.text(source.title);
        w.text(source.publisher);
        w.string(source.url);
        w.string(source.checked);
    }
    w.text(guide.disclaimer);
    w.number(guide.own_disclaimer ? 1 : 0);
}

// ---- [SECTION] reading ----------------------------------------------------------------

// Reads values in place from a byte range. After the first failure every read returns an
// empty value and the error stays the first one. The place of each value is kept as a
// stack of names and indices, turned into a path only when something fails.
class Reader {
public:
    Reader(std::string_view bytes, std::size_t start, std::size_t end)
        : bytes_(bytes), at_(start), end_(end) {}

    bool ok() const { return error_.empty(); }
    const std::string& error() const { return error_; }
    bool at_end() const { return at_ == end_; }
    std::size_t offset() const { return at_; }

    // the place of the values read next: a name (".steps") and, for arrays, an index
    void enter(const char* name, std::size_t index = kNoIndex) { path_.push_back({name, index}); }
    void leave() { path_.pop_back(); }
    void set_index(std::size_t index) { path_.back().index = index; }

    void fail(const std::string& message) {
        if (!error_.empty()) {
            return;
        }
        error_ = "bundle";
        for (const Step& step : path_) {
            error_ += step.name;
            if (step.index != kNoIndex) {
                error_ += "[" + std::to_string(step.index) + "]";
            }
        }
        error_ += ": " + message;
        at_ = end_;
    }

    std::uint64_t number() {
        std::uint64_t value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at_ >= end_) {
                fail("cut short at byte " + std::to_string(at_));
                return 0;
            }
            const auto byte = static_cast<unsigned char>(bytes_[at_++]);
            value |= std::uint64_t{byte & 0x7Fu} << shift;
            if ((byte & 0x80) == 0) {
                return value;
            }
        }
        fail("number too long at byte " + std::to_string(at_));
        return 0;
    }

    // A count of things still to read, each taking at least one byte: a count larger
    // than the bytes left is corrupt (and would otherwise reserve absurd memory).
    std::size_t count() {
        const std::uint64_t value = number();
        if (value > end_ - at_) {
            fail("count " + std::to_string(value) + " exceeds the bytes left");
            return 0;
        }
        return static_cast<std::size_t>(value);
    }

    std::string_view view() {
        const std::size_t zero = bytes_.substr(0, end_).find('\0', at_);
        if (zero == std::string_view::npos) {
            fail("unterminated string at byte " + std::to_string(at_));
            return {};
        }
        const std::string_view value = bytes_.substr(at_, zero - at_);
        at_ = zero + 1;
        return value;
    }

    std::string_view blob() {
        const std::size_t size = count();
        const std::string_view value = bytes_.substr(at_, size);
        at_ += size;
        return value;
    }

    void string(const char* name, std::string& out) {
        enter(name);
        out = view();
        leave();
    }

    void strings(const char* name, std::vector<std::string>& out) {
        enter(name, 0);
        const std::size_t n = count();
        out.reserve(n);
        for (std::size_t i = 0; i < n && ok(); ++i) {
            out.emplace_back(view());
        }
        leave();
    }

    // Calls `visit(locale, value)` for each entry of a text; English must be among them.
    template <typename Visit>
    void text_entries(Visit&& visit) {
        const std::size_t n = count();
        bool english = false;
        for (std::size_t i = 0; i < n && ok(); ++i) {
            const std::string_view locale = view();
            const std::string_view value = view();
            english = english || locale == kFallbackLocale;
            visit(locale, value);
        }
        if (ok() && !english) {
            fail("missing the English text");
        }
    }

    void text(const char* name, Text& out) {
        enter(name);
        text_entries([&](std::string_view locale, std::string_view value) {
            out.values.emplace(std::string(locale), std::string(value));
        });
        leave();
    }

    void skip_text(const char* name) {
        enter(name);
        text_entries([](std::string_view, std::string_view) {});
        leave();
    }

    template <typename Enum>
    void enumeration(const char* name, Enum& out, Enum last) {
        enter(name);
        const std::uint64_t value = number();
        if (ok() && value > static_cast<std::uint64_t>(last)) {
            fail("unknown value " + std::to_string(value));
        } else if (ok()) {
            out = static_cast<Enum>(value);
        }
        leave();
    }

    // Reads `n` (a count read first) elements with `read(index)` under `name`.
    template <typename Read>
    void each(const char* name, Read&& read) {
        enter(name, 0);
        const std::size_t n = count();
        for (std::size_t i = 0; i < n && ok(); ++i) {
            set_index(i);
            read(i);
        }
        leave();
    }

private:
    static constexpr std::size_t kNoIndex = static_cast<std::size_t>(-1);

    struct Step {
        const char* name;
        std::size_t index;
    };

    std::string_view bytes_;
    std::size_t at_;
    std::size_t end_;
    std::string error_;
    std::vector<Step> path_;
};

// ---- [SECTION] guides -----------------------------------------------------------------

void read_guide_header(Reader& r, Guide& guide) {
    r.string(".id", guide.id);
    r.string(".category", guide.category);
    r.enumeration(".risk", guide.risk, Risk::high);
    r.enumeration(".status", guide.status, Status::published);
    r.string(".reviewed", guide.reviewed);
    r.string(".revision", guide.revision);
    r.text(".title", guide.title);
    r.text(".summary", guide.summary);
    r.strings(".route.before", guide.route.before);
    r.strings(".route.after", guide.route.after);
    r.strings(".related", guide.related);
}

void read_guide_body(Reader& r, Guide& guide) {
    r.each(".keywords", [&](std::size_t) {
        std::string locale(r.view());
        r.strings("", guide.keywords[locale]);
    });
    r.string(".official.url", guide.official.url);
    r.text(".official.starts_with", guide.official.starts_with);

    r.each(".steps", [&](std::size_t) {
        Step& step = guide.steps.emplace_back();
        r.string(".id", step.id);
        r.enumeration(".kind", step.kind, StepKind::wait);
        r.text(".title", step.title);
        r.text(".text", step.text);
        r.text(".tip", step.tip);
        r.each(".substeps", [&](std::size_t) { r.text("", step.substeps.emplace_back()); });
        r.text(".do", step.do_);
        r.text(".check", step.check);
        r.text(".avoid", step.avoid);
    });
    r.each(".needs", [&](std::size_t) {
        Need& need = guide.needs.emplace_back();
        r.text(".name", need.name);
        r.text(".text", need.text);
    });
    r.each(".checklist", [&](std::size_t) {
        ChecklistGroup& group = guide.checklist.emplace_back();
        r.string(".id", group.id);
        r.text(".title", group.title);
        r.each(".items", [&](std::size_t) {
            ChecklistItem& item = group.items.emplace_back();
            r.string(".id", item.id);
            r.text(".text", item.text);
            r.enumeration(".level", item.level, ItemLevel::recommended);
        });
    });
    r.each(".traps", [&](std::size_t) {
        Trap& trap = guide.traps.emplace_back();
        r.text(".title", trap.title);
        r.text(".advice", trap.advice);
    });
    r.each(".faq", [&](std::size_t) {
        FaqEntry& entry = guide.faq.emplace_back();
        r.text(".question", entry.question);
        r.text(".answer", entry.answer);
    });
    r.each(".links", [&](std::size_t) {
        Link& link = guide.links.emplace_back();
        r.text(".label", link.label);
        r.enumeration(".kind", link.kind, LinkKind::guide);
        r.string(".url", link.url);
        r.string(".guide", link.guide);
    });

    r.each(".sources", [&](std::size_t) {
        Source& source = guide.sources.emplace_back();
        r.text(".title", source.title);
        r.text(".publisher", source.publisher);
        r.string(".url", source.url);
        r.string(".checked", source.checked);
    });
    r.text(".disclaimer", guide.disclaimer);
    std::uint64_t own = 0;
    r.enter(".own_disclaimer");
    own = r.number();
    r.leave();
    guide.own_disclaimer = own != 0;
}

// A record must end exactly where its size said: anything else means corrupt bytes.
void expect_end(Reader& r) {
    if (r.ok() && !r.at_end()) {
        r.fail("unread bytes at " + std::to_string(r.offset()));
    }
}

// The path prefix of one guide's record, e.g. "bundle.guides[3].body".
Reader guide_reader(const Bundle& bundle, std::size_t index, bool body) {
    const GuidePlace& place = bundle.places[index];
    if (body) {
        const std::size_t start = bundle.bodies_start + place.body;
        return Reader(bundle.bodies, start, start + place.body_size);
    }
    return Reader(bundle.bytes, place.header, place.header + place.header_size);
}

// Decodes the body of guides[index] into it; a no-op when already done.
bool load_body(const Bundle& bundle, std::size_t index, std::string* error) {
    if (bundle.bytes.empty() || bundle.body_loaded[index]) {
        return true;
    }
    if (!bundle.bodies_ready()) {
        if (error != nullptr) {
            *error = "bundle: the guides' bodies have not arrived yet";
        }
        return false;
    }
    Reader r = guide_reader(bundle, index, true);
    r.enter(".guides", index);
    r.enter(".body");
    Guide decoded;
    read_guide_body(r, decoded);
    expect_end(r);
    if (!r.ok()) {
        if (error != nullptr) {
            *error = r.error();
        }
        return false;
    }

    // the header stays; the body's fields move in
    Guide& guide = bundle.guides[index];
    decoded.id = std::move(guide.id);
    decoded.category = std::move(guide.category);
    decoded.risk = guide.risk;
    decoded.status = guide.status;
    decoded.reviewed = std::move(guide.reviewed);
    decoded.revision = std::move(guide.revision);
    decoded.title = std::move(guide.title);
    decoded.summary = std::move(guide.summary);
    decoded.route = std::move(guide.route);
    decoded.related = std::move(guide.related);
    guide = std::move(decoded);
    bundle.body_loaded[index] = true;
    return true;
}

}  // namespace

// ---- [SECTION] the bundle -------------------------------------------------------------

BundleFiles write_bundle(const Bundle& bundle) {
    // the bodies first: the head names them by a hash of their bytes
    Writer bodies;
    std::vector<std::size_t> body_sizes;
    for (const Guide& guide : bundle.guides) {
        const std::size_t before = bodies.out.size();
        write_guide_body(bodies, guide);
        body_sizes.push_back(bodies.out.size() - before);
    }
    char id[24];
    std::snprintf(id, sizeof id, "%016llx",
                  static_cast<unsigned long long>(fnv1a64(bodies.out)));

    Writer w;
    w.out.append(kMagic);
    w.number(kBundleFormat);
    w.string(id);

    // site, categories, UI strings
    w.strings(bundle.site.locales);
    w.string(bundle.site.report_email);
    w.text(bundle.site.disclaimer);
    w.number(bundle.site.emergency.size());
    for (const EmergencyNumber& number : bundle.site.emergency) {
        w.text(number.label);
        w.string(number.number);
    }
    w.number(bundle.categories.size());
    for (const Category& category : bundle.categories) {
        w.string(category.id);
        w.text(category.title);
    }
    w.number(bundle.ui.size());
    for (const UiStrings& strings : bundle.ui) {
        w.string(strings.locale);
        w.string(strings.name);
        w.number(strings.strings.size());
        for (const auto& [key, value] : strings.strings) {
            w.string(key);
            w.string(value);
        }
    }

    // each guide's header as a sized record, and its body's size in the bodies file
    w.number(bundle.guides.size());
    for (std::size_t i = 0; i < bundle.guides.size(); ++i) {
        Writer header;
        write_guide_header(header, bundle.guides[i]);
        w.blob(header.out);
        w.number(body_sizes[i]);
    }

    BundleFiles files;
    files.head = std::move(w.out);
    Writer preamble;
    preamble.out.append(kBodiesMagic);
    preamble.number(kBundleFormat);
    preamble.string(id);
    files.bodies = std::move(preamble.out) + bodies.out;
    return files;
}

std::optional<Bundle> load_bundle(std::string_view bytes, std::string* error) {
    auto report = [error](const std::string& message) -> std::optional<Bundle> {
        if (error != nullptr) {
            *error = message;
        }
        return std::nullopt;
    };

    // the magic and the layout version
    if (bytes.substr(0, kMagic.size()) != kMagic) {
        return report("bundle: not a Ruvoya content bundle (run `make content`)");
    }
    Reader r(bytes, kMagic.size(), bytes.size());
    if (r.number() != static_cast<std::uint64_t>(kBundleFormat)) {
        return report("bundle.format: expected " + std::to_string(kBundleFormat) +
                      " (run `make content`)");
    }

    // the bodies file this head belongs to, then site, categories, UI strings
    Bundle bundle;
    bundle.bytes = bytes;
    r.string(".bodies", bundle.bodies_id);
    r.enter(".site");
    r.strings(".locales", bundle.site.locales);
    r.string(".report_email", bundle.site.report_email);
    r.text(".disclaimer", bundle.site.disclaimer);
    r.each(".emergency", [&](std::size_t) {
        EmergencyNumber& number = bundle.site.emergency.emplace_back();
        r.text(".label", number.label);
        r.string(".number", number.number);
    });
    r.leave();
    r.each(".categories", [&](std::size_t) {
        Category& category = bundle.categories.emplace_back();
        r.string(".id", category.id);
        r.text(".title", category.title);
    });
    r.each(".ui", [&](std::size_t) {
        UiStrings& strings = bundle.ui.emplace_back();
        r.string(".locale", strings.locale);
        r.string(".name", strings.name);
        r.enter(".strings");
        const std::size_t n = r.count();
        for (std::size_t i = 0; i < n && r.ok(); ++i) {
            const std::string_view key = r.view();
            strings.strings.emplace(std::string(key), std::string(r.view()));
        }
        r.leave();
    });

    // guides: the headers now, the bodies' places for later
    std::string header_error;
    std::uint64_t bodies_size = 0;
    r.each(".guides", [&](std::size_t index) {
        GuidePlace place;
        const std::string_view header = r.blob();
        r.enter(".body_size");
        const std::uint64_t body_size = r.number();
        if (r.ok() && body_size > kMaxBodiesSize - bodies_size) {
            r.fail("larger than a bodies file can be");
        }
        r.leave();
        if (!r.ok()) {
            return;
        }
        place.header = static_cast<std::uint32_t>(header.data() - bytes.data());
        place.header_size = static_cast<std::uint32_t>(header.size());
        place.body = static_cast<std::uint32_t>(bodies_size);
        place.body_size = static_cast<std::uint32_t>(body_size);
        bodies_size += body_size;

        Reader h(bytes, place.header, place.header + place.header_size);
        h.enter(".guides", index);
        h.enter(".header");
        read_guide_header(h, bundle.guides.emplace_back());
        expect_end(h);
        if (!h.ok()) {
            header_error = h.error();
            r.fail(header_error);
            return;
        }
        bundle.places.push_back(place);
    });
    expect_end(r);
    if (!r.ok()) {
        // a header's own message names the place inside the guide
        return report(header_error.empty() ? r.error() : header_error);
    }
    bundle.bodies_size = bodies_size;
    bundle.body_loaded.assign(bundle.guides.size(), false);
    bundle.index_guides();
    return bundle;
}

bool attach_bodies(Bundle& bundle, std::string_view bodies, std::string* error) {
    auto report = [error](const std::string& message) {
        if (error != nullptr) {
            *error = message;
        }
        return false;
    };
    if (bundle.bytes.empty() || bundle.bodies_ready()) {
        return report("bundle: no loaded head waiting for its bodies");
    }
    if (bodies.substr(0, kBodiesMagic.size()) != kBodiesMagic) {
        return report("bundle.bodies: not a Ruvoya bodies file (run `make content`)");
    }
    Reader r(bodies, kBodiesMagic.size(), bodies.size());
    r.enter(".bodies");
    const std::uint64_t format = r.number();
    const std::string_view id = r.view();
    if (!r.ok()) {
        return report(r.error());
    }
    if (format != static_cast<std::uint64_t>(kBundleFormat) || id != bundle.bodies_id) {
        // a cached copy from another build: reloading fetches the matching one
        return report("bundle.bodies: from another build (" + std::string(id) +
                      ", the head expects " + bundle.bodies_id + ")");
    }
    if (bodies.size() - r.offset() != bundle.bodies_size) {
        return report("bundle.bodies: " + std::to_string(bodies.size() - r.offset()) +
                      " bytes of bodies, the head lists " + std::to_string(bundle.bodies_size));
    }
    bundle.bodies = bodies;
    bundle.bodies_start = r.offset();
    return true;
}

std::optional<Bundle> load_bundle(const BundleFiles& files, std::string* error) {
    std::optional<Bundle> bundle = load_bundle(files.head, error);
    if (bundle && !attach_bodies(*bundle, files.bodies, error)) {
        return std::nullopt;
    }
    return bundle;
}

const Guide* Bundle::load_guide(std::string_view id, std::string* error) const {
    const std::size_t index = guide_index(id);
    if (index >= guides.size()) {
        return nullptr;
    }
    if (!load_body(*this, index, error)) {
        return nullptr;
    }
    return &guides[index];
}

bool visit_texts(const Bundle& bundle, std::size_t index,
                 const std::function<void(const TextRef&)>& visit) {
    if (bundle.bytes.empty() || !bundle.bodies_ready() || index >= bundle.places.size()) {
        return false;
    }
    TextRef ref;
    auto text = [&](Reader& r, TextPlace place, std::string_view sub_id) {
        ref.place = place;
        ref.sub_id = sub_id;
        r.text_entries([&](std::string_view locale, std::string_view value) {
            ref.locale = locale;
            ref.text = value;
            visit(ref);
        });
    };

    // title and summary from the header, skipping what comes before them
    Reader h = guide_reader(bundle, index, false);
    h.view();
    h.view();
    h.number();
    h.number();
    h.view();
    h.view();
    text(h, TextPlace::title, {});
    text(h, TextPlace::summary, {});
    if (!h.ok()) {
        return false;
    }

    // the body, in its order; texts that are not searched are skipped
    Reader r = guide_reader(bundle, index, true);
    r.each("", [&](std::size_t) {
        ref.place = TextPlace::keyword;
        ref.sub_id = {};
        ref.locale = r.view();
        const std::size_t words = r.count();
        for (std::size_t i = 0; i < words && r.ok(); ++i) {
            ref.text = r.view();
            visit(ref);
        }
    });
    r.view();
    r.skip_text("");
    r.each("", [&](std::size_t) {
        const std::string_view id = r.view();
        r.number();
        text(r, TextPlace::step, id);
        text(r, TextPlace::step, id);
        text(r, TextPlace::step, id);
        r.each("", [&](std::size_t) { text(r, TextPlace::substep, id); });
        r.skip_text("");
        r.skip_text("");
        r.skip_text("");
    });
    r.each("", [&](std::size_t) {
        text(r, TextPlace::need, {});
        text(r, TextPlace::need, {});
    });
    r.each("", [&](std::size_t) {
        r.view();
        r.skip_text("");
        r.each("", [&](std::size_t) {
            const std::string_view id = r.view();
            text(r, TextPlace::checklist, id);
            r.number();
        });
    });
    r.each("", [&](std::size_t) {
        text(r, TextPlace::trap, {});
        text(r, TextPlace::trap, {});
    });
    r.each("", [&](std::size_t) {
        text(r, TextPlace::question, {});
        text(r, TextPlace::answer, {});
    });
    r.each("", [&](std::size_t) {
        text(r, TextPlace::link, {});
        r.number();
        r.view();
        r.view();
    });
    return r.ok();
}

// ---- [SECTION] catalogue order ---------------------------------------------------------

std::vector<const Guide*> catalogue_order(const Bundle& bundle) {
    std::vector<const Guide*> published;
    for (const Guide& g : bundle.guides) {
        if (!g.is_draft()) {
            published.push_back(&g);
        }
    }
    std::unordered_map<std::string_view, int> numbers;
    numbers.reserve(published.size());
    for (size_t i = 0; i < published.size(); ++i) {
        numbers.emplace(published[i]->id, static_cast<int>(i));
    }
    auto index_of = [&](const std::string& id) -> int {
        const auto it = numbers.find(id);
        return it == numbers.end() ? -1 : it->second;
    };
    const size_t n = published.size();
    std::vector<std::vector<int>> next(n);
    std::vector<int> incoming(n, 0);
    for (size_t i = 0; i < n; ++i) {
        for (const std::string& b : published[i]->route.before) {
            if (int j = index_of(b); j >= 0) {
                next[j].push_back(static_cast<int>(i));
                incoming[i]++;
            }
        }
        for (const std::string& a : published[i]->route.after) {
            if (int j = index_of(a); j >= 0) {
                next[i].push_back(j);
                incoming[j]++;
            }
        }
    }

    // Kahn's algorithm, always taking the earliest file first (a min-heap of the guides
    // whose predecessors are all placed: a scan per pick was quadratic, 1,000 guides took
    // milliseconds at start-up); the compiler has already refused cycles, but any
    // left-over guide is appended rather than lost
    std::vector<int> topo;
    topo.reserve(n);
    std::vector<char> placed(n, 0);
    std::priority_queue<int, std::vector<int>, std::greater<int>> ready;
    for (size_t i = 0; i < n; ++i) {
        if (incoming[i] == 0) {
            ready.push(static_cast<int>(i));
        }
    }
    while (!ready.empty()) {
        const int pick = ready.top();
        ready.pop();
        placed[pick] = 1;
        topo.push_back(pick);
        for (int j : next[pick]) {
            if (--incoming[j] == 0) {
                ready.push(j);
            }
        }
    }
    for (size_t i = 0; i < n; ++i) {
        if (!placed[i]) {
            topo.push_back(static_cast<int>(i));
        }
    }

    std::vector<const Guide*> order;
    order.reserve(n);
    for (const Category& c : bundle.categories) {
        for (int i : topo) {
            if (published[i]->category == c.id) {
                order.push_back(published[i]);
            }
        }
    }
    return order;
}


}  // namespace ruvoya::content
