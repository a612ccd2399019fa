#!/usr/bin/env bash
# Times the work queue on this machine, with a throwaway PostgreSQL (scripts/pg-test-server.sh):
#  1. N scanned documents (distinct copies of one sample scan) through one `jixiao worker -j 1`,
#     then through two at once (each -j 1, as several workers on one machine should be run):
#     documents per second for each and the speedup (the goal: 2 workers >= 1.8x one);
#  2. the queue's own cost per document (claim + lease renewals + marking it done, not the
#     extraction nor the writing of its records), as the workers time their queue statements,
#     for the scans and for M small digital documents (where the queue's share is largest).
# Usage: scripts/bench-queue.sh [N (default 8)] [M (default 100)] [path to jixiao (default build/jixiao)]
# JIXIAO_BENCH_SCAN=file.pdf picks another scan; JIXIAO_BENCH_ROUNDS (default 2) rounds of 1 and
# 2 workers are run, the fastest of each kept.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-8}  # 8 rather than 4: a worker's start and a document's end weigh less on the ratio
m=${2:-100}
rounds=${JIXIAO_BENCH_ROUNDS:-2}
bin=${3:-build/jixiao}
[ -x "$bin" ] || { echo "bench-queue: no $bin (scripts/build.sh)" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/jixiao-bench-queue.XXXXXX")
chmod 755 "$work"  # the PostgreSQL server (user postgres) keeps its cluster under it
export JIXIAO_PG_DIR=$work/pg
trap 'scripts/pg-test-server.sh stop || true; rm -rf "$work"' EXIT
uri=$(scripts/pg-test-server.sh start)
db() {  # a fresh database on the server: its URI
  psql "$uri" -qtA -c "CREATE DATABASE $1" >/dev/null
  echo "${uri%/*}/$1"
}

src=${JIXIAO_BENCH_SCAN:-samples/tianbao-2022/scan-archive.pdf}
mkdir -p "$work/scans" "$work/digital"
for i in $(seq 1 "$n"); do
  # Copies of one scan, so that the documents weigh the same and two workers measure parallel
  # documents, not how unequal documents fall on them. A comment after %%EOF makes each distinct.
  { cat "$src"; printf '%% bench copy %d\n' "$i"; } >"$work/scans/scan-$i.pdf"
done
for i in $(seq 1 "$m"); do
  { cat samples/tianbao-2022/digital.pdf; printf '%% bench copy %d\n' "$i"; } >"$work/digital/digital-$i.pdf"
done
pages_each=$(pdfinfo "$src" 2>/dev/null | awk '/^Pages:/ {print $2}')

# WORKERS DB FOLDER: enqueues FOLDER, runs WORKERS workers (-j 1) to the end; prints the wall
# seconds and the CPU seconds (user + system) the workers used.
run() {
  local workers=$1 target=$2 folder=$3
  "$bin" enqueue "$folder" --db "$target" 2>/dev/null
  python3 - "$bin" "$target" "$workers" "$work/$(basename "$folder")-$workers" <<'PY' || { cat "$work"/*.log >&2; exit 1; }
import resource, subprocess, sys, time
bin, target, workers, log = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
start = time.monotonic()
# Each worker in a session of its own, as Slurm, Kubernetes and ssh start them (Linux's autogroup
# scheduling shares the cores between sessions first).
procs = [subprocess.Popen([bin, "worker", "--db", target, "-j", "1"], stderr=open(f"{log}-{w}.log", "w"),
                          start_new_session=True)
         for w in range(1, workers + 1)]
if [p.wait() for p in procs] != [0] * workers:
    sys.exit(1)
used = resource.getrusage(resource.RUSAGE_CHILDREN)
print(time.monotonic() - start, used.ru_utime + used.ru_stime)
PY
}
# The queue's cost per document from the workers' summary lines, weighted by their documents.
queue_cost() {
  grep -h 'queue .* ms a document' "$@" | sed -E 's/.*: ([0-9]+) documents?: .*queue ([0-9.]+) ms a document \(claim ([0-9.]+) ms, ([0-9]+) renewals ([0-9.]+) ms each, done ([0-9.]+) ms.*/\1 \2 \3 \4 \5 \6/' |
    awk '{d += $1; q += $1 * $2; c += $1 * $3; r += $4; rt += $4 * $5; f += $1 * $6}
         END {printf "%.1f ms a document (claim %.1f ms, %.2f renewals of %.1f ms, done %.1f ms) over %d documents",
              q / d, c / d, r / d, (r ? rt / r : 0), f / d, d}'
}

echo "bench-queue: $n scanned documents of $pages_each pages; $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
# The speedup needs the cores free: on a machine busy with other work the workers get a share of
# them (the CPU seconds a document stay the same; compare them).
# Rounds of one then two workers, the fastest of each kept: other work on the machine (a
# build) only slows a run down, so the fastest is the nearest to the machine's own speed.
t1=999999 t2=999999
for round in $(seq 1 "$rounds"); do
  read -r t c <<<"$(run 1 "$(db one_$round)" "$work/scans")"
  if (($(echo "$t < $t1" | bc -l))); then t1=$t c1=$c; fi
  read -r t c <<<"$(run 2 "$(db two_$round)" "$work/scans")"
  if (($(echo "$t < $t2" | bc -l))); then t2=$t c2=$c; fi
done
# CPU seconds a document: equal for one and two workers when nothing is shared between them but
# the cores; then the speedup is what the idle cores allow (a busy machine's load shows above).
printf 'bench-queue: 1 worker:  %.1f s, %.3f documents/s (%.2f pages/s), %.1f CPU s a document\n' "$t1" \
  "$(echo "$n / $t1" | bc -l)" "$(echo "$n * $pages_each / $t1" | bc -l)" "$(echo "$c1 / $n" | bc -l)"
printf 'bench-queue: 2 workers: %.1f s, %.3f documents/s (%.2f pages/s), %.1f CPU s a document\n' "$t2" \
  "$(echo "$n / $t2" | bc -l)" "$(echo "$n * $pages_each / $t2" | bc -l)" "$(echo "$c2 / $n" | bc -l)"
printf 'bench-queue: speedup %.2fx (goal >= 1.8x); load after: %s\n' "$(echo "$t1 / $t2" | bc -l)" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
echo "bench-queue: queue cost, scans: $(queue_cost "$work"/scans-*.log)"
read -r td _ <<<"$(run 1 "$(db small)" "$work/digital")"
printf 'bench-queue: %d digital documents, 1 worker: %.1f s (%.0f ms a document in all)\n' "$m" "$td" \
  "$(echo "$td * 1000 / $m" | bc -l)"
echo "bench-queue: queue cost, digital: $(queue_cost "$work"/digital-*.log) (goal < 50 ms)"
