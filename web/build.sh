#!/bin/sh
# build.sh installs the pinned npm packages and builds the dashboard into
# dist/: index.html, style.css and one minified app.js (d3-geo, topojson-client
# and the 110m world map bundled in). dist/ is committed and embedded by
# web.go, so the Go build needs no npm; run this after changing src/.
set -eu
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
rm -rf dist.tmp
mkdir dist.tmp
npx esbuild src/main.js --bundle --minify --format=esm --target=es2020 \
	--legal-comments=none --loader:.json=json --outfile=dist.tmp/app.js
cp src/index.html src/style.css src/favicon.svg dist.tmp/
# The licences of the packages bundled into app.js travel with it.
{
	echo "app.js bundles these packages from npm; their licences follow."
	echo "world-atlas's map data comes from Natural Earth (naturalearthdata.com), public domain."
	for p in d3-geo d3-array internmap topojson-client world-atlas; do
		v=$(node -p "require('./node_modules/$p/package.json').version")
		printf '\n== %s %s\n\n' "$p" "$v"
		cat "node_modules/$p/LICENSE"
	done
} > dist.tmp/LICENSES.txt
rm -rf dist
mv dist.tmp dist
ls -l dist
