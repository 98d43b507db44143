// Scroll physics: drags follow the finger, flicks glide and stop, wheel notches ease.
#include <doctest/doctest.h>

#include <cmath>

#include "core/input/scroll.hpp"

using ruvoya::input::ScrollPhysics;

namespace {

// runs 60 fps frames from t until the physics settles; returns the distance covered
double run_until_still(ScrollPhysics& s, double& t, int max_frames = 1000) {
    double total = 0;
    for (int i = 0; i < max_frames && s.animating(); ++i) {
        t += 16;
        total += s.step(t);
    }
    return total;
}

}  // namespace

TEST_CASE("a finger drag scrolls exactly as far as the finger moved") {
    ScrollPhysics s;
    s.touch_begin(0);
    s.touch_move(10, 16);
    s.touch_move(25, 32);
    CHECK(s.step(33) == doctest::Approx(35));
    CHECK(s.step(49) == doctest::Approx(0));
}

TEST_CASE("a flick keeps gliding in the same direction, slows down and stops") {
    ScrollPhysics s;
    s.touch_begin(0);
    for (int i = 1; i <= 5; ++i) {
        s.touch_move(-30, i * 10.0);
    }
    s.touch_end(55);
    CHECK(s.animating());

    double t = 55;
    s.step(t);
    double first = s.step(t += 16);
    CHECK(first < 0);
    double glide = first + run_until_still(s, t);
    CHECK(glide < -100);
    CHECK_FALSE(s.animating());
}

TEST_CASE("a finger that rests before lifting does not glide") {
    ScrollPhysics s;
    s.touch_begin(0);
    s.touch_move(-30, 10);
    s.touch_move(-30, 20);
    s.touch_end(400);
    s.step(400);
    CHECK_FALSE(s.animating());
}

TEST_CASE("touching the screen stops a glide") {
    ScrollPhysics s;
    s.touch_begin(0);
    s.touch_move(-40, 10);
    s.touch_move(-40, 20);
    s.touch_end(25);
    s.step(26);
    CHECK(s.animating());
    s.touch_begin(40);
    CHECK(s.step(56) == doctest::Approx(0));
    CHECK_FALSE(s.animating());
}

TEST_CASE("a wheel notch eases to exactly its distance") {
    ScrollPhysics s;
    s.wheel(100);
    double t = 0;
    double first = s.step(t += 16);
    CHECK(first > 0);
    CHECK(first < 100);
    double total = first + run_until_still(s, t);
    CHECK(total == doctest::Approx(100));
}

TEST_CASE("a long pause between frames does not jump the glide") {
    ScrollPhysics s;
    s.touch_begin(0);
    s.touch_move(-40, 10);
    s.touch_move(-40, 20);
    s.touch_end(25);
    s.step(25);
    double after_pause = s.step(10025);
    CHECK(std::fabs(after_pause) < 4.0 * 50);
}
