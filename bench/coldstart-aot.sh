#!/usr/bin/env bash
# Benchmark (not a test): what Micronaut AOT (its JIT runtime's optimizations: service entries,
# environment and property sources computed at build time) would change in each function's init.
# Takes a folder of Lambda jars and their template.yaml (bench/target/coldstart after
# bench/coldstart.sh, or a reference folder as that script's header builds one), writes a copy of each
# jar with the optimizer's classes (bench/aot/AotJar.java) to FOLDER-aot, and runs the cold-start
# bench on the copies against the plain jars, alternating. Micronaut AOT is not part of the build:
# docs/BENCHMARKS.md, cold start, says why.
#
#   bench/coldstart-aot.sh [RUNS] [FOLDER] [FUNCTION...]   (default: 5, bench/target/coldstart, all four)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs="${1:-5}"
plain="$(cd "${2:-bench/target/coldstart}" && pwd)"
shift $(($# > 2 ? 2 : $#))
functions=("$@")
[ ${#functions[@]} -gt 0 ] || functions=(api synthesis-worker assembler inbox)
aot_version=2.9.0 # micronaut.aot.version of micronaut-platform 4.10.8 (its CLI module is not served)
repo="${MAVEN_REPO:-$HOME/.m2/repository}"
cp=""
for gav in io.micronaut.aot:micronaut-aot-api:$aot_version io.micronaut.aot:micronaut-aot-core:$aot_version \
    io.micronaut.aot:micronaut-aot-std-optimizers:$aot_version com.squareup:javapoet:1.13.0; do
  IFS=: read -r g a v <<<"$gav"
  jar="$repo/${g//.//}/$a/$v/$a-$v.jar"
  [ -f "$jar" ] || mvn -q -B dependency:get -Dtransitive=false -Dartifact="$gav" >/dev/null
  cp="$cp:$jar"
done
aot="$plain-aot"
mkdir -p "$aot"
for f in "${functions[@]}"; do
  rm -rf "$aot/work-$f"
  java -cp "${cp#:}:$plain/$f.jar" bench/aot/AotJar.java "$plain/$f.jar" "com.etoaudiobook.aot.${f//-/}" \
    "$aot/work-$f" "$aot/$f.jar"
done
# the template's entries of the functions compared (the bench unpacks and runs each one it names)
grep -A1 -E "CodeUri: functions/[^/]+/target/($(IFS='|'; echo "${functions[*]}"))\.jar" "$plain/template.yaml" \
  | grep -v '^--$' >"$aot/template.yaml"
[ -d bench/target/classes ] || mvn -q -B -o -DskipTests -pl bench -am package >/dev/null
java -cp bench/target/classes com.etoaudiobook.bench.ColdStartBench "$runs" "$aot" "$plain"
