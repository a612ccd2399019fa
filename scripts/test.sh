#!/usr/bin/env bash
# Builds and runs every test. With --sanitize, builds into build-asan with ASan+UBSan instead.
# The PostgreSQL tests get a throwaway server (scripts/pg-test-server.sh), stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
# Every core: GNU nproc answers OMP_NUM_THREADS or OMP_THREAD_LIMIT when they are set, and .ci/run
# sets OMP_THREAD_LIMIT=1 for the programs under test (one OpenMP thread each), not for ctest.
cores() { env -u OMP_NUM_THREADS -u OMP_THREAD_LIMIT nproc; }

start_pg() {
  JIXIAO_PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/jixiao-pg.XXXXXX")
  export JIXIAO_PG_DIR
  trap 'scripts/pg-test-server.sh stop || true' EXIT
  local uri
  if uri=$(scripts/pg-test-server.sh start); then
    export JIXIAO_TEST_PG=$uri
  else
    echo "test: the PostgreSQL test server did not start: its tests skip (and fail when CI=true)" >&2
  fi
}

if [ "${1:-}" = "--sanitize" ]; then
  # -O1 with line tables only: ASan's usual level, and half the compile time of -O2 -g. Debug, so
  # that assert() is on.
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" \
    -DJIXIAO_SANITIZE=ON -DJIXIAO_BENCH=OFF >/dev/null
  cmake --build build-asan -j"$(cores)"
  start_pg
  ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0" ctest --test-dir build-asan --output-on-failure -j"$(cores)"
  exit 0
fi
scripts/build.sh
start_pg
ctest --test-dir build --output-on-failure -j"$(cores)"
