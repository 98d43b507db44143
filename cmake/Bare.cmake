# The benchmark's yardstick: a bare Dear ImGui window (bench/bare/main.cpp) built with the
# app's toolchain, ImGui library, embedded fonts and shared flags, so that `make bench` can
# report the app's first frame as a ratio to it. Included by App.cmake when
# RUVOYA_BENCH_BARE is on; needs _font_sources and the RUVOYA_WASM_* flags from there.
add_executable(ruvoya-bare "${CMAKE_SOURCE_DIR}/bench/bare/main.cpp" ${_font_sources})
target_link_libraries(ruvoya-bare PRIVATE imgui)
target_compile_options(ruvoya-bare PRIVATE ${RUVOYA_WASM_COMPILE_FLAGS})
target_link_options(ruvoya-bare PRIVATE ${RUVOYA_WASM_LINK_FLAGS} -sEXPORTED_FUNCTIONS=_main)
set_target_properties(ruvoya-bare PROPERTIES OUTPUT_NAME "bare" SUFFIX ".js")
