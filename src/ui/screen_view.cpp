// The screen view, fed by Dear ImGui's test-engine hooks (IMGUI_ENABLE_TEST_ENGINE): ItemAdd
// gives each item's rectangle, ItemInfo its label and checked or open state.
#include "ui/screen_view.hpp"

#include <cstdlib>
#include <cstring>

#include <nlohmann/json.hpp>

#include "imgui_internal.h"
#include "ui/semantics.hpp"

namespace ruvoya::ui::screen_view {

namespace {

std::vector<Item> g_items;
std::string g_next_kind;

// the visible part of the label: ImGui hides "##id" suffixes from the user
std::string visible_label(const char* label) {
    if (!label) {
        return {};
    }
    const char* end = std::strstr(label, "##");
    return end ? std::string(label, end) : std::string(label);
}

Item* find(unsigned id) {
    for (auto it = g_items.rbegin(); it != g_items.rend(); ++it) {
        if (it->id == id) {
            return &*it;
        }
    }
    return nullptr;
}

}  // namespace

void begin_frame() {
    g_items.clear();
    semantics::begin_frame();
}

void set_next_kind(const char* kind) {
    g_next_kind = kind;
}

void add_last_item_as(const char* kind, const std::string& label, int level) {
    semantics::add(kind, label, 0, level);

    // like every item, only what is inside its window's clip rectangle is on screen
    const ImRect r = GImGui->LastItemData.Rect;
    ImGuiWindow* window = GImGui->CurrentWindow;
    if (window && !r.Overlaps(window->ClipRect)) {
        return;
    }
    Item item;
    item.kind = kind;
    item.label = label;
    item.level = level;
    item.x = r.Min.x;
    item.y = r.Min.y;
    item.w = r.GetWidth();
    item.h = r.GetHeight();
    g_items.push_back(std::move(item));
}

void describe_last_item(const std::string& label, const char* kind, int state) {
    const unsigned id = GImGui->LastItemData.ID;
    semantics::add(kind, label, id, 0, state);
    semantics::decorate_last_item(id);

    Item* item = find(id);
    if (!item) {
        return;
    }
    item->label = label;
    item->kind = kind;
    if (std::strcmp(kind, "checkbox") == 0) {
        item->checkable = true;
        item->checked = state > 0;
    } else if (std::strcmp(kind, "disclosure") == 0) {
        item->openable = true;
        item->open = state > 0;
    }
}

void begin_region(const char* role) {
    semantics::begin_region(role);
}

void end_region() {
    semantics::end_region();
}

bool take_activation() {
    return semantics::take_activation(GImGui->LastItemData.ID);
}

bool sync_text(std::string* value, bool multiline) {
    const bool changed = semantics::take_text(GImGui->LastItemData.ID, value);
    semantics::set_last_value(*value, multiline);
    return changed;
}

bool sync_choice(const std::vector<std::string>& options, int* chosen) {
    // the DOM sends the chosen index as text; anything else is ignored
    std::string text = std::to_string(*chosen);
    bool changed = false;
    if (semantics::take_text(GImGui->LastItemData.ID, &text)) {
        char* end = nullptr;
        const long index = std::strtol(text.c_str(), &end, 10);
        if (end != text.c_str() && *end == 0 && index >= 0 &&
            index < static_cast<long>(options.size()) && index != *chosen) {
            *chosen = static_cast<int>(index);
            changed = true;
        }
    }
    semantics::set_last_options(options, *chosen);
    return changed;
}

const std::vector<Item>& items() {
    return g_items;
}

std::string items_json() {
    nlohmann::json out = nlohmann::json::array();
    for (const Item& item : g_items) {
        if (item.kind.empty()) {
            continue;
        }
        nlohmann::json j = {{"label", item.label}, {"kind", item.kind},
                            {"x", item.x},         {"y", item.y},
                            {"w", item.w},         {"h", item.h}};
        if (item.checkable) {
            j["checked"] = item.checked;
        }
        if (item.openable) {
            j["open"] = item.open;
        }
        if (item.level > 0) {
            j["level"] = item.level;
        }
        out.push_back(std::move(j));
    }
    return out.dump();
}

namespace {

void on_item_add(ImGuiContext* ctx, ImGuiID id, const ImRect& bb) {
    // only items inside their window's clip rectangle are on screen
    ImGuiWindow* window = ctx->CurrentWindow;
    if (id == 0 || !window || id == window->ID || !bb.Overlaps(window->ClipRect)) {
        return;
    }
    Item item;
    item.id = id;
    item.x = bb.Min.x;
    item.y = bb.Min.y;
    item.w = bb.GetWidth();
    item.h = bb.GetHeight();
    g_items.push_back(std::move(item));
}

void on_item_info(ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    Item* item = find(id);
    if (!item) {
        return;
    }
    item->label = visible_label(label);
    item->checkable = (flags & ImGuiItemStatusFlags_Checkable) != 0;
    item->checked = (flags & ImGuiItemStatusFlags_Checked) != 0;
    item->openable = (flags & ImGuiItemStatusFlags_Openable) != 0;
    item->open = (flags & ImGuiItemStatusFlags_Opened) != 0;
    if (!g_next_kind.empty()) {
        item->kind = g_next_kind;
        g_next_kind.clear();
    } else if (item->checkable) {
        item->kind = "checkbox";
    } else if (item->openable) {
        item->kind = "disclosure";
    } else if (flags & ImGuiItemStatusFlags_Inputable) {
        item->kind = "input";
    } else {
        item->kind = "button";
    }
}

}  // namespace

}  // namespace ruvoya::ui::screen_view

// Dear ImGui calls these when IMGUI_ENABLE_TEST_ENGINE is defined and hooks are on.
void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb,
                                 const ImGuiLastItemData*) {
    ruvoya::ui::screen_view::on_item_add(ctx, id, bb);
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label,
                                  ImGuiItemStatusFlags flags) {
    ruvoya::ui::screen_view::on_item_info(id, label, flags);
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) {
    return nullptr;
}

// the test hook in platform.js reads the screen view through this
extern "C" const char* ruvoya_items_json() {
    static std::string json;
    json = ruvoya::ui::screen_view::items_json();
    return json.c_str();
}
