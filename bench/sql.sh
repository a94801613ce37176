#!/usr/bin/env bash
# clemency sql against the engine (BENCHMARKS.md, "Policies compiled to SQL"):
# redemption-2020 with its default parameters, as of 2026-01-01, over the same
# 1.3 million-person synthetic California (bench/out/ca-1300000), by
#   engine            `clemency screen` (every output file: screening.csv,
#                     reasons.jsonl, summary.json, candidates.xlsx, eligible_on)
#   sql-duckdb        the script of `clemency sql --dialect duckdb`, run in an
#                     in-memory DuckDB (tests/sqlgen/run_duckdb.mjs), every core
#   sql-duckdb-1t     the same on one thread (DUCKDB_THREADS=1)
#   sql-postgres      the script of `clemency sql --dialect postgres`, run by psql
#                     on a PostgreSQL 15 server started here (default settings)
#   sql-postgres-jit  the same with the script's `SET jit = off` removed
# Each script loads the CSV files itself, so its time includes loading. Each
# runs RUNS times, taking turns, under /usr/bin/time (wall seconds, peak RSS
# of the client: the PostgreSQL server's memory is not in it). Then every
# output is checked against the engine's screening.csv, person by person, on
# status, groups, excluded_by, priority, rank and current_law_excess_days.
#   usage: bench/sql.sh [PEOPLE] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
people=${1:-1300000}
runs=${2:-3}
bin=${CLEMENCY_BIN:-build/clemency}
as_of=2026-01-01
data=$PWD/bench/out/ca-$people
work=$PWD/bench/out/sql
pgbin=/usr/lib/postgresql/15/bin
[ -x "$bin" ] || { echo "sql.sh: $bin not found: build first (make build)" >&2; exit 2; }
[ -d tests/sqlgen/node_modules/@duckdb/node-api ] || { echo "sql.sh: run scripts/install-deps.sh first" >&2; exit 2; }
if [ ! -f "$data/sentences.csv" ]; then
  mkdir -p bench/out
  "$bin" synth --jurisdiction CA --people "$people" --seed 1 --as-of "$as_of" -o "$data"
fi
rm -rf "$work" && mkdir -p "$work"
chmod a+rx "$work"

# A PostgreSQL server of our own (as the `postgres` user when root, as the tests do).
pgdir=$work/pg
mkdir -p "$pgdir"
as_pg=()
if [ "$(id -u)" -eq 0 ]; then chown postgres "$pgdir"; as_pg=(runuser -u postgres --); fi
"${as_pg[@]}" "$pgbin/initdb" -D "$pgdir/data" -A trust -U postgres >/dev/null
port=$((20000 + RANDOM % 20000))
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -o "-k $pgdir -p $port -c listen_addresses=''" -w start >/dev/null
trap '"${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -m fast -w stop >/dev/null' EXIT

common="--policy redemption-2020 --as-of $as_of --data $data"
echo "input: $data: $people people; $(nproc) cores; $(date -u +%F); PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}')," \
  "DuckDB $(node -p "require('./tests/sqlgen/node_modules/@duckdb/node-api/package.json').version")"
for d in duckdb postgres; do
  /usr/bin/time -f "%e %M" -o "$work/gen.txt" "$bin" sql $common --dialect $d -o "$work/$d" >/dev/null
  echo "clemency sql --dialect $d: $(awk '{printf "%.2f s, %d MiB", $1, $2 / 1024}' "$work/gen.txt")" \
    "(loading and validating the data, the crosswalk; $(wc -c < "$work/$d/screen.sql") bytes of SQL)"
done
sed '/^SET jit = off;$/d' "$work/postgres/screen.sql" > "$work/postgres/screen-jit.sql"
chmod -R a+rX "$work"

run() {  # name command... -> appends "name secs kb"
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >"$work/$name.log" 2>&1 ||
    { echo "sql.sh: $name failed:" >&2; tail -5 "$work/$name.log" >&2; exit 1; }
  echo "$name $(cat "$work/time.txt")" >> "$work/times.txt"
}
psql_run=(psql -X -q -v ON_ERROR_STOP=1 -h "$pgdir" -p "$port" -U postgres -d postgres -f)
for i in $(seq "$runs"); do
  run engine "$bin" screen $common -o "$work/engine"
  run sql-duckdb node tests/sqlgen/run_duckdb.mjs "$work/duckdb/screen.sql"
  run sql-duckdb-1t env DUCKDB_THREADS=1 node tests/sqlgen/run_duckdb.mjs "$work/duckdb/screen.sql"
  run sql-postgres "${psql_run[@]}" "$work/postgres/screen.sql"
  run sql-postgres-jit "${psql_run[@]}" "$work/postgres/screen-jit.sql"
done
echo "median of $runs (wall seconds, peak RSS of the client process):"
awk '{ t[$1] = t[$1] " " $2; m[$1] = m[$1] " " $3 } END { for (k in t) print k, t[k], "|", m[k] }' "$work/times.txt" |
  while read -r name rest; do
    secs=$(echo "${rest%%|*}" | tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
    kb=$(echo "${rest##*|}" | tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
    printf "  %-18s %7.2f s %7d MiB\n" "$name" "$secs" $((kb / 1024))
  done | sort -k2 -g

# Every person, every column, against the engine.
/usr/bin/python3 - "$work/engine/screening.csv" "$work/duckdb/screening.csv" "$work/postgres/screening.csv" <<'PY'
import csv, sys
cols = ["status", "groups", "excluded_by", "priority", "rank", "current_law_excess_days"]
def load(p):
    with open(p, newline="") as f:
        return {r["person_id"]: r for r in csv.DictReader(f)}
ref = load(sys.argv[1])
for path in sys.argv[2:]:
    got = load(path)
    bad = sum(1 for k, r in ref.items() for c in cols
              if k not in got or (r[c] != got[k][c] and not (c == "priority" and r[c] and got[k][c]
                                                           and abs(float(r[c]) - float(got[k][c])) <= 1.000001e-4)))
    print(f"{path}: {len(got):,} people, {bad} values differ from the engine's" + ("" if len(got) == len(ref) else " (row count differs)"))
    if bad or len(got) != len(ref): sys.exit(1)
PY
