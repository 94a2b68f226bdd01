#!/usr/bin/env bash
# Benchmark (not a test): fan-out scaling of synthesis workers with a test engine sleeping 300 ms.
#
#   bench/fanout.sh [PARTS [WORKERS,...]]     (default 256 and 1,4,16,32)
exec "$(dirname "${BASH_SOURCE[0]}")/run.sh" FanOutBench "$@"
