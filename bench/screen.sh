#!/usr/bin/env bash
# Benchmark: `clemency screen` of the 1.3 million-person synthetic population
# against redemption-2020 (as of 2026-01-01), every output written
# (screening.csv, reasons.jsonl, summary.json, candidates.xlsx). Runs RUNS
# times under /usr/bin/time and prints, per run and as medians, the stages that
# `--timings` reports (load, screen, write), the total wall time and the peak
# resident memory. The population is generated once into bench/out/ (as by
# bench/load_validate.sh). Results go in BENCHMARKS.md.
#   usage: bench/screen.sh [PEOPLE] [RUNS]
#   CLEMENCY_BIN=path/to/clemency to use another build (default build/clemency)
set -euo pipefail
cd "$(dirname "$0")/.."
people=${1:-1300000}
runs=${2:-3}
bin=${CLEMENCY_BIN:-build/clemency}
[ -x "$bin" ] || { echo "screen.sh: $bin not found: build first (make build)" >&2; exit 2; }
data=bench/out/ca-$people
out=bench/out/screen
if [ ! -f "$data/sentences.csv" ]; then
  mkdir -p bench/out
  "$bin" synth --jurisdiction CA --people "$people" --seed 1 --as-of 2026-01-01 -o "$data"
fi
bytes=$(cat "$data"/*.csv | wc -c)
echo "input: $data = $((bytes / 1000000)) MB, $people people, $(($(wc -l < "$data/sentences.csv") - 1)) sentences"
rows=bench/out/screen.times
: > "$rows"
for i in $(seq "$runs"); do
  rm -rf "$out"
  /usr/bin/time -f "%e %M" -o bench/out/time.txt \
    "$bin" screen --data "$data" --policy redemption-2020 --as-of 2026-01-01 -o "$out" --timings \
    > bench/out/screen.stdout 2> bench/out/screen.stderr
  read -r secs kb < bench/out/time.txt
  # timings: load X s, screen Y s (N eligible_on passes), write Z s
  t=$(grep '^timings:' bench/out/screen.stderr) || { cat bench/out/screen.stderr >&2; exit 1; }
  load=$(sed -E 's/.*load ([0-9.]+) s.*/\1/' <<< "$t")
  scr=$(sed -E 's/.*screen ([0-9.]+) s.*/\1/' <<< "$t")
  write=$(sed -E 's/.*write ([0-9.]+) s.*/\1/' <<< "$t")
  echo "$secs $kb $load $scr $write" >> "$rows"
  printf 'run %d: load %s s, screen %s s, write %s s, total %s s wall, peak RSS %.0f MiB (%.2f x input)\n' \
    "$i" "$load" "$scr" "$write" "$secs" "$(awk -v k="$kb" 'BEGIN{print k/1024}')" \
    "$(awk -v k="$kb" -v b="$bytes" 'BEGIN{print k*1024/b}')"
done
cat bench/out/screen.stdout
echo "$t"
echo "outputs: $(cd "$out" && for f in *; do printf '%s %s MB  ' "$f" "$(( $(stat -c %s "$f") / 1000000 ))"; done)"
median() { sort -g -k"$1","$1" "$rows" | awk -v c="$1" '{ v[NR] = $c } END { print v[int((NR + 1) / 2)] }'; }
kb=$(median 2)
printf 'median: load %s s, screen %s s, write %s s, total %s s wall, peak RSS %.0f MiB (%.2f x input)\n' \
  "$(median 3)" "$(median 4)" "$(median 5)" "$(median 1)" \
  "$(awk -v k="$kb" 'BEGIN{print k/1024}')" "$(awk -v k="$kb" -v b="$bytes" 'BEGIN{print k*1024/b}')"
