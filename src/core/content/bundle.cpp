// Reading and writing the compiled content bundle. The reader checks every type before
// reading a value (nlohmann's get<>() would throw on a mismatch) and stops at the first
// bad value, naming its JSON path.
#include "core/content/bundle.hpp"

#include <functional>

#include <nlohmann/json.hpp>

namespace ruvoya::content {

namespace {

using Json = nlohmann::json;

// ---- reading --------------------------------------------------------------------------

// Collects the first error; later reads after a failure are harmless no-ops in effect.
class Reader {
public:
    bool ok() const { return error_.empty(); }
    const std::string& error() const { return error_; }

    void fail(const std::string& path, const std::string& message) {
        if (error_.empty()) {
            error_ = path + ": " + message;
        }
    }

    // The member `key` of `object`, or null (after reporting) when it is missing and
    // required. Returns null without an error for a missing optional member.
    const Json* member(const Json& object, const char* key, const std::string& path,
                       bool required = true) {
        auto it = object.find(key);
        if (it == object.end()) {
            if (required) {
                fail(path, std::string("missing \"") + key + "\"");
            }
            return nullptr;
        }
        return &*it;
    }

    void string(const Json& object, const char* key, const std::string& path, std::string& out,
                bool required = true) {
        const Json* value = member(object, key, path, required);
        if (value == nullptr) {
            return;
        }
        if (!value->is_string()) {
            fail(path + "." + key, "expected a string");
            return;
        }
        out = value->get_ref<const std::string&>();
    }

    void text_value(const Json& value, const std::string& path, Text& out) {
        if (!value.is_object()) {
            fail(path, "expected an object of texts by locale");
            return;
        }
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (!it.value().is_string()) {
                fail(path + "." + it.key(), "expected a string");
                return;
            }
            out.values.emplace(it.key(), it.value().get_ref<const std::string&>());
        }
        if (!out.has(kFallbackLocale)) {
            fail(path, "missing the English text");
        }
    }

    void text(const Json& object, const char* key, const std::string& path, Text& out,
              bool required = true) {
        if (const Json* value = member(object, key, path, required)) {
            text_value(*value, path + "." + key, out);
        }
    }

    void strings(const Json& object, const char* key, const std::string& path,
                 std::vector<std::string>& out) {
        each(object, key, path, [&](const Json& value, const std::string& item_path) {
            if (!value.is_string()) {
                fail(item_path, "expected a string");
                return;
            }
            out.push_back(value.get_ref<const std::string&>());
        });
    }

    void texts(const Json& object, const char* key, const std::string& path,
               std::vector<Text>& out) {
        each(object, key, path, [&](const Json& value, const std::string& item_path) {
            out.emplace_back();
            text_value(value, item_path, out.back());
        });
    }

    // Calls `read` for each element of the array `object[key]`, stopping at an error.
    void each(const Json& object, const char* key, const std::string& path,
              const std::function<void(const Json&, const std::string&)>& read) {
        const Json* value = member(object, key, path);
        if (value == nullptr) {
            return;
        }
        const std::string array_path = path + "." + key;
        if (!value->is_array()) {
            fail(array_path, "expected an array");
            return;
        }
        for (std::size_t i = 0; i < value->size() && ok(); ++i) {
            read((*value)[i], array_path + "[" + std::to_string(i) + "]");
        }
    }

    // Checks that `value` is an object before its members are read.
    bool object(const Json& value, const std::string& path) {
        if (!value.is_object()) {
            fail(path, "expected an object");
            return false;
        }
        return true;
    }

