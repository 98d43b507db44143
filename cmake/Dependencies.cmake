# Third-party libraries, found where `make deps` put them. Nothing here is vendored.

# nlohmann_json is header-only. In the wasm build the toolchain hides the host's
# /usr/include, so the headers are exposed through a link holding only that library.
if(EMSCRIPTEN)
  find_path(RUVOYA_NLOHMANN_INCLUDE nlohmann/json.hpp
            PATHS /usr/include /usr/local/include NO_CMAKE_FIND_ROOT_PATH REQUIRED)
  set(_ext "${CMAKE_BINARY_DIR}/ext/include")
  file(MAKE_DIRECTORY "${_ext}")
  if(NOT EXISTS "${_ext}/nlohmann")
    file(CREATE_LINK "${RUVOYA_NLOHMANN_INCLUDE}/nlohmann" "${_ext}/nlohmann" SYMBOLIC)
  endif()
  add_library(ruvoya_json INTERFACE)
  target_include_directories(ruvoya_json SYSTEM INTERFACE "${_ext}")
else()
  find_package(nlohmann_json 3.11 REQUIRED)
  add_library(ruvoya_json INTERFACE)
  target_link_libraries(ruvoya_json INTERFACE nlohmann_json::nlohmann_json)
endif()

# No exceptions escape the parser in release code paths, but nlohmann still needs them
# compiled in for its error reporting.
target_compile_definitions(ruvoya_json INTERFACE JSON_USE_IMPLICIT_CONVERSIONS=0)

if(NOT IMGUI_DIR OR NOT EXISTS "${IMGUI_DIR}/imgui.h")
  message(FATAL_ERROR "IMGUI_DIR is not set to a Dear ImGui source tree "
                      "(got '${IMGUI_DIR}'). Run `make deps`, or pass -DIMGUI_DIR=<path>.")
endif()
