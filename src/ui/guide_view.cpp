// A guide, with every section of the original guide page in its order: header, where this
// fits, fast path, disclaimer, what you need, checklist, detailed notes, useful links,
// common traps, quick answers, sources with the report form, related guides.
#include <algorithm>
#include <cstdint>

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

std::int64_t now() {
    return static_cast<std::int64_t>(platform::now_ms());
}

// "https://www.gosuslugi.ru/help" -> "www.gosuslugi.ru"
std::string domain_of(const std::string& url) {
    size_t start = url.find("://");
    start = start == std::string::npos ? 0 : start + 3;
    size_t end = url.find_first_of("/?#", start);
    return url.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

// the sections, in page order, with the UI string of each one's heading
struct SectionInfo {
    route::Section section;
    const char* title_key;
};
const SectionInfo kSections[] = {
    {route::Section::route, "guide.route_title"},
    {route::Section::fast_path, "guide.fast_path_title"},
    {route::Section::needs, "guide.needs_title"},
    {route::Section::checklist, "guide.checklist_title"},
    {route::Section::details, "guide.details_title"},
    {route::Section::links, "guide.links_title"},
    {route::Section::traps, "guide.traps_title"},
    {route::Section::faq, "guide.faq_title"},
    {route::Section::sources, "guide.sources_title"},
    {route::Section::related, "guide.related_title"},
};

}  // namespace

