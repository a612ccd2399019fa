#!/usr/bin/env bash
# The Slurm recipe end to end on this machine: starts a single-node Slurm on localhost (its
# configuration written into a temporary folder), a throwaway PostgreSQL
# (scripts/pg-test-server.sh), enqueues the samples, runs the repository's job array
# (deploy/slurm/jixiao-worker.sbatch, `sbatch --array=1-3`) to completion, and checks that every
# task completed and every document was imported exactly once. Stops all it started.
#
# Usage: scripts/test-slurm.sh [path to jixiao (default build/jixiao)]
#
# Needs slurm-wlm and munge (apt-get install --no-install-recommends slurm-wlm munge) and root
# (it starts munged, slurmctld and slurmd). Without them it says why it skips and exits 0. Not
# part of scripts/test.sh: a test suite should not start system daemons on a developer's machine.
set -euo pipefail
cd "$(dirname "$0")/.."

skip() {
  echo "test-slurm: skipped: $*"
  exit 0
}
command -v slurmctld >/dev/null && command -v slurmd >/dev/null || skip "slurm-wlm is not installed (apt-get install slurm-wlm munge)"
command -v munged >/dev/null || [ -x /usr/sbin/munged ] || skip "munge is not installed (apt-get install munge)"
[ "$(id -u)" -eq 0 ] || skip "needs root (it starts munged, slurmctld and slurmd)"

bin=$(realpath "${1:-build/jixiao}")
[ -x "$bin" ] || { echo "test-slurm: no $bin (scripts/build.sh)" >&2; exit 1; }
tasks=3
timeout_s=${JIXIAO_SLURM_TIMEOUT:-1800}  # scanned samples on a busy 2-core machine take minutes

