#!/usr/bin/env bash
# One novel laid out the ways people bring books (text without blank lines, HTML, EPUB, Word, PDF),
# each parsed as the plain text is: see bench/layouts.py. Needs python3; pandoc, chromium and
# LibreOffice (soffice) add the formats they make when installed.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -n "${ETOAUDIOBOOK_SKIP_BUILD:-}" ] || ./etoaudiobook --help >/dev/null 2>&1 || true
exec python3 bench/layouts.py "$@"
