#!/usr/bin/env bash
# Rebuilds the PDF fixtures of the e2e and CLI tests from their HTML sources with Chromium's
# print-to-PDF (Debian's chromium): report.pdf (two columns, a table, a running header and
# footer with page numbers on each of its two pages), scan.pdf (one image, no text layer) and
# broken.pdf (the first 8 KB of report.pdf). The committed PDFs are what the tests read.
#   scripts/make-pdf-fixtures.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../e2e/fixtures"
print() {
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --no-first-run --print-to-pdf="$2" "$PWD/pdf-src/$1" 2>/dev/null
}
print report.html report.pdf      # Chromium's own header (date, title) and footer (URL, n/N)
# No header or footer: the scan has no text at all.
chromium --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run \
  --no-pdf-header-footer --print-to-pdf=scan.pdf "$PWD/pdf-src/scan.html" 2>/dev/null
head -c 8000 report.pdf > broken.pdf    # cut short: no cross-reference table
ls -l report.pdf scan.pdf broken.pdf
