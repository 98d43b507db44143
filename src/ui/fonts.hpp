// The shipped fonts: Noto Sans regular and bold, subset at build time to the characters the
// content and UI use plus Latin and Cyrillic for typing, embedded raw in the wasm.
#pragma once

#include "imgui.h"

namespace ruvoya::ui::fonts {

// adds both faces to ImGui's atlas; false if the embedded data is missing
bool load();

ImFont* regular();
ImFont* bold();

}  // namespace ruvoya::ui::fonts
