// The catalogue (home): search as you type, "continue where you left off", and every
// guide grouped by category in route order, each with its risk, status and progress.
#include <algorithm>

#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"
#include "platform/platform.hpp"
#include "ui/app.hpp"
#include "ui/fonts.hpp"
#include "ui/screen_view.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace ruvoya::ui {

namespace w = widgets;

namespace {

struct RiskColours {
    ImVec4 bg, fg;
};

RiskColours risk_colours(content::Risk risk) {
    const theme::Palette& p = theme::palette();
    switch (risk) {
        case content::Risk::high: return {p.high_bg, p.high_fg};
        case content::Risk::moderate: return {p.moderate_bg, p.moderate_fg};
        default: return {p.low_bg, p.low_fg};
    }
}

}  // namespace

void App::draw_guide_card(const content::Guide& guide, const char* id_prefix) {
    const theme::Palette& p = theme::palette();
    ImGui::PushID(id_prefix);
    ImGui::PushID(guide.id.c_str());
    w::begin_card(p.surface, p.border);

    // the title is the link into the guide; badges say risk and status in words
    if (w::link(T(guide.title), "##open")) {
        navigate(route::guide(guide.id));
    }
    const RiskColours rc = risk_colours(guide.risk);
    const std::string risk_key = "risk." + std::string(content::to_string(guide.risk));
    w::badge(tr(risk_key.c_str()), rc.bg, rc.fg);
    ImGui::SameLine();
    const content::Category* category = bundle_.find_category(guide.category);
    if (category) {
        w::badge(T(category->title), p.surface_alt, p.muted);
    }
    bool fell_back = false;
    guide.title.get(locale_, &fell_back);
    if (fell_back) {
        ImGui::SameLine();
        w::badge(tr("guide.untranslated"), p.surface_alt, p.muted);
    }
    w::paragraph(T(guide.summary), true);

    // the reader's own progress
    const Counts c = counts(guide);
    if (c.done > 0 && c.required > 0) {
        w::progress(static_cast<float>(c.required_done) / c.required,
                    fill(tr("checklist.progress", "done", std::to_string(c.required_done)),
                         "total", std::to_string(c.required)));
    }
    w::end_card();
    ImGui::PopID();
    ImGui::PopID();
    w::gap(0.25f);
}

void App::draw_catalogue() {
    const theme::Palette& p = theme::palette();
    w::heading(tr("catalogue.title"), 1);

    // search as you type; the query lives in the address so back returns to it
    ImGui::SetNextItemWidth(-1);
    ImGui::PushStyleColor(ImGuiCol_Border, p.muted);
    const std::string hint = tr("catalogue.search_placeholder");
    const bool changed = ImGui::InputTextWithHint("##search", hint.c_str(), &query_);
    ImGui::PopStyleColor();
    screen_view::describe_last_item(tr("catalogue.search_placeholder"), "input");
    const bool typed_in_dom = screen_view::sync_text(&query_);
    // the address follows the query once typing pauses: writing it on every key costs
    // more than the search itself
    const double now = platform::now_ms();
    if (changed || typed_in_dom) {
        query_changed_ms_ = now;
        query_hash_pending_ = true;
        platform::wake_after(kQueryHashDelayMs + 10);
    }
    if (query_hash_pending_ && now - query_changed_ms_ >= kQueryHashDelayMs) {
        write_query_hash();
    }
    w::gap(0.5f);
    if (!query_.empty()) {
        draw_search_results();
        return;
    }

    // guides in progress, most recently opened first
    std::vector<const content::Guide*> started;
    for (const content::Guide* g : order_) {
        auto it = state_.guides.find(g->id);
        if (it == state_.guides.end()) {
            continue;
        }
        const Counts c = counts(*g);
        const bool begun = c.done > 0 || !it->second.steps_done.empty();
        if (begun && c.required_done < c.required) {
            started.push_back(g);
        }
    }
    auto recent = [&](const content::Guide* a, const content::Guide* b) {
        return state_.guides.at(a->id).opened > state_.guides.at(b->id).opened;
    };
    std::sort(started.begin(), started.end(), recent);
    if (!started.empty()) {
        w::heading(tr("catalogue.continue"), 2);
        for (size_t i = 0; i < started.size() && i < 3; ++i) {
            draw_guide_card(*started[i], "continue");
        }
        w::gap(0.5f);
    }

    // every guide, by category; past kWindowedFrom guides only the cards near the view are
    // drawn, and a change of width, text size or language measures them anew
    const bool windowed = order_.size() >= kWindowedFrom;
    const std::string heights_for = std::to_string(ImGui::GetContentRegionAvail().x) + "/" +
                                    std::to_string(ImGui::GetFontSize()) + "/" + locale_;
    if (heights_for != card_heights_for_) {
        card_heights_.clear();
        card_height_total_ = 0;
        card_heights_for_ = heights_for;
    }
    for (const content::Category& category : bundle_.categories) {
        bool any = false;
        for (const content::Guide* g : order_) {
            if (g->category != category.id) {
                continue;
            }
            if (!any) {
                w::heading(T(category.title), 2);
                any = true;
            }
            draw_catalogue_card(*g, windowed);
        }
        if (any) {
            w::gap(0.5f);
        }
    }
}

