# WebAssembly build of the app: Dear ImGui, the platform layer, the UI, and the generated
# fonts and the content bundle's head, linked into ruvoya.js + ruvoya.wasm; the guides'
# bodies beside them (bodies.bin).

set(RUVOYA_CONTENTC "" CACHE FILEPATH "The native content compiler (make native builds it)")
set(QR_DIR "${CMAKE_SOURCE_DIR}/.deps/qrcodegen" CACHE PATH
    "Nayuki's QR Code generator source tree (make deps fetches one)")
option(RUVOYA_KIOSK "Build for a dedicated kiosk: kiosk mode on without ?kiosk=1" OFF)
set(RUVOYA_PUBLIC_URL "" CACHE STRING
    "Public address the kiosk's QR codes point to (default: the page's own address)")
set(RUVOYA_FONT_DIR "/usr/share/fonts/truetype/noto" CACHE PATH "Noto Sans TTF files")
# the folder holding content/; the benchmark points a second build at 1,000 generated guides
set(RUVOYA_CONTENT_ROOT "${CMAKE_SOURCE_DIR}" CACHE PATH "The folder that holds content/")
option(RUVOYA_BENCH_BARE "Also build the bare Dear ImGui window the benchmark compares" OFF)
find_program(HB_SUBSET hb-subset REQUIRED)

# ---- Dear ImGui -------------------------------------------------------------------------
add_library(imgui STATIC
  ${IMGUI_DIR}/imgui.cpp ${IMGUI_DIR}/imgui_draw.cpp ${IMGUI_DIR}/imgui_tables.cpp
  ${IMGUI_DIR}/imgui_widgets.cpp ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp
  ${IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp)
target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR})
target_compile_definitions(imgui PUBLIC
  IMGUI_IMPL_OPENGL_ES3
  IMGUI_DISABLE_DEFAULT_FONT
  IMGUI_DISABLE_DEMO_WINDOWS
  IMGUI_DISABLE_DEBUG_TOOLS
  IMGUI_DISABLE_OBSOLETE_FUNCTIONS
  # the screen view (window.ruvoya.items()) records items through these hooks
  IMGUI_ENABLE_TEST_ENGINE)

# ---- content bundle -----------------------------------------------------------------------
set(_gen "${CMAKE_BINARY_DIR}/generated")
file(MAKE_DIRECTORY "${_gen}")
file(GLOB_RECURSE RUVOYA_CONTENT_FILES CONFIGURE_DEPENDS
     "${RUVOYA_CONTENT_ROOT}/content/*.json")
set(_fonts "${RUVOYA_FONT_DIR}/NotoSans-Regular.ttf" "${RUVOYA_FONT_DIR}/NotoSans-Bold.ttf")
add_custom_command(
  OUTPUT "${_gen}/bundle.bin" "${_gen}/bundle.cpp" "${_gen}/bodies.bin" "${_gen}/codepoints.txt"
  COMMAND "${RUVOYA_CONTENTC}" --root "${RUVOYA_CONTENT_ROOT}" --out "${_gen}"
          --font "${RUVOYA_FONT_DIR}/NotoSans-Regular.ttf"
          --font "${RUVOYA_FONT_DIR}/NotoSans-Bold.ttf"
  DEPENDS ${RUVOYA_CONTENT_FILES} "${RUVOYA_CONTENTC}"
  WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}"
  COMMENT "Compiling content/"
  VERBATIM)

# ---- fonts: subset to what the content and UI use, plus Latin and Cyrillic for typing ---
# font-ranges.txt: what a reader may type (a name in the report form, a search): Latin-1
# and Latin Extended-A, and the Cyrillic of modern languages (Russian, Ukrainian,
# Belarusian, Kazakh, Kyrgyz, Tajik, Uzbek, Tatar...). The historic letters and combining
# marks U+0460..U+0489 are left out (6 KB of brotli over both faces): no modern language
# writes them, and the content compiler adds any code point the content itself uses.
add_custom_command(
  OUTPUT "${_gen}/font-unicodes.txt"
  COMMAND ${CMAKE_COMMAND} -E cat "${CMAKE_SOURCE_DIR}/cmake/font-ranges.txt"
          "${_gen}/codepoints.txt" > "${_gen}/font-unicodes.txt"
  DEPENDS "${CMAKE_SOURCE_DIR}/cmake/font-ranges.txt" "${_gen}/codepoints.txt"
  VERBATIM)
