#!/usr/bin/env bash
# Benchmark (not a test): the same book through the local runtime and through the CLI path.

#
#   bench/runtime-vs-cli.sh [FILE] [MAX_CHARS]   (default: Daisy Miller, first 60,000 characters)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
# compile in the reactor (no install: sibling modules resolve to their target/classes); the last
# module written, bench, leaves its classpath in $cp_file
mvn -q -B -pl bench -am -DskipTests compile dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
java -cp "bench/target/classes:$(cat "$cp_file")" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  com.etoaudiobook.bench.RuntimeVsCliBench "$@"
