#!/usr/bin/env bash
# Benchmark (not a test): integrated loudness of each role and of the book, before and after the
# per-part normalisation, by ffmpeg's ebur128 (the reference meter), for eSpeak NG and for
# Polly-like MP3 (each role at its own level); the spread between roles; normalisation's CPU share.
#
#   bench/loudness.sh [SCRIPT...]      (default: ../shared/samples/demo-story.md and night-shift.md)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command -v ffmpeg >/dev/null || { echo "missing ffmpeg (apt-get install ffmpeg)" >&2; exit 3; }
args=()
for f in "$@"; do args+=("$(cd "$(dirname "$f")" && pwd)/$(basename "$f")"); done
exec bash "$root/bench/run.sh" LoudnessBench "${args[@]}"
