// QR codes: see qr.hpp. The encoded modules are cached: a QR code on screen costs one
// encoding, not one per frame.
#include "ui/qr.hpp"

#include <cstdint>
#include <vector>

extern "C" {
#include "c/qrcodegen.h"
}
#include "imgui.h"
#include "ui/screen_view.hpp"

namespace ruvoya::ui {

namespace {

// the quiet zone the standard asks for around the code, in modules
constexpr int kQuietZone = 4;

struct Cached {
    std::string text;
    int size = 0;
    std::vector<bool> modules;
};
Cached g_cache;

const Cached& encode(const std::string& text) {
    if (g_cache.text == text && g_cache.size > 0) {
        return g_cache;
    }
    g_cache = Cached{};
    g_cache.text = text;
    if (text.empty() || text.size() > kMaxQrText) {
        return g_cache;
    }

    // medium error correction survives a smudged kiosk screen; the C version of the
    // library is used because it reports a too-long text by its return value (the C++
    // one throws, and pulls iostreams into the wasm)
    std::vector<uint8_t> qr(qrcodegen_BUFFER_LEN_MAX), temp(qrcodegen_BUFFER_LEN_MAX);
    if (!qrcodegen_encodeText(text.c_str(), temp.data(), qr.data(), qrcodegen_Ecc_MEDIUM,
                              qrcodegen_VERSION_MIN, qrcodegen_VERSION_MAX, qrcodegen_Mask_AUTO,
                              true)) {
        return g_cache;
    }
    g_cache.size = qrcodegen_getSize(qr.data());
    g_cache.modules.resize(static_cast<size_t>(g_cache.size * g_cache.size));
    for (int y = 0; y < g_cache.size; ++y) {
        for (int x = 0; x < g_cache.size; ++x) {
            g_cache.modules[static_cast<size_t>(y * g_cache.size + x)] =
                qrcodegen_getModule(qr.data(), x, y);
        }
    }
    return g_cache;
}

}  // namespace

void qr_code(const std::string& text, float size, const std::string& label) {
    const Cached& code = encode(text);
    if (code.size == 0) {
        ImGui::TextWrapped("%s", text.c_str());
        return;
    }

    // whole device pixels per module keep the edges sharp
    const int total = code.size + 2 * kQuietZone;
    const float scale = ImGui::GetIO().DisplayFramebufferScale.x;
    float module = static_cast<float>(static_cast<int>(size * scale / total)) / scale;
    if (module * scale < 1.0f) {
        module = 1.0f / scale;
    }
    const float side = module * total;
    ImVec2 at = ImGui::GetCursorScreenPos();
    at.x = static_cast<float>(static_cast<int>(at.x * scale)) / scale;
    at.y = static_cast<float>(static_cast<int>(at.y * scale)) / scale;
    ImGui::Dummy(ImVec2(side, side));
    screen_view::add_last_item_as("qr", label);

    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(at, ImVec2(at.x + side, at.y + side), IM_COL32(255, 255, 255, 255));
    for (int y = 0; y < code.size; ++y) {
        for (int x = 0; x < code.size; ++x) {
            if (!code.modules[static_cast<size_t>(y * code.size + x)]) {
                continue;
            }
            const ImVec2 p0(at.x + (x + kQuietZone) * module, at.y + (y + kQuietZone) * module);
            dl->AddRectFilled(p0, ImVec2(p0.x + module, p0.y + module), IM_COL32(0, 0, 0, 255));
        }
    }
}

}  // namespace ruvoya::ui
