// The app's UI: one object that owns the content, the saved progress and the navigation,
// and draws every frame. The platform layer owns the frame loop and calls frame() between
// ImGui::NewFrame() and ImGui::Render().
//
// The screens live in their own files: catalogue.cpp, guide_view.cpp, report.cpp,
// settings_view.cpp; app.cpp holds the frame, the chrome around the screens, navigation
// and persistence.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/content/model.hpp"
#include "core/privacy/privacy.hpp"
#include "core/progress/progress.hpp"
#include "core/route/route.hpp"
#include "core/search/search.hpp"
#include "imgui.h"

namespace ruvoya::ui {

// from this window width on, a guide shows its section list beside the content
inline constexpr float kWideLayout = 1000.0f;
inline constexpr float kNavWidth = 260.0f;

class App {
public:
    // loads fonts, content and saved progress; false if the app cannot start
    bool init();

    // attaches the guides' bodies once the loader has them (or notes that it failed)
    void take_bodies();

    // work that waits for the browser to be idle: building the search index, a few guides
    // at a time, within about budget_ms
    void idle_work(double budget_ms);

    // draws one frame
    void frame();

    // the browser's location hash changed (back, forward, a typed address)
    void on_hash_change();

    // true while something moves by itself and needs more frames
    bool animating() const { return animating_; }

    // the colour behind everything
    ImVec4 clear_color() const;

    // a file the user picked for import (empty text when it could not be read)
    void on_file_opened(const std::string& name, const std::string& text);

private:
    // ---- text ----------------------------------------------------------------------
    std::string tr(const char* key) const;
    std::string tr(const char* key, const char* name, const std::string& value) const;
    // replaces {name} in text with value
    static std::string fill(std::string text, const char* name, const std::string& value);
    // a content text in the current language; counts English fallbacks for the banner
    const std::string& T(const content::Text& text);

    // ---- state changes ---------------------------------------------------------------
    void navigate(const route::Route& to, bool replace = false);
    void apply_route(const route::Route& to);
    void open_guide(const content::Guide& guide);
    void save();
    void set_language(const std::string& locale);
    void apply_theme();

    // ---- chrome ----------------------------------------------------------------------
    void draw_top_bar(float height);
    void draw_emergency(float height);
    void draw_emergency_popup();
    void draw_notice();
    void begin_column(float width);

    // ---- screens -----------------------------------------------------------------------
    void draw_catalogue();
    void draw_search_results();
    void draw_guide_card(const content::Guide& guide, const char* id_prefix);
    void draw_catalogue_card(const content::Guide& guide, bool windowed);
    void draw_guide(const content::Guide& guide);
    void draw_section_nav(const content::Guide& guide);
    void draw_report(const content::Guide& guide);
    void draw_settings();

    // ---- kiosk (kiosk.cpp) ---------------------------------------------------------------
    void init_kiosk();
    void wipe_session();
    void update_idle();
    void draw_attract();
    void draw_countdown();
    // an external link: opened in a new tab, or on a kiosk shown as a QR code
    void open_external(const std::string& url, const std::string& title);
    void show_qr(const std::string& url, const std::string& title, const std::string& intro);
    void draw_qr_popup();
    std::string handoff_url(const content::Guide& guide) const;
    void draw_handoff();

    // ---- derived from content -----------------------------------------------------------
    struct Counts {
        int required = 0;
        int required_done = 0;
        int done = 0;
    };
    Counts counts(const content::Guide& guide) const;
    void build_order();
    // the search index: built in idle slices once the bodies are there (idle_work), or
    // finished at once by the first search that cannot wait
    void add_to_index(const content::Guide& guide);
    void finish_index();
    void draw_body_waiting();

    content::Bundle bundle_;
    // published guides in catalogue order: by category, then along the route
    std::vector<const content::Guide*> order_;
    search::Index index_;

    progress::State state_;
    bool storage_ok_ = true;
    std::string locale_ = "en";

    route::Route route_;
    std::string title_shown_;
    // scroll positions per page, restored when the user comes back
    std::map<std::string, float> scroll_by_hash_;
    float restore_scroll_ = -1;
    float last_scroll_ = 0;
    std::string scroll_to_anchor_;
    std::map<std::string, float> anchors_;

    // what the screens remember between frames
    std::string query_;
    // the search text reaches the address this long after the last key
    static constexpr int kQueryHashDelayMs = 250;
    double query_changed_ms_ = 0;
    bool query_hash_pending_ = false;
    void write_query_hash();
    bool index_built_ = false;
    std::optional<search::IndexBuilder> index_builder_;
    // the next guide of order_ to add to index_builder_
    std::size_t index_next_ = 0;
    // the bodies file could not be fetched or read: guides cannot open until a reload
    bool bodies_failed_ = false;
    // a long catalogue draws only the cards near the view; the others take the height
    // they had when last drawn (at this width, text size and language), kept here
    static constexpr std::size_t kWindowedFrom = 60;
    std::unordered_map<std::string, float> card_heights_;
    std::string card_heights_for_;
    float card_height_total_ = 0;
    std::string results_query_;
    std::vector<search::Result> results_;
    // results come a page at a time: fewer snippets to make and cards to draw per key
    static constexpr std::size_t kResultsPage = 20;
    std::size_t results_limit_ = kResultsPage;
    std::size_t results_limit_run_ = 0;
    std::size_t results_found_ = 0;
    std::set<std::string> open_;
    bool confirm_reset_ = false;
    bool emergency_open_ = false;
    std::string notice_;
    int fallbacks_ = 0;
    bool animating_ = false;
    bool touch_ = false;
    bool wide_ = false;

    // kiosk mode: the attract screen, the idle timeout and the QR code shown for a link
    struct QrView {
        std::string url, title, intro;
        bool open = false;
        bool shown = false;
    };
    bool kiosk_ = false;
    bool attract_ = false;
    int idle_ms_ = 90000;
    int countdown_s_ = -1;
    double started_ms_ = 0;
    std::string public_base_;
    std::string kiosk_language_ = "en";
    QrView qr_;

    // progress import: the preview waiting for the user's yes, or why a file was refused
    std::optional<progress::ImportPreview> import_preview_;
    std::string import_message_;

    std::string report_text_;
    int report_section_ = 0;
    std::vector<privacy::Finding> report_findings_;
    std::string report_status_;
};

}  // namespace ruvoya::ui
