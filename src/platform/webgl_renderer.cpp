// The WebGL 2 renderer: see webgl_renderer.hpp. The GL state it needs is set at every
// frame with plain setters, never queried; textures follow Dear ImGui 1.92's protocol
// (create, update rectangles, destroy) so fonts can grow glyph by glyph.
#include "platform/webgl_renderer.hpp"

#include <GLES3/gl3.h>

#include <cstdint>
#include <cstring>
#include <vector>

namespace ruvoya::webgl {

namespace {

const char* const kVertexShader = R"(#version 300 es
precision highp float;
layout (location = 0) in vec2 position;
layout (location = 1) in vec2 uv;
layout (location = 2) in vec4 color;
uniform mat4 projection;
out vec2 frag_uv;
out vec4 frag_color;
void main() {
    frag_uv = uv;
    frag_color = color;
    gl_Position = projection * vec4(position, 0.0, 1.0);
}
)";

const char* const kFragmentShader = R"(#version 300 es
precision mediump float;
uniform sampler2D atlas;
in vec2 frag_uv;
in vec4 frag_color;
layout (location = 0) out vec4 out_color;
void main() {
    out_color = frag_color * texture(atlas, frag_uv);
}
)";

struct State {
    GLuint program = 0;
    GLint projection = -1;
    GLuint vao = 0;
    GLuint vertices = 0;
    GLuint indices = 0;
    // rows of a texture update, packed tight: WebGL here cannot read a sub-rectangle
    std::vector<unsigned char> staging;
};

State g;

GLuint compile(GLenum kind, const char* source) {
    GLuint shader = glCreateShader(kind);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        glDeleteShader(shader);
        return 0;
    }
    return shader;
}

void upload_rect(ImTextureData* tex, const ImTextureRect& r) {
    const int pitch = r.w * tex->BytesPerPixel;
    g.staging.resize(static_cast<size_t>(pitch) * r.h);
    for (int y = 0; y < r.h; ++y) {
        std::memcpy(&g.staging[static_cast<size_t>(y) * pitch], tex->GetPixelsAt(r.x, r.y + y),
                    static_cast<size_t>(pitch));
    }
    glTexSubImage2D(GL_TEXTURE_2D, 0, r.x, r.y, r.w, r.h, GL_RGBA, GL_UNSIGNED_BYTE,
                    g.staging.data());
}

// brings one of Dear ImGui's textures (the font atlas) up to date on the GPU
void update_texture(ImTextureData* tex) {
    if (tex->Status == ImTextureStatus_WantCreate) {
        GLuint id = 0;
        glGenTextures(1, &id);
        glBindTexture(GL_TEXTURE_2D, id);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, tex->Width, tex->Height, 0, GL_RGBA,
                     GL_UNSIGNED_BYTE, tex->GetPixels());
        tex->SetTexID(static_cast<ImTextureID>(id));
        tex->SetStatus(ImTextureStatus_OK);
    } else if (tex->Status == ImTextureStatus_WantUpdates) {
        glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(tex->TexID));
        for (const ImTextureRect& r : tex->Updates) {
            upload_rect(tex, r);
        }
        tex->SetStatus(ImTextureStatus_OK);
    } else if (tex->Status == ImTextureStatus_WantDestroy && tex->UnusedFrames > 0) {
        GLuint id = static_cast<GLuint>(tex->TexID);
        glDeleteTextures(1, &id);
        tex->SetTexID(ImTextureID_Invalid);
        tex->SetStatus(ImTextureStatus_Destroyed);
    }
}

// the state every frame draws with, set without reading anything back
void setup(const ImDrawData* data, int fb_width, int fb_height) {
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    glViewport(0, 0, fb_width, fb_height);

    // an orthographic projection of the display rectangle
    const float l = data->DisplayPos.x, r = l + data->DisplaySize.x;
    const float t = data->DisplayPos.y, b = t + data->DisplaySize.y;
    const float ortho[16] = {
        2.0f / (r - l),    0, 0, 0, 0, 2.0f / (t - b), 0, 0, 0, 0, -1.0f, 0,
        (r + l) / (l - r), (t + b) / (b - t), 0, 1.0f,
    };
    glUseProgram(g.program);
    glUniformMatrix4fv(g.projection, 1, GL_FALSE, ortho);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(g.vao);
    glBindBuffer(GL_ARRAY_BUFFER, g.vertices);
}

}  // namespace

