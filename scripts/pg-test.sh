#!/usr/bin/env bash
# Runs the tests of the packages that open stores against a throw-away
# PostgreSQL cluster: initdb into a temporary directory, start it on a free
# loopback port (no Unix socket outside that directory, trust auth on
# 127.0.0.1 only), create a test database whose default collation is ICU
# en-US where the server has ICU (so tests see a realistic, non-byte-order
# collation), run `go test` with DYAD_TEST_POSTGRES set to it, and stop
# and delete the cluster on exit, whatever happens.
#
#   bash scripts/pg-test.sh                      # the default packages
#   bash scripts/pg-test.sh ./internal/store/... # or these
#
# Needs PostgreSQL's server binaries (Debian: postgresql); as root the
# server runs as the postgres user.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${PG_BIN:-}
if [ -z "$bin" ]; then
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
fi
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "pg-test: no PostgreSQL server binaries (install Debian's postgresql, or set PG_BIN)" >&2
  exit 1
fi

dir=$(mktemp -d /tmp/dyad-pg.XXXXXX)
as=()
if [ "$(id -u)" = 0 ]; then
  chown postgres: "$dir"
  as=(runuser -u postgres --)
fi

# A free port: ask the kernel for one, then let go of it.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 55433)

stop() {
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT INT TERM

"${as[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }
"${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" start >/dev/null ||
  { cat "$dir/server.log" >&2; exit 1; }

psql=("${as[@]}" "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q)
if ! "${psql[@]}" -c "CREATE DATABASE dyad_test LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8' TEMPLATE template0" 2>/dev/null; then
  "${psql[@]}" -c "CREATE DATABASE dyad_test TEMPLATE template0"
fi

if [ $# -eq 0 ]; then
  set -- ./internal/store/... ./cmd/dyad/ ./internal/server/
fi
echo "pg-test: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port; go test $*"
DYAD_TEST_POSTGRES="postgres://postgres@127.0.0.1:$port/dyad_test?sslmode=disable" go test -count=1 "$@"
