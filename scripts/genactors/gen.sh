#!/bin/sh
# gen.sh regenerates dict/petrarch/dyad.countries.actors.txt from the
# gazetteer's country facts (dict/geo, GeoNames and i18n-iso-countries):
# the hand-written head and tail around the generated country blocks.
#
#	sh scripts/genactors/gen.sh
set -eu
here=$(dirname "$0")
{ cat "$here/countries.head"; python3 "$here/countries.py"; cat "$here/countries.tail"; } \
	> "$here/../../dict/petrarch/dyad.countries.actors.txt"