    template <typename Enum>
    void enumeration(const Json& object, const char* key, const std::string& path, Enum& out,
                     std::optional<Enum> (*parse)(std::string_view)) {
        std::string name;
        string(object, key, path, name);
        if (!ok()) {
            return;
        }
        if (auto value = parse(name)) {
            out = *value;
        } else {
            fail(path + "." + key, "unknown value \"" + name + "\"");
        }
    }

private:
    std::string error_;
};

void read_site(Reader& r, const Json& value, Site& site) {
    const std::string path = "bundle.site";
    if (!r.object(value, path)) {
        return;
    }
    r.strings(value, "locales", path, site.locales);
    r.string(value, "report_email", path, site.report_email);
    r.text(value, "disclaimer", path, site.disclaimer);
    r.each(value, "emergency", path, [&](const Json& entry, const std::string& entry_path) {
        if (!r.object(entry, entry_path)) {
            return;
        }
        EmergencyNumber number;
        r.text(entry, "label", entry_path, number.label);
        r.string(entry, "number", entry_path, number.number);
        site.emergency.push_back(std::move(number));
    });
}

void read_step(Reader& r, const Json& value, const std::string& path, Step& step) {
    if (!r.object(value, path)) {
        return;
    }
    r.string(value, "id", path, step.id);
    r.enumeration(value, "kind", path, step.kind, parse_step_kind);
    r.text(value, "title", path, step.title);
    r.text(value, "text", path, step.text);
    r.text(value, "tip", path, step.tip);
    r.texts(value, "substeps", path, step.substeps);
    r.text(value, "do", path, step.do_);
    r.text(value, "check", path, step.check);
    r.text(value, "avoid", path, step.avoid);
}

void read_checklist_group(Reader& r, const Json& value, const std::string& path,
                          ChecklistGroup& group) {
    if (!r.object(value, path)) {
        return;
    }
    r.string(value, "id", path, group.id);
    r.text(value, "title", path, group.title);
    r.each(value, "items", path, [&](const Json& entry, const std::string& entry_path) {
        if (!r.object(entry, entry_path)) {
            return;
        }
        ChecklistItem item;
        r.string(entry, "id", entry_path, item.id);
        r.text(entry, "text", entry_path, item.text);
        r.enumeration(entry, "level", entry_path, item.level, parse_item_level);
        group.items.push_back(std::move(item));
    });
}

void read_link(Reader& r, const Json& value, const std::string& path, Link& link) {
    if (!r.object(value, path)) {
        return;
    }
    r.text(value, "label", path, link.label);
    r.enumeration(value, "kind", path, link.kind, parse_link_kind);
    r.string(value, "url", path, link.url, link.kind != LinkKind::guide);
    r.string(value, "guide", path, link.guide, link.kind == LinkKind::guide);
}

void read_keywords(Reader& r, const Json& value, const std::string& path, Keywords& out) {
    if (!r.object(value, path)) {
        return;
    }
    for (auto it = value.begin(); it != value.end() && r.ok(); ++it) {
        const std::string locale_path = path + "." + it.key();
        if (!it.value().is_array()) {
            r.fail(locale_path, "expected an array");
            return;
        }
        std::vector<std::string>& words = out[it.key()];
        for (const Json& word : it.value()) {
            if (!word.is_string()) {
                r.fail(locale_path, "expected strings");
                return;
            }
            words.push_back(word.get_ref<const std::string&>());
        }
    }
}

void read_guide(Reader& r, const Json& value, const std::string& path, Guide& guide) {
    if (!r.object(value, path)) {
        return;
    }

    // identity and status
    r.string(value, "id", path, guide.id);
    r.string(value, "category", path, guide.category);
    r.enumeration(value, "risk", path, guide.risk, parse_risk);
    r.enumeration(value, "status", path, guide.status, parse_status);
    r.string(value, "reviewed", path, guide.reviewed);
    r.string(value, "revision", path, guide.revision);
    r.text(value, "title", path, guide.title);
    r.text(value, "summary", path, guide.summary);
    if (const Json* keywords = r.member(value, "keywords", path, false)) {
        read_keywords(r, *keywords, path + ".keywords", guide.keywords);
    }

    // official entry point and route
    if (const Json* official = r.member(value, "official", path)) {
        const std::string official_path = path + ".official";
        if (r.object(*official, official_path)) {
            r.string(*official, "url", official_path, guide.official.url);
            r.text(*official, "starts_with", official_path, guide.official.starts_with);
        }
    }
    if (const Json* route = r.member(value, "route", path)) {
        const std::string route_path = path + ".route";
        if (r.object(*route, route_path)) {
            r.strings(*route, "before", route_path, guide.route.before);
            r.strings(*route, "after", route_path, guide.route.after);
        }
    }

    // the body sections
    r.each(value, "steps", path, [&](const Json& entry, const std::string& entry_path) {
        guide.steps.emplace_back();
        read_step(r, entry, entry_path, guide.steps.back());
    });
    r.each(value, "needs", path, [&](const Json& entry, const std::string& entry_path) {
        if (!r.object(entry, entry_path)) {
            return;
        }
        Need need;
        r.text(entry, "name", entry_path, need.name);
        r.text(entry, "text", entry_path, need.text);
        guide.needs.push_back(std::move(need));
    });
    r.each(value, "checklist", path, [&](const Json& entry, const std::string& entry_path) {
        guide.checklist.emplace_back();
        read_checklist_group(r, entry, entry_path, guide.checklist.back());
    });
    r.each(value, "links", path, [&](const Json& entry, const std::string& entry_path) {
        guide.links.emplace_back();
        read_link(r, entry, entry_path, guide.links.back());
    });
    r.each(value, "traps", path, [&](const Json& entry, const std::string& entry_path) {
        if (!r.object(entry, entry_path)) {
            return;
        }
        Trap trap;
        r.text(entry, "title", entry_path, trap.title);
        r.text(entry, "advice", entry_path, trap.advice);
        guide.traps.push_back(std::move(trap));
    });
    r.each(value, "faq", path, [&](const Json& entry, const std::string& entry_path) {
        if (!r.object(entry, entry_path)) {
            return;
        }
        FaqEntry faq;
        r.text(entry, "question", entry_path, faq.question);
        r.text(entry, "answer", entry_path, faq.answer);
        guide.faq.push_back(std::move(faq));
    });
    r.each(value, "sources", path, [&](const Json& entry, const std::string& entry_path) {
        if (!r.object(entry, entry_path)) {
            return;
        }
        Source source;
        r.text(entry, "title", entry_path, source.title);
        r.text(entry, "publisher", entry_path, source.publisher);
        r.string(entry, "url", entry_path, source.url);
        r.string(entry, "checked", entry_path, source.checked);
        guide.sources.push_back(std::move(source));
    });

    // closing matter
    r.text(value, "disclaimer", path, guide.disclaimer);
    if (const Json* own = r.member(value, "own_disclaimer", path)) {
        if (own->is_boolean()) {
            guide.own_disclaimer = own->get<bool>();
        } else {
            r.fail(path + ".own_disclaimer", "expected true or false");
        }
    }
    r.strings(value, "related", path, guide.related);
}

// ---- writing --------------------------------------------------------------------------

Json text_json(const Text& text) {
    Json out = Json::object();
    for (const auto& [locale, value] : text.values) {
        out[locale] = value;
    }
    return out;
}

Json texts_json(const std::vector<Text>& texts) {
    Json out = Json::array();
    for (const Text& text : texts) {
        out.push_back(text_json(text));
    }
    return out;
}

Json guide_json(const Guide& guide) {
    Json out = Json::object();
    out["id"] = guide.id;
    out["category"] = guide.category;
    out["risk"] = to_string(guide.risk);
    out["status"] = to_string(guide.status);
    out["reviewed"] = guide.reviewed;
    out["revision"] = guide.revision;
    out["title"] = text_json(guide.title);
    out["summary"] = text_json(guide.summary);
    Json keywords = Json::object();
    for (const auto& [locale, words] : guide.keywords) {
        keywords[locale] = words;
    }
    out["keywords"] = std::move(keywords);
    out["official"] = {{"url", guide.official.url},
                       {"starts_with", text_json(guide.official.starts_with)}};
    out["route"] = {{"before", guide.route.before}, {"after", guide.route.after}};

    Json steps = Json::array();
    for (const Step& step : guide.steps) {
        steps.push_back({{"id", step.id},
                         {"kind", to_string(step.kind)},
                         {"title", text_json(step.title)},
                         {"text", text_json(step.text)},
                         {"tip", text_json(step.tip)},
                         {"substeps", texts_json(step.substeps)},
                         {"do", text_json(step.do_)},
                         {"check", text_json(step.check)},
                         {"avoid", text_json(step.avoid)}});
    }
    out["steps"] = std::move(steps);

    Json needs = Json::array();
    for (const Need& need : guide.needs) {
        needs.push_back({{"name", text_json(need.name)}, {"text", text_json(need.text)}});
    }
    out["needs"] = std::move(needs);

    Json checklist = Json::array();
    for (const ChecklistGroup& group : guide.checklist) {
        Json items = Json::array();
        for (const ChecklistItem& item : group.items) {
            items.push_back({{"id", item.id},
                             {"text", text_json(item.text)},
                             {"level", to_string(item.level)}});
        }
        checklist.push_back(
            {{"id", group.id}, {"title", text_json(group.title)}, {"items", std::move(items)}});
    }
    out["checklist"] = std::move(checklist);

    Json links = Json::array();
    for (const Link& link : guide.links) {
        Json entry = {{"label", text_json(link.label)}, {"kind", to_string(link.kind)}};
        if (link.kind == LinkKind::guide) {
            entry["guide"] = link.guide;
        } else {
            entry["url"] = link.url;
        }
        links.push_back(std::move(entry));
    }
    out["links"] = std::move(links);

    Json traps = Json::array();
    for (const Trap& trap : guide.traps) {
        traps.push_back({{"title", text_json(trap.title)}, {"advice", text_json(trap.advice)}});
    }
    out["traps"] = std::move(traps);

    Json faq = Json::array();
    for (const FaqEntry& entry : guide.faq) {
        faq.push_back(
            {{"question", text_json(entry.question)}, {"answer", text_json(entry.answer)}});
    }
    out["faq"] = std::move(faq);

    Json sources = Json::array();
    for (const Source& source : guide.sources) {
        sources.push_back({{"title", text_json(source.title)},
                           {"publisher", text_json(source.publisher)},
                           {"url", source.url},
                           {"checked", source.checked}});
    }
    out["sources"] = std::move(sources);

    out["disclaimer"] = text_json(guide.disclaimer);
    out["own_disclaimer"] = guide.own_disclaimer;
    out["related"] = guide.related;
    return out;
}

}  // namespace

