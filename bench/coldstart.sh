#!/usr/bin/env bash
# Benchmark (not a test): init time of each function's handler, fresh JVMs on the Lambda jars.
# Builds the jars of this tree (mvn package, no tests), copies them and template.yaml to
# bench/target/coldstart, and measures them; with REFERENCE_FOLDER (jars and template.yaml of
# another build, e.g. made by this script on an earlier commit) it prints ratios against it.
#
#   bench/coldstart.sh [RUNS] [REFERENCE_FOLDER]     (default: 5 runs)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -q -B -o -DskipTests -pl functions/api,functions/synthesis-worker,functions/assembler,functions/inbox,bench -am \
  package >/dev/null
out=bench/target/coldstart
mkdir -p "$out"
cp functions/*/target/{api,synthesis-worker,assembler,inbox}.jar "$out"/ 2>/dev/null || true
cp template.yaml "$out"/
java -cp bench/target/classes com.etoaudiobook.bench.ColdStartBench "${1:-5}" "$out" ${2:+"$2"}
