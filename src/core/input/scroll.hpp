// Scroll physics shared by touch, mouse wheel and keyboard: a finger drag moves the content
// one to one, a flick keeps it gliding and slowing down, and a wheel notch glides to its
// target instead of jumping. Pure arithmetic on CSS pixels and milliseconds, so the unit
// tests drive it without a browser.
#pragma once

namespace ruvoya::input {

class ScrollPhysics {
public:
    // a finger went down: any glide stops, as a hand stops a spinning wheel
    void touch_begin(double t_ms);

    // the finger moved by dy CSS pixels (positive: content follows the finger down)
    void touch_move(double dy, double t_ms);

    // the finger lifted: a quick enough flick turns into a glide
    void touch_end(double t_ms);

    // a wheel or trackpad delta in CSS pixels, positive towards the top of the content
    // (the browser's deltaY negated)
    void wheel(double dy);

    // the distance to scroll for a frame at t_ms (positive: towards the top of the content)
    double step(double t_ms);

    // true while a glide or a wheel animation still has distance to cover
    bool animating() const;

private:
    double pending_ = 0;        // drag distance not yet handed to the UI
    double wheel_left_ = 0;     // wheel distance not yet covered
    double velocity_ = 0;       // glide speed in px per ms
    double last_move_ms_ = 0;   // time of the last finger move
    double last_step_ms_ = -1;  // time of the last step, -1 before the first
    bool touching_ = false;
};

}  // namespace ruvoya::input