bool init() {
    GLuint vs = compile(GL_VERTEX_SHADER, kVertexShader);
    GLuint fs = compile(GL_FRAGMENT_SHADER, kFragmentShader);
    if (!vs || !fs) {
        return false;
    }
    g.program = glCreateProgram();
    glAttachShader(g.program, vs);
    glAttachShader(g.program, fs);
    glLinkProgram(g.program);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint linked = 0;
    glGetProgramiv(g.program, GL_LINK_STATUS, &linked);
    if (!linked) {
        return false;
    }
    g.projection = glGetUniformLocation(g.program, "projection");
    glUseProgram(g.program);
    glUniform1i(glGetUniformLocation(g.program, "atlas"), 0);

    // one vertex array holds the attribute layout of ImDrawVert and the index buffer
    glGenVertexArrays(1, &g.vao);
    glGenBuffers(1, &g.vertices);
    glGenBuffers(1, &g.indices);
    glBindVertexArray(g.vao);
    glBindBuffer(GL_ARRAY_BUFFER, g.vertices);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g.indices);
    const GLsizei stride = sizeof(ImDrawVert);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride,
                          reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride,
                          reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride,
                          reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
    glBindVertexArray(0);

    // Dear ImGui 1.92 hands textures to the renderer; the largest one WebGL takes here
    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "ruvoya_webgl2";
    io.BackendFlags |= ImGuiBackendFlags_RendererHasTextures;
    GLint max_size = 2048;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_size);
    ImGui::GetPlatformIO().Renderer_TextureMaxWidth = max_size;
    ImGui::GetPlatformIO().Renderer_TextureMaxHeight = max_size;
    return true;
}

void render(ImDrawData* data, int fb_width, int fb_height, const ImVec4& clear) {
    // the clear covers the whole buffer, so the scissor test is off for it
    glDisable(GL_SCISSOR_TEST);
    glViewport(0, 0, fb_width, fb_height);
    glClearColor(clear.x, clear.y, clear.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    if (!data || fb_width <= 0 || fb_height <= 0) {
        return;
    }

    // textures first: the frame's draw commands may use what was just created
    if (data->Textures) {
        for (ImTextureData* tex : *data->Textures) {
            if (tex->Status != ImTextureStatus_OK) {
                update_texture(tex);
            }
        }
    }

    setup(data, fb_width, fb_height);
    const ImVec2 off = data->DisplayPos;
    const ImVec2 scale = data->FramebufferScale;
    for (const ImDrawList* list : data->CmdLists) {
        glBufferData(GL_ARRAY_BUFFER,
                     static_cast<GLsizeiptr>(list->VtxBuffer.Size) * sizeof(ImDrawVert),
                     list->VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER,
                     static_cast<GLsizeiptr>(list->IdxBuffer.Size) * sizeof(ImDrawIdx),
                     list->IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) {
                if (cmd.UserCallback == ImDrawCallback_ResetRenderState) {
                    setup(data, fb_width, fb_height);
                } else {
                    cmd.UserCallback(list, &cmd);
                }
                continue;
            }

            // the clip rectangle in framebuffer pixels, origin at the bottom left
            const ImVec2 min((cmd.ClipRect.x - off.x) * scale.x,
                             (cmd.ClipRect.y - off.y) * scale.y);
            const ImVec2 max((cmd.ClipRect.z - off.x) * scale.x,
                             (cmd.ClipRect.w - off.y) * scale.y);
            if (max.x <= min.x || max.y <= min.y) {
                continue;
            }
            glScissor(static_cast<GLint>(min.x), static_cast<GLint>(fb_height - max.y),
                      static_cast<GLsizei>(max.x - min.x), static_cast<GLsizei>(max.y - min.y));
            glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(cmd.GetTexID()));
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount),
                           sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                           reinterpret_cast<void*>(cmd.IdxOffset * sizeof(ImDrawIdx)));
        }
    }
}

}  // namespace ruvoya::webgl
