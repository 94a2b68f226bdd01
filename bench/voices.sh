#!/usr/bin/env bash
# Benchmark (not a test): GET /api/voices on loopback, voice catalog cached vs uncached, in one
# process. Prints p50, p99 and requests per second.
#
#   bench/voices.sh [SECONDS] [USERS] [PATH]     (defaults: 10 s, 8 users, api/voices)
exec "$(dirname "${BASH_SOURCE[0]}")/run.sh" VoicesBench "${1:-10}" "${2:-8}" "${3:-api/voices}"
