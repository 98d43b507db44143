// The palettes and the ImGui style built from them. Contrast of text on its backgrounds is
// at least 4.5:1 in every palette (WCAG AA).
#include "ui/theme.hpp"

#include <cstdint>

namespace ruvoya::ui::theme {

namespace {

ImVec4 rgb(std::uint32_t hex) {
    return ImVec4(((hex >> 16) & 0xff) / 255.0f, ((hex >> 8) & 0xff) / 255.0f,
                  (hex & 0xff) / 255.0f, 1.0f);
}

// the core palette (plain 0xRRGGBB values, contrast-tested) as ImGui colours
Palette convert(const ruvoya::theme::Palette& c) {
    return Palette{rgb(c.background), rgb(c.surface),     rgb(c.surface_alt), rgb(c.text),
                   rgb(c.muted),      rgb(c.accent),      rgb(c.on_accent),   rgb(c.border),
                   rgb(c.low_bg),     rgb(c.low_fg),      rgb(c.moderate_bg), rgb(c.moderate_fg),
                   rgb(c.high_bg),    rgb(c.high_fg),     rgb(c.tip_bg),      rgb(c.danger),
                   rgb(c.on_danger),  rgb(c.success)};
}

Palette g_palette = convert(ruvoya::theme::palette(Kind::light));
int g_text_size = 1;
bool g_touch = false;
bool g_kiosk = false;

ImVec4 mix(const ImVec4& a, const ImVec4& b, float t) {
    return ImVec4(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t, 1.0f);
}

}  // namespace

const Palette& palette() {
    return g_palette;
}

float body_size(int text_size) {
    static const float sizes[] = {16.0f, 17.0f, 19.0f, 22.0f, 26.0f};
    if (text_size < 0) {
        text_size = 0;
    }
    return sizes[text_size > 4 ? 4 : text_size];
}

float target_height() {
    // 48 CSS px on kiosks, 44 on touch screens; 32 with a mouse, above the 24 px minimum
    float base = g_kiosk ? 48.0f : (g_touch ? 44.0f : 32.0f);
    float grown = body_size(g_text_size) * 1.9f;
    return grown > base ? grown : base;
}

void apply(Kind kind, int text_size, bool touch, bool kiosk) {
    g_palette = convert(ruvoya::theme::palette(kind));
    g_text_size = text_size;
    g_touch = touch;
    g_kiosk = kiosk;
    const Palette& p = palette();
    ImGuiStyle& style = ImGui::GetStyle();
    const float body = body_size(text_size);

    // ImGui puts FontSizeBase back to the frame's own at the next font change, so a size
    // picked mid-frame (in the settings) is taken from _NextFrameFontSizeBase at NewFrame()
    style.FontSizeBase = body;
    style._NextFrameFontSizeBase = body;
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
