#!/usr/bin/env bash
# Runs every test the project has and ends with one line: "N passed, N failed".
#   1. native unit tests (doctest through CTest)
#   2. the same tests built with AddressSanitizer and UndefinedBehaviorSanitizer
#   3. the WebAssembly release build into dist/
#   4. browser tests in headless Chromium
set -uo pipefail
cd "$(dirname "$0")/.."

passed=0
failed=0
broken=()
log=$(mktemp -d)

# adds the counts from CTest's "N% tests passed, F tests failed out of T" line
count_ctest() {
  local line total bad
  line=$(grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' "$1" | tail -n 1)
  if [ -z "$line" ]; then
    return 1
  fi
  bad=$(sed -E 's/.* ([0-9]+) tests? failed out of.*/\1/' <<<"$line")
  total=$(sed -E 's/.*out of ([0-9]+).*/\1/' <<<"$line")
  passed=$((passed + total - bad))
  failed=$((failed + bad))
}

stage() {
  printf '\n== %s\n' "$1"
}

stage "unit tests"
if make --no-print-directory native >"$log/native-build" 2>&1; then
  ctest --preset native -j "$(nproc)" 2>&1 | tee "$log/unit"
  count_ctest "$log/unit" || broken+=("unit tests did not report")
else
  cat "$log/native-build"
  broken+=("native build")
fi

stage "unit tests with AddressSanitizer and UBSan"
if make --no-print-directory asan >"$log/asan" 2>&1; then
  grep -E 'tests passed|Failed|\*\*\*' "$log/asan"
  count_ctest "$log/asan" || broken+=("sanitizer tests did not report")
else
  tail -n 60 "$log/asan"
  count_ctest "$log/asan" || broken+=("sanitizer build")
fi

stage "WebAssembly build"
if make --no-print-directory dist >"$log/dist" 2>&1; then
  tail -n 1 "$log/dist"
  stage "browser tests (headless Chromium)"
  node --test --test-reporter=spec tests/browser/ 2>&1 | tee "$log/browser"
  b_pass=$(grep -E '^ℹ pass [0-9]+' "$log/browser" | awk '{ print $3 }')
  b_fail=$(grep -E '^ℹ fail [0-9]+' "$log/browser" | awk '{ print $3 }')
  if [ -n "$b_pass" ] && [ -n "$b_fail" ]; then
    passed=$((passed + b_pass))
    failed=$((failed + b_fail))
  else
    broken+=("browser tests did not report")
  fi
else
  tail -n 60 "$log/dist"
  broken+=("WebAssembly build")
fi

rm -rf "$log"
echo
for b in "${broken[@]}"; do
  echo "test: FAILED to run: $b"
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ ${#broken[@]} -eq 0 ]
