// The app: start-up, the frame, the chrome around the screens (top bar, emergency strip,
// notices), navigation by hash routes and saving progress.
//
// Index:
//   [SECTION] Start-up
//   [SECTION] Text
//   [SECTION] Navigation
//   [SECTION] Saved progress and settings
//   [SECTION] Frame
//   [SECTION] Chrome
#include "ui/app.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <string_view>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/content/bundle.hpp"
#include "imgui_internal.h"
#include "platform/platform.hpp"
#include "ui/fonts.hpp"
#include "ui/semantics.hpp"
#include "ui/screen_view.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace ruvoya {
// the bundle's head, built into the app (bundle.cpp, written by ruvoya-contentc)
extern const unsigned char ruvoya_bundle_data[];
extern const unsigned long ruvoya_bundle_size;
}  // namespace ruvoya

namespace ruvoya::ui {

namespace w = widgets;

namespace {

// the widest the reading column gets on large screens, in CSS px
constexpr float kColumnWidth = 760.0f;

std::int64_t now() {
    return static_cast<std::int64_t>(platform::now_ms());
}

}  // namespace

// [SECTION] Start-up ----------------------------------------------------------------------

bool App::init() {
    if (!fonts::load()) {
        return false;
    }

    // the content bundle's head, built in; the bodies come from the loader, maybe later
    std::string error;
    auto bundle = content::load_bundle(
        std::string_view(reinterpret_cast<const char*>(ruvoya_bundle_data), ruvoya_bundle_size),
        &error);
    if (!bundle) {
        std::fprintf(stderr, "ruvoya: content bundle: %s\n", error.c_str());
        return false;
    }
    bundle_ = std::move(*bundle);
    build_order();
    take_bodies();

    // saved progress; an unreadable value is kept aside, never overwritten
    const std::string key(progress::kStorageKey);
    const std::optional<std::string> raw = platform::storage_get(key);
    progress::ParseResult parsed = progress::parse(raw.value_or(""));
    state_ = std::move(parsed.state);
    if (raw && parsed.keep_raw()) {
        platform::storage_set(progress::corrupt_backup_key(now()), *raw);
        notice_ = "progress.corrupt";
    }
    storage_ok_ = platform::storage_set("ruvoya.probe", "1");
    platform::storage_remove("ruvoya.probe");
    if (!storage_ok_) {
        notice_ = "progress.unavailable";
    }

    // the language: the saved choice, else the browser's if offered, else English
    if (parsed.status == progress::Status::empty || !raw) {
        const std::string preferred = platform::preferred_language().substr(0, 2);
        for (const std::string& l : bundle_.site.locales) {
            if (l == preferred) {
                state_.settings.language = l;
            }
        }
    }
    set_language(state_.settings.language);
    kiosk_language_ = locale_;
    init_kiosk();
    apply_theme();

    apply_route(route::parse(platform::current_hash()).route);
    return true;
}

ImVec4 App::clear_color() const {
    return theme::palette().background;
}

// The guides' bodies, once the loader has them: attached to the bundle, then whatever
// waited for them (a guide opened by its address, the counts of ticked items) is redone.
void App::take_bodies() {
    if (bundle_.bodies_ready()) {
        return;
    }
    bool failed = false;
    const std::string_view bodies = platform::take_content_bodies(&failed);
    if (!failed && bodies.empty()) {
        return;
    }
    std::string error;
    if (failed || !content::attach_bodies(bundle_, bodies, &error)) {
        if (!error.empty()) {
            std::fprintf(stderr, "ruvoya: content bundle: %s\n", error.c_str());
        }
        notice_ = "common.bodies_failed";
        bodies_failed_ = true;
        platform::request_frames(2);
        return;
    }
    if (route_.page == route::Page::guide) {
        apply_route(route_);
    }
    platform::request_frames(3);

    // the search index is built in the background from now on
    index_builder_.emplace();
    index_next_ = 0;
    platform::request_idle_work();
}

void App::idle_work(double budget_ms) {
    if (!index_builder_) {
        return;
    }

    // whole guides, while the slice lasts (at least one guide per call)
    const double start = platform::now_ms();
    const double slice = std::max(2.0, budget_ms - 1.0);
    while (index_next_ < order_.size()) {
        add_to_index(*order_[index_next_++]);
        if (platform::now_ms() - start >= slice) {
            break;
        }
    }
    if (index_next_ < order_.size()) {
        platform::request_idle_work();
        return;
    }
    finish_index();

    // a search that was waiting for the index runs now
    if (route_.page == route::Page::search) {
        platform::request_frames(2);
    }
}

// a guide's page before its body is there: its title, and a line saying it is coming
void App::draw_body_waiting() {
    if (const content::Guide* header = bundle_.find_guide(route_.guide_id)) {
        w::heading(T(header->title), 1);
    }
    if (!bodies_failed_) {
        w::paragraph(tr("guide.loading"), true);
    }
}

void App::build_order() {
    order_ = content::catalogue_order(bundle_);
}

// every text of a guide a person might search for, in every locale it exists in, viewed
// where it lies in the bundle rather than copied
void App::add_to_index(const content::Guide& g) {
    using K = search::FieldKind;
    using P = content::TextPlace;
    auto kind_of = [](P place) {
        switch (place) {
            case P::title:
                return K::title;
            case P::summary:
                return K::summary;
            case P::keyword:
                return K::keyword;
            case P::step:
                return K::step;
            case P::substep:
                return K::substep;
            case P::need:
                return K::need;
            case P::checklist:
                return K::checklist;
            case P::trap:
                return K::trap;
            case P::question:
                return K::question;
            case P::answer:
                return K::answer;
            case P::link:
                return K::link;
        }
        return K::other;
    };
    const std::size_t index = static_cast<std::size_t>(&g - bundle_.guides.data());
    const std::string_view id = g.id;
    content::visit_texts(bundle_, index, [&](const content::TextRef& ref) {
        index_builder_->add(search::Document{id, kind_of(ref.place), ref.sub_id, ref.locale,
                                             ref.text});
    });
}

// what the idle slices have not added yet, then the index itself
void App::finish_index() {
    if (index_built_ || !index_builder_) {
        return;
    }
    while (index_next_ < order_.size()) {
        add_to_index(*order_[index_next_++]);
    }
    index_ = index_builder_->build();
    index_builder_.reset();
    index_built_ = true;
}

App::Counts App::counts(const content::Guide& header) const {
    // with saved progress the body is read to count it; without, nothing is ticked and a
    // catalogue card (a header only) counts nothing, so no body is read for it
    Counts c;
    const content::Guide* loaded = &header;
    if (state_.guides.count(header.id) != 0) {
        if (const content::Guide* whole = bundle_.load_guide(header.id)) {
            loaded = whole;
        }
    }
    const content::Guide& guide = *loaded;
    for (const content::ChecklistGroup& group : guide.checklist) {
        for (const content::ChecklistItem& item : group.items) {
            const bool ticked = progress::is_checked(state_, guide.id, item.id);
            c.done += ticked ? 1 : 0;
            if (item.level == content::ItemLevel::required) {
                c.required++;
                c.required_done += ticked ? 1 : 0;
            }
        }
    }
    return c;
}

// [SECTION] Text --------------------------------------------------------------------------

std::string App::tr(const char* key) const {
    return std::string(bundle_.ui_text(locale_, key));
}

std::string App::tr(const char* key, const char* name, const std::string& value) const {
    return fill(tr(key), name, value);
}

std::string App::fill(std::string text, const char* name, const std::string& value) {
    const std::string token = std::string("{") + name + "}";
    for (size_t at = text.find(token); at != std::string::npos; at = text.find(token, at)) {
        text.replace(at, token.size(), value);
        at += value.size();
    }
    return text;
}

const std::string& App::T(const content::Text& text) {
    bool fell_back = false;
    const std::string& s = text.get(locale_, &fell_back);
    if (fell_back) {
        fallbacks_++;
    }
    return s;
}

// [SECTION] Navigation --------------------------------------------------------------------

void App::write_query_hash() {
    query_hash_pending_ = false;
    const route::Route to = query_.empty() ? route::catalogue() : route::search(query_);
    platform::set_hash(route::format(to), true);
    route_ = to;
}

void App::navigate(const route::Route& to, bool replace) {
    // a query still waiting for the address goes first, so Back returns to it
    if (query_hash_pending_) {
        write_query_hash();
    }
    scroll_by_hash_[route::format(route_)] = last_scroll_;
    platform::set_hash(route::format(to), replace);
    apply_route(to);
}

void App::on_hash_change() {
    route::ParseResult parsed = route::parse(platform::current_hash());
    if (parsed.route != route_) {
        scroll_by_hash_[route::format(route_)] = last_scroll_;
        apply_route(parsed.route);
    }
}

void App::apply_route(const route::Route& to) {
    route_ = to;
    confirm_reset_ = false;
    report_status_.clear();
    report_findings_.clear();

    // a guide that is not in the app falls back to the catalogue, and says so; one whose
    // body has not arrived yet is opened when it does (take_bodies)
    if (route_.page == route::Page::guide && !bundle_.bodies_ready()) {
        const content::Guide* header = bundle_.find_guide(route_.guide_id);
        if (!header || header->is_draft()) {
            notice_ = "catalogue.guide_missing";
            route_ = route::catalogue();
            platform::set_hash(route::format(route_), true);
        }
    } else if (route_.page == route::Page::guide) {
        const content::Guide* g = bundle_.load_guide(route_.guide_id);
        if (!g || g->is_draft()) {
            notice_ = "catalogue.guide_missing";
            route_ = route::catalogue();
            platform::set_hash(route::format(route_), true);
        } else {
            open_guide(*g);
        }
    }
    if (route_.page == route::Page::search) {
        query_ = route_.query;
    }

    // back to a page seen before: where the reader left it; a section or step: there
    const std::string hash = route::format(route_);
    auto seen = scroll_by_hash_.find(hash);
    restore_scroll_ = seen != scroll_by_hash_.end() ? seen->second : 0.0f;
    scroll_to_anchor_.clear();
    if (route_.section) {
        scroll_to_anchor_ = std::string(route::section_id(*route_.section));
    } else if (!route_.step_id.empty()) {
        scroll_to_anchor_ = "step/" + route_.step_id;
        open_.insert(route_.guide_id + "/details/" + route_.step_id);
    }
    platform::request_frames(3);
}

void App::open_guide(const content::Guide& guide) {
    std::vector<std::string> items, steps;
    for (const content::ChecklistGroup& group : guide.checklist) {
        for (const content::ChecklistItem& item : group.items) {
            items.push_back(item.id);
        }
    }
    for (const content::Step& s : guide.steps) {
        steps.push_back(s.id);
    }

    // ticks for items that still exist are kept; the reader hears about the rest
    progress::ReconcileResult r =
        progress::reconcile(state_, guide.id, guide.revision, items, steps, now());
    if (r.revision_changed && r.changed_anything()) {
        notice_ = tr("progress.guide_updated", "n", std::to_string(r.items_dropped));
    }
    progress::mark_opened(state_, guide.id, now());
    save();
}

// [SECTION] Saved progress and settings ----------------------------------------------------

void App::save() {
    if (!platform::storage_set(std::string(progress::kStorageKey), progress::serialize(state_))) {
        if (storage_ok_) {
            notice_ = "progress.unavailable";
        }
        storage_ok_ = false;
    }
}

void App::set_language(const std::string& locale) {
    locale_ = bundle_.find_ui(locale) ? locale : std::string(content::kFallbackLocale);
    progress::set_language(state_, locale_);
    platform::set_language(locale_);
    title_shown_.clear();

    // the DOM tree's and the read-aloud controls' labels, from content/ui like every string
    static const char* const words[][2] = {
        {"skip", "a11y.skip"},      {"sections", "a11y.sections"}, {"read", "read.title"},
        {"guide", "read.guide"},    {"section", "read.section"},   {"step", "read.step"},
        {"pause", "read.pause"},    {"resume", "read.resume"},     {"stop", "read.stop"},
    };
    nlohmann::json labels = nlohmann::json::object();
    for (const auto& w : words) {
        labels[w[0]] = tr(w[1]);
    }
    semantics::set_words(labels.dump());
}

void App::apply_theme() {
    // a kiosk is read standing, from further away: larger text and 48 px targets
    const int size = kiosk_ ? std::max(state_.settings.text_size, 2) : state_.settings.text_size;

    // until the reader picks a theme in Settings, the system's colour scheme and contrast
    // preferences choose it
    const bool picked = platform::storage_get(semantics::kThemePickedKey).has_value();
    const std::string name = picked ? state_.settings.theme : semantics::system_theme();
    theme::apply(theme::from_name(name), size, touch_ || kiosk_, kiosk_);
}

// [SECTION] Frame ---------------------------------------------------------------------------

void App::frame() {
    screen_view::begin_frame();
    fallbacks_ = 0;
    animating_ = false;

    // touch screens get larger targets from the first tap on
    if (platform::touch_input() != touch_) {
        touch_ = platform::touch_input();
        apply_theme();
    }

    // the system's colour scheme or contrast changed (it decides until a theme is picked)
    if (semantics::take_system_change()) {
        apply_theme();
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    wide_ = vp->Size.x >= kWideLayout;
    update_idle();

    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::Begin("##page", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                     ImGuiWindowFlags_NoScrollWithMouse);

    // a kiosk waiting for its next person shows only the attract screen
    if (attract_) {
        draw_attract();
        ImGui::End();
        return;
    }

    const float bar = theme::target_height() + 16.0f;
    screen_view::begin_region("banner");
    draw_top_bar(bar);
    draw_emergency(theme::target_height());
    screen_view::end_region();

    // the guide's section list stands beside the content on wide screens
    const content::Guide* guide = route_.page == route::Page::guide
                                      ? bundle_.load_guide(route_.guide_id)
                                      : nullptr;
    if (guide && wide_) {
        ImGui::BeginChild("##nav", ImVec2(kNavWidth, 0), ImGuiChildFlags_None);
        screen_view::begin_region("navigation");
        draw_section_nav(*guide);
        screen_view::end_region();
        ImGui::EndChild();
        ImGui::SameLine(0, 0);
    }

    ImGui::BeginChild("##content", ImVec2(0, 0), ImGuiChildFlags_None,
                      ImGuiWindowFlags_NoScrollWithMouse);

    // touch drags, flicks and wheel notches move the content
    const float scroll = platform::take_scroll();
    if (scroll != 0) {
        ImGui::SetScrollY(ImGui::GetScrollY() - scroll);
        animating_ = true;
    }
    if (restore_scroll_ >= 0) {
        ImGui::SetScrollY(restore_scroll_);
        restore_scroll_ = -1;
    }
    anchors_.clear();

    begin_column(kColumnWidth);
    screen_view::begin_region("main");
    draw_notice();
    const bool needs_body =
        route_.page == route::Page::guide || route_.page == route::Page::handoff;
    if (needs_body && !bundle_.bodies_ready()) {
        draw_body_waiting();
    } else {
        switch (route_.page) {
            case route::Page::guide:
                if (guide) {
                    draw_guide(*guide);
                }
                break;
            case route::Page::settings: draw_settings(); break;
            case route::Page::handoff: draw_handoff(); break;
            case route::Page::search:
            case route::Page::catalogue: draw_catalogue(); break;
        }
    }
    w::gap(2.0f);

    // a deep link lands on its section once the layout has placed it
    if (!scroll_to_anchor_.empty()) {
        auto at = anchors_.find(scroll_to_anchor_);
        if (at != anchors_.end()) {
            ImGui::SetScrollY(std::max(0.0f, at->second - 8.0f));
            scroll_to_anchor_.clear();
            platform::request_frames(2);
        }
    }
    screen_view::end_region();
    last_scroll_ = ImGui::GetScrollY();
    ImGui::EndChild();

    draw_emergency_popup();
    draw_qr_popup();
    draw_countdown();
    ImGui::End();

    // the page title follows the screen
    std::string title = tr("common.app_name");
    if (guide) {
        title = T(guide->title) + " — " + title;
    } else if (route_.page == route::Page::settings) {
        title = tr("settings.title") + " — " + title;
    }
    if (title != title_shown_) {
        title_shown_ = title;
        platform::set_title(title);
    }
}

// [SECTION] Chrome ----------------------------------------------------------------------------

void App::begin_column(float max_width) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const float avail = window->WorkRect.GetWidth();
    const float margin = avail < 600 ? 16.0f : 32.0f;
    const float width = std::min(max_width, avail - 2 * margin);
    const float left = std::max(margin, (avail - width) * 0.5f);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 16.0f);
    ImGui::Indent(left);
    window->WorkRect.Max.x = window->WorkRect.Min.x + left + width;
    window->ContentRegionRect.Max.x = window->WorkRect.Max.x;
}

