#!/usr/bin/env bash
# Benchmark: load + validate a 1.3 million-person synthetic population.
# Generates it once into bench/out/ (seed 1, as of 2026-01-01), then runs
# `clemency validate` RUNS times under /usr/bin/time and prints wall seconds,
# input MB/s and peak resident memory for each run. Results go in BENCHMARKS.md.
#   usage: bench/load_validate.sh [PEOPLE] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
people=${1:-1300000}
runs=${2:-3}
bin=build/clemency
data=bench/out/ca-$people
if [ ! -f "$data/sentences.csv" ]; then
  mkdir -p bench/out
  /usr/bin/time -f "synth: %e s wall, %M KB peak RSS" \
    "$bin" synth --jurisdiction CA --people "$people" --seed 1 --as-of 2026-01-01 -o "$data"
fi
bytes=$(cat "$data"/*.csv | wc -c)
echo "input: $(ls "$data") = $((bytes / 1000000)) MB"
echo "people.csv: $(($(wc -l < "$data/people.csv") - 1)) rows; sentences.csv: $(($(wc -l < "$data/sentences.csv") - 1)) rows"
for i in $(seq "$runs"); do
  /usr/bin/time -f "%e %M" -o bench/out/time.txt "$bin" validate "$data" --as-of 2026-01-01 >/dev/null
  read -r secs kb < bench/out/time.txt
  awk -v s="$secs" -v kb="$kb" -v b="$bytes" 'BEGIN {
    printf "run: %.2f s wall, %.0f MB/s, peak RSS %.0f MB (%.2f x input)\n", s, b / 1e6 / s, kb / 1024, kb * 1024 / b }'
done
