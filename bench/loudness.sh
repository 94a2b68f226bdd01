#!/usr/bin/env bash
# Benchmark (not a test): integrated loudness of each role and of the book, before and after the
# per-part normalisation, by ffmpeg's ebur128 (the reference meter), for eSpeak NG and for the
# Polly stub's MP3 (bench/polly-stub.sh's, each voice at its own level); the spread between roles;
# normalisation's CPU share, and the ways of levelling Polly's MP3 side by side.
#
#   bench/loudness.sh [SCRIPT...]      (default: ../shared/samples/demo-story.md, night-shift.md and a
#                                       240-part script of 4 roles)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command -v ffmpeg >/dev/null || { echo "missing ffmpeg (apt-get install ffmpeg)" >&2; exit 3; }
args=()
for f in "$@"; do args+=("$(cd "$(dirname "$f")" && pwd)/$(basename "$f")"); done
# every role's audio is held in memory, in six variants, to be measured whole: more heap than the launcher's
export ETOAUDIOBOOK_JAVA_OPTS="${ETOAUDIOBOOK_JAVA_OPTS:-$(grep -v '^#' "$root/local/scripts/java-opts" | sed 's/-Xmx[^ ]*/-Xmx1g/')}"
exec bash "$root/bench/run.sh" LoudnessBench "${args[@]}"