set(_font_sources "")
foreach(face Regular Bold)
  string(TOLOWER ${face} lower)
  add_custom_command(
    OUTPUT "${_gen}/font-${lower}.ttf" "${_gen}/font-${lower}.c"
    COMMAND "${HB_SUBSET}" "${RUVOYA_FONT_DIR}/NotoSans-${face}.ttf"
            "--unicodes-file=${_gen}/font-unicodes.txt" --no-hinting
            --drop-tables+=GSUB,GPOS,GDEF,kern,DSIG
            "--output-file=${_gen}/font-${lower}.ttf"
    COMMAND ${CMAKE_COMMAND} -DIN=${_gen}/font-${lower}.ttf -DOUT=${_gen}/font-${lower}.c
            -DNAME=ruvoya_font_${lower} -P "${CMAKE_SOURCE_DIR}/cmake/embed.cmake"
    DEPENDS "${RUVOYA_FONT_DIR}/NotoSans-${face}.ttf" "${_gen}/font-unicodes.txt"
            "${CMAKE_SOURCE_DIR}/cmake/embed.cmake"
    COMMENT "Subsetting Noto Sans ${face}"
    VERBATIM)
  list(APPEND _font_sources "${_gen}/font-${lower}.c")
endforeach()

# ---- the app ------------------------------------------------------------------------------
file(GLOB RUVOYA_UI_SOURCES CONFIGURE_DEPENDS src/ui/*.cpp)
file(GLOB RUVOYA_PLATFORM_SOURCES CONFIGURE_DEPENDS src/platform/*.cpp)
# The bundle's head (what the first screen needs) is data inside the wasm; the guides'
# bodies are a file beside it, fetched by the loader, so that a big catalogue neither
# makes the wasm slow to download and compile nor delays the first frame.
add_executable(ruvoya ${RUVOYA_UI_SOURCES} ${RUVOYA_PLATFORM_SOURCES}
               "${_gen}/bundle.cpp" ${_font_sources})
add_custom_command(
  OUTPUT "${CMAKE_BINARY_DIR}/bodies.bin"
  COMMAND ${CMAKE_COMMAND} -E copy "${_gen}/bodies.bin" "${CMAKE_BINARY_DIR}/bodies.bin"
  DEPENDS "${_gen}/bodies.bin"
  VERBATIM)
add_custom_target(ruvoya_bodies DEPENDS "${CMAKE_BINARY_DIR}/bodies.bin")
add_dependencies(ruvoya ruvoya_bodies)
target_link_libraries(ruvoya PRIVATE ruvoya_core imgui)
target_sources(ruvoya PRIVATE "${QR_DIR}/c/qrcodegen.c")
target_include_directories(ruvoya SYSTEM PRIVATE "${QR_DIR}")
target_compile_definitions(ruvoya PRIVATE
  RUVOYA_KIOSK_DEFAULT=$<BOOL:${RUVOYA_KIOSK}>
  RUVOYA_PUBLIC_URL="${RUVOYA_PUBLIC_URL}")
# flags every wasm target shares (the app and the benchmark's bare window)
set(RUVOYA_WASM_COMPILE_FLAGS -Oz -flto -fno-exceptions -fno-rtti)
set(RUVOYA_WASM_LINK_FLAGS
  -Oz -flto
  -sENVIRONMENT=web
  -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
  -sMALLOC=emmalloc
  -sALLOW_MEMORY_GROWTH=1
  -sINITIAL_MEMORY=16MB
  -sNO_FILESYSTEM=1
  -sTOTAL_STACK=512KB
  # the WebGL 2 renderer needs no extension, and the JS glue no fallbacks for old browsers
  -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0 -sGL_TRACK_ERRORS=0
  -sGL_EXTENSIONS_IN_PREFIXED_FORMAT=0 -sTEXTDECODER=2)
target_compile_options(ruvoya_core PRIVATE ${RUVOYA_WASM_COMPILE_FLAGS})
# Search and text folding run in loops over every term and text: built for speed, they
# answer a query about 3.5 times faster in wasm than at -Oz (median 0.15 ms against
# 0.52 ms at 1,000 guides, measured in node), for 3 KB more wasm (under 1 KB brotli).
set_source_files_properties(src/core/search/search.cpp src/core/text/text.cpp
                            TARGET_DIRECTORY ruvoya_core PROPERTIES COMPILE_OPTIONS -O2)
target_compile_options(imgui PRIVATE ${RUVOYA_WASM_COMPILE_FLAGS})
target_compile_options(ruvoya PRIVATE ${RUVOYA_WASM_COMPILE_FLAGS})
set(_js "${CMAKE_SOURCE_DIR}/src/platform/platform.js")
set(_a11y_js "${CMAKE_SOURCE_DIR}/src/platform/a11y.js")
set_property(TARGET ruvoya APPEND PROPERTY LINK_DEPENDS "${_js}" "${_a11y_js}")
target_link_options(ruvoya PRIVATE
  ${RUVOYA_WASM_LINK_FLAGS}
  # SHELL: keeps CMake from merging the repeated --js-library flags into one
  "SHELL:--js-library ${_js}"
  "SHELL:--js-library ${_a11y_js}"
  -sEXPORTED_FUNCTIONS=_main,_malloc,_free,_ruvoya_items_json,_ruvoya_missing_glyphs
  -sEXPORTED_RUNTIME_METHODS=UTF8ToString,stringToUTF8,lengthBytesUTF8)
set_target_properties(ruvoya PROPERTIES SUFFIX ".js")

if(RUVOYA_BENCH_BARE)
  include(cmake/Bare.cmake)
endif()
