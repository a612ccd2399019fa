#!/usr/bin/env bash
# What each named OCR fix (ocr/README.md, "Corrections"; `jixiao fixes`) is worth on
# scans whose truth is known.
#
# Usage: scripts/bench-fixes.sh [--all | --fix ID...] [-v] [SCAN.pdf TRUTH.json]...
#
# Each scan is extracted once with every fix, and once more with each fix switched off
# (`--disable-fix ID`): the fixes its provenance names, or every fix with --all (fixes that only
# touch text outside the tables, such as ocr.line_dots, are named in no provenance: --all
# measures them); --fix ID (repeatable) measures only the fixes given. Each output is scored
# against the truth field by field (scripts/score.py).
# A fix gains a field that is right with it and wrong without it, and loses one that is wrong
# with it and right without it. The table gives, per scan and in total, for each fix the fields
# whose provenance names it, and the fields it gains and loses; -v lists those fields. A fix
# that gains nothing on scans it was not written for is a candidate for removal.
#
# Default scans: samples/*/scan-*.pdf with their samples/*/truth.json, and
# ../shared/corpus/*/scan-*.pdf with their truth.json when present.
# Environment: BUILD (default build), JOBS (pages read in parallel, default every core),
# KEEP (a folder to keep the outputs in).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${BUILD:-build}/jixiao
[ -x "$bin" ] || { echo "bench-fixes: build first (scripts/build.sh)" >&2; exit 1; }
all=0 verbose=0 pairs=() only=()
while [ $# -gt 0 ]; do
  case $1 in
    --all) all=1 ;;
    -v) verbose=1 ;;
    --fix) [ $# -ge 2 ] || { echo "bench-fixes: --fix without an id" >&2; exit 64; }
           only+=("$2"); shift ;;
    -h|--help) sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) [ $# -ge 2 ] || { echo "bench-fixes: SCAN.pdf without its TRUTH.json" >&2; exit 64; }
       pairs+=("$1" "$2"); shift ;;
  esac
  shift
done
if [ ${#pairs[@]} -eq 0 ]; then
  for f in samples/*/scan-*.pdf ../shared/corpus/*/scan-*.pdf; do
    [ -f "$f" ] && [ -f "$(dirname "$f")/truth.json" ] && pairs+=("$f" "$(dirname "$f")/truth.json")
  done
fi
[ ${#pairs[@]} -gt 0 ] || { echo "bench-fixes: no scans" >&2; exit 1; }

if [ -n "${KEEP:-}" ]; then work=$KEEP; mkdir -p "$work"; else work=$(mktemp -d); trap 'rm -rf "$work"' EXIT; fi
jobs=()
[ -n "${JOBS:-}" ] && jobs=(-j "$JOBS")
"$bin" fixes | awk '{print $1}' > "$work/registry"

# manifest: one line per extraction: scan name, truth, fix (or "-" for every fix), output
: > "$work/manifest"
extract() {  # SCAN OUT [FIX]
  local err=$2.err
  if ! "$bin" extract "$1" -o "$2" "${jobs[@]}" ${3:+--disable-fix "$3"} 2>"$err"; then
    echo "bench-fixes: $1${3:+ without $3}: $(tail -1 "$err")" >&2
  fi
}
for ((i = 0; i < ${#pairs[@]}; i += 2)); do
  scan=${pairs[i]} truth=${pairs[i+1]}
  name=$(basename "$(dirname "$scan")")/$(basename "$scan" .pdf)
  dir=$work/${name//\//_}
  mkdir -p "$dir"
  start=$SECONDS
  extract "$scan" "$dir/all.json"
  echo "$name $truth - $dir/all.json" >> "$work/manifest"
  if [ ${#only[@]} -gt 0 ]; then
    fixes="${only[*]}"
  elif [ $all = 1 ]; then
    fixes=$(cat "$work/registry")
  else
    # The fixes the provenance names, in the registry's order.
    fixes=$(python3 - "$dir/all.json" "$work/registry" <<'EOF'
import json, sys
try:
    out = json.load(open(sys.argv[1], encoding="utf-8"))
except (OSError, ValueError):
    out = {}
named = {f for p in out.get("projects", []) for s in p.get("provenance", {}).values() for f in s.get("fixes", [])}
print("\n".join(f for f in open(sys.argv[2]).read().split() if f in named))
EOF
)
  fi
  n=0
  for fix in $fixes; do
    extract "$scan" "$dir/$fix.json" "$fix"
    echo "$name $truth $fix $dir/$fix.json" >> "$work/manifest"
    n=$((n + 1))
  done
  echo "bench-fixes: $name: $((n + 1)) extractions, $((SECONDS - start)) s" >&2
done

python3 - "$work/manifest" "$work/registry" "$verbose" <<'EOF'
import importlib.util, json, os, sys
spec = importlib.util.spec_from_file_location("score", os.path.join("scripts", "score.py"))
score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score)

manifest, registry, verbose = sys.argv[1], open(sys.argv[2]).read().split(), sys.argv[3] == "1"

def load(path):
    try:
        return json.load(open(path, encoding="utf-8"))
    except (OSError, ValueError):
        return {}

scans = {}  # name -> {"truth": path, "-": out, fix: out}
for line in open(manifest):
    name, truth, fix, out = line.split()
    scans.setdefault(name, {"truth": truth})[fix] = out

def right(truth, out):
    return {path: ok for path, ok, _, _ in score.score(truth, out).fields}

def named(out, fix):
    return sum(fix in s.get("fixes", []) for p in out.get("projects", []) for s in p.get("provenance", {}).values())

total = {}  # fix -> [named, gained, lost, scans]
for name, runs in scans.items():
    truth = load(runs["truth"])
    base_out = load(runs["-"])
    base = right(truth, base_out)
    ok = sum(base.values())
    print(f"\n{name}: {ok}/{len(base)} fields right with every fix ({ok / max(1, len(base)):.4f})")
    print(f"  {'fix':<26} {'named':>5} {'gained':>6} {'lost':>4}  fields right without it")
    for fix in [f for f in registry if f in runs]:
        without = right(truth, load(runs[fix]))
        gained = [p for p, r in base.items() if r and not without.get(p)]
        lost = [p for p, r in base.items() if not r and without.get(p)]
        n = named(base_out, fix)
        print(f"  {fix:<26} {n:>5} {len(gained):>6} {len(lost):>4}  {sum(without.values())}/{len(without)}")
        if verbose:
            for p in gained:
                print(f"      + {p}")
            for p in lost:
                print(f"      - {p}")
        t = total.setdefault(fix, [0, 0, 0, 0])
        t[0] += n; t[1] += len(gained); t[2] += len(lost); t[3] += 1

print(f"\ntotal over {len(scans)} scans")
print(f"  {'fix':<26} {'scans':>5} {'named':>5} {'gained':>6} {'lost':>4}")
for fix in [f for f in registry if f in total]:
    n, g, l, s = total[fix]
    print(f"  {fix:<26} {s:>5} {n:>5} {g:>6} {l:>4}")
EOF
