// Lookups on the content model: localised text with English fallback, enum spellings,
// and finding guides, categories, steps and checklist items by id.
#include "core/content/model.hpp"

#include <array>

namespace ruvoya::content {

namespace {

// The JSON spelling of each enumerator, indexed by the enumerator's value.
constexpr std::array<std::string_view, 3> kRiskNames = {"low", "moderate", "high"};
constexpr std::array<std::string_view, 2> kStatusNames = {"draft", "published"};
constexpr std::array<std::string_view, 8> kStepKindNames = {
    "check", "browser", "documents", "call", "visit", "app", "payment", "wait"};
constexpr std::array<std::string_view, 2> kItemLevelNames = {"required", "recommended"};
constexpr std::array<std::string_view, 3> kLinkKindNames = {"official", "provider", "guide"};

template <typename Enum, std::size_t N>
std::optional<Enum> parse_enum(const std::array<std::string_view, N>& names,
                               std::string_view name) {
    for (std::size_t i = 0; i < N; ++i) {
        if (names[i] == name) {
            return static_cast<Enum>(i);
        }
    }
    return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string_view enum_name(const std::array<std::string_view, N>& names, Enum value) {
    const auto index = static_cast<std::size_t>(value);
    return index < N ? names[index] : std::string_view();
}

const std::string& empty_string() {
    static const std::string empty;
    return empty;
}

}  // namespace

// ---- Text ---------------------------------------------------------------------------

const std::string& Text::get(std::string_view locale, bool* fell_back) const {
    if (auto it = values.find(locale); it != values.end()) {
        if (fell_back != nullptr) {
            *fell_back = false;
        }
        return it->second;
    }
    if (fell_back != nullptr) {
        *fell_back = true;
    }
    if (auto it = values.find(kFallbackLocale); it != values.end()) {
        return it->second;
    }
    return empty_string();
}

bool Text::has(std::string_view locale) const {
    return values.find(locale) != values.end();
}

// ---- enum spellings -------------------------------------------------------------------

std::string_view to_string(Risk value) {
    return enum_name(kRiskNames, value);
}
std::string_view to_string(Status value) {
    return enum_name(kStatusNames, value);
}
std::string_view to_string(StepKind value) {
    return enum_name(kStepKindNames, value);
}
std::string_view to_string(ItemLevel value) {
    return enum_name(kItemLevelNames, value);
}
std::string_view to_string(LinkKind value) {
    return enum_name(kLinkKindNames, value);
}

std::optional<Risk> parse_risk(std::string_view name) {
    return parse_enum<Risk>(kRiskNames, name);
}
std::optional<Status> parse_status(std::string_view name) {
    return parse_enum<Status>(kStatusNames, name);
}
std::optional<StepKind> parse_step_kind(std::string_view name) {
    return parse_enum<StepKind>(kStepKindNames, name);
}
std::optional<ItemLevel> parse_item_level(std::string_view name) {
    return parse_enum<ItemLevel>(kItemLevelNames, name);
}
std::optional<LinkKind> parse_link_kind(std::string_view name) {
    return parse_enum<LinkKind>(kLinkKindNames, name);
}

// ---- finding things by id -------------------------------------------------------------

const ChecklistItem* Guide::find_item(std::string_view item_id) const {
    for (const ChecklistGroup& group : checklist) {
        for (const ChecklistItem& item : group.items) {
            if (item.id == item_id) {
                return &item;
            }
        }
    }
    return nullptr;
}

const Step* Guide::find_step(std::string_view step_id) const {
    for (const Step& step : steps) {
        if (step.id == step_id) {
            return &step;
        }
    }
    return nullptr;
}

std::size_t Bundle::guide_index(std::string_view id) const {
    // the map when it covers every guide; a linear search for a bundle still being built
    if (ids_.size() == guides.size()) {
        const auto it = ids_.find(std::string(id));
        return it == ids_.end() ? guides.size() : it->second;
    }
    for (std::size_t i = 0; i < guides.size(); ++i) {
        if (guides[i].id == id) {
            return i;
        }
    }
    return guides.size();
}

const Guide* Bundle::find_guide(std::string_view id) const {
    const std::size_t index = guide_index(id);
    return index < guides.size() ? &guides[index] : nullptr;
}

void Bundle::index_guides() {
    ids_.clear();
    ids_.reserve(guides.size());
    for (std::size_t i = 0; i < guides.size(); ++i) {
        ids_.emplace(guides[i].id, i);
    }
}

const Category* Bundle::find_category(std::string_view id) const {
    for (const Category& category : categories) {
        if (category.id == id) {
            return &category;
        }
    }
    return nullptr;
}

const UiStrings* Bundle::find_ui(std::string_view locale) const {
    for (const UiStrings& strings : ui) {
        if (strings.locale == locale) {
            return &strings;
        }
    }
    return nullptr;
}

std::string_view Bundle::ui_text(std::string_view locale, std::string_view key,
                                 bool* fell_back) const {
    // the requested locale first, then English, then the key itself
    if (fell_back != nullptr) {
        *fell_back = false;
    }
    if (const UiStrings* strings = find_ui(locale)) {
        if (auto it = strings->strings.find(key); it != strings->strings.end()) {
            return it->second;
        }
    }
    if (fell_back != nullptr) {
        *fell_back = true;
    }
    if (const UiStrings* strings = find_ui(kFallbackLocale)) {
        if (auto it = strings->strings.find(key); it != strings->strings.end()) {
            return it->second;
        }
    }
    return key;
}

}  // namespace ruvoya::content
