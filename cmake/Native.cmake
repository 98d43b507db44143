# Native build: the content compiler and the unit tests. The tests link the core
# library alone, never ImGui or Emscripten.

file(GLOB RUVOYA_CONTENTC_SOURCES CONFIGURE_DEPENDS src/contentc/*.cpp)
add_executable(ruvoya-contentc ${RUVOYA_CONTENTC_SOURCES})
target_link_libraries(ruvoya-contentc PRIVATE ruvoya_core)
# stb_truetype (shipped with Dear ImGui) answers which characters the fonts cover.
target_include_directories(ruvoya-contentc SYSTEM PRIVATE "${IMGUI_DIR}")

find_package(doctest REQUIRED)
include(doctest)
enable_testing()

file(GLOB RUVOYA_TEST_SOURCES CONFIGURE_DEPENDS tests/unit/*.cpp)
add_executable(ruvoya_tests ${RUVOYA_TEST_SOURCES})
target_link_libraries(ruvoya_tests PRIVATE ruvoya_core doctest::doctest)
target_compile_definitions(ruvoya_tests PRIVATE
  RUVOYA_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
doctest_discover_tests(ruvoya_tests WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
