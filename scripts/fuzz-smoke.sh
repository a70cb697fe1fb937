#!/usr/bin/env bash
# Runs every fuzz target for a short time: scripts/fuzz-smoke.sh [DURATION].
# A target fails the run when it finds a failing input (written to
# testdata/fuzz/) or fails in any other way, except for one known false
# alarm: Go 1.26's fuzz coordinator may report "context deadline exceeded"
# at the end of -fuzztime with no failing input (golang/go#75804, fixed in
# Go 1.27); that is reported and ignored.
set -uo pipefail
cd "$(dirname "$0")/.."
dur="${1:-10s}"
failed=0 passed=0 flaked=0
for pkg in $(go list ./...); do
  dir=$(go list -f '{{.Dir}}' "$pkg")
  for target in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //'); do
    echo "fuzz $pkg $target ($dur)"
    out=$(go test -run='^$' -fuzz="^${target}\$" -fuzztime="$dur" -fuzzminimizetime=1s "$pkg" 2>&1)
    status=$?
    echo "$out" | grep -v '^fuzz: elapsed'
    if [ $status -eq 0 ]; then
      passed=$((passed + 1))
    elif ! echo "$out" | grep -q 'Failing input written' &&
      [ "$(echo "$out" | grep -A1 -- '^--- FAIL' | grep -vc -e '^--- FAIL' -e 'context deadline exceeded' -e '^--$')" = 0 ]; then
      echo "  (ignored: Go fuzz coordinator deadline race, golang/go#75804; no failing input)"
      flaked=$((flaked + 1))
    else
      failed=$((failed + 1))
    fi
  done
done
echo "fuzz: $passed passed, $failed failed, $flaked ignored deadline races"
[ $failed -eq 0 ]
