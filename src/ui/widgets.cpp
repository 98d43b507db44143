// Widgets: see widgets.hpp. Custom widgets are an invisible button (which gives ImGui's
// hover, press, keyboard navigation and focus ring) with our own drawing on top.
//
// A guide is drawn whole every frame, so that its layout, the screen view and the DOM tree
// always hold every section; what is off screen costs little. Text is measured once per
// text, font, size and wrap width (measure()), and an item outside the window's clip
// rectangle takes its place without drawing.
#include "ui/widgets.hpp"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/text/text.hpp"
#include "imgui_internal.h"
#include "ui/fonts.hpp"
#include "ui/screen_view.hpp"
#include "ui/semantics.hpp"
#include "ui/theme.hpp"

namespace ruvoya::ui::widgets {

namespace {

ImU32 col(const ImVec4& c) {
    return ImGui::ColorConvertFloat4ToU32(c);
}

float body() {
    return ImGui::GetStyle().FontSizeBase;
}

struct Card {
    ImVec2 start;
    ImVec4 bg, border;
    float pad;
};
std::vector<Card> g_cards;

// an invisible, navigable button of `size`, with the keyboard focus ring drawn; it is also
// pressed when the semantic DOM tree activates it (even while scrolled off screen)
bool press_area(const char* id, ImVec2 size, bool* hovered, bool* held) {
    bool pressed = ImGui::InvisibleButton(id, size, ImGuiButtonFlags_EnableNav);
    pressed = semantics::take_activation(GImGui->LastItemData.ID) || pressed;
    *hovered = ImGui::IsItemHovered();
    *held = ImGui::IsItemActive();
    ImGui::RenderNavCursor(GImGui->LastItemData.Rect, GImGui->LastItemData.ID);
    return pressed;
}

// [SECTION] Measured text ------------------------------------------------------------------

// the sizes of the texts measured recently, by a hash of text, font, size and wrap width;
// emptied when it grows past kMaxMeasured, so sizes of texts no longer shown do not pile up
constexpr size_t kMaxMeasured = 8192;
std::unordered_map<std::uint64_t, ImVec2> g_measured;

// folds the bytes of a value (a pointer, a float) into a hash
template <typename T>
std::uint64_t mix(std::uint64_t h, const T& value) {
    return text::fnv1a(std::string_view(reinterpret_cast<const char*>(&value), sizeof value), h);
}

// what ImGui::CalcTextSize() gives for the whole text in the current font, remembered
ImVec2 measure(const std::string& s, float wrap_width) {
    const ImGuiContext& g = *GImGui;
    std::uint64_t h = mix(text::fnv1a(s), g.Font);
    h = mix(mix(mix(h, g.FontSize), g.FontRasterizerDensity), wrap_width);
    const auto found = g_measured.find(h);
    if (found != g_measured.end()) {
        return found->second;
    }

    const ImVec2 size = ImGui::CalcTextSize(s.data(), s.data() + s.size(), false, wrap_width);
    if (g_measured.size() >= kMaxMeasured) {
        g_measured.clear();
    }
    g_measured.emplace(h, size);
    return size;
}

// ImGui::TextUnformatted() with the size measured once: it wraps at the text wrap position
// pushed, and is drawn only when it is inside the clip rectangle
void wrapped_text(const std::string& s) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) {
        return;
    }
    const ImVec2 at(window->DC.CursorPos.x,
                    window->DC.CursorPos.y + window->DC.CurrLineTextBaseOffset);
    const float wrap_x = window->DC.TextWrapPos;
    const float wrap = wrap_x >= 0 ? ImGui::CalcWrapWidthForPos(window->DC.CursorPos, wrap_x) : 0;
    const ImVec2 size = measure(s, wrap);
    const ImRect bb(at, ImVec2(at.x + size.x, at.y + size.y));
    ImGui::ItemSize(size, 0.0f);
    if (ImGui::ItemAdd(bb, 0)) {
        ImGui::RenderTextWrapped(bb.Min, s.data(), s.data() + s.size(), wrap);
    }
}

// a link enters the screen view and the DOM tree, with the address it opens if it has one
void describe_link(const std::string& label, const std::string& href) {
    screen_view::describe_last_item(label, "link");
    if (!href.empty()) {
        semantics::set_last_href(href);
    }
}

}  // namespace

float column_width() {
    return ImGui::GetContentRegionAvail().x;
}

void heading(const std::string& text, int level) {
    static const float scale[] = {1.0f, 1.75f, 1.35f, 1.15f, 1.0f};
    const float size = body() * scale[level < 1 ? 1 : (level > 4 ? 4 : level)];
    ImGui::PushFont(fonts::bold(), size);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column_width());
    wrapped_text(text);
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    screen_view::add_last_item_as("heading", text, level);
}

