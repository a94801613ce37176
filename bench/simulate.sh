#!/usr/bin/env bash
# Benchmark: `clemency simulate` of the 1.3 million-person synthetic population
# (as of 2026-01-01) with redemption-2020's eligible people queued for a board
# of 2,000 decisions a month, 10 years monthly, 1,000 replicates, on every core.
# The population is read from its snapshot (clemency validate --save), made once
# into bench/out/. Runs RUNS times under /usr/bin/time and prints, per run and
# as medians, the stages `--timings` reports (load, screen, replicates,
# figures), the wall time and the peak resident memory. Results go in
# BENCHMARKS.md.
#   usage: bench/simulate.sh [PEOPLE] [RUNS] [REPLICATES]
#   CLEMENCY_BIN=path/to/clemency to use another build (default build/clemency)
set -euo pipefail
cd "$(dirname "$0")/.."
people=${1:-1300000}
runs=${2:-3}
replicates=${3:-1000}
bin=${CLEMENCY_BIN:-build/clemency}
[ -x "$bin" ] || { echo "simulate.sh: $bin not found: build first (make build)" >&2; exit 2; }
data=bench/out/ca-$people
snap=$data.snap
if [ ! -f "$data/sentences.csv" ]; then
  mkdir -p bench/out
  "$bin" synth --jurisdiction CA --people "$people" --seed 1 --as-of 2026-01-01 -o "$data"
fi
if [ ! -f "$snap" ] || [ "$snap" -ot "$data/sentences.csv" ]; then
  "$bin" validate "$data" --as-of 2026-01-01 --save "$snap" > /dev/null
fi
out=bench/out/simulate
rows=bench/out/simulate.times
: > "$rows"
echo "input: $snap, $people people; 10 years monthly, $replicates replicates, $(nproc) cores"
for i in $(seq "$runs"); do
  rm -rf "$out"
  /usr/bin/time -f "%e %M %U %S" -o bench/out/time.txt \
    "$bin" simulate --data "$snap" --policy redemption-2020 --as-of 2026-01-01 --years 10 \
      --replicates "$replicates" --seed 1 --board-capacity 2000 --grant-rate uniform:0.3,0.6 --target 30000 \
      -o "$out" --timings > bench/out/simulate.stdout 2> bench/out/simulate.stderr
  read -r secs kb user sys < bench/out/time.txt
  # timings: load X s, screen Y s, replicates Z s, figures W s
  t=$(grep '^timings:' bench/out/simulate.stderr) || { cat bench/out/simulate.stderr >&2; exit 1; }
  field() { sed -E "s/.*$1 ([0-9.]+) s.*/\\1/" <<< "$t"; }
  echo "$secs $kb $(field load) $(field screen) $(field replicates) $(field figures)" >> "$rows"
  printf 'run %d: load %s s, screen %s s, replicates %s s, figures %s s; total %s s wall (%s s CPU), peak RSS %.0f MiB\n' \
    "$i" "$(field load)" "$(field screen)" "$(field replicates)" "$(field figures)" "$secs" \
    "$(awk -v u="$user" -v s="$sys" 'BEGIN{print u+s}')" "$(awk -v k="$kb" 'BEGIN{print k/1024}')"
done
median() { sort -n | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
col() { awk -v c="$1" '{print $c}' "$rows" | median; }
printf 'median of %d: load %s s, screen %s s, replicates %s s, figures %s s; total %s s wall, peak RSS %.0f MiB\n' \
  "$runs" "$(col 3)" "$(col 4)" "$(col 5)" "$(col 6)" "$(col 1)" "$(col 2 | awk '{print $1/1024}')"