void App::draw_top_bar(float height) {
    const theme::Palette& p = theme::palette();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetWindowWidth();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(at, ImVec2(at.x + width, at.y + height),
                      ImGui::ColorConvertFloat4ToU32(p.surface));
    dl->AddLine(ImVec2(at.x, at.y + height - 1), ImVec2(at.x + width, at.y + height - 1),
                ImGui::ColorConvertFloat4ToU32(p.border));

    const float pad = width < 600 ? 12.0f : 24.0f;
    const float y = at.y + (height - theme::target_height()) * 0.5f;
    ImGui::SetCursorScreenPos(ImVec2(at.x + pad, y));

    // the brand takes the reader home; inside a guide a Back button comes first
    ImGui::BeginGroup();
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8, 0));
    if (route_.page != route::Page::catalogue) {
        if (w::button("‹ " + tr("common.back"), "##back", w::Style::quiet)) {
            navigate(route::catalogue());
        }
        ImGui::SameLine();
    }
    ImGui::PushStyleColor(ImGuiCol_Text, p.accent);
    if (w::button(tr("common.app_name"), "##home", w::Style::quiet)) {
        navigate(route::catalogue());
    }
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    ImGui::EndGroup();

    // language and settings at the right edge
    std::string other;
    for (const std::string& l : bundle_.site.locales) {
        if (l != locale_ && other.empty()) {
            other = l;
        }
    }
    const content::UiStrings* other_ui = bundle_.find_ui(other);
    const std::string lang_label = other_ui ? other_ui->name : other;
    const std::string settings_label = tr("settings.title");
    ImGui::PushFont(fonts::bold(), 0.0f);
    const float pad_x = ImGui::GetStyle().FramePadding.x;
    float right_w = ImGui::CalcTextSize(lang_label.c_str()).x +
                    ImGui::CalcTextSize(settings_label.c_str()).x + 4 * pad_x + 8;
    if (kiosk_) {
        right_w += ImGui::CalcTextSize(tr("kiosk.finish").c_str()).x + 2 * pad_x + 8;
    }
    ImGui::PopFont();
    ImGui::SetCursorScreenPos(ImVec2(at.x + width - pad - right_w, y));
    ImGui::BeginGroup();
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8, 0));
    if (!other.empty() && w::button(lang_label, "##language", w::Style::secondary)) {
        set_language(other);
        save();
    }
    if (!other.empty()) {
        // the language's own name is read in that language
        semantics::set_last_lang(other);
    }
    ImGui::SameLine();
    if (w::button(settings_label, "##settings", w::Style::secondary)) {
        navigate(route::settings());
    }
    if (kiosk_) {
        ImGui::SameLine();
        if (w::button(tr("kiosk.finish"), "##finish", w::Style::danger)) {
            wipe_session();
        }
    }
    ImGui::PopStyleVar();
    ImGui::EndGroup();
    ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + height));
}

