# Ruvoya front door. `make` alone lists the targets; CMakePresets.json holds the flags.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PORT ?= 8080
IMGUI_DIR ?= $(CURDIR)/.deps/imgui
JOBS ?= $(shell nproc)
# Debian's emcc needs Debian's acorn, which the machine's own node does not see.
export NODE_PATH := /usr/share/nodejs$(if $(NODE_PATH),:$(NODE_PATH))

CONTENTC := build/native/ruvoya-contentc

.PHONY: help deps native content wasm dist run test unit asan browser bench format clean

help: ## list the targets
	@echo "Ruvoya: a guide app for foreigners dealing with official procedures in Russia."
	@echo
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 12

deps: ## install what is missing (Debian packages, Dear ImGui source, npm packages)
	@scripts/deps.sh

native: deps ## build the content compiler and the unit tests
	@cmake --preset native -DIMGUI_DIR=$(IMGUI_DIR) >/dev/null
	@cmake --build --preset native -j $(JOBS) -- --no-print-directory

content: native ## validate content/ and write the bundle the app embeds
	@mkdir -p build/content
	@$(CONTENTC) --root . --out build/content

wasm: native ## build the app to WebAssembly (release)
	@emcmake cmake --preset wasm -DIMGUI_DIR=$(IMGUI_DIR) \
	  -DRUVOYA_CONTENTC=$(CURDIR)/$(CONTENTC) >/dev/null
	@cmake --build --preset wasm -j $(JOBS)

dist: wasm ## the release build into dist/ (index.html, JS, wasm)
	@scripts/dist.sh build/wasm dist

run: dist ## build, then serve dist/ on http://127.0.0.1:$(PORT)/
	@node web/serve.mjs dist $(PORT)

unit: native ## native unit tests (doctest through CTest)
	@ctest --preset native -j $(JOBS)

asan: deps ## unit tests again, with AddressSanitizer and UBSan
	@cmake --preset asan -DIMGUI_DIR=$(IMGUI_DIR) >/dev/null
	@cmake --build --preset asan -j $(JOBS)
	@ctest --preset asan -j $(JOBS)

browser: dist ## browser tests in headless Chromium
	@node --test --test-reporter=spec tests/browser/

bench: dist ## measure size, start-up, frame CPU, memory, 1,000 guides; see docs/performance.md
	@bench/build.sh
	@node bench/run.mjs

test: deps ## everything: unit, sanitizers, wasm build, browser tests; ends with a summary
	@scripts/test.sh

format: ## reformat the sources with clang-format
	@git ls-files '*.cpp' '*.hpp' '*.h' | xargs clang-format -i

clean: ## remove build output
	rm -rf build dist
