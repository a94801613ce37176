#!/usr/bin/env bash
# End-to-end comparison (DESIGN.md section 7): redemption-2020 with its default
# parameters over the same CSVs (the 1.3 million-person synthetic population,
# as of 2026-01-01), current_law.excess under the California reforms of
# rules/reforms/CA.toml (each other system re-implements them), by
#   clemency-all   `clemency screen`: screening.csv, reasons.jsonl, summary.json,
#                  candidates.xlsx, eligible_on (the --timings stages are kept too)
#   clemency-csv   bench/screen_csv_only: the same load, validation and screening
#                  (eligible_on included), screening.csv only
#   duckdb         bench/compare/redemption_duckdb.mjs (@duckdb/node-api, in memory,
#                  one thread per core)
#   duckdb-1t      the same with DUCKDB_THREADS=1 (Clemency runs on one thread)
#   pandas         bench/compare/redemption_pandas.py (Debian's python3-pandas)
#   sqlite         bench/compare/redemption_sqlite.sql (sqlite3 CLI, in memory), which
#                  .reads tests/differential/ca_current_law.sql (linked into its work dir)
# Each runs RUNS times, the systems taking turns within a round, under
# /usr/bin/time; prints the median wall seconds and peak RSS of each and the
# ratios of the medians, then checks that all six outputs agree (counts by
# status, and row by row person_id,status,groups,excluded_by,priority,rank).
#   usage: bench/compare.sh [PEOPLE] [RUNS]
#   CLEMENCY_BIN=path/to/clemency        (default build/clemency)
#   SCREEN_CSV_ONLY=path/to/screen_csv_only (default build/bench/screen_csv_only)
# Needs node + npm (installs bench/compare/node_modules with `npm ci` when
# missing), /usr/bin/python3 with python3-pandas, sqlite3 and GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
people=${1:-1300000}
runs=${2:-3}
bin=${CLEMENCY_BIN:-build/clemency}
csv_only=${SCREEN_CSV_ONLY:-build/bench/screen_csv_only}
as_of=2026-01-01
data=bench/out/ca-$people
work=bench/out/compare
here=bench/compare

for tool in "$bin" "$csv_only"; do
  [ -x "$tool" ] || { echo "compare.sh: $tool not found: build first (make build)" >&2; exit 2; }
done
for cmd in node npm sqlite3 /usr/bin/time; do
  command -v "$cmd" >/dev/null || { echo "compare.sh: $cmd is missing (apt-get install nodejs npm sqlite3 time)" >&2; exit 2; }
done
/usr/bin/python3 -c 'import pandas' 2>/dev/null ||
  { echo "compare.sh: /usr/bin/python3 has no pandas (apt-get install python3-pandas)" >&2; exit 2; }
[ -d "$here/node_modules/@duckdb/node-api" ] || (cd "$here" && npm ci --no-audit --no-fund >&2)

if [ ! -f "$data/sentences.csv" ]; then
  mkdir -p bench/out
  "$bin" synth --jurisdiction CA --people "$people" --seed 1 --as-of "$as_of" -o "$data"
fi
mkdir -p "$work/sqlite"
# The CA offense catalog as CSV for the other systems (Clemency reads the TOML itself).
"$here/export_catalog.py" rules/offenses/CA.toml "$work/offenses-CA.csv"
ln -sf "$(realpath "$data/people.csv")" "$work/sqlite/people.csv"
ln -sf "$(realpath "$data/sentences.csv")" "$work/sqlite/sentences.csv"
ln -sf "$(realpath "$work/offenses-CA.csv")" "$work/sqlite/offenses.csv"
# current_law.excess, shared with the differential test (redemption_sqlite.sql .reads it).
ln -sf "$(realpath tests/differential/ca_current_law.sql)" "$work/sqlite/ca_current_law.sql"
bytes=$(cat "$data/people.csv" "$data/sentences.csv" | wc -c)
echo "input: $data: $people people, $(($(wc -l < "$data/sentences.csv") - 1)) sentences," \
  "people.csv + sentences.csv = $((bytes / 1000000)) MB; $(nproc) cores; $(date -u +%F)"
echo "versions: clemency $("$bin" --version 2>/dev/null | head -1 || echo '?'), duckdb $(node -p \
  "require('./$here/node_modules/@duckdb/node-api/package.json').version"), pandas $(/usr/bin/python3 -c \
  'import pandas; print(pandas.__version__)'), sqlite $(sqlite3 --version | cut -d' ' -f1)"

# What starting each runtime costs, included in its times below: node + the
# DuckDB library + an in-memory database running `SELECT 1`; python3 + import pandas.
startup() {  # label command... -> median wall seconds of RUNS runs
  local label=$1; shift
  for i in $(seq "$runs"); do /usr/bin/time -f "%e" -o "$work/time.txt" "$@" > /dev/null; cat "$work/time.txt"; done |
    sort -g | awk -v l="$label" '{ v[NR] = $1 } END { printf "  %-44s %5.2f s\n", l, v[int((NR + 1) / 2)] }'
}
echo "startup (median of $runs):"
startup "node + @duckdb/node-api, SELECT 1" node --input-type=module -e \
  "import { DuckDBInstance } from '$(realpath "$here")/node_modules/@duckdb/node-api/lib/index.js';
   const c = await (await DuckDBInstance.create(':memory:')).connect(); await c.run('SELECT 1');"
