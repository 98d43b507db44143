#!/usr/bin/env bash
# Installs what the build and tests need, and nothing that is already there.
#   - Debian packages (as root; otherwise prints the exact command to run).
#   - Dear ImGui and Nayuki's QR Code generator as source from Debian's source packages,
#     each pinned to one version and SHA-256, unpacked to .deps/ (not in git).
#   - playwright-core from the committed package-lock.json.
# Honours IMGUI_DIR (an existing ImGui tree) and an emcc already on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
top=$(pwd)

IMGUI_VERSION="1.92.2b+ds-1"
IMGUI_ORIG="imgui_1.92.2b+ds.orig.tar.xz"
IMGUI_SHA256="e7bd201d56b5ee90d24d5dac85e5c12f98bdb95410252a62d27b7f89e4566d48"
QR_VERSION="1.8.0-1.2"
QR_ORIG="qr-code-generator_1.8.0.orig.tar.gz"
QR_SHA256="2ec0a4d33d6f521c942eeaf473d42d5fe139abcfa57d2beffe10c5cf7d34ae60"

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
check_cmd rsvg-convert librsvg2-bin
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

# ---- C++ sources from Debian's source packages ------------------------------------
# A private apt configuration with a deb-src entry for unstable, whose URI is read from
# the machine's own Debian sources: the system's apt setup is left untouched. apt checks
# what it fetches against the signed index; the pinned SHA-256 is checked here as well,
# since apt's exit code alone is not trusted (a missing patch tarball fails it).
apt_dir="$top/.deps/apt"
apt_opts=()
apt_ready=0
setup_apt() {
  [ "$apt_ready" = 1 ] && return
  mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/parts" \
           "$apt_dir/src"
  local uri key
  uri=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
  [ -n "$uri" ] || uri=$(awk '$1 == "deb" { print $2; exit }' /etc/apt/sources.list)
  key=/usr/share/keyrings/debian-archive-keyring.gpg
  echo "deb-src [signed-by=$key] $uri unstable main" > "$apt_dir/sources.list"
  apt_opts=(-o "Dir::Etc::SourceList=$apt_dir/sources.list"
            -o "Dir::Etc::SourceParts=$apt_dir/parts" -o "Dir::State::Lists=$apt_dir/lists"
            -o "Dir::Cache=$apt_dir/cache" -o "APT::Sandbox::User=root")
  apt-get "${apt_opts[@]}" -q update >/dev/null
  apt_ready=1
}

# fetch_source <package> <version> <orig tarball> <sha256> <dest>: unpacks into .deps/<dest>
fetch_source() {
  local package=$1 version=$2 orig=$3 sha=$4 dest=$5
  setup_apt
  say "fetching $package $version source"
  (cd "$apt_dir/src" && apt-get "${apt_opts[@]}" -q source --download-only \
    "$package=$version" >/dev/null 2>&1) || true
  local tarball="$apt_dir/src/$orig"
  if [ ! -f "$tarball" ]; then
    echo "deps: could not fetch $package=$version from Debian's sources; if unstable has" \
         "moved on, update its version, tarball and SHA-256 in $0" >&2
    exit 1
  fi
  echo "$sha  $tarball" | sha256sum --check --quiet - || {
    echo "deps: $orig does not match the pinned SHA-256; refusing to use it" >&2
    exit 1
  }
  rm -rf ".deps/$dest.tmp" && mkdir -p ".deps/$dest.tmp"
  tar -xf "$tarball" -C ".deps/$dest.tmp" --strip-components=1
  rm -rf ".deps/$dest" && mv ".deps/$dest.tmp" ".deps/$dest"
  say "$package in .deps/$dest"
}

if [ -n "${IMGUI_DIR:-}" ]; then
  [ -f "$IMGUI_DIR/imgui.h" ] || { echo "deps: IMGUI_DIR=$IMGUI_DIR has no imgui.h" >&2; exit 1; }
  say "using IMGUI_DIR=$IMGUI_DIR"
elif [ ! -f .deps/imgui/imgui.h ]; then
  fetch_source imgui "$IMGUI_VERSION" "$IMGUI_ORIG" "$IMGUI_SHA256" imgui
fi

# Nayuki's QR Code generator (its C version is used), for the kiosk's QR codes
if [ ! -f .deps/qrcodegen/c/qrcodegen.c ]; then
  fetch_source qr-code-generator "$QR_VERSION" "$QR_ORIG" "$QR_SHA256" qrcodegen
fi

# ---- npm packages (browser tests) ------------------------------------------------
# npm keeps its own record of what it installed; a newer lock file means something changed
if [ -f package-lock.json ] && { [ ! -f node_modules/.package-lock.json ] ||
                                 [ package-lock.json -nt node_modules/.package-lock.json ]; }; then
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
fi
say "ok"
