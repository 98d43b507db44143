// The app's UI: one object that draws every frame. The platform layer owns the frame loop
// and calls frame() between ImGui::NewFrame() and ImGui::Render().
#pragma once

#include "imgui.h"

namespace ruvoya::ui {

class App {
public:
    // loads fonts and content; false if the app cannot start
    bool init();

    // draws one frame
    void frame();

    // the browser's location hash changed (back, forward, a typed address)
    void on_hash_change();

    // true while something moves by itself and needs more frames
    bool animating() const { return animating_; }

    // the colour behind everything
    ImVec4 clear_color() const;

private:
    bool animating_ = false;
    bool agreed_ = false;
};

}  // namespace ruvoya::ui
