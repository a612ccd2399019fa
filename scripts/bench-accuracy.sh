#!/usr/bin/env bash
# How accurately jixiao reads documents of every template family, and what it makes of real ones.
#
# Usage: scripts/bench-accuracy.sh [N] [SEED] [--scan PROFILE]... [--no-digital] [--no-real]
#
# Part 1 (digital): samples/variety.py makes N documents (default 30) from SEED (default: drawn
# and printed; give it again to repeat a run), a fifth of each family (form, list, packed,
# department, none = only tables that are not performance tables). Each is extracted and scored
# against its truth by scripts/score.py. Per family: mean and minimum field accuracy, records
# lost (truth records without a match) and invented (output records matching none), indicator
# rows lost, and documents whose exit status was wrong (a 'none' document must exit 68, any
# other 0). The worst documents follow, with the folder to look in.
# Part 2 (--scan PROFILE, repeatable; office, archive, photocopy or all): the same documents
# through samples/scan.py --profile PROFILE --vary (dpi 150-300, JPEG quality, pages turned,
# faint, broken and missing rules, seals, folds, punch holes as the profile's VARY says), then
# the same figures per family and profile, and the review flags (issue 15) per family:
# `review FAMILY wrong flagged x/y (p%; x/z (r%) of records found), flagged a/b (q%)`: of the y
# wrong fields, x carry a `review` in their provenance entry (z leaves out the fields of records
# lost, which have no entry to carry one); of all b fields, a are flagged. Flags cost no reading:
# they come from what extraction already knows (checks/checks.h, MarkReview).
# Part 3 (real): every PDF of ../shared/real (REAL=DIR to change): per file, its exit status,
# records, indicator rows, records without indicators, records named like totals (合计, 总计,
# 小计), and the share of indicator rows with level1, level2, level3 and value all filled. A file
# whose README.md family is "none" must give no record (exit 68).
#
# Bars (issue 14, issue 15): digital mean field accuracy >= 0.995 per family, nothing lost,
# nothing invented; scans office >= 0.99, archive >= 0.97, photocopy >= 0.95 per family; real
# files: no totals records, none-family files without records. Figures below a bar are marked
# '<'; the last lines list them. Exit 0 when every bar is met, 1 when not, 2 on a usage error.
#
# Environment: BUILD (default build), JOBS (documents in parallel, default 2), KEEP (a folder to
# keep documents and outputs in; default a temporary one, removed at the end), SCAN_SIM (another
# simulator taking IN OUT --profile P --seed N, e.g. ../shared/tools/scan-sim, for the scans).
# Needs what samples/variety.py and samples/scan.py need (samples/setup-generator.sh); a
# developer tool, not part of the build or CI. Time on 2 busy cores: 30 digital documents ~3 min
# (generation 2-2.5 min, extraction 10-20 s), the real files ~1 min, scans 4-6 min per profile
# for 10 documents (scanning and OCR).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${BUILD:-build}/jixiao
[ -x "$bin" ] || { echo "bench-accuracy: build first (scripts/build.sh)" >&2; exit 2; }
jobs=${JOBS:-2}
n=30 seed="" profiles=() digital=1 real=1
pos=0
while [ $# -gt 0 ]; do
  case $1 in
    --scan)
      [ $# -ge 2 ] || { echo "bench-accuracy: --scan needs a profile" >&2; exit 2; }
      case $2 in
        all) profiles+=(office archive photocopy) ;;
        office|archive|photocopy) profiles+=("$2") ;;
        *) echo "bench-accuracy: unknown profile $2" >&2; exit 2 ;;
      esac
      shift ;;
    --no-digital) digital=0 ;;
    --no-real) real=0 ;;
    -h|--help) sed -n '2,33p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *)
      [[ $1 =~ ^[0-9]+$ ]] || { echo "bench-accuracy: unknown argument $1" >&2; exit 2; }
      if [ $pos -eq 0 ]; then n=$1; else seed=$1; fi
      pos=$((pos + 1)) ;;
  esac
  shift
done
[ -n "$seed" ] || seed=$(( (RANDOM << 15 | RANDOM) % 1000000 ))
realdir=${REAL:-../shared/real}

if [ -n "${KEEP:-}" ]; then work=$KEEP; mkdir -p "$work"; else work=$(mktemp -d); trap 'rm -rf "$work"' EXIT; fi
echo "bench-accuracy: seed $seed, $n documents, work in $work"

# extract PDF OUT: writes OUT (or nothing) and OUT.rc, OUT.err
extract() {
  set +e
  "$1" extract "$2" -o "$3" -j 1 2>"$3.err"
  echo $? >"$3.rc"
}
export -f extract

start=$SECONDS
if [ $digital -eq 1 ] || [ ${#profiles[@]} -gt 0 ]; then
  seq 1 "$n" | xargs -P "$jobs" -I{} python3 samples/variety.py "$work/gen" --seed "$seed" --index {} \
    >"$work/gen.log" 2>&1 || { tail -5 "$work/gen.log" >&2; echo "bench-accuracy: generation failed" >&2; exit 1; }
  echo "bench-accuracy: generated $n documents in $((SECONDS - start)) s"
fi
parts=()
if [ $digital -eq 1 ]; then
  start=$SECONDS
  for d in "$work"/gen/*/; do echo "$d"; done |
    xargs -P "$jobs" -I{} bash -c 'extract "$0" "$1digital.pdf" "$1digital.out.json"' "$bin" {} || true
  echo "bench-accuracy: extracted the digital documents in $((SECONDS - start)) s"
  parts+=(digital)
fi
for p in "${profiles[@]}"; do
  start=$SECONDS
  # the scan's seed is the document's number after the run's seed: one scan per document
  for d in "$work"/gen/*/; do echo "$d"; done |
    xargs -P "$jobs" -I{} bash -c 'k=${1%/}; k=${k##*-}; s=$((10#$3 * 1000 + k))
      if [ -n "${SCAN_SIM:-}" ]; then "$SCAN_SIM" "$1digital.pdf" "$1scan-$2.pdf" --profile "$2" --seed $s
      else python3 samples/scan.py "$1digital.pdf" "$1scan-$2.pdf" --profile "$2" --seed $s --vary \
        --params "$1scan-$2.params.json"; fi >/dev/null 2>&1 &&
      extract "$0" "$1scan-$2.pdf" "$1scan-$2.out.json"' "$bin" {} "$p" "$seed" || true
  echo "bench-accuracy: scanned and extracted ($p) in $((SECONDS - start)) s"
  parts+=("$p")
done
if [ $real -eq 1 ]; then
  if [ -d "$realdir" ]; then
    start=$SECONDS
    mkdir -p "$work/real"
    for f in "$realdir"/*.pdf; do echo "$f"; done |
      xargs -P "$jobs" -I{} bash -c 'extract "$0" "$1" "$2/$(basename "$1" .pdf).out.json"' "$bin" {} "$work/real" || true
    echo "bench-accuracy: extracted $(ls "$realdir"/*.pdf | wc -l) real files in $((SECONDS - start)) s"
    parts+=(real)
  else
    echo "bench-accuracy: no $realdir; the real part is left out" >&2
  fi
fi
python3 scripts/accuracy-report.py "$work" "$seed" "$realdir" "${parts[@]}"