void App::draw_emergency(float height) {
    const theme::Palette& p = theme::palette();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetWindowWidth();
    ImGui::PushStyleColor(ImGuiCol_Text, p.on_danger);
    ImGui::PushID("emergency");
    ImGui::InvisibleButton("##strip", ImVec2(width, height));
    const bool hovered = ImGui::IsItemHovered();
    if (ImGui::IsItemClicked() || (ImGui::IsItemFocused() && ImGui::IsKeyPressed(ImGuiKey_Enter)) ||
        screen_view::take_activation()) {
        emergency_open_ = true;
    }
    ImGui::RenderNavCursor(GImGui->LastItemData.Rect, GImGui->LastItemData.ID);
    const std::string label = tr("emergency.banner");
    screen_view::describe_last_item(label, "button");
    ImGui::PopID();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec4 bg = p.danger;
    if (hovered) {
        bg.w = 0.9f;
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }
    dl->AddRectFilled(at, ImVec2(at.x + width, at.y + height), ImGui::ColorConvertFloat4ToU32(bg));
    ImGui::PushFont(fonts::bold(), 0.0f);
    const ImVec2 size = ImGui::CalcTextSize(label.c_str());
    dl->AddText(ImVec2(at.x + (width - size.x) * 0.5f, at.y + (height - size.y) * 0.5f),
                ImGui::ColorConvertFloat4ToU32(p.on_danger), label.c_str());
    ImGui::PopFont();
    ImGui::PopStyleColor();
    ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + height));
}

