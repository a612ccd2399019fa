#!/usr/bin/env bash
# Times `jixiao extract` per page on one core (-j 1) and on every core, for the samples and,
# when present, the shared corpus. Usage: scripts/bench.sh [PDF…]  (build first)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=build/jixiao
[ -x "$bin" ] || { echo "bench: build first (scripts/build.sh)" >&2; exit 1; }
runs=${RUNS:-5}
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  files=(samples/*/digital.pdf)
  [ -d ../shared/corpus ] && files+=(../shared/corpus/*/digital.pdf)
fi
export OMP_THREAD_LIMIT=1
printf '%-50s %5s %12s %12s\n' file pages "ms/page -j1" "ms/page -jN"
for f in "${files[@]}"; do
  pages=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
  [ -n "$pages" ] || pages=1
  best() {  # best of $runs wall times in ms
    local b=999999999
    for _ in $(seq "$runs"); do
      s=$(date +%s%N); "$bin" extract "$f" "$@" -o /dev/null 2>/dev/null || true; e=$(date +%s%N)
      t=$(( (e - s) / 1000000 )); [ "$t" -lt "$b" ] && b=$t
    done
    echo "$b"
  }
  one=$(best -j 1); all=$(best)
  printf '%-50s %5d %12.1f %12.1f\n' "$f" "$pages" "$(echo "$one / $pages" | bc -l)" "$(echo "$all / $pages" | bc -l)"
done