void eyebrow(const std::string& text) {
    ImGui::PushFont(fonts::bold(), body() * 0.85f);
    ImGui::PushStyleColor(ImGuiCol_Text, theme::palette().accent);
    wrapped_text(text);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    semantics::add("text", text, 0);
}

void paragraph(const std::string& text, bool muted) {
    if (muted) {
        ImGui::PushStyleColor(ImGuiCol_Text, theme::palette().muted);
    }
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column_width());
    wrapped_text(text);
    ImGui::PopTextWrapPos();
    if (muted) {
        ImGui::PopStyleColor();
    }
    screen_view::add_last_item_as("text", text);
}

void labelled(const std::string& label, const std::string& text) {
    ImGui::PushFont(fonts::bold(), 0.0f);
    wrapped_text(label);
    ImGui::PopFont();
    ImGui::SameLine(0, body() * 0.3f);

    // read as one sentence, the lead-in first
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column_width());
    wrapped_text(text);
    ImGui::PopTextWrapPos();
    screen_view::add_last_item_as("text", label + " " + text);
}

bool button(const std::string& label, const char* id, Style style, bool full_width,
            int toggled) {
    const theme::Palette& p = theme::palette();
    const ImGuiStyle& st = ImGui::GetStyle();
    const float avail = column_width();
    const float pad_x = st.FramePadding.x;

    // the label wraps inside the button when the column is narrower than the text
    ImGui::PushFont(fonts::bold(), 0.0f);
    const float max_text = avail - 2 * pad_x;
    const ImVec2 text = measure(label, max_text);
    const float h = std::max(theme::target_height(), text.y + body() * 0.9f);
    const float w = full_width ? avail : std::min(avail, text.x + 2 * pad_x);
    ImGui::PopFont();

    bool hovered, held;
    bool pressed = press_area(id, ImVec2(w, h), &hovered, &held);
    if (!ImGui::IsItemVisible()) {
        screen_view::describe_last_item(label, "button", toggled);
        return pressed;
    }
    const ImRect r = GImGui->LastItemData.Rect;
    ImDrawList* dl = ImGui::GetWindowDrawList();

    ImVec4 bg = p.surface, fg = p.accent, border = p.border;
    if (style == Style::primary) {
        bg = p.accent;
        fg = p.on_accent;
        border = p.accent;
    } else if (style == Style::danger) {
        bg = p.danger;
        fg = p.on_danger;
        border = p.danger;
    } else if (style == Style::quiet) {
        bg = p.background;
        border = p.background;
    }
    if (held || hovered) {
        const float t = held ? 0.22f : 0.12f;
        const ImVec4 toward = style == Style::primary || style == Style::danger ? p.text : p.accent;
        bg = ImVec4(bg.x + (toward.x - bg.x) * t, bg.y + (toward.y - bg.y) * t,
                    bg.z + (toward.z - bg.z) * t, 1.0f);
    }
    dl->AddRectFilled(r.Min, r.Max, col(bg), st.FrameRounding);
    dl->AddRect(r.Min, r.Max, col(border), st.FrameRounding, 0, 1.0f);
    ImGui::PushFont(fonts::bold(), 0.0f);
    const ImVec2 at(r.Min.x + (w - text.x) * 0.5f, r.Min.y + (h - text.y) * 0.5f);
    dl->AddText(nullptr, 0.0f, at, col(fg), label.c_str(), nullptr, max_text);
    ImGui::PopFont();
    if (hovered) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }
    screen_view::describe_last_item(label, "button", toggled);
    return pressed;
}

bool link(const std::string& label, const char* id, const std::string& href) {
    const theme::Palette& p = theme::palette();
    const float avail = column_width();
    const ImVec2 text = measure(label, avail);

    // the pressable area is as tall as every other target (44 CSS px for fingers, 32 for a
    // mouse, more on a kiosk), however short the text
    const float h = std::max(text.y, theme::target_height());
    bool hovered, held;
    bool pressed = press_area(id, ImVec2(text.x, h), &hovered, &held);
    if (!ImGui::IsItemVisible()) {
        describe_link(label, href);
        return pressed;
    }
    const ImRect r = GImGui->LastItemData.Rect;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float top = r.Min.y + (h - text.y) * 0.5f;
    dl->AddText(nullptr, 0.0f, ImVec2(r.Min.x, top), col(p.accent), label.c_str(), nullptr,
                avail);

    // an underline under each wrapped line
    const float line_h = ImGui::GetTextLineHeight();
    const int lines = static_cast<int>(text.y / line_h + 0.5f);
    for (int i = 0; i < lines; ++i) {
        const float y = top + line_h * (i + 1) - 2.0f;
        dl->AddLine(ImVec2(r.Min.x, y), ImVec2(r.Min.x + text.x, y), col(p.accent),
                    hovered ? 2.0f : 1.0f);
    }
    if (hovered) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }
    describe_link(label, href);
    return pressed;
}

