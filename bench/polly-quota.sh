#!/usr/bin/env bash
# Benchmark (not a test): the whole local runtime, with the template's defaults (10 worker
# instances, batches of 10, 5 receives, 720 s visibility, 120 s timeout), against a local Polly
# stub that throttles at Polly's quotas (8 calls/s neural, 80 standard). Prints the achieved rate
# against the quota, throttled calls, dead parts, the job's time against the ideal (calls ÷ quota)
# and storage requests per part.
#
#   bench/polly-quota.sh [PARTS [ENGINES]]      (default 400 and neural,standard)
#   REDIS_URL=redis://127.0.0.1:6379 bench/polly-quota.sh    (the limiter shared through Redis)
exec "$(dirname "${BASH_SOURCE[0]}")/run.sh" PollyQuotaBench "$@"
