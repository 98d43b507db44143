// Kiosk mode for shared touch screens: an attract screen, an idle timeout that wipes what
// the person did, links shown as QR codes instead of opened, and "continue on your phone"
// with the person's ticks carried in the URL fragment. Also the phone side of that
// hand-off, which asks before adding the ticks.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "imgui.h"
#include "imgui_internal.h"
#include "platform/platform.hpp"
#include "ui/app.hpp"
#include "ui/fonts.hpp"
#include "ui/qr.hpp"
#include "ui/screen_view.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace ruvoya::ui {

namespace w = widgets;

namespace {

// the idle time before a wipe, and how long before it the countdown shows
constexpr int kDefaultIdleMs = 90000;
constexpr int kCountdownMs = 20000;

// "https://www.gosuslugi.ru/help" -> "www.gosuslugi.ru"; "tel:112" -> "112"
std::string domain_of(const std::string& url) {
    size_t start = url.find("://");
    if (start == std::string::npos) {
        start = url.find(':');
        return start == std::string::npos ? url : url.substr(start + 1);
    }
    start += 3;
    size_t end = url.find_first_of("/?#", start);
    return url.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

}  // namespace

void App::init_kiosk() {
    const std::string param = platform::url_param("kiosk");
    kiosk_ = param.empty() ? RUVOYA_KIOSK_DEFAULT != 0 : param != "0";
    if (!kiosk_) {
        return;
    }

    // the public address for QR codes: ?public=, else the build's, else this page's own
    const std::string from_url = platform::url_param("public");
    public_base_ = from_url.rfind("https://", 0) == 0 || from_url.rfind("http://", 0) == 0
                       ? from_url
                       : std::string(RUVOYA_PUBLIC_URL);
    if (public_base_.empty()) {
        public_base_ = platform::page_url();
    }
    const int idle_s = std::atoi(platform::url_param("idle").c_str());
    idle_ms_ = idle_s >= 30 ? idle_s * 1000 : kDefaultIdleMs;

    platform::lock_down();
    attract_ = true;
}

// what a person did on the kiosk is wiped: saved progress, settings, the report draft,
// the search text, open sections, and the place in the history
void App::wipe_session() {
    for (const std::string& key : platform::storage_keys("ruvoya.")) {
        platform::storage_remove(key);
    }
    state_ = progress::State{};
    query_.clear();
    results_query_.clear();
    results_.clear();
    report_text_.clear();
    report_status_.clear();
    report_findings_.clear();
    open_.clear();
    scroll_by_hash_.clear();
    notice_.clear();
    qr_ = QrView{};
    confirm_reset_ = false;
    ImGui::ClearActiveID();
    set_language(kiosk_language_);
    apply_theme();
    platform::set_hash(route::format(route::catalogue()), true);
    apply_route(route::catalogue());
    attract_ = true;
}

void App::update_idle() {
    if (!kiosk_ || attract_) {
        platform::set_timer(0);
        countdown_s_ = -1;
        return;
    }
    const double idle = platform::now_ms() - std::max(platform::last_input_ms(), started_ms_);
    const double left = idle_ms_ - idle;
    if (left <= 0) {
        wipe_session();
        platform::set_timer(0);
        countdown_s_ = -1;
        return;
    }

    // a countdown in whole seconds from 20 s before; until then one timer, no frames
    if (left <= kCountdownMs) {
        countdown_s_ = static_cast<int>((left + 999) / 1000);
        platform::set_timer(static_cast<int>(left) % 1000 + 1);
    } else {
        countdown_s_ = -1;
        platform::set_timer(static_cast<int>(left - kCountdownMs) + 1);
    }
}

void App::draw_attract() {
    const theme::Palette& p = theme::palette();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(vp->Pos, ImVec2(vp->Pos.x + vp->Size.x, vp->Pos.y + vp->Size.y),
                      ImGui::ColorConvertFloat4ToU32(p.accent));

    // the whole screen starts the session; each language has its own button too
    ImGui::SetCursorScreenPos(vp->Pos);
    ImGui::SetNextItemAllowOverlap();
    const bool anywhere = ImGui::InvisibleButton("##attract", vp->Size);
    screen_view::describe_last_item(tr("kiosk.touch_to_start"), "button");

    const float width = std::min(720.0f, vp->Size.x - 64.0f);
    ImGui::SetCursorScreenPos(ImVec2(vp->Pos.x + (vp->Size.x - width) * 0.5f,
                                     vp->Pos.y + vp->Size.y * 0.22f));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::PushStyleColor(ImGuiCol_Text, p.on_accent);
    ImGui::PushFont(fonts::bold(), ImGui::GetStyle().FontSizeBase * 3.0f);
    ImGui::TextUnformatted(tr("common.app_name").c_str());
    ImGui::PopFont();
    screen_view::add_last_item_as("heading", tr("common.app_name"), 1);
    w::gap(1.0f);
    for (const std::string& l : bundle_.site.locales) {
        const std::string line(bundle_.ui_text(l, "kiosk.touch_to_start"));
        ImGui::PushFont(fonts::bold(), ImGui::GetStyle().FontSizeBase * 1.6f);
        ImGui::TextUnformatted(line.c_str());
        ImGui::PopFont();
        screen_view::add_last_item_as("text", line);
    }
    ImGui::PopStyleColor();
    w::gap(1.5f);
    std::string chosen;
    for (const std::string& l : bundle_.site.locales) {
        const content::UiStrings* ui = bundle_.find_ui(l);
        const std::string id = "##start-" + l;
        if (w::button(ui ? ui->name : l, id.c_str(), w::Style::secondary)) {
            chosen = l;
        }
        ImGui::SameLine();
    }
    ImGui::NewLine();
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();

    if (!chosen.empty() || anywhere) {
        if (!chosen.empty()) {
            set_language(chosen);
        }
        attract_ = false;
        started_ms_ = platform::now_ms();
        platform::request_frames(3);
    }
}

void App::draw_countdown() {
    if (countdown_s_ < 0) {
        return;
    }
    ImGui::OpenPopup("##countdown");
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Size.x * 0.5f, vp->Size.y * 0.5f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(560.0f, vp->Size.x - 32.0f), 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(28, 28));
    if (ImGui::BeginPopupModal("##countdown", nullptr,
                               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize)) {
        w::heading(tr("kiosk.still_there"), 2);
        w::paragraph(tr("kiosk.resetting", "n", std::to_string(countdown_s_)));
        screen_view::add_last_item_as("status", tr("kiosk.resetting", "n",
                                                   std::to_string(countdown_s_)));
        if (w::button(tr("kiosk.still_here"), "##still-here", w::Style::primary, true)) {
            countdown_s_ = -1;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar();
}

void App::open_external(const std::string& url, const std::string& title) {
    if (!kiosk_) {
        platform::open_url(url);
        return;
    }
    qr_.url = url;
    qr_.title = title;
    qr_.intro = tr("kiosk.scan_link", "domain", domain_of(url));
    qr_.open = true;
}

void App::show_qr(const std::string& url, const std::string& title, const std::string& intro) {
    qr_.url = url;
    qr_.title = title;
    qr_.intro = intro;
    qr_.open = true;
}

void App::draw_qr_popup() {
    if (qr_.open) {
        ImGui::OpenPopup("##qr");
        qr_.open = false;
        qr_.shown = true;
    }
    if (!qr_.shown) {
        return;
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float width = std::min(520.0f, vp->Size.x - 32.0f);
    ImGui::SetNextWindowPos(ImVec2(vp->Size.x * 0.5f, vp->Size.y * 0.5f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(28, 28));
    if (ImGui::BeginPopupModal("##qr", nullptr,
                               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize)) {
        w::heading(tr("kiosk.scan_title"), 2);
        w::heading(qr_.title, 3);
        w::paragraph(domain_of(qr_.url), true);
        w::paragraph(qr_.intro);
        const float side = std::min(320.0f, width - 56.0f);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - 56.0f - side) * 0.5f);
        qr_code(qr_.url, side, "QR code: " + domain_of(qr_.url));
        w::gap(0.5f);
        if (w::button(tr("common.close"), "##qr-close", w::Style::secondary, true) ||
            ImGui::IsKeyPressed(ImGuiKey_Escape)) {
            qr_.shown = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    } else {
        qr_.shown = false;
    }
    ImGui::PopStyleVar();
}

std::string App::handoff_url(const content::Guide& guide) const {
    std::vector<std::string> items, steps;
    auto it = state_.guides.find(guide.id);
    if (it != state_.guides.end()) {
        items = it->second.checked;
        steps = it->second.steps_done;
    }
    std::string base = public_base_;
    const size_t cut = base.find('#');
    if (cut != std::string::npos) {
        base.resize(cut);
    }
    return base + route::format(route::handoff(guide.id, items, steps));
}

void App::draw_handoff() {
    const content::Guide* guide = bundle_.load_guide(route_.guide_id);
    if (!guide) {
        return;
    }
    w::heading(tr("handoff.title"), 1);
    w::heading(T(guide->title), 2);

    // only ids the guide really has count; anything else in the address is ignored
    std::vector<std::string> items, steps;
    for (const std::string& id : route_.items) {
        if (guide->find_item(id)) {
            items.push_back(id);
        }
    }
    for (const std::string& id : route_.steps) {
        if (guide->find_step(id)) {
            steps.push_back(id);
        }
    }
    w::paragraph(fill(tr("handoff.summary", "items", std::to_string(items.size())), "steps",
                      std::to_string(steps.size())));
    auto mine = state_.guides.find(guide->id);
    if (mine != state_.guides.end() &&
        (!mine->second.checked.empty() || !mine->second.steps_done.empty())) {
        w::paragraph(tr("handoff.existing"), true);
    }
    for (const std::string& id : items) {
        w::paragraph("• " + T(guide->find_item(id)->text));
    }
    w::gap(0.5f);
    const std::int64_t now = static_cast<std::int64_t>(platform::now_ms());
    if (w::button(tr("handoff.apply"), "##handoff-apply", w::Style::primary)) {
        for (const std::string& id : items) {
            progress::set_checked(state_, guide->id, id, true, now);
        }
        for (const std::string& id : steps) {
            progress::set_step_done(state_, guide->id, id, true, now);
        }
        save();
        navigate(route::guide(guide->id), true);
        return;
    }
    ImGui::SameLine();
    if (w::button(tr("handoff.skip"), "##handoff-skip", w::Style::secondary)) {
        navigate(route::guide(guide->id), true);
    }
}

}  // namespace ruvoya::ui
