#!/usr/bin/env bash
# OCR speed beside a plain Tesseract, on one core. Usage: scripts/bench-ocr.sh [PDF]
# (build first: scripts/build.sh). PDF is a scan; default ../shared/corpus/*/scan-office.pdf
# when present, else samples/jiaoyu-2021/scan-office.pdf.
#
# Each page's embedded image is taken as it is (pdfimages, its resolution written into the
# PNG) and the table pages (those `jixiao extract` finds projects on) are read, each on one
# core, by
#   tesseract  `tesseract PAGE.png - -l chi_sim --psm 6` (OMP_THREAD_LIMIT=1)
#   jixiao     `jixiao extract PAGE.png -j 1`: the whole process, models loaded included
#   warm       ReadScannedPage alone with the engine loaded (build/jixiao_bench,
#              BM_ReadScannedPage), as a batch reuses the engine
#   in doc     the page's share when the whole PDF is read in page order by one engine
#              (BM_ReadScannedDocument, pages rendered at 200 dpi as `extract` renders
#              them): the line cache knows the labels of the pages before
# and, so that warm is compared with warm, by
#   tess warm  the same psm 6 reading with the chi_sim model already loaded
#              (BM_TesseractPsm6Page)
# Ratios: jixiao / tesseract (both whole processes), warm / tess warm, in doc / tess warm.
# Times are CPU seconds (user + sys), the best of RUNS (default 3): CPU time holds up
# against other load on the machine, wall time does not. Last, the whole PDF's wall time
# with every core (`jixiao extract PDF`, best of RUNS).
# Environment: BUILD (default build), RUNS.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD:-build}
bin=$build/jixiao
[ -x "$bin" ] || { echo "bench-ocr: build first (scripts/build.sh)" >&2; exit 1; }
command -v tesseract >/dev/null || { echo "bench-ocr: tesseract is missing (scripts/setup.sh)" >&2; exit 1; }
runs=${RUNS:-3}
pdf=${1:-}
if [ -z "$pdf" ]; then
  for f in ../shared/corpus/*/scan-office.pdf samples/jiaoyu-2021/scan-office.pdf; do
    [ -f "$f" ] && { pdf=$f; break; }
  done
fi
[ -f "$pdf" ] || { echo "bench-ocr: $pdf not found" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# cpu CMD…: user+sys CPU seconds of CMD (output discarded), the best of $runs.
cpu() {
  local best="" t
  for _ in $(seq "$runs"); do
    t=$( { TIMEFORMAT='%3U %3S'; time "$@" >/dev/null 2>&1; } 2>&1 | awk '{printf "%.3f", $1 + $2}')
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
  done
  echo "$best"
}
# wall CMD…: wall seconds, the best of $runs.
wall() {
  local best="" t
  for _ in $(seq "$runs"); do
    t=$( { TIMEFORMAT='%3R'; time "$@" >/dev/null 2>&1; } 2>&1)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
  done
  echo "$best"
}
ratio() { echo "$1 $2" | awk '{ if ($1 != "-" && $1 > 0 && $2 > 0) printf "%.2f", $1 / $2; else print "-" }'; }

echo "bench-ocr: $pdf ($(nproc) cores; load $(uptime | sed "s/.*load average: *//"))"

# The table pages: where the whole document's projects are.
"$bin" extract "$pdf" -o "$tmp/all.json" 2>/dev/null || true
pages=$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(" ".join(str(p) for p in sorted({p for pr in d.get("projects", []) for p in pr.get("pages", [])})))
' "$tmp/all.json")
[ -n "$pages" ] || { echo "bench-ocr: no table pages found in $pdf" >&2; exit 1; }

# Each page's image at its own resolution. pdfimages writes 72 dpi into the PNG; the
# resolution the PDF gives the image goes in its place.
pdfimages -list "$pdf" | awk 'NR > 2 && $3 == "image" && !seen[$1]++ {print $1, $13}' >"$tmp/ppi"
page_png() {  # page -> path of its PNG
  local p=$1 ppi out=$tmp/page-$1.png
  ppi=$(awk -v p="$p" '$1 == p {print $2}' "$tmp/ppi")
  if [ -n "$ppi" ]; then
    pdfimages -png -f "$p" -l "$p" "$pdf" "$tmp/img-$p"
    mv "$(ls "$tmp"/img-"$p"-*.png | head -1)" "$out"
    rm -f "$tmp"/img-"$p"-*.png
    python3 - "$out" "$ppi" <<'EOF'
import struct, sys, zlib
path, dpi = sys.argv[1], float(sys.argv[2])
data = open(path, "rb").read()
ppm = round(dpi / 0.0254)
body = b"pHYs" + struct.pack(">IIB", ppm, ppm, 1)
phys = struct.pack(">I", 9) + body + struct.pack(">I", zlib.crc32(body))
out, i, placed = [data[:8]], 8, False
while i < len(data):
    n = struct.unpack(">I", data[i:i + 4])[0]
    kind, end = data[i + 4:i + 8], i + 12 + n
    if kind == b"IDAT" and not placed:
        out.append(phys)
        placed = True
    if kind != b"pHYs":
        out.append(data[i:end])
    i = end
open(path, "wb").write(b"".join(out))
EOF
  else  # no embedded image: a rendering at 200 dpi (pdftoppm writes the resolution)
    pdftoppm -r 200 -gray -png -f "$p" -l "$p" -singlefile "$pdf" "${out%.png}"
  fi
  echo "$out"
}

