#!/usr/bin/env bash
# Runs every fuzz target for a short time: scripts/fuzz-smoke.sh [DURATION].
# Progress lines are left out; a failure prints the failing input's path.
set -euo pipefail
cd "$(dirname "$0")/.."
dur="${1:-10s}"
for pkg in $(go list ./...); do
  dir=$(go list -f '{{.Dir}}' "$pkg")
  for target in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //'); do
    echo "fuzz $pkg $target ($dur)"
    go test -run='^$' -fuzz="^${target}\$" -fuzztime="$dur" -fuzzminimizetime=1s "$pkg" 2>&1 | grep -v '^fuzz: elapsed'
  done
done
