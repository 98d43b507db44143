// The app's UI. For now a placeholder screen that exercises the platform layer: headings in
// English and Russian, a checkbox, a link and enough text to scroll.
// FIXME: the catalogue and guide screens (issue 4) replace this placeholder.
#include "ui/app.hpp"

#include <algorithm>

#include "platform/platform.hpp"
#include "ui/fonts.hpp"
#include "ui/screen_view.hpp"

namespace ruvoya::ui {

namespace {

// the palette, in one place
const ImVec4 kBackground = ImVec4(0.965f, 0.969f, 0.976f, 1.0f);
const ImVec4 kText = ImVec4(0.094f, 0.110f, 0.137f, 1.0f);
const ImVec4 kAccent = ImVec4(0.055f, 0.341f, 0.651f, 1.0f);
const ImVec4 kSurface = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
const ImVec4 kBorder = ImVec4(0.820f, 0.835f, 0.859f, 1.0f);

// the widest the reading column gets on large screens, in CSS px
constexpr float kColumnWidth = 760.0f;

void apply_style() {
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowPadding = ImVec2(0, 0);
    style.WindowBorderSize = 0;
    style.FrameBorderSize = 1;
    style.WindowRounding = 0;
    style.FramePadding = ImVec2(12, 10);
    style.FrameRounding = 6;
    style.ItemSpacing = ImVec2(12, 12);
    style.ScrollbarSize = 8;
    style.ScrollbarRounding = 4;
    style.FontSizeBase = 17.0f;

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = kText;
    c[ImGuiCol_WindowBg] = kBackground;
    c[ImGuiCol_ChildBg] = kSurface;
    c[ImGuiCol_Border] = kBorder;
    c[ImGuiCol_FrameBg] = kSurface;
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.92f, 0.95f, 0.99f, 1.0f);
    c[ImGuiCol_FrameBgActive] = ImVec4(0.85f, 0.91f, 0.98f, 1.0f);
    c[ImGuiCol_CheckMark] = kAccent;
    c[ImGuiCol_Button] = kAccent;
    c[ImGuiCol_ButtonHovered] = ImVec4(0.04f, 0.28f, 0.55f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.03f, 0.22f, 0.45f, 1.0f);
    c[ImGuiCol_TextLink] = kAccent;
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = ImVec4(0.70f, 0.72f, 0.75f, 1.0f);
    c[ImGuiCol_NavCursor] = kAccent;
}

void heading(const char* text, float size, int level) {
    ImGui::PushFont(fonts::bold(), size);
    ImGui::TextWrapped("%s", text);
    ImGui::PopFont();
    screen_view::add_last_item_as("heading", text, level);
}

}  // namespace

bool App::init() {
    if (!fonts::load()) {
        return false;
    }
    apply_style();
    platform::set_title("Ruvoya");
    return true;
}

ImVec4 App::clear_color() const {
    return kBackground;
}

void App::on_hash_change() {}

void App::frame() {
    screen_view::begin_frame();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::Begin("##page", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);

    // touch drags, flicks and wheel notches move the page
    const float scroll = platform::take_scroll();
    if (scroll != 0) {
        ImGui::SetScrollY(ImGui::GetScrollY() - scroll);
    }

    // a centred reading column with a margin on phones
    const float margin = vp->Size.x < 600 ? 16.0f : 32.0f;
    const float width = std::min(kColumnWidth, vp->Size.x - 2 * margin);
    ImGui::SetCursorPos(ImVec2((vp->Size.x - width) * 0.5f, 24));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);

    heading("How to get medical help as a foreigner", 28, 1);
    heading("Как получить медицинскую помощь иностранцу", 22, 2);
    ImGui::TextWrapped(
        "What to do in an urgent situation, how to use DMS/OMS or travel insurance, and what "
        "to prepare for a first clinic visit.");

    ImGui::Checkbox("I know whether this is emergency or planned care", &agreed_);
    screen_view::set_next_kind("link");
    ImGui::TextLinkOpenURL("Open the Gosuslugi portal", "https://www.gosuslugi.ru/");

    static const char* const steps[] = {
        "Decide if it is urgent. If there is danger to life, severe pain, injury, loss of "
        "consciousness, or a serious condition, call 112. For non-urgent issues, use the "
        "policy route.",
        "Call the insurer. For DMS or travel insurance, call assistance first: confirm the "
        "clinic, address, appointment, and what the policy covers.",
        "Bring documents and keep receipts. Bring passport, policy, address/registration, "
        "translations if needed, and keep the contract, receipt, and medical report.",
    };
    for (int round = 0; round < 6; ++round) {
        for (int i = 0; i < 3; ++i) {
            ImGui::PushFont(fonts::bold(), 0.0f);
            ImGui::Text("Step %d", round * 3 + i + 1);
            ImGui::PopFont();
            ImGui::TextWrapped("%s", steps[i]);
        }
    }
    ImGui::Dummy(ImVec2(0, 24));

    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::End();
    animating_ = false;
}

}  // namespace ruvoya::ui
