// Scroll physics: see scroll.hpp.
#include "core/input/scroll.hpp"

#include <cmath>

namespace ruvoya::input {

namespace {

// how quickly a glide slows: its speed falls to 1/e in this time
constexpr double kGlideDecayMs = 325.0;

// slower than this (px per ms) a glide stops, and a flick does not start one
constexpr double kMinGlideSpeed = 0.05;

// a wheel notch covers most of its distance in this time
constexpr double kWheelEaseMs = 70.0;

// a finger resting longer than this before lifting means no flick
constexpr double kFlickWindowMs = 80.0;

// frames further apart than this (a tab in the background) count as this long
constexpr double kMaxFrameMs = 50.0;

}  // namespace

void ScrollPhysics::touch_begin(double t_ms) {
    touching_ = true;
    velocity_ = 0;
    wheel_left_ = 0;
    last_move_ms_ = t_ms;
}

void ScrollPhysics::touch_move(double dy, double t_ms) {
    pending_ += dy;

    // speed is smoothed over recent moves so one jittery event does not decide a flick
    double dt = t_ms - last_move_ms_;
    if (dt > 0) {
        double v = dy / dt;
        velocity_ = dt > kFlickWindowMs ? v : 0.6 * v + 0.4 * velocity_;
    }
    last_move_ms_ = t_ms;
}

void ScrollPhysics::touch_end(double t_ms) {
    touching_ = false;
    if (t_ms - last_move_ms_ > kFlickWindowMs || std::fabs(velocity_) < kMinGlideSpeed) {
        velocity_ = 0;
    }
    last_step_ms_ = t_ms;
}

void ScrollPhysics::wheel(double dy) {
    velocity_ = 0;
    wheel_left_ += dy;
}

double ScrollPhysics::step(double t_ms) {
    double dt = last_step_ms_ < 0 ? 16.0 : t_ms - last_step_ms_;
    dt = std::fmin(std::fmax(dt, 0.0), kMaxFrameMs);
    last_step_ms_ = t_ms;

    // the finger's own movement, one to one
    double out = pending_;
    pending_ = 0;

    // a glide after a flick, slowing down exponentially
    if (!touching_ && velocity_ != 0) {
        out += velocity_ * dt;
        velocity_ *= std::exp(-dt / kGlideDecayMs);
        if (std::fabs(velocity_) < kMinGlideSpeed) {
            velocity_ = 0;
        }
    }

    // a wheel notch eased over a few frames; the last half pixel is covered at once
    if (wheel_left_ != 0) {
        double part = wheel_left_ * (1.0 - std::exp(-dt / kWheelEaseMs));
        if (std::fabs(wheel_left_ - part) < 0.5) {
            part = wheel_left_;
        }
        out += part;
        wheel_left_ -= part;
    }
    return out;
}

bool ScrollPhysics::animating() const {
    return pending_ != 0 || wheel_left_ != 0 || (!touching_ && velocity_ != 0);
}

}  // namespace ruvoya::input