warm_bench=$build/jixiao_bench
# The whole document by one engine: each page's CPU seconds, the best of $runs.
: >"$tmp/doc"
if [ -x "$warm_bench" ]; then
  JIXIAO_OCR_DOC=$pdf OMP_THREAD_LIMIT=1 "$warm_bench" --benchmark_filter='^BM_ReadScannedDocument' \
      --benchmark_repetitions="$runs" --benchmark_format=json 2>/dev/null |
    python3 -c '
import json, sys
runs = [b for b in json.load(sys.stdin)["benchmarks"] if b.get("run_type") == "iteration"]
for k in sorted({k for b in runs for k in b if k[0] == "p" and k[1:].isdigit()}, key=lambda k: int(k[1:])):
    print(k[1:], "%.3f" % min(b[k] for b in runs))
' >"$tmp/doc" 2>/dev/null || true
fi
# bench_cpu FILTER PNG: cpu_s of one jixiao_bench benchmark on PNG, the best of $runs, or -.
bench_cpu() {
  [ -x "$warm_bench" ] || { echo -; return; }
  JIXIAO_OCR_PAGE=$2 OMP_THREAD_LIMIT=1 "$warm_bench" --benchmark_filter="$1" \
      --benchmark_repetitions="$runs" --benchmark_format=json 2>/dev/null |
    python3 -c 'import json,sys; print("%.3f" % min(b["cpu_s"] for b in json.load(sys.stdin)["benchmarks"] if b.get("run_type") == "iteration"))' 2>/dev/null || echo -
}
printf '\n%-5s %-9s %11s %11s %6s %11s %11s %6s %11s %6s\n' page size "tesseract s" "jixiao s" ratio \
  "tess warm s" "warm s" ratio "in doc s" ratio
sum_t=0 sum_o=0 sum_tw=0 sum_w=0 sum_d=0 n=0
for p in $pages; do
  png=$(page_png "$p")
  size=$(python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); print("%dx%d" % struct.unpack(">II", d[16:24]))' "$png")
  t=$(cpu env OMP_THREAD_LIMIT=1 tesseract "$png" - -l chi_sim --psm 6)
  o=$(cpu env OMP_THREAD_LIMIT=1 "$bin" extract "$png" -j 1 -o /dev/null)
  tw=$(bench_cpu '^BM_TesseractPsm6Page' "$png")
  w=$(bench_cpu '^BM_ReadScannedPage' "$png")
  d=$(awk -v p="$p" '$1 == p {print $2}' "$tmp/doc"); d=${d:--}
  printf '%-5s %-9s %11s %11s %6s %11s %11s %6s %11s %6s\n' "$p" "$size" "$t" "$o" "$(ratio "$o" "$t")" \
    "$tw" "$w" "$(ratio "$w" "$tw")" "$d" "$(ratio "$d" "$tw")"
  sum_t=$(echo "$sum_t + $t" | bc -l); sum_o=$(echo "$sum_o + $o" | bc -l)
  [ "$tw" = - ] || sum_tw=$(echo "$sum_tw + $tw" | bc -l)
  [ "$w" = - ] || sum_w=$(echo "$sum_w + $w" | bc -l)
  [ "$d" = - ] || sum_d=$(echo "$sum_d + $d" | bc -l)
  n=$((n + 1))
done
mean() { echo "$1 $n" | awk '{ if ($1 > 0) printf "%.3f", $1 / $2; else print "-" }'; }
printf '%-15s %11s %11s %6s %11s %11s %6s %11s %6s\n' "mean" "$(mean "$sum_t")" "$(mean "$sum_o")" \
  "$(ratio "$sum_o" "$sum_t")" "$(mean "$sum_tw")" "$(mean "$sum_w")" "$(ratio "$sum_w" "$sum_tw")" \
  "$(mean "$sum_d")" "$(ratio "$sum_d" "$sum_tw")"
echo "(CPU seconds per page, one core, best of $runs; a ratio of at most 1 is the goal)"

whole=$(wall "$bin" extract "$pdf" -o /dev/null)
echo
echo "whole PDF, $(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}') pages, every core: $whole s wall (best of $runs)"
echo "load at the end: $(uptime | sed "s/.*load average: *//")"
