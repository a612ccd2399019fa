#!/usr/bin/env bash
# Times `jixiao batch` of N scanned documents (distinct copies of the samples' scans) with -j 1
# and -j 2, each into a fresh SQLite file, and prints both times and the speedup.
# Usage: scripts/bench-batch.sh [N (default 4)] [path to jixiao (default build/jixiao)]
# JIXIAO_BENCH_SCAN=file.pdf picks another scan.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-4}
bin=${2:-build/jixiao}
[ -x "$bin" ] || { echo "bench-batch: no $bin (scripts/build.sh)" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/jixiao-bench-batch.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/scans"
pages=0
for i in $(seq 1 "$n"); do
  # Copies of one scan (5 pages), so that the documents weigh the same and -j 2 measures
  # parallel documents, not how unequal documents happen to fall on the workers. A comment
  # after %%EOF makes each copy distinct (its own sha256).
  src=${JIXIAO_BENCH_SCAN:-samples/tianbao-2022/scan-archive.pdf}
  { cat "$src"; printf '%% bench copy %d\n' "$i"; } >"$work/scans/scan-$i.pdf"
  pages=$((pages + $(pdfinfo "$src" 2>/dev/null | awk '/^Pages:/ {print $2}')))
done
run() {
  local jobs=$1 start end
  start=$(date +%s.%N)
  "$bin" batch "$work/scans" --db "$work/j$jobs.sqlite" -j "$jobs" 2>"$work/j$jobs.log" || {
    cat "$work/j$jobs.log" >&2
    exit 1
  }
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}
echo "bench-batch: $n scanned documents, $pages pages; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
t1=$(run 1)
t2=$(run 2)
printf 'bench-batch: -j 1: %.1f s (%.2f pages/s)\n' "$t1" "$(echo "$pages / $t1" | bc -l)"
printf 'bench-batch: -j 2: %.1f s (%.2f pages/s)\n' "$t2" "$(echo "$pages / $t2" | bc -l)"
printf 'bench-batch: speedup %.2fx; load after: %s\n' "$(echo "$t1 / $t2" | bc -l)" "$(cut -d' ' -f1-3 /proc/loadavg)"
