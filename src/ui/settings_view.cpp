// Settings: language, text size and theme, each remembered with the saved progress.
#include "imgui.h"
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
        if (w::button((current ? "● " : "") + name, id.c_str(),
                      current ? w::Style::primary : w::Style::secondary)) {
            set_language(l);
            save();
        }
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
        const bool current = state_.settings.theme == o.name;
        const std::string id = std::string("##theme-") + o.name;
        if (w::button((current ? "● " : "") + tr(o.key), id.c_str(),
                      current ? w::Style::primary : w::Style::secondary)) {
            progress::set_theme(state_, o.name);
            apply_theme();
            save();
        }
        ImGui::SameLine();
    }
    ImGui::NewLine();
}

}  // namespace ruvoya::ui
