#!/usr/bin/env bash
# The whole test suite: Java unit, handler and end-to-end tests (real eSpeak NG, S3Proxy, ElasticMQ,
# Redis, ffmpeg as the decoder), then the frontend's unit tests, build budget and browser e2e
# against the local runtime. Installs what it needs when run as root.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$here"

need=()
ldconfig -p | grep -q 'libespeak-ng\.so\.1' || need+=(libespeak-ng1 espeak-ng-data)
command -v espeak-ng >/dev/null || need+=(espeak-ng)
command -v ffprobe >/dev/null || need+=(ffmpeg)
command -v lame >/dev/null || need+=(lame)
ldconfig -p | grep -q 'libmp3lame\.so\.0' || need+=(libmp3lame0)   # the native encoder's tests
if [ -d frontend ] && [ ! -x /usr/bin/chromium ]; then need+=(chromium); fi
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing: ${need[*]}"
    apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}" >/dev/null
  else
    echo "Missing packages: ${need[*]} (sudo apt-get install ${need[*]})" >&2
    exit 3
  fi
fi
if command -v redis-cli >/dev/null && ! redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 && command -v redis-server >/dev/null; then
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" >/dev/null
fi

export AWS_EMF_ENVIRONMENT=Local
mvn -B -ntp verify

if [ -f frontend/package.json ]; then
  npm --prefix frontend ci --no-audit --no-fund
  npm --prefix frontend test
  npm --prefix frontend run build
  if [ -f frontend/e2e/e2e.mjs ]; then
    data="$(mktemp -d)"
    log="$data/serve.log"
    # port 0: any free port, read back from what the runtime prints, so nothing else answers
    ./etoaudiobook serve --port 0 --data "$data/data" >"$log" 2>&1 &
    pid=$!
    trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
    base=""
    for _ in $(seq 1 240); do
      base="$(grep -o 'web page    http://127.0.0.1:[0-9]*/' "$log" | grep -o 'http://.*' || true)"
      [ -n "$base" ] && curl -fsS "${base}health" >/dev/null 2>&1 && break
      kill -0 $pid 2>/dev/null || { cat "$log"; exit 1; }
      sleep 0.5
    done
    [ -n "$base" ] || { echo "the local runtime did not start"; cat "$log"; exit 1; }
    BASE_URL="${base%/}" node frontend/e2e/e2e.mjs || { tail -50 "$log"; exit 1; }
  fi
fi
