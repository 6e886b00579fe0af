#!/usr/bin/env bash
# Installs the system packages saraban uses, only those that are missing:
#   tesseract-ocr + tesseract-ocr-tha (scans), fonts-thai-tlwg (Laksaman etc., for rendering tests),
#   poppler-utils (pdftoppm), libreoffice-writer (the tests build PDFs from .docx).
set -euo pipefail
need=()
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
if ! tesseract --list-langs 2>/dev/null | grep -qx tha; then need+=(tesseract-ocr-tha); fi
fc-list 2>/dev/null | grep -qi laksaman || need+=(fonts-thai-tlwg)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
echo "system-deps: installing ${need[*]}"
SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "system-deps: need root (or sudo) to install: ${need[*]}" >&2; exit 1; fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: no apt-get here; install by hand: ${need[*]}" >&2; exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q >/dev/null
$SUDO apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
