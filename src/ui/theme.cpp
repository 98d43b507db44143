// The palettes and the ImGui style built from them. Contrast of text on its backgrounds is
// at least 4.5:1 in every palette (WCAG AA).
#include "ui/theme.hpp"

namespace ruvoya::ui::theme {

namespace {

constexpr ImVec4 rgb(unsigned hex) {
    return ImVec4(((hex >> 16) & 0xff) / 255.0f, ((hex >> 8) & 0xff) / 255.0f,
                  (hex & 0xff) / 255.0f, 1.0f);
}

const Palette kLight = {
    rgb(0xf6f7f9), rgb(0xffffff), rgb(0xeef1f5), rgb(0x181c23), rgb(0x4d5562),
    rgb(0x0e57a6), rgb(0xffffff), rgb(0xc9ced6),
    rgb(0xe3f4e8), rgb(0x1b5e2f),
    rgb(0xfdf0d5), rgb(0x7a4a00),
    rgb(0xfde4e4), rgb(0x9b1c1c),
    rgb(0xeef5fc),
    rgb(0xb42318), rgb(0xffffff),
    rgb(0x1b7a3a),
};

const Palette kDark = {
    rgb(0x14171c), rgb(0x1e232a), rgb(0x262c35), rgb(0xeceff3), rgb(0xb3bac5),
    rgb(0x7db4ff), rgb(0x0b1a2e), rgb(0x3d4654),
    rgb(0x183b25), rgb(0xa7e3b8),
    rgb(0x3f3015), rgb(0xf5cf87),
    rgb(0x4a1c1c), rgb(0xffb4b4),
    rgb(0x1c2a3b),
    rgb(0xff8a80), rgb(0x1a0000),
    rgb(0x7fd89b),
};

const Palette kHighContrast = {
    rgb(0x000000), rgb(0x000000), rgb(0x000000), rgb(0xffffff), rgb(0xffffff),
    rgb(0xffff00), rgb(0x000000), rgb(0xffffff),
    rgb(0x000000), rgb(0x7dff9b),
    rgb(0x000000), rgb(0xffd75e),
    rgb(0x000000), rgb(0xff9e9e),
    rgb(0x000000),
    rgb(0xff9e9e), rgb(0x000000),
    rgb(0x7dff9b),
};

Kind g_kind = Kind::light;
int g_text_size = 1;
bool g_touch = false;

ImVec4 mix(const ImVec4& a, const ImVec4& b, float t) {
    return ImVec4(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t, 1.0f);
}

}  // namespace

Kind from_name(std::string_view name) {
    if (name == "dark") {
        return Kind::dark;
    }
    if (name == "high-contrast") {
        return Kind::high_contrast;
    }
    return Kind::light;
}

std::string_view name(Kind kind) {
    switch (kind) {
        case Kind::dark: return "dark";
        case Kind::high_contrast: return "high-contrast";
        default: return "light";
    }
}

const Palette& palette() {
    switch (g_kind) {
        case Kind::dark: return kDark;
        case Kind::high_contrast: return kHighContrast;
        default: return kLight;
    }
}

float body_size(int text_size) {
    static const float sizes[] = {16.0f, 17.0f, 19.0f, 22.0f, 26.0f};
    if (text_size < 0) {
        text_size = 0;
    }
    return sizes[text_size > 4 ? 4 : text_size];
}

float target_height() {
    // 44 CSS px on touch screens; 32 with a mouse, above the 24 px minimum
    float base = g_touch ? 44.0f : 32.0f;
    float grown = body_size(g_text_size) * 1.9f;
    return grown > base ? grown : base;
}

void apply(Kind kind, int text_size, bool touch) {
    g_kind = kind;
    g_text_size = text_size;
    g_touch = touch;
    const Palette& p = palette();
    ImGuiStyle& style = ImGui::GetStyle();
    const float body = body_size(text_size);

    style.FontSizeBase = body;
    style.WindowPadding = ImVec2(0, 0);
    style.WindowBorderSize = 0;
    style.WindowRounding = 0;
    style.ChildBorderSize = 0;
    style.PopupBorderSize = 1;
    style.PopupRounding = 8;
    style.FrameBorderSize = 1;
    style.FrameRounding = 6;
    style.FramePadding = ImVec2(body * 0.75f, (target_height() - body) * 0.5f);
    style.ItemSpacing = ImVec2(body * 0.6f, body * 0.6f);
    style.ItemInnerSpacing = ImVec2(body * 0.5f, body * 0.4f);
    style.ScrollbarSize = touch ? 4 : 8;
    style.ScrollbarRounding = 4;
    style.GrabRounding = 4;
    style.IndentSpacing = body * 1.4f;

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = p.text;
    c[ImGuiCol_TextDisabled] = p.muted;
    c[ImGuiCol_WindowBg] = p.background;
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = p.surface;
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.45f);
    c[ImGuiCol_Border] = p.border;
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = p.surface;
    c[ImGuiCol_FrameBgHovered] = mix(p.surface, p.accent, 0.08f);
    c[ImGuiCol_FrameBgActive] = mix(p.surface, p.accent, 0.16f);
    c[ImGuiCol_CheckMark] = p.accent;
    c[ImGuiCol_Button] = p.surface;
    c[ImGuiCol_ButtonHovered] = mix(p.surface, p.accent, 0.10f);
    c[ImGuiCol_ButtonActive] = mix(p.surface, p.accent, 0.20f);
    c[ImGuiCol_Header] = p.surface;
    c[ImGuiCol_HeaderHovered] = mix(p.surface, p.accent, 0.08f);
    c[ImGuiCol_HeaderActive] = mix(p.surface, p.accent, 0.16f);
    c[ImGuiCol_TextLink] = p.accent;
    c[ImGuiCol_TextSelectedBg] = ImVec4(p.accent.x, p.accent.y, p.accent.z, 0.30f);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = mix(p.background, p.text, 0.35f);
    c[ImGuiCol_ScrollbarGrabHovered] = mix(p.background, p.text, 0.5f);
    c[ImGuiCol_ScrollbarGrabActive] = mix(p.background, p.text, 0.6f);
    c[ImGuiCol_PlotHistogram] = p.success;
    c[ImGuiCol_Separator] = p.border;
    c[ImGuiCol_NavCursor] = p.accent;
}

}  // namespace ruvoya::ui::theme
