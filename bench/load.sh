#!/usr/bin/env bash
# Loopback load on /health and /api/voices: 50 clients for 30 s, once with the rate limits
# raised and once with the defaults. Usage: bench/load.sh [clients] [seconds]
# Uses Redis on 127.0.0.1:6379 for the rate-limit buckets when it is running.
exec "$(dirname "${BASH_SOURCE[0]}")/run.sh" LoadBench "${1:-50}" "${2:-30}"
