#!/usr/bin/env bash
# Benchmark: `clemency serve` over the 1.3 million-person snapshot (made by
# bench/simulate.sh's steps if missing): the dashboard's slider round trip in
# Chromium (bench/serve_roundtrip.mjs), then a bounded load test on loopback
# (build/bench/serve_load: CLIENTS clients for SECONDS). Results go in
# BENCHMARKS.md section 8.
#   usage: bench/serve.sh [MOVES] [CLIENTS] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
moves=${1:-30}
clients=${2:-50}
seconds=${3:-20}
bin=${CLEMENCY_BIN:-build/clemency}
data=bench/out/ca-1300000
snap=$data.snap
if [ ! -f "$snap" ]; then
  [ -f "$data/sentences.csv" ] || "$bin" synth --jurisdiction CA --people 1300000 --seed 1 --as-of 2026-01-01 -o "$data"
  "$bin" validate "$data" --as-of 2026-01-01 --save "$snap" > /dev/null
fi
port_file=bench/out/serve.port
rm -f "$port_file"
"$bin" serve --data "$snap" --policy redemption-2020 --as-of 2026-01-01 --port 0 --port-file "$port_file" \
  > bench/out/serve.stdout 2> bench/out/serve.stderr &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 300); do [ -s "$port_file" ] && break; sleep 0.2; done
port=$(cat "$port_file")
echo "clemency serve on 127.0.0.1:$port, $snap (1.3 million people), $(nproc) cores"
node bench/serve_roundtrip.mjs "$port" "$moves"
build/bench/serve_load "$port" "$clients" "$seconds"
echo "server's peak resident memory: $(awk '/VmHWM/ {printf "%.0f MiB", $2 / 1024}' /proc/$server/status)"
kill $server
wait $server || true
