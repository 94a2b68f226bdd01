#!/usr/bin/env bash
# Benchmark (not a test): the same book through the local runtime and through the CLI path.
#
#   bench/runtime-vs-cli.sh [FILE] [MAX_CHARS] [WARM_UP_PARTS]
#   (default: Daisy Miller, first 60,000 characters; 1,000 warm-up parts through each path first)
exec "$(dirname "${BASH_SOURCE[0]}")/run.sh" RuntimeVsCliBench "$@"