void App::draw_emergency_popup() {
    if (emergency_open_) {
        ImGui::OpenPopup("##emergency");
        emergency_open_ = false;
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float width = std::min(420.0f, vp->Size.x - 32.0f);
    ImGui::SetNextWindowPos(ImVec2(vp->Size.x * 0.5f, vp->Size.y * 0.5f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(20, 20));
    if (ImGui::BeginPopupModal("##emergency", nullptr,
                               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize)) {
        screen_view::begin_region("dialog");
        w::heading(tr("emergency.title"), 2);
        for (const content::EmergencyNumber& e : bundle_.site.emergency) {
            const std::string label = e.number + " — " + T(e.label);
            if (w::button(label, ("##tel" + e.number).c_str(), w::Style::danger, true) &&
                !kiosk_) {
                platform::open_url("tel:" + e.number);
            }
        }
        w::gap(0.5f);
        if (w::button(tr("common.close"), "##close", w::Style::secondary, true) ||
            ImGui::IsKeyPressed(ImGuiKey_Escape)) {
            ImGui::CloseCurrentPopup();
        }
        screen_view::end_region();
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar();
}

void App::draw_notice() {
    if (notice_.empty()) {
        return;
    }
    const theme::Palette& p = theme::palette();

    // a notice holds a UI string key, or a sentence already filled in
    const std::string text = notice_.find(' ') == std::string::npos ? tr(notice_.c_str()) : notice_;
    w::begin_card(p.tip_bg, p.accent);
    w::paragraph(text);
    if (w::button(tr("common.close"), "##notice-close", w::Style::secondary)) {
        notice_.clear();
    }
    w::end_card();
    w::gap(0.5f);
}

}  // namespace ruvoya::ui
