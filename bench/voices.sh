#!/usr/bin/env bash
# Benchmark (not a test): GET /api/voices on loopback, voice catalog cached vs uncached, in one
# process (the local runtime started in-process). Prints p50, p99 and requests per second.
#
#   bench/voices.sh [SECONDS] [USERS] [PATH]     (defaults: 10 s, 8 users, api/voices)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
# compile in the reactor (no install: sibling modules resolve to their target/classes); the last
# module written, bench, leaves its classpath in $cp_file
mvn -q -B -pl bench -am -DskipTests compile dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
java -cp "bench/target/classes:$(cat "$cp_file")" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  com.etoaudiobook.bench.VoicesBench "${1:-10}" "${2:-8}" "${3:-api/voices}"
