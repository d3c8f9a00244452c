#!/usr/bin/env bash
# Makes sure the machine has what `npm run build` (a browser for PDFs) or `npm test` (also poppler and
# qpdf, which the tests read PDFs with) needs. On Debian/Ubuntu as root it installs the missing packages
# with apt-get; elsewhere it only says what to install. It never fails the command that called it: the
# build itself reports a missing browser with the same advice.
set -u
mode=${1:-build}
have_browser() {
  node --input-type=module -e "
    import { findBrowser } from './dist/index.js';
    await findBrowser({ env: process.env });" >/dev/null 2>&1
}
missing=()
have_browser || missing+=(chromium)
if [ "$mode" = test ]; then
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
fi
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} with apt-get (needed to print and check PDFs)…" >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Missing: ${missing[*]}. Install them (Debian/Ubuntu: sudo apt-get install ${missing[*]}; macOS: install Google Chrome and 'brew install poppler qpdf'), or set BLUEPRINT_BROWSER to a Chrome/Chromium/Edge executable." >&2
fi
exit 0
