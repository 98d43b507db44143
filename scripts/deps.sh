#!/usr/bin/env bash
# Installs what the build and tests need, and nothing that is already there.
#   - Debian packages (as root; otherwise prints the exact command to run).
#   - Dear ImGui as source from Debian's source packages, pinned to one version and
#     checked against the SHA-256 in the signed .dsc, unpacked to .deps/ (not in git).
#   - playwright-core from the committed package-lock.json.
# Honours IMGUI_DIR (an existing ImGui tree) and an emcc already on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
top=$(pwd)

IMGUI_VERSION="1.92.2b+ds-1"
IMGUI_ORIG="imgui_1.92.2b+ds.orig.tar.xz"
IMGUI_SHA256="e7bd201d56b5ee90d24d5dac85e5c12f98bdb95410252a62d27b7f89e4566d48"

say() { printf 'deps: %s\n' "$*"; }

# ---- Debian packages ----------------------------------------------------------
# command:package pairs; a command already on PATH means nothing to install.
need=()
check_cmd() { command -v "$1" >/dev/null 2>&1 || need+=("$2"); }
check_file() { [ -e "$1" ] || need+=("$2"); }

check_cmd cmake cmake
check_cmd g++ g++
check_cmd make make
check_cmd node nodejs
check_cmd npm npm
check_cmd emcc emscripten
check_cmd chromium chromium
check_cmd hb-subset libharfbuzz-bin
check_cmd brotli brotli
check_cmd xz xz-utils
check_file /usr/include/nlohmann/json.hpp nlohmann-json3-dev
check_file /usr/include/doctest/doctest.h doctest-dev
check_file /usr/share/fonts/truetype/noto/NotoSans-Regular.ttf fonts-noto-core
[ -n "${IMGUI_DIR:-}" ] || check_cmd apt-get apt

if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    say "installing: ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${need[@]}"
  else
    echo "deps: missing Debian packages. Run as root:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${need[*]}" >&2
    exit 1
  fi
fi

# ---- Dear ImGui source ----------------------------------------------------------
if [ -n "${IMGUI_DIR:-}" ]; then
  [ -f "$IMGUI_DIR/imgui.h" ] || { echo "deps: IMGUI_DIR=$IMGUI_DIR has no imgui.h" >&2; exit 1; }
  say "using IMGUI_DIR=$IMGUI_DIR"
elif [ ! -f .deps/imgui/imgui.h ]; then
  # A private apt configuration with a deb-src entry for unstable, whose URI is read
  # from the machine's own Debian sources: the system's apt setup is left untouched.
  apt_dir="$top/.deps/apt"
  mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/parts" \
           "$apt_dir/src"
  uri=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
  [ -n "$uri" ] || uri=$(awk '$1 == "deb" { print $2; exit }' /etc/apt/sources.list)
  key=/usr/share/keyrings/debian-archive-keyring.gpg
  echo "deb-src [signed-by=$key] $uri unstable main" > "$apt_dir/sources.list"
  opts=(-o "Dir::Etc::SourceList=$apt_dir/sources.list" -o "Dir::Etc::SourceParts=$apt_dir/parts"
        -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache"
        -o "APT::Sandbox::User=root")
  say "fetching Dear ImGui $IMGUI_VERSION source"
  apt-get "${opts[@]}" -q update >/dev/null
  # the exit code is not trusted alone: the tarball is checked below
  (cd "$apt_dir/src" && apt-get "${opts[@]}" -q source --download-only "imgui=$IMGUI_VERSION" \
    >/dev/null) || true
  tarball="$apt_dir/src/$IMGUI_ORIG"
  if [ ! -f "$tarball" ]; then
    echo "deps: could not fetch imgui=$IMGUI_VERSION from Debian's sources; if unstable has" \
         "moved on, update IMGUI_VERSION, IMGUI_ORIG and IMGUI_SHA256 in $0" >&2
    exit 1
  fi
  echo "$IMGUI_SHA256  $tarball" | sha256sum --check --quiet - || {
    echo "deps: $IMGUI_ORIG does not match the pinned SHA-256; refusing to use it" >&2
    exit 1
  }
  grep -q "$IMGUI_SHA256" "$apt_dir/src/"*.dsc || {
    echo "deps: the signed .dsc does not list the pinned SHA-256" >&2
    exit 1
  }
  rm -rf .deps/imgui.tmp && mkdir -p .deps/imgui.tmp
  tar -xJf "$tarball" -C .deps/imgui.tmp --strip-components=1
  rm -rf .deps/imgui && mv .deps/imgui.tmp .deps/imgui
  say "Dear ImGui in .deps/imgui"
fi

# ---- npm packages (browser tests) ------------------------------------------------
if [ -f package-lock.json ] && [ ! -d node_modules/playwright-core ]; then
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
fi
say "ok"
