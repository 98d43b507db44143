#!/usr/bin/env bash
# Assembles the static site from the wasm build: dist.sh <build-dir> <dist-dir>
#   index.html, loader.js, style.css    the page (shell/)
#   ruvoya.js, ruvoya.wasm, bodies.bin  the app (with the content bundle's head inside) and
#                                       the guides' bodies
#   manifest.webmanifest, favicon.svg, icons/   installing (icons made from web/icon.svg)
#   ruvoya.html                         the whole app in one file, for file:// (web/)
#   sw.js                               the service worker, listing every file by hash; last,
#                                       since it hashes everything else
set -euo pipefail
build=$1
out=$2
top=$(cd "$(dirname "$0")/.." && pwd)

rm -rf "$out.tmp"
mkdir -p "$out.tmp"
cp "$build/ruvoya.js" "$build/ruvoya.wasm" "$build/bodies.bin" "$out.tmp/"
cp "$top"/shell/{index.html,loader.js,style.css} "$out.tmp/"
cp "$top/web/manifest.webmanifest" "$out.tmp/"
node "$top/web/icons.mjs" "$top/web/icon.svg" "$out.tmp"
node "$top/web/single-file.mjs" "$out.tmp" "$out.tmp/ruvoya.html"
node "$top/web/precache.mjs" "$out.tmp"

# swap the whole folder at once, so a server never sees half a build
rm -rf "$out"
mv "$out.tmp" "$out"
echo "dist: $(du -sh "$out" | cut -f1) in $out/"
