#!/usr/bin/env bash
# Installs every Debian package that building, running and testing jixiao need.
# Idempotent; run as root (or with sudo). Usage: scripts/setup.sh
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config clang
  libpoppler-cpp-dev poppler-utils
  libtesseract-dev libleptonica-dev tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-eng tesseract-ocr-osd
  libopencv-dev libicu-dev libssl-dev
  nlohmann-json3-dev libcli11-dev
  libsqlite3-dev libpq-dev libxlsxwriter-dev
  postgresql libreoffice-calc-nogui
  python3-jieba  # its dict.txt: the word list of the OCR document lexicon
  libgtest-dev libgmock-dev libbenchmark-dev
  python3 bc
)
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