startup "python3 + import pandas" /usr/bin/python3 -c 'import pandas'
startup "sqlite3 SELECT 1" sqlite3 :memory: 'SELECT 1'

systems=(clemency-all clemency-csv duckdb duckdb-1t pandas sqlite)
run_one() {  # name -> appends "name secs kb" to $times
  local name=$1
  case $name in
    clemency-all)
      rm -rf "$work/clemency-all"
      /usr/bin/time -f "%e %M %U %S" -o "$work/time.txt" "$bin" screen --data "$data" --policy redemption-2020 \
        --as-of "$as_of" -o "$work/clemency-all" --timings > /dev/null 2> "$work/clemency-all.stderr"
      grep '^timings:' "$work/clemency-all.stderr" >> "$work/clemency-all.timings" || true ;;
    clemency-csv)
      /usr/bin/time -f "%e %M %U %S" -o "$work/time.txt" "$csv_only" "$data" "$work/clemency-csv.csv" "$as_of" \
        > /dev/null 2> "$work/clemency-csv.stderr"
      grep '^timings:' "$work/clemency-csv.stderr" >> "$work/clemency-csv.timings" || true ;;
    duckdb)
      /usr/bin/time -f "%e %M %U %S" -o "$work/time.txt" node "$here/redemption_duckdb.mjs" "$data" \
        "$work/offenses-CA.csv" "$work/duckdb.csv" "$as_of" > /dev/null ;;
    duckdb-1t)
      DUCKDB_THREADS=1 /usr/bin/time -f "%e %M %U %S" -o "$work/time.txt" node "$here/redemption_duckdb.mjs" "$data" \
        "$work/offenses-CA.csv" "$work/duckdb-1t.csv" "$as_of" > /dev/null ;;
    pandas)
      /usr/bin/time -f "%e %M %U %S" -o "$work/time.txt" /usr/bin/python3 "$here/redemption_pandas.py" "$data" \
        "$work/offenses-CA.csv" "$work/pandas.csv" "$as_of" > /dev/null ;;
    sqlite)
      (cd "$work/sqlite" && /usr/bin/time -f "%e %M %U %S" -o ../time.txt sqlite3 < "../../../compare/redemption_sqlite.sql") ;;
  esac
  read -r secs kb user sys < "$work/time.txt"
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN{print u + s}')
  echo "$name $secs $kb $cpu" >> "$times"
  printf '  %-13s %7.2f s wall  %7.2f s CPU  %6.0f MiB\n' "$name" "$secs" "$cpu" "$(awk -v k="$kb" 'BEGIN{print k/1024}')"
}
times=$work/times.txt
: > "$times"
rm -f "$work"/*.timings
for i in $(seq "$runs"); do
  echo "round $i:"
  for s in "${systems[@]}"; do run_one "$s"; done
done

# Medians (the middle run; the lower middle for an even count) and ratios.
median() { awk -v n="$1" -v c="$2" '$1 == n { print $c }' "$times" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
declare -A secs mb cpu
for s in "${systems[@]}"; do
  secs[$s]=$(median "$s" 2)
  cpu[$s]=$(median "$s" 4)
  mb[$s]=$(awk -v k="$(median "$s" 3)" 'BEGIN{printf "%.0f", k/1024}')
done
echo
echo "median of $runs runs (wall seconds; user + system CPU seconds; peak RSS;"
echo "wall time / the other system's wall time: < 1 is faster)"
printf '%-13s %9s %9s %9s %9s %9s %9s\n' system "wall s" "CPU s" "RSS MiB" "/duckdb" "/pandas" "/sqlite"
for s in "${systems[@]}"; do
  printf '%-13s %9.2f %9.2f %9s %9.2f %9.2f %9.2f\n' "$s" "${secs[$s]}" "${cpu[$s]}" "${mb[$s]}" \
    "$(awk -v a="${secs[$s]}" -v b="${secs[duckdb]}" 'BEGIN{print a/b}')" \
    "$(awk -v a="${secs[$s]}" -v b="${secs[pandas]}" 'BEGIN{print a/b}')" \
    "$(awk -v a="${secs[$s]}" -v b="${secs[sqlite]}" 'BEGIN{print a/b}')"
done
for s in clemency-all clemency-csv; do
  echo "$s --timings (each run): $(sed 's/^timings: //' "$work/$s.timings" | paste -sd'|' | sed 's/|/ | /g')"
done
echo
"$here/compare_outputs.py" "clemency-all=$work/clemency-all/screening.csv" "clemency-csv=$work/clemency-csv.csv" \
  "duckdb=$work/duckdb.csv" "duckdb-1t=$work/duckdb-1t.csv" "pandas=$work/pandas.csv" "sqlite=$work/sqlite/redemption_sqlite.csv"
