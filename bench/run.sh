#!/usr/bin/env bash
# Runs a benchmark main class of the bench module: compiles the reactor (no install: sibling modules
# resolve to their target/classes), then runs CLASS with ARGS.   bench/run.sh CLASS [ARGS...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
# test-compile, not compile: the reactor resolves sibling test-jars (test fixtures) to target/test-classes
mvn -q -B -pl bench -am -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
main="$1"
shift
# the same JVM options as ./etoaudiobook, so benchmarks measure what users run
opts="${ETOAUDIOBOOK_JAVA_OPTS:-$(grep -v '^#' local/scripts/java-opts)}"
# shellcheck disable=SC2086 # options are words
java $opts -cp "bench/target/classes:$(cat "$cp_file")" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  "com.etoaudiobook.bench.$main" "$@"