run=$(mktemp -d "${TMPDIR:-/tmp}/jixiao-slurm.XXXXXX")
chmod 755 "$run"  # the PostgreSQL server (user postgres) keeps its cluster under it
mkdir -p "$run/state" "$run/spool" "$run/out"
ok=0
slurmctld_pid="" slurmd_pid="" started_munge=0
cleanup() {
  [ -n "$slurmd_pid" ] && kill "$slurmd_pid" 2>/dev/null && wait "$slurmd_pid" 2>/dev/null || true
  [ -n "$slurmctld_pid" ] && kill "$slurmctld_pid" 2>/dev/null && wait "$slurmctld_pid" 2>/dev/null || true
  if [ "$started_munge" -eq 1 ] && [ -f /run/munge/munged.pid ]; then kill "$(cat /run/munge/munged.pid)" 2>/dev/null || true; fi
  JIXIAO_PG_DIR=$run/pg scripts/pg-test-server.sh stop || true
  if [ "$ok" -eq 1 ]; then rm -rf "$run"; else echo "test-slurm: logs kept in $run" >&2; fi
}
trap cleanup EXIT
fail() {
  echo "test-slurm: FAILED: $*" >&2
  for f in "$run"/slurmctld.log "$run"/slurmd.log "$run"/out/*.log; do
    [ -f "$f" ] && { echo "--- $f" >&2; tail -n 15 "$f" >&2; }
  done
  exit 1
}
wait_until() {  # SECONDS COMMAND…: polls COMMAND every half second
  local until=$((SECONDS + $1))
  shift
  until "$@"; do
    [ "$SECONDS" -lt "$until" ] || return 1
    sleep 0.5
  done
}

# munge: Slurm's authentication. Without systemd /run/munge does not exist.
munge_works() { munge -n 2>/dev/null | unmunge >/dev/null 2>&1; }
if ! munge_works; then
  [ -f /etc/munge/munge.key ] || runuser -u munge -- /usr/sbin/mungekey --create
  install -d -o munge -g munge -m 0755 /run/munge
  runuser -u munge -- /usr/sbin/munged
  started_munge=1
  wait_until 10 munge_works || fail "munged did not start"
fi

# PostgreSQL: the results and the queue.
uri=$(JIXIAO_PG_DIR=$run/pg scripts/pg-test-server.sh start) || fail "the PostgreSQL test server did not start"

# Slurm: one node, this machine, on ports of its own.
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("", 0)); print(s.getsockname()[1])'; }
node=$(hostname -s)
nodeline="$(slurmd -C | head -n 1) State=UNKNOWN"
export SLURM_CONF=$run/slurm.conf
cat >"$SLURM_CONF" <<EOF
ClusterName=jixiao-test
SlurmctldHost=$node
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
SlurmUser=root
AuthType=auth/munge
MpiDefault=none
MailProg=/bin/true
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
StateSaveLocation=$run/state
SlurmdSpoolDir=$run/spool
SlurmctldPidFile=$run/slurmctld.pid
SlurmdPidFile=$run/slurmd.pid
SlurmctldLogFile=$run/slurmctld.log
SlurmdLogFile=$run/slurmd.log
$nodeline
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
slurmctld -D -f "$SLURM_CONF" >"$run/slurmctld.out" 2>&1 &
slurmctld_pid=$!
slurmd -D -f "$SLURM_CONF" >"$run/slurmd.out" 2>&1 &
slurmd_pid=$!
node_idle() { [ "$(sinfo -h -o %T 2>/dev/null)" = idle ]; }
wait_until 60 node_idle || fail "the node did not come up idle: $(sinfo -h -o %T 2>&1)"
echo "test-slurm: Slurm $(sinfo -V | awk '{print $2}') up on $node ($(sinfo -h -o '%c CPUs'))"

# The samples into the queue, then the array.
"$bin" enqueue samples --db "$uri" 2>"$run/enqueue.log" || fail "enqueue: $(cat "$run/enqueue.log")"
documents=$(find "$PWD/samples" -type f -iname '*.pdf' | wc -l)
start=$SECONDS
job=$(sbatch --parsable --array=1-$tasks --chdir="$run/out" --output="$run/out/worker-%A_%a.log" \
  --export=ALL,JIXIAO_DB="$uri",JIXIAO="$bin",JIXIAO_LEASE=20 deploy/slurm/jixiao-worker.sbatch)
echo "test-slurm: job array $job: $tasks tasks over $documents documents"
array_done() { [ -z "$(squeue -h -j "$job" 2>/dev/null)" ]; }
wait_until "$timeout_s" array_done || fail "the array did not finish in $timeout_s s"
echo "test-slurm: the array finished in $((SECONDS - start)) s"

# Every task completed with exit 0 (no accounting: scontrol, while Slurm still remembers them).
states=$(scontrol -o show job "$job" | grep -o 'JobState=[A-Z_]*\|ExitCode=[0-9:]*' | paste -sd' ')
completed=$(scontrol -o show job "$job" | grep -c 'JobState=COMPLETED .*ExitCode=0:0' || true)
[ "$completed" -eq "$tasks" ] || fail "tasks: $states"
# Every document imported exactly once; nothing left in the queue.
imported=$(psql "$uri" -tA -c "SELECT COUNT(*) || ' ' || COUNT(DISTINCT sha256) FROM documents WHERE status = 'imported'")
[ "$imported" = "$documents $documents" ] || fail "imported (rows, distinct): $imported, want $documents"
queue=$(psql "$uri" -tA -c "SELECT string_agg(state || ' ' || n, ', ' ORDER BY state) FROM (SELECT state, COUNT(*) AS n FROM queue GROUP BY state) q")
[ "$queue" = "done $documents" ] || fail "queue: $queue"
for log in "$run"/out/worker-*.log; do grep -q 'queue empty' "$log" || fail "$log does not end with an empty queue"; done
grep -h 'imported ' "$run"/out/worker-*.log | sed 's/^/test-slurm:   /'
ok=1
echo "test-slurm: passed: $tasks array tasks completed (exit 0), $documents documents imported once each, queue: $queue"