// FIXME: in a windowed catalogue the DOM tree holds only the cards near the view, so a
// screen reader's browse mode meets the end of the list early (Tab still moves on, since
// focus scrolls the next card into view and so draws it).
void App::draw_catalogue_card(const content::Guide& guide, bool windowed) {
    const float top = ImGui::GetCursorPosY();
    const auto known = card_heights_.find(guide.id);

    // a card far from the view is only its height: the measured one, else the average
    if (windowed) {
        const float spacing = ImGui::GetStyle().ItemSpacing.y;
        float height = ImGui::GetFontSize() * 8.0f;
        if (known != card_heights_.end()) {
            height = known->second;
        } else if (!card_heights_.empty()) {
            height = card_height_total_ / static_cast<float>(card_heights_.size());
        }
        const float margin = ImGui::GetWindowHeight();
        const float view_top = ImGui::GetScrollY() - margin;
        const float view_bottom = ImGui::GetScrollY() + ImGui::GetWindowHeight() + margin;
        if (top + height < view_top || top > view_bottom) {
            ImGui::Dummy(ImVec2(0.0f, std::max(0.0f, height - spacing)));
            return;
        }
    }

    // drawn: remember its height for the frames it is out of view
    draw_guide_card(guide, "all");
    const float height = ImGui::GetCursorPosY() - top;
    if (known == card_heights_.end()) {
        card_heights_.emplace(guide.id, height);
        card_height_total_ += height;
    } else {
        card_height_total_ += height - known->second;
        known->second = height;
    }
}

void App::draw_search_results() {
    // the index is built in idle slices once the bodies have come (App::idle_work); a
    // query before it is done finishes it at once
    if (!bundle_.bodies_ready()) {
        w::paragraph(tr(bodies_failed_ ? "common.bodies_failed" : "catalogue.search_loading"),
                     true);
        return;
    }
    finish_index();

    // the query runs once per change of the text or of the page count, not once per frame;
    // new text starts again from the first page
    if (query_ != results_query_) {
        results_limit_ = kResultsPage;
    }
    if (query_ != results_query_ || results_limit_ != results_limit_run_) {
        search::QueryOptions options;
        options.prefix_last_word = !query_.empty() && query_.back() != ' ';
        options.limit = results_limit_;
        options.found = &results_found_;
        results_ = index_.query(query_, options);
        results_query_ = query_;
        results_limit_run_ = results_limit_;
    }
    const std::vector<search::Result>& results = results_;
    if (results.empty()) {
        w::paragraph(tr("catalogue.no_results"), true);
        return;
    }
    w::paragraph(tr("catalogue.results_count", "n", std::to_string(results_found_)), true);
    const theme::Palette& p = theme::palette();
    for (const search::Result& r : results) {
        const content::Guide* g = bundle_.find_guide(r.guide_id);
        if (!g) {
            continue;
        }
        ImGui::PushID(g->id.c_str());
        w::begin_card(p.surface, p.border);
        if (w::link(T(g->title), "##result")) {
            // a match in a step opens the guide at that step
            if (r.kind == search::FieldKind::step && !r.sub_id.empty()) {
                navigate(route::guide_step(g->id, r.sub_id));
            } else {
                navigate(route::guide(g->id));
            }
        }
        const std::string where_key = "catalogue.where." + std::string(search::field_name(r.kind));
        w::paragraph(tr("catalogue.match_in", "where", tr(where_key.c_str())), true);
        w::paragraph(r.snippet);
        w::end_card();
        ImGui::PopID();
        w::gap(0.25f);
    }

    // the next page, when there is one
    if (results_found_ > results.size()) {
        const std::size_t more = std::min(kResultsPage, results_found_ - results.size());
        if (w::button(tr("catalogue.results_more", "n", std::to_string(more)), "##more")) {
            results_limit_ += kResultsPage;
        }
    }
}

}  // namespace ruvoya::ui
