#!/usr/bin/env bash
# Loopback load on /health and /api/voices: 50 clients for 30 s, once with the rate limits
# raised and once with the defaults. Usage: bench/load.sh [clients] [seconds]
# Uses Redis on 127.0.0.1:6379 for the rate-limit buckets when it is running.
set -euo pipefail
cd "$(dirname "$0")/.."
# compile in the reactor (no install into ~/.m2) and write the bench module's classpath
mvn -q -B -pl bench -am compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
  -Dmdep.includeScope=runtime >/dev/null
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
exec java -cp "$CP" com.etoaudiobook.bench.LoadBench "${1:-50}" "${2:-30}"
