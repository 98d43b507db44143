// What the UI may ask of the platform it runs on. The UI includes this header and never
// the browser's; src/platform/web_platform.cpp implements it on Emscripten's html5 API.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ruvoya::platform {

// wake the frame loop for at least n more frames (after a change the UI made itself)
void request_frames(int n = 1);

// wake the frame loop once, ms milliseconds from now (a timer or a delayed animation)
void wake_after(int ms);

// have the app's idle_work called once, when the browser has nothing else to do (no
// frame is drawn for it); repeated calls before then ask once
void request_idle_work();

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

// The guides' bodies (build output bodies.bin), which the loader fetches beside the wasm:
// their bytes in the wasm heap for the rest of the app's life, followed by a zero byte.
// Empty while they have not arrived, with `failed` set when they never will (the fetch
// failed). Only the first call that finds them returns them.
std::string_view take_content_bodies(bool* failed);

// localStorage; nothing when the key is absent or storage is unavailable
std::optional<std::string> storage_get(const std::string& key);

// false when storage is unavailable or full
bool storage_set(const std::string& key, const std::string& value);
void storage_remove(const std::string& key);

// every localStorage key that starts with prefix
std::vector<std::string> storage_keys(const std::string& prefix);

// the page title and the location hash (without reading them back each frame)
void set_title(const std::string& title);
void set_hash(const std::string& hash, bool replace);
std::string current_hash();

// the browser's preferred language, e.g. "ru-RU"
std::string preferred_language();

// copies text to the system clipboard (inside a click or key press)
void copy_text(const std::string& text);

// offers data as a file download (inside a click)
void save_file(const std::string& name, const std::string& mime, const std::string& data);

// opens the browser's file picker (inside a click); the chosen file's text reaches
// App::on_file_opened
void open_file(const std::string& accept);

// whether the browser promised to keep this site's storage: 1 yes, 0 no, -1 unknown
int storage_persisted();

// a parameter of the page address's query string (?kiosk=1); empty when absent
std::string url_param(const std::string& name);

// the page's own address without query or fragment, e.g. "https://example.org/ruvoya/"
std::string page_url();

// when the user last touched, clicked, scrolled or typed (the now_ms() clock)
double last_input_ms();

// one wake-up timer for the app, replacing any earlier one; ms <= 0 cancels it
void set_timer(int ms);

// for shared kiosks: no text selection, no context menu, no pinch or double-tap zoom
void lock_down();

// the document language, for screen readers and the browser's hyphenation
void set_language(const std::string& bcp47);

}  // namespace ruvoya::platform
