#!/usr/bin/env bash
# Benchmark: load + validate a 1.3 million-person synthetic population.
# Generates it once into bench/out/ (seed 1, as of 2026-01-01), then runs
# `clemency validate` RUNS times under /usr/bin/time and prints wall seconds,
# input MB/s and peak resident memory for each run, then the medians.
# Results go in BENCHMARKS.md.
#   usage: bench/load_validate.sh [PEOPLE] [RUNS]
#   CLEMENCY_BIN=path/to/clemency to use another build (default build/clemency)
set -euo pipefail
cd "$(dirname "$0")/.."
people=${1:-1300000}
runs=${2:-3}
bin=${CLEMENCY_BIN:-build/clemency}
[ -x "$bin" ] || { echo "load_validate.sh: $bin not found: build first (make build)" >&2; exit 2; }
data=bench/out/ca-$people
if [ ! -f "$data/sentences.csv" ]; then
  mkdir -p bench/out
  /usr/bin/time -f "synth: %e s wall, %M KB peak RSS" \
    "$bin" synth --jurisdiction CA --people "$people" --seed 1 --as-of 2026-01-01 -o "$data"
fi
bytes=$(cat "$data"/*.csv | wc -c)
echo "input: $(ls "$data" | tr '\n' ' ')= $((bytes / 1000000)) MB"
echo "people.csv: $(($(wc -l < "$data/people.csv") - 1)) rows; sentences.csv: $(($(wc -l < "$data/sentences.csv") - 1)) rows"
times=bench/out/load_validate.times
: > "$times"
for i in $(seq "$runs"); do
  /usr/bin/time -f "%e %M" -o bench/out/time.txt "$bin" validate "$data" --as-of 2026-01-01 >/dev/null
  read -r secs kb < bench/out/time.txt
  echo "$secs $kb" >> "$times"
  awk -v s="$secs" -v kb="$kb" -v b="$bytes" 'BEGIN {
    printf "run %d: %.2f s wall, %.0f MB/s, peak RSS %.0f MiB (%.2f x input)\n", '"$i"', s, b / 1e6 / s, kb / 1024, kb * 1024 / b }'
done
# Medians of the runs (the middle one; the lower middle for an even count).
sort -n -k1,1 "$times" | awk -v b="$bytes" '{ s[NR] = $1 } END { m = s[int((NR + 1) / 2)]
  printf "median: %.2f s wall, %.0f MB/s\n", m, b / 1e6 / m }'
sort -n -k2,2 "$times" | awk -v b="$bytes" '{ k[NR] = $2 } END { m = k[int((NR + 1) / 2)]
  printf "median peak RSS: %.0f MiB (%.2f x input)\n", m / 1024, m * 1024 / b }'
