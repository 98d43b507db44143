#!/usr/bin/env bash
# Builds what `make bench` measures besides dist/ (which the Makefile builds first):
#   build/bench/content1000/content/  1,000 generated guides (bench/generate-guides.mjs)
#   build/bench-1000/                 the app built with those guides
#   build/bench-bare/                 the bare Dear ImGui window (bench/bare/), same flags
#   build/bench/site-1000/            dist/ with the 1,000-guide app in place of the real one
#   build/bench/bare/                 the bare window's page
# Same toolchain and flags as the release: the wasm preset's build type, cmake/App.cmake.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
imgui=${IMGUI_DIR:-$top/.deps/imgui}
contentc=$top/build/native/ruvoya-contentc
jobs=${JOBS:-$(nproc)}
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}

node bench/generate-guides.mjs 1000 build/bench/content1000

# configure once; later runs only rebuild what changed
configure() {
  local dir=$1
  shift
  if [ ! -f "$dir/CMakeCache.txt" ]; then
    emcmake cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=MinSizeRel -DIMGUI_DIR="$imgui" \
      -DRUVOYA_CONTENTC="$contentc" "$@" >/dev/null
  fi
}
configure build/bench-1000 -DRUVOYA_CONTENT_ROOT="$top/build/bench/content1000"
configure build/bench-bare -DRUVOYA_BENCH_BARE=ON
echo "bench: building the app with 1,000 guides (build/bench-1000)"
cmake --build build/bench-1000 --target ruvoya -j "$jobs" >/dev/null
echo "bench: building the bare Dear ImGui window (build/bench-bare)"
cmake --build build/bench-bare --target ruvoya-bare -j "$jobs" >/dev/null

# the 1,000-guide site: the release page around the other app, with its own service worker
site=build/bench/site-1000
rm -rf "$site"
mkdir -p "$site"
cp dist/index.html dist/loader.js dist/style.css dist/manifest.webmanifest "$site/"
cp -r dist/icons dist/favicon.svg "$site/" 2>/dev/null || true
cp build/bench-1000/ruvoya.js build/bench-1000/ruvoya.wasm build/bench-1000/bodies.bin "$site/"
node web/precache.mjs "$site" >/dev/null

rm -rf build/bench/bare
mkdir -p build/bench/bare
cp bench/bare/index.html build/bench-bare/bare.js build/bench-bare/bare.wasm build/bench/bare/
