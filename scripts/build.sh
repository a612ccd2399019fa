#!/usr/bin/env bash
# Configures and builds into build/ (Release). Extra arguments go to cmake.
set -euo pipefail
cd "$(dirname "$0")/.."
# Every core: GNU nproc answers OMP_NUM_THREADS or OMP_THREAD_LIMIT when they are set, and .ci/run
# sets OMP_THREAD_LIMIT=1 for the programs under test, not for the build.
cores() { env -u OMP_NUM_THREADS -u OMP_THREAD_LIMIT nproc; }
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
cmake --build build -j"$(cores)"
