// "Report outdated information": a short form that is checked for personal data before it
// can leave the device, and then leaves only through the reader's own mail app or
// clipboard. Nothing is sent anywhere by the app.
#include "core/route/route.hpp"
#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"
#include "platform/platform.hpp"
#include "ui/app.hpp"
#include "ui/screen_view.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace ruvoya::ui {

namespace w = widgets;

void App::draw_report(const content::Guide& guide) {
    const theme::Palette& p = theme::palette();
    w::heading(tr("report.title"), 3);
    w::paragraph(tr("report.intro"));
    w::begin_card(p.moderate_bg, p.moderate_fg);
    w::paragraph(tr("report.privacy"));
    w::end_card();

    // what looks wrong
    w::paragraph(tr("report.what"));
    const float lines = ImGui::GetTextLineHeight() * 4 + ImGui::GetStyle().FramePadding.y * 2;
    if (ImGui::InputTextMultiline("##report-text", &report_text_, ImVec2(-1, lines))) {
        report_status_.clear();
        report_findings_.clear();
    }
    screen_view::describe_last_item(tr("report.what"), "input");
    if (screen_view::sync_text(&report_text_, true)) {
        report_status_.clear();
        report_findings_.clear();
    }

    // which section
    w::paragraph(tr("report.section"));
    static const char* const keys[] = {
        "report.section_whole", "guide.route_title",  "guide.fast_path_title",
        "guide.needs_title",    "guide.checklist_title", "guide.details_title",
        "guide.links_title",    "guide.traps_title",  "guide.faq_title",
        "guide.sources_title",  "guide.related_title",
    };
    const int count = static_cast<int>(sizeof(keys) / sizeof(keys[0]));
    report_section_ = report_section_ < 0 || report_section_ >= count ? 0 : report_section_;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##report-section", tr(keys[report_section_]).c_str())) {
        for (int i = 0; i < count; ++i) {
            if (ImGui::Selectable(tr(keys[i]).c_str(), i == report_section_)) {
                report_section_ = i;
            }
        }
        ImGui::EndCombo();
    }
    screen_view::describe_last_item(tr("report.section"), "combobox");
    std::vector<std::string> section_names;
    for (int i = 0; i < count; ++i) {
        section_names.push_back(tr(keys[i]));
    }
    screen_view::sync_choice(section_names, &report_section_);

    // the check runs on every attempt to send; a finding blocks both ways out
    auto checked = [&]() -> bool {
        if (report_text_.find_first_not_of(" \t\r\n") == std::string::npos) {
            report_status_ = tr("report.empty");
            return false;
        }
        report_findings_ = privacy::find_personal_data(report_text_);
        if (!report_findings_.empty()) {
            std::string what;
            for (const privacy::Finding& f : report_findings_) {
                const std::string key = "report.pii." + std::string(privacy::kind_name(f.kind));
                const std::string name = tr(key.c_str());
                if (what.find(name) == std::string::npos) {
                    what += (what.empty() ? "" : ", ") + name;
                }
            }
            report_status_ = tr("report.personal_data", "what", what);
            return false;
        }
        return true;
    };
    const std::string body = tr("report.section") + " " + tr(keys[report_section_]) + "\n" +
                             tr("report.what") + "\n" + report_text_ + "\n\n" + guide.id + " (" +
                             guide.revision + ")";
    const std::string subject = tr("report.title") + ": " + T(guide.title);
    if (w::button(tr("report.send_email"), "##report-send", w::Style::primary) && checked()) {
        platform::open_url("mailto:" + bundle_.site.report_email +
                           "?subject=" + route::percent_encode(subject) +
                           "&body=" + route::percent_encode(body));
        report_status_.clear();
    }
    ImGui::SameLine();
    if (w::button(tr("report.copy"), "##report-copy", w::Style::secondary) && checked()) {
        platform::copy_text(subject + "\n\n" + body);
        report_status_ = tr("report.copied");
    }
    if (!report_status_.empty()) {
        const bool blocked = !report_findings_.empty();
        w::begin_card(blocked ? p.high_bg : p.tip_bg, blocked ? p.high_fg : p.accent);
        w::paragraph(report_status_);
        screen_view::add_last_item_as(blocked ? "alert" : "status", report_status_);
        w::end_card();
    }
}

}  // namespace ruvoya::ui