std::optional<Bundle> load_bundle(std::string_view json, std::string* error) {
    auto report = [error](const std::string& message) -> std::optional<Bundle> {
        if (error != nullptr) {
            *error = message;
        }
        return std::nullopt;
    };

    // parse without exceptions, then check the layout version
    const Json root = Json::parse(json.begin(), json.end(), nullptr, false);
    if (root.is_discarded()) {
        return report("bundle: not valid JSON");
    }
    if (!root.is_object()) {
        return report("bundle: expected an object");
    }
    auto format = root.find("format");
    if (format == root.end() || !format->is_number_integer() ||
        format->get<int>() != kBundleFormat) {
        return report("bundle.format: expected " + std::to_string(kBundleFormat));
    }

    // read each part; the reader stops at the first bad value
    Reader r;
    Bundle bundle;
    if (const Json* site = r.member(root, "site", "bundle")) {
        read_site(r, *site, bundle.site);
    }
    r.each(root, "categories", "bundle", [&](const Json& entry, const std::string& path) {
        if (!r.object(entry, path)) {
            return;
        }
        Category category;
        r.string(entry, "id", path, category.id);
        r.text(entry, "title", path, category.title);
        bundle.categories.push_back(std::move(category));
    });
    r.each(root, "ui", "bundle", [&](const Json& entry, const std::string& path) {
        if (!r.object(entry, path)) {
            return;
        }
        UiStrings strings;
        r.string(entry, "locale", path, strings.locale);
        r.string(entry, "name", path, strings.name);
        if (const Json* map = r.member(entry, "strings", path)) {
            if (!map->is_object()) {
                r.fail(path + ".strings", "expected an object");
                return;
            }
            for (auto it = map->begin(); it != map->end(); ++it) {
                if (!it.value().is_string()) {
                    r.fail(path + ".strings." + it.key(), "expected a string");
                    return;
                }
                strings.strings.emplace(it.key(), it.value().get_ref<const std::string&>());
            }
        }
        bundle.ui.push_back(std::move(strings));
    });
    r.each(root, "guides", "bundle", [&](const Json& entry, const std::string& path) {
        bundle.guides.emplace_back();
        read_guide(r, entry, path, bundle.guides.back());
    });

    if (!r.ok()) {
        return report(r.error());
    }
    return bundle;
}