bool checkbox(const std::string& label, const char* id, bool* value, const std::string& tag) {
    const theme::Palette& p = theme::palette();
    const float box = std::max(24.0f, body() * 1.4f);
    const float gap_x = body() * 0.6f;
    const float avail = column_width();
    const float text_w = avail - box - gap_x;
    const ImVec2 text = measure(label, text_w);

    // the tag ("Required") stands on its own line under the label, smaller and muted
    const float tag_size = body() * 0.85f;
    const float tag_h = tag.empty() ? 0.0f : tag_size * 1.3f;
    const float h = std::max(theme::target_height(), text.y + tag_h + body() * 0.5f);

    bool hovered, held;
    bool pressed = press_area(id, ImVec2(avail, h), &hovered, &held);
    if (pressed) {
        *value = !*value;
        ImGui::MarkItemEdited(GImGui->LastItemData.ID);
    }
    if (!ImGui::IsItemVisible()) {
        screen_view::describe_last_item(label, "checkbox", *value ? 1 : 0);
        return pressed;
    }
    const ImRect r = GImGui->LastItemData.Rect;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float top = r.Min.y + (h - text.y - tag_h) * 0.5f;
    const ImVec2 b0(r.Min.x, std::max(r.Min.y, top + (ImGui::GetTextLineHeight() - box) * 0.5f));
    const ImVec2 b1(b0.x + box, b0.y + box);
    dl->AddRectFilled(b0, b1, col(*value ? p.accent : p.surface), 5.0f);
    dl->AddRect(b0, b1, col(*value || hovered ? p.accent : p.muted), 5.0f, 0, 2.0f);
    if (*value) {
        // a check mark drawn as strokes, so no glyph is needed
        const ImVec2 mark[] = {ImVec2(b0.x + box * 0.24f, b0.y + box * 0.52f),
                               ImVec2(b0.x + box * 0.42f, b0.y + box * 0.70f),
                               ImVec2(b0.x + box * 0.76f, b0.y + box * 0.32f)};
        dl->AddPolyline(mark, 3, col(p.on_accent), 0, box * 0.12f);
    }
    dl->AddText(nullptr, 0.0f, ImVec2(b1.x + gap_x, top), col(p.text), label.c_str(), nullptr,
                text_w);
    if (!tag.empty()) {
        dl->AddText(fonts::bold(), tag_size, ImVec2(b1.x + gap_x, top + text.y + 2.0f),
                    col(p.muted), tag.c_str());
    }
    if (hovered) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }
    screen_view::describe_last_item(label, "checkbox", *value ? 1 : 0);
    return pressed;
}

bool disclosure(const std::string& label, const char* id, bool* open) {
    const theme::Palette& p = theme::palette();
    const float avail = column_width();
    const float arrow = body() * 1.2f;
    ImGui::PushFont(fonts::bold(), 0.0f);
    const ImVec2 text = measure(label, avail - arrow);
    ImGui::PopFont();
    const float h = std::max(theme::target_height(), text.y + body() * 0.6f);

    bool hovered, held;
    bool pressed = press_area(id, ImVec2(avail, h), &hovered, &held);
    if (pressed) {
        *open = !*open;
    }
    if (!ImGui::IsItemVisible()) {
        screen_view::describe_last_item(label, "disclosure", *open ? 1 : 0);
        return *open;
    }
    const ImRect r = GImGui->LastItemData.Rect;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (hovered) {
        dl->AddRectFilled(r.Min, r.Max, col(p.surface_alt), 6.0f);
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }

    // a triangle pointing right when closed and down when open
    const float cy = r.Min.y + h * 0.5f, cx = r.Min.x + arrow * 0.45f, a = body() * 0.3f;
    if (*open) {
        dl->AddTriangleFilled(ImVec2(cx - a, cy - a * 0.6f), ImVec2(cx + a, cy - a * 0.6f),
                              ImVec2(cx, cy + a * 0.7f), col(p.accent));
    } else {
        dl->AddTriangleFilled(ImVec2(cx - a * 0.6f, cy - a), ImVec2(cx - a * 0.6f, cy + a),
                              ImVec2(cx + a * 0.7f, cy), col(p.accent));
    }
    ImGui::PushFont(fonts::bold(), 0.0f);
    dl->AddText(nullptr, 0.0f, ImVec2(r.Min.x + arrow, r.Min.y + (h - text.y) * 0.5f),
                col(p.text), label.c_str(), nullptr, avail - arrow);
    ImGui::PopFont();
    screen_view::describe_last_item(label, "disclosure", *open ? 1 : 0);
    return *open;
}

