#!/usr/bin/env bash
# Installs the Debian packages the tests drive from outside Node, when any is missing:
# Chromium (browser tests), LibreOffice Calc (opens every written workbook, renders the PDF),
# poppler (reads the PDF back), Carlito (Calibri's metrics, so LibreOffice lays the committee
# sheet out as Excel would) and libxml2's xmllint (validates the add-in manifest against Office's
# published schemas). `npm test` runs it first (pretest) and so does .ci/run, so a fresh
# machine needs nothing done by hand. Installing needs root; anyone else is told the one command.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
fc-list 2>/dev/null | grep -qi carlito || missing+=(fonts-crosextra-carlito)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)

((${#missing[@]} == 0)) && exit 0

if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
  echo "The tests need these Debian packages, which are not installed: ${missing[*]}." >&2
  echo "Install them with: sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

echo "Installing the Debian packages the tests need: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
