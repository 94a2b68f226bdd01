#!/usr/bin/env bash
# Benchmark (not a test): init time of each function's handler, fresh JVMs on the Lambda jars.
# Builds the jars of this tree (mvn package, no tests), copies them and template.yaml to
# bench/target/coldstart, and measures them unpacked as Lambda unpacks them into /var/task. With
# REFERENCE_FOLDER (jars and template.yaml of another build) the runs of the two alternate and it
# prints ratios of wall and CPU time against it. A reference from an earlier commit:
#
#   git worktree add /tmp/ref COMMIT && (cd /tmp/ref && mvn -q -B -DskipTests \
#     -pl functions/api,functions/synthesis-worker,functions/assembler,functions/inbox -am package)
#   mkdir /tmp/ref-jars && cp /tmp/ref/functions/*/target/{api,synthesis-worker,assembler,inbox}.jar \
#     /tmp/ref/template.yaml /tmp/ref-jars/
#
#   bench/coldstart.sh [RUNS] [REFERENCE_FOLDER...]  (default: 5 runs; several references take turns with this build)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -q -B -o -DskipTests -pl functions/api,functions/synthesis-worker,functions/assembler,functions/inbox,bench -am \
  package >/dev/null
out=bench/target/coldstart
mkdir -p "$out"
cp functions/*/target/{api,synthesis-worker,assembler,inbox}.jar "$out"/ 2>/dev/null || true
cp template.yaml "$out"/
java -cp bench/target/classes com.etoaudiobook.bench.ColdStartBench "${1:-5}" "$out" "${@:2}"
