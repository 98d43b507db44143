// Draws Dear ImGui's draw data with WebGL 2. Unlike Dear ImGui's OpenGL 3 backend it does
// not read back and restore the GL state around every frame: the app owns the only
// context on the page, and in WebGL each of those reads is a slow synchronous
// getParameter call (about 40 % of a frame's CPU time in the benchmark).
#pragma once

#include "imgui.h"

namespace ruvoya::webgl {

// compiles the shader and creates the buffers; call once with the context current.
// False when the shader does not compile (the page then says the app cannot start).
bool init();

// clears the drawing buffer to `clear` and draws a frame of `fb_width` x `fb_height` pixels
void render(ImDrawData* data, int fb_width, int fb_height, const ImVec4& clear);

}  // namespace ruvoya::webgl