void badge(const std::string& text, const ImVec4& bg, const ImVec4& fg) {
    ImGui::PushFont(fonts::bold(), body() * 0.8f);
    const ImVec2 size = measure(text, 0.0f);
    const ImVec2 pad(body() * 0.5f, body() * 0.2f);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(size.x + pad.x * 2, size.y + pad.y * 2));
    if (ImGui::IsItemVisible()) {
        const ImVec2 end(at.x + size.x + pad.x * 2, at.y + size.y + pad.y * 2);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(at, end, col(bg), size.y);
        dl->AddRect(at, end, col(fg), size.y, 0, 1.0f);
        dl->AddText(ImVec2(at.x + pad.x, at.y + pad.y), col(fg), text.c_str());
    }
    ImGui::PopFont();
    screen_view::add_last_item_as("badge", text);
}

void progress(float fraction, const std::string& caption) {
    const theme::Palette& p = theme::palette();
    const float w = column_width();
    const float h = body() * 0.6f;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(w, h));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(at, ImVec2(at.x + w, at.y + h), col(p.surface_alt), h * 0.5f);
    dl->AddRect(at, ImVec2(at.x + w, at.y + h), col(p.border), h * 0.5f);
    if (fraction > 0) {
        dl->AddRectFilled(at, ImVec2(at.x + w * std::min(fraction, 1.0f), at.y + h),
                          col(p.success), h * 0.5f);
    }
    screen_view::add_last_item_as("progressbar", caption);
    semantics::set_last_fraction(fraction);
    paragraph(caption, true);
}

void read_aloud(const std::string& section) {
    struct Choice {
        std::string word;
        std::string command;
    };
    std::vector<Choice> choices;

    // while reading, the guide's controls and those of the section being read offer pause
    // (or resume) and stop; otherwise what each can read
    const bool header = section.empty();
    const std::string own = header ? "guide" : "section:" + section;
    const semantics::Speech state = semantics::speech_state();
    const bool reading = state != semantics::Speech::idle;
    if (reading && (header || semantics::speech_scope() == own)) {
        const bool paused = state == semantics::Speech::paused;
        choices.push_back({paused ? "resume" : "pause", paused ? "resume" : "pause"});
        choices.push_back({"stop", "stop"});
    } else if (header) {
        choices.push_back({"guide", "guide"});
        choices.push_back({"step", "step"});
    } else {
        choices.push_back({"section", own});
    }

    ImGui::PushID(header ? "read-aloud" : section.c_str());
    if (header) {
        eyebrow(semantics::word("read"));
    }

    // the buttons share a row while it has room; their ids follow their place, so the one
    // that had focus keeps it when "Whole guide" turns into "Pause"
    const float right = ImGui::GetCursorScreenPos().x + column_width();
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    float last_right = -1;
    for (size_t i = 0; i < choices.size(); ++i) {
        const std::string label = semantics::word(choices[i].word.c_str());
        ImGui::PushFont(fonts::bold(), 0.0f);
        const float w = measure(label, 0.0f).x + 2 * ImGui::GetStyle().FramePadding.x;
        ImGui::PopFont();
        if (last_right >= 0 && last_right + spacing + w <= right) {
            ImGui::SameLine();
        }
        const std::string id = "##read-" + std::to_string(i);
        if (button(label, id.c_str(), header ? Style::secondary : Style::quiet)) {
            semantics::speech(choices[i].command.c_str());
        }
        last_right = ImGui::GetItemRectMax().x;
    }
    ImGui::PopID();
}

void begin_card(const ImVec4& bg, const ImVec4& border) {
    const float pad = body() * 1.0f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    g_cards.push_back(Card{ImGui::GetCursorScreenPos(), bg, border, pad});
    ImGui::SetCursorScreenPos(ImVec2(g_cards.back().start.x + pad, g_cards.back().start.y + pad));
    ImGui::BeginGroup();
    ImGui::PushItemWidth(-1);

    // the card's content wraps inside its padding
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    window->WorkRect.Max.x -= pad;
    window->ContentRegionRect.Max.x -= pad;
}

void end_card() {
    Card card = g_cards.back();
    g_cards.pop_back();
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    window->WorkRect.Max.x += card.pad;
    window->ContentRegionRect.Max.x += card.pad;
    ImGui::PopItemWidth();
    ImGui::EndGroup();
    const ImVec2 max(window->WorkRect.Max.x, ImGui::GetItemRectMax().y + card.pad);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(card.start, max, col(card.bg), 10.0f);
    dl->AddRect(card.start, max, col(card.border), 10.0f, 0, 1.0f);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(card.start.x, max.y));
    ImGui::Dummy(ImVec2(0, 0));
}

void gap(float lines) {
    ImGui::Dummy(ImVec2(0, body() * lines));
}

}  // namespace ruvoya::ui::widgets