void App::draw_section_nav(const content::Guide& guide) {
    const theme::Palette& p = theme::palette();
    ImGui::SetCursorPos(ImVec2(24, 24));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(kNavWidth - 24.0f);
    w::eyebrow(T(guide.title));
    w::gap(0.3f);
    ImGui::PushStyleColor(ImGuiCol_Text, p.text);
    for (const SectionInfo& s : kSections) {
        const std::string id = "##nav-" + std::string(route::section_id(s.section));
        if (w::link(tr(s.title_key), id.c_str())) {
            navigate(route::guide_section(guide.id, s.section));
        }
    }
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

void App::draw_guide(const content::Guide& guide) {
    const theme::Palette& p = theme::palette();
    ImGui::PushID(guide.id.c_str());
    auto anchor = [&](route::Section s) {
        anchors_[std::string(route::section_id(s))] = ImGui::GetCursorPosY();
    };
    auto section_head = [&](route::Section s, const char* eyebrow_key, const char* title_key) {
        w::gap(1.2f);
        anchor(s);
        w::eyebrow(tr(eyebrow_key));
        w::heading(tr(title_key), 2);
        w::read_aloud(tr(title_key));
    };

    // ---- header ----
    const content::Category* category = bundle_.find_category(guide.category);
    if (category) {
        w::eyebrow(T(category->title));
    }
    const std::string risk_key = "risk." + std::string(content::to_string(guide.risk));
    const ImVec4 risk_bg = guide.risk == content::Risk::high       ? p.high_bg
                           : guide.risk == content::Risk::moderate ? p.moderate_bg
                                                                   : p.low_bg;
    const ImVec4 risk_fg = guide.risk == content::Risk::high       ? p.high_fg
                           : guide.risk == content::Risk::moderate ? p.moderate_fg
                                                                   : p.low_fg;
    w::badge(tr(risk_key.c_str()), risk_bg, risk_fg);
    ImGui::SameLine();
    const std::string status_key = "status." + std::string(content::to_string(guide.status));
    w::badge(tr(status_key.c_str()), p.surface_alt, p.muted);
    if (locale_ != content::kFallbackLocale && !guide.title.has(locale_)) {
        ImGui::SameLine();
        w::badge(tr("guide.untranslated"), p.surface_alt, p.muted);
    }
    w::heading(T(guide.title), 1);
    w::paragraph(T(guide.summary));
    w::read_aloud();
    if (!guide.official.url.empty()) {
        if (w::button(tr("guide.open_official"), "##official", w::Style::primary)) {
            open_external(guide.official.url, T(guide.title));
        }
        w::paragraph(tr("guide.starts_with") + " " + T(guide.official.starts_with), true);
        w::paragraph(tr("link.opens", "domain", domain_of(guide.official.url)), true);
    }
    w::paragraph(tr("guide.reviewed", "date", guide.reviewed), true);

    // on a kiosk, the guide and the person's ticks go along to their phone
    if (kiosk_ && w::button(tr("kiosk.continue_on_phone"), "##handoff", w::Style::primary)) {
        show_qr(handoff_url(guide), T(guide.title), tr("kiosk.continue_intro"));
    }

    // ---- where this fits ----
    section_head(route::Section::route, "guide.route", "guide.route_title");
    w::paragraph(tr("guide.route_intro"), true);
    auto guide_links = [&](const std::vector<std::string>& ids, const char* label_key,
                           const char* id_prefix) {
        if (ids.empty()) {
            return;
        }
        w::heading(tr(label_key), 3);
        for (const std::string& id : ids) {
            const content::Guide* other = bundle_.find_guide(id);
            if (!other) {
                continue;
            }
            const std::string button_id = std::string("##") + id_prefix + id;
            if (w::link(T(other->title), button_id.c_str())) {
                navigate(route::guide(id));
            }
        }
    };
    guide_links(guide.route.before, "guide.route_before", "before-");
    guide_links(guide.route.after, "guide.route_after", "after-");

    // ---- fast path: the step the reader is on is the first one not done ----
    section_head(route::Section::fast_path, "guide.fast_path", "guide.fast_path_title");
    w::paragraph(tr("guide.fast_path_intro"), true);
    const content::Step* current = nullptr;
    for (const content::Step& s : guide.steps) {
        if (!progress::is_step_done(state_, guide.id, s.id)) {
            current = &s;
            break;
        }
    }
    for (size_t i = 0; i < guide.steps.size(); ++i) {
        const content::Step& s = guide.steps[i];
        ImGui::PushID(s.id.c_str());
        anchors_["step/" + s.id] = ImGui::GetCursorPosY();
        const bool is_current = current == &s;

        // the current step is what "Read aloud: current step" reads
        if (is_current) {
            screen_view::begin_region("current-step");
        }
        w::begin_card(p.surface, is_current ? p.accent : p.border);
        w::eyebrow(tr("guide.step_n", "n", std::to_string(i + 1)));
        if (is_current) {
            ImGui::SameLine();
            w::badge(tr("guide.current_step"), p.tip_bg, p.accent);
        }
        w::heading(T(s.title), 3);
        w::paragraph(T(s.text));
        w::labelled(tr("guide.tip_inline"), T(s.tip));
        bool done = progress::is_step_done(state_, guide.id, s.id);
        const std::string label = tr("guide.mark_step_done") + ": " + T(s.title);
        if (w::checkbox(label, "##done", &done)) {
            progress::set_step_done(state_, guide.id, s.id, done, now());
            save();
        }
        w::end_card();
        if (is_current) {
            screen_view::end_region();
        }
        ImGui::PopID();
        w::gap(0.3f);
    }

    // ---- disclaimer ----
    w::gap(0.5f);
    w::begin_card(p.surface_alt, p.border);
    w::paragraph(T(guide.disclaimer));
    w::end_card();

    // ---- what you need ----
    section_head(route::Section::needs, "guide.prepare", "guide.needs_title");
    for (const content::Need& need : guide.needs) {
        w::heading(T(need.name), 4);
        w::paragraph(T(need.text), true);
    }

    // ---- checklist ----
    section_head(route::Section::checklist, "guide.checklist", "guide.checklist_title");
    const Counts c = counts(guide);
    w::progress(c.required > 0 ? static_cast<float>(c.required_done) / c.required : 1.0f,
                fill(tr("checklist.progress", "done", std::to_string(c.required_done)), "total",
                     std::to_string(c.required)));
    for (const content::ChecklistGroup& group : guide.checklist) {
        ImGui::PushID(group.id.c_str());
        w::heading(T(group.title), 3);
        for (const content::ChecklistItem& item : group.items) {
            bool ticked = progress::is_checked(state_, guide.id, item.id);
            const char* level = item.level == content::ItemLevel::required
                                    ? "checklist.required"
                                    : "checklist.recommended";
            const std::string id = "##item-" + item.id;
            if (w::checkbox(T(item.text), id.c_str(), &ticked, tr(level))) {
                progress::set_checked(state_, guide.id, item.id, ticked, now());
                save();
            }
        }
        ImGui::PopID();
    }
    if (c.done > 0 || confirm_reset_) {
        w::gap(0.3f);
        if (!confirm_reset_) {
            if (w::button(tr("checklist.reset"), "##reset", w::Style::secondary)) {
                confirm_reset_ = true;
            }
        } else {
            w::begin_card(p.high_bg, p.high_fg);
            w::paragraph(tr("checklist.reset_confirm"));
            if (w::button(tr("checklist.reset_confirm_button"), "##reset-yes", w::Style::danger)) {
                progress::reset_checklist(state_, guide.id, now());
                save();
                confirm_reset_ = false;
            }
            ImGui::SameLine();
            if (w::button(tr("common.cancel"), "##reset-no", w::Style::secondary) ||
                ImGui::IsKeyPressed(ImGuiKey_Escape)) {
                confirm_reset_ = false;
            }
            w::end_card();
        }
    }

    // ---- detailed notes ----
    section_head(route::Section::details, "guide.details", "guide.details_title");
    w::paragraph(tr("guide.details_intro"), true);
    const std::string open_prefix = guide.id + "/details/";
    if (w::button(tr("guide.show_all"), "##show-all", w::Style::secondary)) {
        for (const content::Step& s : guide.steps) {
            open_.insert(open_prefix + s.id);
        }
    }
    ImGui::SameLine();
    if (w::button(tr("guide.collapse_all"), "##collapse-all", w::Style::secondary)) {
        for (const content::Step& s : guide.steps) {
            open_.erase(open_prefix + s.id);
        }
    }
    for (size_t i = 0; i < guide.steps.size(); ++i) {
        const content::Step& s = guide.steps[i];
        ImGui::PushID(s.id.c_str());
        const std::string kind_key = "step_kind." + std::string(content::to_string(s.kind));
        bool open = open_.count(open_prefix + s.id) > 0;
        const std::string label = tr("guide.step_n", "n", std::to_string(i + 1)) + " · " +
                                  tr(kind_key.c_str()) + " · " + T(s.title);
        w::disclosure(label, "##details", &open);
        if (open) {
            open_.insert(open_prefix + s.id);
        } else {
            open_.erase(open_prefix + s.id);
        }
        if (open) {
            w::begin_card(p.surface, p.border);

            // the mini stepper: numbered sub-steps in a row, wrapping on narrow screens
            const float avail = w::column_width();
            float x = 0;
            for (size_t k = 0; k < s.substeps.size(); ++k) {
                const std::string sub = std::to_string(k + 1) + "  " + T(s.substeps[k]);
                const float width = ImGui::CalcTextSize(sub.c_str()).x + 24.0f;
                if (k > 0 && x + width < avail) {
                    ImGui::SameLine();
                } else {
                    x = 0;
                }
                w::badge(sub, p.tip_bg, p.accent);
                x += width;
            }
            w::heading(T(s.title), 3);
            w::paragraph(T(s.text));
            w::labelled(tr("guide.do") + ":", T(s.do_));
            w::labelled(tr("guide.check") + ":", T(s.check));
            w::labelled(tr("guide.avoid") + ":", T(s.avoid));
            w::labelled(tr("guide.tip") + ":", T(s.tip));
            w::end_card();
        }
        ImGui::PopID();
    }

    // ---- useful links: the domain shows before anything opens ----
    section_head(route::Section::links, "guide.links", "guide.links_title");
    w::paragraph(tr("guide.links_intro"), true);
    for (size_t i = 0; i < guide.links.size(); ++i) {
        const content::Link& l = guide.links[i];
        ImGui::PushID(static_cast<int>(i));
        const std::string kind_key = "link." + std::string(content::to_string(l.kind));
        w::badge(tr(kind_key.c_str()), l.kind == content::LinkKind::official ? p.low_bg
                                                                              : p.surface_alt,
                 l.kind == content::LinkKind::official ? p.low_fg : p.muted);
        if (l.kind == content::LinkKind::guide) {
            const content::Guide* other = bundle_.find_guide(l.guide);
            if (w::link(T(l.label), "##link") && other) {
                navigate(route::guide(l.guide));
            }
        } else {
            if (w::link(T(l.label), "##link", l.url)) {
                open_external(l.url, T(l.label));
            }
            w::paragraph(tr("link.opens", "domain", domain_of(l.url)), true);
        }
        w::gap(0.2f);
        ImGui::PopID();
    }

    // ---- common traps ----
    section_head(route::Section::traps, "guide.traps", "guide.traps_title");
    for (const content::Trap& trap : guide.traps) {
        w::begin_card(p.surface, p.border);
        w::heading(T(trap.title), 3);
        w::paragraph(T(trap.advice));
        w::end_card();
        w::gap(0.2f);
    }

    // ---- quick answers ----
    section_head(route::Section::faq, "guide.faq", "guide.faq_title");
    for (size_t i = 0; i < guide.faq.size(); ++i) {
        const content::FaqEntry& f = guide.faq[i];
        ImGui::PushID(static_cast<int>(i));
        const std::string key = guide.id + "/faq/" + std::to_string(i);
        bool open = open_.count(key) > 0;
        w::disclosure(T(f.question), "##faq", &open);
        if (open) {
            open_.insert(key);
            ImGui::Indent(24);
            w::paragraph(T(f.answer));
            ImGui::Unindent(24);
        } else {
            open_.erase(key);
        }
        ImGui::PopID();
    }

    // ---- sources and the report form ----
    w::gap(1.2f);
    anchor(route::Section::sources);
    const std::string sources_key = guide.id + "/sources";
    bool sources_open = open_.count(sources_key) > 0 ||
                        (route_.section && (*route_.section == route::Section::sources ||
                                            *route_.section == route::Section::report));
    w::disclosure(tr("guide.sources_title"), "##sources", &sources_open);
    w::paragraph(tr("guide.sources_intro", "n", std::to_string(guide.sources.size())), true);
    if (sources_open) {
        open_.insert(sources_key);
        for (size_t i = 0; i < guide.sources.size(); ++i) {
            const content::Source& s = guide.sources[i];
            ImGui::PushID(static_cast<int>(i));
            if (w::link(T(s.title), "##source", s.url)) {
                open_external(s.url, T(s.title));
            }
            w::paragraph(T(s.publisher) + " · " + domain_of(s.url) + " · " +
                             tr("guide.source_checked", "date", s.checked),
                         true);
            ImGui::PopID();
        }
        w::gap(0.8f);
        anchor(route::Section::report);
        if (kiosk_) {
            // no text field on a shared screen: the form is on the person's own phone
            w::heading(tr("report.title"), 3);
            w::paragraph(tr("kiosk.report_intro"));
            std::string base = public_base_.substr(0, public_base_.find('#'));
            const std::string url =
                base + route::format(route::guide_section(guide.id, route::Section::report));
            qr_code(url, 240.0f, "QR code: " + tr("report.title"));
        } else {
            draw_report(guide);
        }
    } else {
        open_.erase(sources_key);
    }

    // ---- related guides ----
    section_head(route::Section::related, "guide.next", "guide.related_title");
    for (const std::string& id : guide.related) {
        if (const content::Guide* other = bundle_.find_guide(id)) {
            draw_guide_card(*other, "related");
        }
    }
    ImGui::PopID();
}

}  // namespace ruvoya::ui
