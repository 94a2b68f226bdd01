#!/usr/bin/env bash
# A local stand-in for Amazon Polly (REST-JSON protocol, token bucket per engine at Polly's quotas,
# latency in proportion to the text; speech from eSpeak NG at a level per voice), for running the local runtime on "Polly" without an account:
#
#   bench/polly-stub.sh --port 4566 [--quotas neural=8,standard=80] [--latency-ms 40] [--ms-per-char 0.25] [--silent]
#   POLLY_ENDPOINT=http://127.0.0.1:4566 ./etoaudiobook serve --engine polly
exec "$(dirname "${BASH_SOURCE[0]}")/run.sh" PollyStubServer "$@"
