#!/usr/bin/env bash
# Benchmark: `clemency synth` of a 1.3 million-person CA population (seed 1,
# as of 2026-01-01), RUNS times under /usr/bin/time into a scratch directory
# (bench/out/synth-scratch, removed after each run); prints wall seconds,
# output MB/s and peak resident memory per run, then the medians.
#   usage: bench/synth.sh [PEOPLE] [RUNS]
#   CLEMENCY_BIN=path/to/clemency to use another build (default build/clemency)
set -euo pipefail
cd "$(dirname "$0")/.."
people=${1:-1300000}
runs=${2:-3}
bin=${CLEMENCY_BIN:-build/clemency}
[ -x "$bin" ] || { echo "synth.sh: $bin not found: build first (make build)" >&2; exit 2; }
out=bench/out/synth-scratch
times=bench/out/synth.times
mkdir -p bench/out
: > "$times"
for i in $(seq "$runs"); do
  rm -rf "$out"
  /usr/bin/time -f "%e %M %U %S" -o bench/out/time.txt \
    "$bin" synth --jurisdiction CA --people "$people" --seed 1 --as-of 2026-01-01 -o "$out" > bench/out/synth.stdout
  read -r secs kb user sys < bench/out/time.txt
  bytes=$(cat "$out"/*.csv | wc -c)
  echo "$secs $kb" >> "$times"
  awk -v s="$secs" -v kb="$kb" -v b="$bytes" -v u="$user" -v y="$sys" -v i="$i" 'BEGIN {
    printf "run %d: %.2f s wall (%.2f s CPU), %.0f MB written, %.0f MB/s, peak RSS %.0f MiB\n", i, s, u + y, b / 1e6, b / 1e6 / s, kb / 1024 }'
done
cat bench/out/synth.stdout
rm -rf "$out"
sort -g -k1,1 "$times" | awk '{ s[NR] = $1 } END { printf "median: %.2f s wall\n", s[int((NR + 1) / 2)] }'
sort -g -k2,2 "$times" | awk '{ k[NR] = $2 } END { printf "median peak RSS: %.0f MiB\n", k[int((NR + 1) / 2)] / 1024 }'
