#!/usr/bin/env bash
# Installs what samples/generate.py, samples/variety.py and samples/scan.py need.
# Developer tool only: building and testing jixiao does not need any of this,
# because the generated PDFs and their truth.json are committed.
# Idempotent; run as root (Debian/Ubuntu).
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
  echo "setup-generator.sh: run as root (apt-get install)" >&2
  exit 1
fi

PKGS=(
  chromium            # headless HTML -> PDF printer
  fonts-noto-cjk      # Noto Serif CJK SC / Noto Sans CJK SC
  fonts-wqy-zenhei    # WenQuanYi Zen Hei
  fonts-arphic-uming  # AR PL UMing
  fonts-arphic-ukai   # AR PL UKai (variety.py: Kai)
  fonts-arphic-gkai00mp  # AR PL KaitiM GB (variety.py: Kai)
  fonts-wqy-microhei  # WenQuanYi Micro Hei (variety.py)
  qpdf                # sets /Rotate on the landscape template
  poppler-utils       # pdftotext / pdfinfo / pdftoppm: page checks after printing, scan rendering
  fontconfig
  python3-opencv      # scan.py: the scan degradations (for /usr/bin/python3)
  python3-numpy       # scan.py
  img2pdf             # scan.py: page JPEGs into an image-only PDF (pulls in python3-img2pdf)
)

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "setup-generator.sh: all packages present"
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends "${missing[@]}"
fc-cache -f >/dev/null 2>&1 || true
echo "setup-generator.sh: installed ${missing[*]}"
