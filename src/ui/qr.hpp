// A QR code drawn with ImGui rectangles, encoded by Nayuki's QR Code generator. Kiosks show
// one instead of opening a link, so a person can take the page along on their own phone.
#pragma once

#include <string>

namespace ruvoya::ui {

// the longest text encoded; longer ones are shown as text only (no QR code)
inline constexpr std::size_t kMaxQrText = 1200;

// draws `text` as a QR code `size` CSS px wide (quiet zone included), always dark on white
// whatever the theme, so every phone camera reads it; `label` names it in the screen view
void qr_code(const std::string& text, float size, const std::string& label);

}  // namespace ruvoya::ui
