#!/usr/bin/env bash
# Benchmark (not a test): the local runtime's start-up to ready (API up, interrupted jobs resumed)
# with OBJECTS finished-job objects in the embedded S3, against the same start-up with none.
#
#   bench/startup.sh [OBJECTS]      (default 100000; target: under 5 s)
exec "$(dirname "${BASH_SOURCE[0]}")/run.sh" StartupBench "$@"