std::string write_bundle(const Bundle& bundle) {
    Json root = Json::object();
    root["format"] = kBundleFormat;

    Json emergency = Json::array();
    for (const EmergencyNumber& number : bundle.site.emergency) {
        emergency.push_back({{"label", text_json(number.label)}, {"number", number.number}});
    }
    root["site"] = {{"locales", bundle.site.locales},
                    {"report_email", bundle.site.report_email},
                    {"disclaimer", text_json(bundle.site.disclaimer)},
                    {"emergency", std::move(emergency)}};

    Json categories = Json::array();
    for (const Category& category : bundle.categories) {
        categories.push_back({{"id", category.id}, {"title", text_json(category.title)}});
    }
    root["categories"] = std::move(categories);

    Json ui = Json::array();
    for (const UiStrings& strings : bundle.ui) {
        Json map = Json::object();
        for (const auto& [key, value] : strings.strings) {
            map[key] = value;
        }
        ui.push_back({{"locale", strings.locale}, {"name", strings.name}, {"strings", map}});
    }
    root["ui"] = std::move(ui);

    Json guides = Json::array();
    for (const Guide& guide : bundle.guides) {
        guides.push_back(guide_json(guide));
    }
    root["guides"] = std::move(guides);

    // invalid UTF-8 is replaced rather than thrown on; the compiler rejects it earlier
    return root.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace ruvoya::content
