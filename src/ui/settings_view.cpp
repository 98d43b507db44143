// Settings: language, text size and theme, each remembered with the saved progress, and
// saved progress taken along as a file (export, and import after a preview).
#include <cstdint>

#include "imgui.h"
#include "platform/platform.hpp"
#include "ui/screen_view.hpp"
#include "ui/semantics.hpp"
#include "ui/app.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace ruvoya::ui {

namespace w = widgets;

void App::draw_settings() {
    w::heading(tr("settings.title"), 1);

    // language: every offered locale, in its own name
    w::heading(tr("settings.language"), 2);
    for (const std::string& l : bundle_.site.locales) {
        const content::UiStrings* ui = bundle_.find_ui(l);
        const std::string name = ui ? ui->name : l;
        const std::string id = "##lang-" + l;
        const bool current = l == locale_;
        // the choice in use is filled, and announced as pressed
        if (w::button(name, id.c_str(), current ? w::Style::primary : w::Style::secondary,
                      false, current ? 1 : 0)) {
            set_language(l);
            save();
        }
        semantics::set_last_lang(l);
        ImGui::SameLine();
    }
    ImGui::NewLine();

    // text size: five steps
    w::heading(tr("settings.text_size"), 2);
    const int size = state_.settings.text_size;
    if (w::button("A−  " + tr("settings.text_size.smaller"), "##smaller", w::Style::secondary) &&
        size > 0) {
        progress::set_text_size(state_, size - 1);
        apply_theme();
        save();
    }
    ImGui::SameLine();
    if (w::button("A+  " + tr("settings.text_size.larger"), "##larger", w::Style::secondary) &&
        size < progress::kMaxTextSize) {
        progress::set_text_size(state_, size + 1);
        apply_theme();
        save();
    }
    w::paragraph(std::to_string(state_.settings.text_size + 1) + " / " +
                     std::to_string(progress::kMaxTextSize + 1),
                 true);

    // theme
    w::heading(tr("settings.theme"), 2);
    struct Option {
        const char* name;
        const char* key;
    };
    static const Option options[] = {{"light", "settings.theme.light"},
                                     {"dark", "settings.theme.dark"},
                                     {"high-contrast", "settings.theme.high_contrast"}};
    for (const Option& o : options) {
        // until one is picked, the theme in use is the system's
        const bool picked = platform::storage_get(semantics::kThemePickedKey).has_value();
        const bool current = (picked ? state_.settings.theme : semantics::system_theme()) == o.name;
        const std::string id = std::string("##theme-") + o.name;
        if (w::button(tr(o.key), id.c_str(), current ? w::Style::primary : w::Style::secondary,
                      false, current ? 1 : 0)) {
            progress::set_theme(state_, o.name);
            platform::storage_set(semantics::kThemePickedKey, "1");
            apply_theme();
            save();
        }
        ImGui::SameLine();
    }
    ImGui::NewLine();

    // saved progress: where it lives, and taking it along as a file (not on shared kiosks)
    if (kiosk_) {
        return;
    }
    w::heading(tr("settings.progress"), 2);
    const int kept = platform::storage_persisted();
    w::paragraph(tr(kept > 0 ? "settings.storage_kept"
                             : (kept == 0 ? "settings.storage_not_kept"
                                          : "settings.storage_unknown")),
                 true);
    w::paragraph(tr("settings.progress_intro"));
    if (w::button(tr("settings.export"), "##export", w::Style::secondary)) {
        platform::save_file("ruvoya-progress.json", "application/json",
                            progress::export_document(
                                state_, static_cast<std::int64_t>(platform::now_ms())));
    }
    ImGui::SameLine();
    if (w::button(tr("settings.import"), "##import", w::Style::secondary)) {
        import_preview_.reset();
        import_message_.clear();
        platform::open_file(".json,application/json");
    }

    // what an import would change, before anything changes
    const theme::Palette& p = theme::palette();
    if (import_preview_) {
        const progress::ImportPreview& preview = *import_preview_;
        std::string summary = tr("settings.import_summary");
        summary = fill(summary, "guides", std::to_string(preview.guides_added +
                                                         preview.guides_changed +
                                                         preview.guides_unchanged));
        summary = fill(summary, "added", std::to_string(preview.guides_added));
        summary = fill(summary, "changed", std::to_string(preview.guides_changed));
        summary = fill(summary, "ticks_added", std::to_string(preview.ticks_added));
        summary = fill(summary, "ticks_removed", std::to_string(preview.ticks_removed));
        w::begin_card(p.tip_bg, p.accent);
        w::paragraph(summary);
        screen_view::add_last_item_as("status", summary);
        if (w::button(tr("settings.import_apply"), "##import-apply", w::Style::primary)) {
            progress::apply_import(state_, preview);
            import_preview_.reset();
            import_message_ = tr("settings.import_done");
            set_language(state_.settings.language);
            apply_theme();
            save();
        }
        ImGui::SameLine();
        if (w::button(tr("common.cancel"), "##import-cancel", w::Style::secondary)) {
            import_preview_.reset();
        }
        w::end_card();
    }
    if (!import_message_.empty()) {
        w::paragraph(import_message_);
        screen_view::add_last_item_as("status", import_message_);
    }
}

void App::on_file_opened(const std::string&, const std::string& text) {
    progress::ImportPreview preview = progress::preview_import(state_, text);
    if (preview.accepted) {
        import_preview_ = std::move(preview);
        import_message_.clear();
        return;
    }
    import_preview_.reset();
    const std::string reason_key = "settings.import_reason." +
                                   (preview.reason.empty() ? std::string("damaged")
                                                           : preview.reason);
    import_message_ = tr("settings.import_refused", "why", tr(reason_key.c_str()));
}


}  // namespace ruvoya::ui
