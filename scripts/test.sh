#!/usr/bin/env bash
# Builds and runs every test. With --sanitize, builds into build-asan with ASan+UBSan instead.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--sanitize" ]; then
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJIXIAO_SANITIZE=ON -DJIXIAO_BENCH=OFF >/dev/null
  cmake --build build-asan -j"$(nproc)"
  ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0" ctest --test-dir build-asan --output-on-failure -j"$(nproc)"
  exit 0
fi
scripts/build.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
