// What the UI may ask of the platform it runs on. The UI includes this header and never
// the browser's; src/platform/web_platform.cpp implements it on Emscripten's html5 API.
#pragma once

#include <optional>
#include <string>

namespace ruvoya::platform {

// wake the frame loop for at least n more frames (after a change the UI made itself)
void request_frames(int n = 1);

// wake the frame loop once, ms milliseconds from now (a timer or a delayed animation)
void wake_after(int ms);

// the distance in CSS pixels the content should scroll this frame, from touch drags,
// flicks and the wheel; positive towards the top. Call once per frame.
float take_scroll();

// opens an https link in a new tab, or a tel:/mailto: link in its app; false if refused.
// Call it from the frame (frames that follow a click run inside the click's event).
bool open_url(const std::string& url);

// true when the last pointer input came from a touch screen
bool touch_input();

// milliseconds since the Unix epoch, for timestamps in saved progress
double now_ms();

// localStorage; nothing when the key is absent or storage is unavailable
std::optional<std::string> storage_get(const std::string& key);

// false when storage is unavailable or full
bool storage_set(const std::string& key, const std::string& value);
void storage_remove(const std::string& key);

// the page title and the location hash (without reading them back each frame)
void set_title(const std::string& title);
void set_hash(const std::string& hash, bool replace);
std::string current_hash();

// the browser's preferred language, e.g. "ru-RU"
std::string preferred_language();

// copies text to the system clipboard (inside a click or key press)
void copy_text(const std::string& text);

// the document language, for screen readers and the browser's hyphenation
void set_language(const std::string& bcp47);

}  // namespace ruvoya::platform
