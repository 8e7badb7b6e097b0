#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server from the Debian packages on a loopback port (REACHABLE_TEST_POSTGRES_PORT,
# default 55432; data under /tmp/reachable-postgres-<port>), for the tests that run against PostgreSQL (README,
# "Past one machine"), and prints its URL. Installs the packages when they are missing and this runs as root (as
# .ci/run does); as root the server runs as the package's postgres user, since it refuses to run as root.
# Usage: eval "$(scripts/postgres-for-tests.sh)" exports REACHABLE_TEST_POSTGRES_URL;
# scripts/postgres-for-tests.sh stop stops it.
set -euo pipefail
port="${REACHABLE_TEST_POSTGRES_PORT:-55432}"
base="${REACHABLE_TEST_POSTGRES_DIR:-/tmp/reachable-postgres-$port}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
if [ -z "$bin" ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "postgresql: not installed; run apt-get install -y postgresql as root" >&2
    exit 1
  fi
  echo "== installing Debian postgresql" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
fi
# The server refuses to run as root: run it as the postgres user the package creates (or as the caller).
as_owner() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}
if [ "${1:-}" = stop ]; then
  as_owner "'$bin/pg_ctl' -D '$base/data' -m fast stop" >&2 || true
  exit 0
fi
if ! as_owner "'$bin/pg_ctl' -D '$base/data' status" >/dev/null 2>&1; then
  mkdir -p "$base"
  [ "$(id -u)" = 0 ] && chown postgres "$base"
  if [ ! -f "$base/data/PG_VERSION" ]; then
    as_owner "'$bin/initdb' -D '$base/data' -U postgres -A trust >'$base/initdb.log' 2>&1"
  fi
  # Loopback only, trust auth: a scratch server for tests, never a place for data.
  as_owner "'$bin/pg_ctl' -D '$base/data' -l '$base/server.log' -w -o \"-p $port -k '$base' -c listen_addresses=127.0.0.1 -c max_connections=200\" start" >&2
fi
echo "export REACHABLE_TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:$port/postgres"
