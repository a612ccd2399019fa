#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: a cluster in a temporary folder, listening on
# 127.0.0.1 on a free port (and a unix socket in that folder), trust authentication, no fsync.
#
#   scripts/pg-test-server.sh start   # prints the URI (postgresql://jixiao@127.0.0.1:PORT/postgres)
#   scripts/pg-test-server.sh stop    # stops it and removes the folder
#
# The folder is $JIXIAO_PG_DIR (default: /tmp/jixiao-pg-test-$UID). start is idempotent: a
# server already running there is reused. PostgreSQL refuses to run as root, so as root the
# server runs as the `postgres` user (the Debian package creates it).
set -euo pipefail
dir=${JIXIAO_PG_DIR:-${TMPDIR:-/tmp}/jixiao-pg-test-$(id -u)}

bindir=$(pg_config --bindir 2>/dev/null || true)
if [ ! -x "$bindir/initdb" ]; then
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
fi
if [ ! -x "$bindir/initdb" ]; then
  echo "pg-test-server: no PostgreSQL server binaries (install the postgresql package: scripts/setup.sh)" >&2
  exit 1
fi

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

running() { [ -f "$dir/data/postmaster.pid" ] && as_owner "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; }

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

case "${1:-}" in
  start)
    if running && [ -f "$dir/uri" ]; then
      cat "$dir/uri"
      exit 0
    fi
    rm -rf "$dir/data"
    mkdir -p "$dir"
    chmod 700 "$dir"
    [ "$(id -u)" -ne 0 ] || chown postgres: "$dir"
    as_owner "$bindir/initdb" -D "$dir/data" -U jixiao --auth=trust -E UTF8 --no-locale -N >"$dir/initdb.log" 2>&1 || {
      cat "$dir/initdb.log" >&2
      exit 1
    }
    for _ in 1 2 3 4 5; do
      port=$(free_port)
      if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 -o \
        "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null 2>&1; then
        echo "postgresql://jixiao@127.0.0.1:$port/postgres" >"$dir/uri"
        cat "$dir/uri"
        exit 0
      fi
    done
    echo "pg-test-server: the server did not start; see $dir/server.log" >&2
    tail -n 5 "$dir/server.log" >&2 || true
    exit 1
    ;;
  stop)
    if [ -d "$dir/data" ]; then
      as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 64
    ;;
esac
