#!/usr/bin/env bash
# Assembles the static site from the wasm build: dist.sh <build-dir> <dist-dir>
set -euo pipefail
build=$1
out=$2
top=$(cd "$(dirname "$0")/.." && pwd)

rm -rf "$out.tmp"
mkdir -p "$out.tmp"
cp "$build/ruvoya.js" "$build/ruvoya.wasm" "$out.tmp/"
cp "$top"/shell/{index.html,loader.js,style.css,favicon.svg} "$out.tmp/"

# swap the whole folder at once, so a server never sees half a build
rm -rf "$out"
mv "$out.tmp" "$out"
echo "dist: $(du -sh "$out" | cut -f1) in $out/"
